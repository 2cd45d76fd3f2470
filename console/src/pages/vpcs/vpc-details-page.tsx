import type { Subnet } from '@aws-sdk/client-ec2';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeRouteTables, describeSubnets, describeVpcDns } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { EmptyState } from '../../shared/empty-state';
import { ManageTagsModal } from '../../shared/manage-tags-modal';
import { nameTag } from '../../shared/tags';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { isMain } from '../route-tables/route-table-row';
import { DeleteVpcDialog } from './delete-vpc-dialog';
import { ipv4Blocks, ipv6Blocks } from './vpc-row';

function OnOff({ value }: { value: boolean }): ReactNode {
  return value ? <StatusIndicator type="success">{S.common.enabled}</StatusIndicator> : <StatusIndicator type="stopped">{S.common.disabled}</StatusIndicator>;
}

export function VpcDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const [deleting, setDeleting] = useState(false);
  const [tagging, setTagging] = useState(false);
  const resource = useResource(useScopeKey('vpc', id), async (signal) => {
    const r = await ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }), { abortSignal: signal });
    const vpc = r.Vpcs?.[0];
    if (!vpc) throw new Error(`DescribeVpcs returned no ${id}`);
    const filter = [{ Name: 'vpc-id', Values: [id] }];
    const [dns, subnets, tables] = await Promise.all([describeVpcDns(ec2, id, signal), describeSubnets(ec2, signal, filter), describeRouteTables(ec2, signal, filter)]);
    return { vpc, dns, subnets, mainTable: tables.find(isMain)?.RouteTableId };
  });
  const d = resource.data;
  const name = d ? nameTag(d.vpc.Tags) : '';

  return (
    <DetailsLayout
      id={id}
      name={name}
      resource={resource}
      loadError={S.vpcs.loadError}
      actions={
        <ButtonDropdown
          items={[
            { id: 'cidrs', text: S.vpcs.editCidrs },
            { id: 'dhcp', text: S.dhcp.editForVpc },
            { id: 'settings', text: S.vpcs.editSettings },
            { id: 'tags', text: S.tags.manage },
            { id: 'delete', text: S.vpcs.delete },
          ]}
          onItemClick={({ detail }) => {
            if (detail.id === 'cidrs') navigate(`/vpcs/${id}/edit-cidrs`);
            if (detail.id === 'settings') navigate(`/vpcs/${id}/edit-settings`);
            if (detail.id === 'dhcp') navigate(`/vpcs/${id}/edit-dhcp-options`);
            if (detail.id === 'tags') setTagging(true);
            if (detail.id === 'delete') setDeleting(true);
          }}
        >
          {S.actions.actions}
        </ButtonDropdown>
      }
      dialogs={[
        deleting && <DeleteVpcDialog key="delete" vpcId={id} onDismiss={() => setDeleting(false)} onDone={() => navigate('/vpcs')} />,
        tagging && <ManageTagsModal key="tags" resourceId={id} tags={d?.vpc.Tags} onDismiss={() => setTagging(false)} onSaved={resource.reload} />,
      ]}
      details={d && {
        header: S.vpcs.details,
        items: [
          { label: S.vpcs.id, value: id },
          { label: S.vpcs.state, value: <StatusIndicator type="success">{S.vpcs.available}</StatusIndicator> },
          { label: S.vpcs.dnsHostnames, value: <OnOff value={d.dns.dnsHostnames} /> },
          { label: S.vpcs.dnsResolution, value: <OnOff value={d.dns.dnsSupport} /> },
          { label: S.vpcs.ipv4Cidr, value: ipv4Blocks(d.vpc).join(', ') || '-' },
          { label: S.vpcs.ipv6Cidr, value: ipv6Blocks(d.vpc).join(', ') || '-' },
          { label: S.dhcp.vpcSet, value: d.vpc.DhcpOptionsId && d.vpc.DhcpOptionsId !== 'default' ? <Link href={`/dhcp-options/${d.vpc.DhcpOptionsId}`} onFollow={followLink}>{d.vpc.DhcpOptionsId}</Link> : '-' },
          { label: S.vpcs.mainRouteTable, value: d.mainTable ? <Link href={`/route-tables/${d.mainTable}`} onFollow={followLink}>{d.mainTable}</Link> : '-' },
          { label: S.vpcs.isDefault, value: d.vpc.IsDefault ? S.common.yes : S.common.no },
          { label: S.vpcs.owner, value: d.vpc.OwnerId },
          { label: S.vpcs.region, value: session.region },
        ],
      }}
      tabs={d && [
        {
          id: 'cidrs',
          label: S.vpcs.cidrsTab,
          content: (
            <Table
              variant="embedded"
              items={[...ipv4Blocks(d.vpc).map((c) => ({ cidr: c, kind: 'IPv4' })), ...ipv6Blocks(d.vpc).map((c) => ({ cidr: c, kind: 'IPv6' }))]}
              trackBy="cidr"
              header={<Header variant="h2" actions={<Button onClick={() => navigate(`/vpcs/${id}/edit-cidrs`)}>{S.vpcs.editCidrs}</Button>}>{S.vpcs.cidrsTab}</Header>}
              columnDefinitions={[
                { id: 'cidr', header: S.editCidrs.cidr, cell: (r) => r.cidr, isRowHeader: true },
                { id: 'kind', header: S.editCidrs.family, cell: (r) => r.kind },
              ]}
            />
          ),
        },
        {
          id: 'subnets',
          label: S.vpcs.subnetsTab,
          content: (
            <Table<Subnet>
              variant="embedded"
              items={[...d.subnets]}
              trackBy={(s) => s.SubnetId ?? ''}
              header={
                <Header variant="h2" counter={`(${d.subnets.length})`} actions={<Button onClick={() => navigate(`/subnets/create?vpcId=${id}`)}>{S.subnets.create}</Button>}>
                  {S.vpcs.subnetsTab}
                </Header>
              }
              empty={<EmptyState title={S.subnets.empty} />}
              columnDefinitions={[
                { id: 'id', header: S.subnets.id, cell: (s) => s.SubnetId, isRowHeader: true },
                { id: 'name', header: S.subnets.name, cell: (s) => nameTag(s.Tags) || '-' },
                { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (s) => s.CidrBlock },
                { id: 'az', header: S.subnets.zone, cell: (s) => s.AvailabilityZone },
              ]}
            />
          ),
        },
        { id: 'tags', label: S.vpcs.tagsTab, content: <TagsPanel resourceId={id} tags={d.vpc.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> },
      ]}
    />
  );
}
