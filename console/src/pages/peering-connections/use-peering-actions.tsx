import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import type { ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { navigate } from '../../router/navigate';
import { useSession } from '../../session/session-context';
import { ManageTagsModal } from '../../shared/manage-tags-modal';
import { useNotifications } from '../../shared/notifications';
import { S } from '../../strings';
import { AcceptDialog } from './accept-dialog';
import { DeleteDialog } from './delete-dialog';
import { EditDnsDialog } from './edit-dns-dialog';
import { EstablishedDialog } from './established-dialog';
import { RejectDialog } from './reject-dialog';
import type { Availability, PeeringPermissions } from './peering-permissions';
import { peeringPermissions } from './peering-permissions';

type Dialog = 'accept' | 'established' | 'reject' | 'delete' | 'dns' | 'tags';

export interface PeeringActions {
  readonly menu: ReactNode;
  readonly dialogs: ReactNode;
  readonly permissions: PeeringPermissions | undefined;
  /** Opens a dialog from elsewhere on the page (the DNS tab's Edit button). */
  open(dialog: 'accept' | 'reject' | 'delete' | 'dns'): void;
}

/**
 * Reachability for this connection: from an instance (or interface) in our side's VPC, to one in
 * the other side's VPC when we can see it here, else to the connection itself (a valid
 * destination: Reachability Analyzer guide, how it works).
 */
function analyzeHref(c: VpcPeeringConnection, ownSides: readonly string[]): string {
  const fromRequester = ownSides.includes('requester');
  const from = fromRequester ? c.RequesterVpcInfo : c.AccepterVpcInfo;
  const to = fromRequester ? c.AccepterVpcInfo : c.RequesterVpcInfo;
  const q = new URLSearchParams({ sourceVpc: from?.VpcId ?? '', pcx: c.VpcPeeringConnectionId ?? '' });
  if (to?.OwnerId === from?.OwnerId && to?.Region === from?.Region && to?.VpcId) q.set('destinationVpc', to.VpcId);
  return `/reachability/create?${q.toString()}`;
}

function item(id: string, text: string, availability: Availability | undefined): ButtonDropdownProps.Item {
  if (!availability) return { id, text, disabled: true, disabledReason: S.permissions.selectFirst };
  return availability.allowed ? { id, text } : { id, text, disabled: true, disabledReason: availability.reason };
}

/**
 * The Actions menu for one connection and the dialogs behind it. Items the caller may not use are
 * disabled with the reason as their tooltip. `onChanged` gets what a write returned (Accept's
 * `provisioning` connection) so the page can show it until the next read settles it.
 */
export function usePeeringActions(c: VpcPeeringConnection | undefined, onChanged: (updated?: VpcPeeringConnection) => void): PeeringActions {
  const { session } = useSession();
  const { notify } = useNotifications();
  const [dialog, setDialog] = useState<Dialog>();
  const [target, setTarget] = useState<VpcPeeringConnection>();
  const permissions = c ? peeringPermissions(c, session) : undefined;
  const id = c?.VpcPeeringConnectionId ?? '';

  const menu = (
    <ButtonDropdown
      items={[
        item('accept', S.peeringActions.accept, permissions?.accept),
        item('reject', S.peeringActions.reject, permissions?.reject),
        item('edit-dns', S.peeringActions.editDns, permissions?.editDns),
        item('tags', S.tags.manage, permissions && { allowed: true }),
        item('delete', S.peeringActions.delete, permissions?.delete),
        item('analyze', S.reachability.analyzeReachability, permissions && (permissions.ownSides.length > 0 ? { allowed: true } : { allowed: false, reason: S.reachability.analyzeElsewhere })),
      ]}
      onItemClick={({ detail }) => {
        if (detail.id === 'analyze') {
          if (c && permissions) navigate(analyzeHref(c, permissions.ownSides));
          return;
        }
        setTarget(c);
        setDialog(detail.id === 'edit-dns' ? 'dns' : (detail.id as Dialog));
      }}
    >
      {S.actions.actions}
    </ButtonDropdown>
  );

  const close = (): void => setDialog(undefined);
  const shown = target ?? c;
  const targetPermissions = shown ? peeringPermissions(shown, session) : undefined;
  let dialogs: ReactNode = null;
  if (shown && targetPermissions) {
    const targetId = shown.VpcPeeringConnectionId ?? id;
    if (dialog === 'accept') {
      dialogs = (
        <AcceptDialog
          c={shown}
          permissions={targetPermissions}
          onDismiss={close}
          onAccepted={(updated) => {
            onChanged(updated);
            setDialog('established');
          }}
        />
      );
    } else if (dialog === 'established') {
      // The VPCs of this connection that this account manages here: their route tables are next.
      const vpcs = [
        targetPermissions.ownSides.includes('requester') ? shown.RequesterVpcInfo?.VpcId : undefined,
        targetPermissions.ownSides.includes('accepter') ? shown.AccepterVpcInfo?.VpcId : undefined,
      ].filter((v): v is string => v !== undefined);
      dialogs = (
        <EstablishedDialog
          id={targetId}
          onClose={close}
          onModifyRoutes={() => {
            close();
            navigate(`/route-tables?${vpcs.map((v) => `vpcId=${encodeURIComponent(v)}`).join('&')}`);
          }}
        />
      );
    } else if (dialog === 'reject') {
      dialogs = (
        <RejectDialog
          c={shown}
          onDismiss={close}
          onDone={() => {
            close();
            notify({ type: 'success', content: S.rejectDialog.done(targetId) });
            onChanged();
          }}
        />
      );
    } else if (dialog === 'delete') {
      dialogs = (
        <DeleteDialog
          c={shown}
          onDismiss={close}
          onDone={() => {
            close();
            notify({ type: 'success', content: S.deleteDialog.done(targetId) });
            onChanged();
          }}
        />
      );
    } else if (dialog === 'tags') {
      dialogs = <ManageTagsModal resourceId={targetId} onDismiss={close} onSaved={onChanged} />;
    } else if (dialog === 'dns') {
      dialogs = (
        <EditDnsDialog
          c={shown}
          ownSides={targetPermissions.ownSides}
          onDismiss={close}
          onDone={() => {
            close();
            notify({ type: 'success', content: S.dnsDialog.done(targetId) });
            onChanged();
          }}
        />
      );
    }
  }
  const open = (d: 'accept' | 'reject' | 'delete' | 'dns'): void => {
    setTarget(c);
    setDialog(d);
  };
  return { menu, dialogs, permissions, open };
}
