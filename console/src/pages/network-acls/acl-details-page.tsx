import type { Subnet } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeNetworkAcls, describeSubnets, only } from '../../api/describe';
import { navigate } from '../../router/navigate';
import { EmptyState } from '../../shared/empty-state';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { resourceLink } from '../../shared/resource-link';
import { nameTag } from '../../shared/tags';
import { S } from '../../strings';
import { ACL_ACTIONS } from './acl-actions';
import { AclEntriesTable } from './acl-entries-table';
import { toAclRow } from './acl-row';

export function AclDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="network-acl"
      load={async (ec2, signal) => {
        const row = toAclRow(await only(describeNetworkAcls(ec2, signal, [id]), id), S.common.yes, S.common.no);
        const subnets = row.subnets.length > 0 ? await describeSubnets(ec2, signal, [{ Name: 'subnet-id', Values: [...row.subnets] }]) : [];
        return { row, subnets };
      }}
      row={(d) => d.row}
      text={S.networkAcls}
      actions={ACL_ACTIONS}
      afterAction="/network-acls"
      fields={(r) => [
        { label: S.networkAcls.id, value: id },
        { label: S.networkAcls.associatedWith, value: r.subnets.length > 0 ? r.subnets.join(', ') : '-' },
        { label: S.networkAcls.isDefault, value: r.defaultLabel },
        { label: S.fields.vpcId, value: resourceLink('/vpcs', r.vpcId) },
        { label: S.fields.owner, value: r.ownerId },
      ]}
      tabs={(r, { subnets }) => [
        { id: 'inbound', label: S.rules.inbound, content: <AclEntriesTable acl={r.acl} egress={false} /> },
        { id: 'outbound', label: S.rules.outbound, content: <AclEntriesTable acl={r.acl} egress /> },
        {
          id: 'subnets',
          label: S.networkAcls.subnetsTab,
          content: (
            <Table<Subnet>
              variant="embedded"
              items={[...subnets]}
              trackBy={(s) => s.SubnetId ?? ''}
              header={<Header variant="h2" counter={`(${r.subnets.length})`} actions={<Button onClick={() => navigate(`/network-acls/${id}/edit-subnet-associations`)}>{S.networkAcls.editSubnets}</Button>}>{S.networkAcls.subnetsTab}</Header>}
              empty={<EmptyState title={S.networkAcls.noSubnets} />}
              columnDefinitions={[
                { id: 'name', header: S.subnets.name, cell: (s) => nameTag(s.Tags) || '-' },
                { id: 'id', header: S.subnets.id, cell: (s) => resourceLink('/subnets', s.SubnetId), isRowHeader: true },
                { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (s) => s.CidrBlock },
                { id: 'ipv6', header: S.subnets.ipv6Cidr, cell: (s) => s.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlock).join(', ') || '-' },
              ]}
            />
          ),
        },
      ]}
      tags={(r) => r.acl.Tags}
    />
  );
}
