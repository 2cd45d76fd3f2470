import type { EC2Client, Tag } from '@aws-sdk/client-ec2';
import type { KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import type { TabsProps } from '@cloudscape-design/components/tabs';
import type { ReactNode } from 'react';
import type { Resource } from '../api/use-resource';
import { useResource } from '../api/use-resource';
import { navigate } from '../router/navigate';
import { useScopeKey, useSession } from '../session/session-context';
import { S } from '../strings';
import { DetailsLayout } from './details-layout';
import type { RowAction } from './row-actions';
import { useRowActions } from './row-actions';
import { TagsPanel } from './tags-panel';
import { withManageTags } from './with-manage-tags';

/**
 * The details page of a resource whose Actions menu it shares with its list page (gateways,
 * addresses, DHCP option sets, security groups, network ACLs): one load (its Describe, plus
 * whatever its tabs show), titled by its Name tag, its Details as key-value pairs, then its own
 * tabs and last Tags. Everything that reads the loaded resource waits until it has loaded.
 */
export function ResourceDetailsPage<T, R extends { readonly id: string; readonly name: string }>({ id, scope, load, row, title, text, actions, afterAction, fields, tabs, tags }: {
  id: string;
  /** What the load is kept under, beside the account, region and id. */
  scope: string;
  load: (ec2: EC2Client, signal: AbortSignal) => Promise<T>;
  /** The row the Actions menu acts on, out of what loaded. */
  row: (data: T) => R;
  /** The page's title; the Name tag unless given. */
  title?: (row: R) => string;
  text: { readonly loadError: string; readonly selectFirst: string };
  actions: readonly RowAction<R>[];
  /** After an action succeeded: the path to go to (the resource is gone), or what else to do. */
  afterAction: string | ((resource: Resource<T>) => void);
  fields: (row: R) => readonly KeyValuePairsProps.Item[];
  /** The tabs before Tags. */
  tabs?: (row: R, data: T) => readonly TabsProps.Tab[];
  tags: (row: R) => readonly Tag[] | undefined;
}): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey(scope, id), (signal) => load(ec2, signal));
  const { menu, dialog } = useRowActions(withManageTags(actions, resource.reload), () => (typeof afterAction === 'string' ? navigate(afterAction) : afterAction(resource)));
  const data = resource.data;
  const r = data === undefined ? undefined : row(data);
  return (
    <DetailsLayout
      id={id}
      name={r ? (title ? title(r) : r.name) : ''}
      resource={resource}
      loadError={text.loadError}
      actions={menu(r, text.selectFirst)}
      dialogs={dialog}
      details={r && { header: S.fields.details, items: fields(r) }}
      tabs={
        data !== undefined && r
          ? [
              ...(tabs?.(r, data) ?? []),
              { id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={tags(r) ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> },
            ]
          : undefined
      }
    />
  );
}
