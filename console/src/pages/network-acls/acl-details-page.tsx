import type { Subnet } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeNetworkAcls, describeSubnets, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { EmptyState } from '../../shared/empty-state';
import { useRowActions } from '../../shared/row-actions';
import { nameTag } from '../../shared/tags';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { ACL_ACTIONS } from './acl-actions';
import { AclEntriesTable } from './acl-entries-table';
import { toAclRow } from './acl-row';

export function AclDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('network-acl', id), async (signal) => {
    const row = toAclRow(await only(describeNetworkAcls(ec2, signal, [id]), id), S.common.yes, S.common.no);
    const subnets = row.subnets.length > 0 ? await describeSubnets(ec2, signal, [{ Name: 'subnet-id', Values: [...row.subnets] }]) : [];
    return { row, subnets };
  });
  const { menu, dialog } = useRowActions(ACL_ACTIONS, () => navigate('/network-acls'));
  const r = resource.data?.row;
  const subnetLink = (s: string): ReactNode => <Link href={`/subnets/${s}`} onFollow={followLink}>{s}</Link>;
  return (
    <DetailsLayout
      id={id}
      name={r?.name ?? ''}
      resource={resource}
      loadError={S.networkAcls.loadError}
      actions={menu(r, S.networkAcls.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
          { label: S.networkAcls.id, value: id },
          { label: S.networkAcls.associatedWith, value: r.subnets.length > 0 ? r.subnets.join(', ') : '-' },
          { label: S.networkAcls.isDefault, value: r.defaultLabel },
          { label: S.fields.vpcId, value: <Link href={`/vpcs/${r.vpcId}`} onFollow={followLink}>{r.vpcId}</Link> },
          { label: S.fields.owner, value: r.ownerId },
        ],
      }}
      tabs={r && [
        { id: 'inbound', label: S.rules.inbound, content: <AclEntriesTable acl={r.acl} egress={false} /> },
        { id: 'outbound', label: S.rules.outbound, content: <AclEntriesTable acl={r.acl} egress /> },
        {
          id: 'subnets',
          label: S.networkAcls.subnetsTab,
          content: (
            <Table<Subnet>
              variant="embedded"
              items={[...(resource.data?.subnets ?? [])]}
              trackBy={(s) => s.SubnetId ?? ''}
              header={<Header variant="h2" counter={`(${r.subnets.length})`} actions={<Button onClick={() => navigate(`/network-acls/${id}/edit-subnet-associations`)}>{S.networkAcls.editSubnets}</Button>}>{S.networkAcls.subnetsTab}</Header>}
              empty={<EmptyState title={S.networkAcls.noSubnets} />}
              columnDefinitions={[
                { id: 'name', header: S.subnets.name, cell: (s) => nameTag(s.Tags) || '-' },
                { id: 'id', header: S.subnets.id, cell: (s) => subnetLink(s.SubnetId ?? ''), isRowHeader: true },
                { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (s) => s.CidrBlock },
                { id: 'ipv6', header: S.subnets.ipv6Cidr, cell: (s) => s.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlock).join(', ') || '-' },
              ]}
            />
          ),
        },
        { id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.acl.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> },
      ]}
    />
  );
}
