import type { Subnet } from '@aws-sdk/client-ec2';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { describeNetworkAcls, describeRouteTables, describeSubnets, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { useRowActions } from '../../shared/row-actions';
import { withManageTags } from '../../shared/with-manage-tags';
import { StateIndicator } from '../../shared/state-indicator';
import { nameTag } from '../../shared/tags';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { isMain } from '../route-tables/route-table-row';
import { SUBNET_ACTIONS } from './subnet-actions';

export function subnetIpv6(s: Subnet): string[] {
  return (s.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State === 'associated' || a.Ipv6CidrBlockState?.State === 'associating').flatMap((a) => (a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : []));
}

const yesNo = (v: boolean | undefined): string => (v ? S.common.yes : S.common.no);

export function SubnetDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('subnet', id), async (signal) => {
    const subnet = await only(describeSubnets(ec2, signal, [{ Name: 'subnet-id', Values: [id] }]), id);
    const vpcFilter = { Name: 'vpc-id', Values: [subnet.VpcId ?? ''] };
    const [tables, acls] = await Promise.all([describeRouteTables(ec2, signal, [vpcFilter]), describeNetworkAcls(ec2, signal, undefined, [{ Name: 'association.subnet-id', Values: [id] }])]);
    const table = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === id)) ?? tables.find(isMain);
    return { subnet, routeTable: table?.RouteTableId ?? '', networkAcl: acls[0]?.NetworkAclId ?? '' };
  });
  const { menu, dialog } = useRowActions(withManageTags(SUBNET_ACTIONS, resource.reload), () => navigate('/subnets'));
  const d = resource.data;
  const s = d?.subnet;
  const link = (href: string, text: string): ReactNode => (text ? <Link href={href} onFollow={followLink}>{text}</Link> : '-');
  const dns = s?.PrivateDnsNameOptionsOnLaunch;
  return (
    <DetailsLayout
      id={id}
      name={s ? nameTag(s.Tags) : ''}
      resource={resource}
      loadError={S.subnets.loadError}
      actions={menu(s && { id }, S.subnets.selectFirst)}
      dialogs={dialog}
      details={s && d && {
        header: S.fields.details,
        items: [
          { label: S.subnets.id, value: id },
          { label: S.subnetDetails.arn, value: s.SubnetArn ?? '-' },
          { label: S.subnets.state, value: <StateIndicator state={s.State} /> },
          { label: S.subnets.ipv4Cidr, value: s.CidrBlock },
          { label: S.subnets.availableIps, value: String(s.AvailableIpAddressCount ?? '-') },
          { label: S.subnets.ipv6Cidr, value: subnetIpv6(s).join(', ') || '-' },
          { label: S.subnets.zone, value: s.AvailabilityZone },
          { label: S.common.vpc, value: link(`/vpcs/${s.VpcId ?? ''}`, s.VpcId ?? '') },
          { label: S.subnetDetails.routeTable, value: link(`/route-tables/${d.routeTable}`, d.routeTable) },
          { label: S.subnetDetails.networkAcl, value: link(`/network-acls/${d.networkAcl}`, d.networkAcl) },
          { label: S.subnetDetails.defaultSubnet, value: yesNo(s.DefaultForAz) },
          { label: S.subnetDetails.autoPublicIpv4, value: yesNo(s.MapPublicIpOnLaunch) },
          { label: S.subnetDetails.autoIpv6, value: yesNo(s.AssignIpv6AddressOnCreation) },
          { label: S.subnetDetails.hostnameType, value: dns?.HostnameType === 'resource-name' ? S.subnetDetails.resourceName : S.subnetDetails.ipName },
          { label: S.subnetDetails.dnsA, value: dns?.EnableResourceNameDnsARecord ? <StatusIndicator type="success">{S.common.enabled}</StatusIndicator> : <StatusIndicator type="stopped">{S.common.disabled}</StatusIndicator> },
          { label: S.subnetDetails.dnsAaaa, value: dns?.EnableResourceNameDnsAAAARecord ? <StatusIndicator type="success">{S.common.enabled}</StatusIndicator> : <StatusIndicator type="stopped">{S.common.disabled}</StatusIndicator> },
          { label: S.vpcs.owner, value: s.OwnerId },
          { label: S.vpcs.region, value: session.region },
        ],
      }}
      tabs={s && [{ id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={s.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> }]}
    />
  );
}
