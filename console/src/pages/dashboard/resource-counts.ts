import type { EC2Client, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import {
  describeAddresses,
  describeDhcpOptions,
  describeEgressOnlyGateways,
  describeInstances,
  describeInternetGateways,
  describeNatGateways,
  describeNetworkAcls,
  describeNetworkInterfaces,
  describePeerings,
  describeRouteTables,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
} from '../../api/describe';
import { S } from '../../strings';

/** One tile of "Resources by Region": how many, where the list is, and a detail line. */
export interface ResourceCount {
  readonly key: string;
  readonly label: string;
  readonly href: string;
  readonly count: number;
  readonly detail?: string;
}

/** Statuses of connections that are gone or never were: the lists keep them a while, the count does not. */
const ENDED = new Set(['deleted', 'deleting', 'rejected', 'failed', 'expired']);

function liveConnection(c: VpcPeeringConnection): boolean {
  return !ENDED.has(c.Status?.Code ?? '');
}

/**
 * Every kind the side navigation lists, counted in this account and region. Ended resources
 * (deleted NAT gateways, terminated instances, ended connections) are left out as AWS's dashboard
 * does; the connections come back too, for the dashboard's peering panels.
 */
export async function loadResourceCounts(ec2: EC2Client, signal: AbortSignal): Promise<{ counts: ResourceCount[]; peerings: VpcPeeringConnection[] }> {
  const [vpcs, subnets, tables, igws, eigws, dhcp, eips, nats, peerings, acls, sgs, instances, enis] = await Promise.all([
    describeVpcs(ec2, signal),
    describeSubnets(ec2, signal),
    describeRouteTables(ec2, signal),
    describeInternetGateways(ec2, signal),
    describeEgressOnlyGateways(ec2, signal),
    describeDhcpOptions(ec2, signal),
    describeAddresses(ec2, signal),
    describeNatGateways(ec2, signal),
    describePeerings(ec2, signal),
    describeNetworkAcls(ec2, signal),
    describeSecurityGroups(ec2, signal),
    describeInstances(ec2, signal),
    describeNetworkInterfaces(ec2, signal),
  ]);
  const live = peerings.filter(liveConnection);
  const pending = live.filter((c) => c.Status?.Code === 'pending-acceptance').length;
  const running = instances.filter((i) => i.State?.Name === 'running').length;
  const counts: ResourceCount[] = [
    { key: 'vpcs', label: S.nav.vpcs, href: '/vpcs', count: vpcs.length },
    { key: 'subnets', label: S.nav.subnets, href: '/subnets', count: subnets.length },
    { key: 'route-tables', label: S.nav.routeTables, href: '/route-tables', count: tables.length },
    { key: 'internet-gateways', label: S.nav.internetGateways, href: '/internet-gateways', count: igws.length },
    { key: 'egress-only-internet-gateways', label: S.nav.egressOnlyGateways, href: '/egress-only-internet-gateways', count: eigws.length },
    { key: 'dhcp-options', label: S.nav.dhcpOptions, href: '/dhcp-options', count: dhcp.length },
    { key: 'elastic-ips', label: S.nav.elasticIps, href: '/elastic-ips', count: eips.length },
    { key: 'nat-gateways', label: S.nav.natGateways, href: '/nat-gateways', count: nats.filter((n) => n.State !== 'deleted').length },
    { key: 'peering-connections', label: S.nav.peeringConnections, href: '/peering-connections', count: live.length, detail: S.dashboard.pendingCount(pending) },
    { key: 'network-acls', label: S.nav.networkAcls, href: '/network-acls', count: acls.length },
    { key: 'security-groups', label: S.nav.securityGroups, href: '/security-groups', count: sgs.length },
    { key: 'instances', label: S.nav.instances, href: '/instances', count: instances.filter((i) => i.State?.Name !== 'terminated').length, detail: S.dashboard.runningCount(running) },
    { key: 'network-interfaces', label: S.nav.networkInterfaces, href: '/network-interfaces', count: enis.length },
  ];
  return { counts, peerings };
}
