import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { ReactNode } from 'react';
import { S } from '../../strings';
import { accepterCidrText, sideCidrs } from './peering-row';

/** Both sides of a connection at a glance, for the dialogs that change it. */
export function PeeringSides({ c }: { c: VpcPeeringConnection }): ReactNode {
  const r = c.RequesterVpcInfo;
  const a = c.AccepterVpcInfo;
  return (
    <KeyValuePairs
      columns={2}
      items={[
        { label: S.peering.requesterVpc, value: r?.VpcId ?? '-' },
        { label: S.peering.accepterVpc, value: a?.VpcId ?? '-' },
        { label: S.peering.requesterOwner, value: r?.OwnerId ?? '-' },
        { label: S.peering.accepterOwner, value: a?.OwnerId ?? '-' },
        { label: S.peering.requesterRegion, value: r?.Region ?? '-' },
        { label: S.peering.accepterRegion, value: a?.Region ?? '-' },
        { label: S.peering.requesterCidrs, value: sideCidrs(r).join(', ') || '-' },
        { label: S.peering.accepterCidrs, value: accepterCidrText(c, S.peering.hiddenUntilActive) },
      ]}
    />
  );
}
