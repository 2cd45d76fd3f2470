import type { BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import type { ReactNode } from 'react';
import { CreateDhcpPage } from '../pages/dhcp-options/create-dhcp-page';
import { DhcpDetailsPage } from '../pages/dhcp-options/dhcp-details-page';
import { DhcpListPage } from '../pages/dhcp-options/dhcp-list-page';
import { EditVpcDhcpPage } from '../pages/dhcp-options/edit-vpc-dhcp-page';
import { CreateEgressOnlyPage } from '../pages/egress-only-gateways/create-egress-only-page';
import { EgressOnlyDetailsPage } from '../pages/egress-only-gateways/egress-only-details-page';
import { EgressOnlyListPage } from '../pages/egress-only-gateways/egress-only-list-page';
import { AllocateEipPage } from '../pages/elastic-ips/allocate-eip-page';
import { EipDetailsPage } from '../pages/elastic-ips/eip-details-page';
import { EipListPage } from '../pages/elastic-ips/eip-list-page';
import { CreateNatPage } from '../pages/nat-gateways/create-nat-page';
import { NatDetailsPage } from '../pages/nat-gateways/nat-details-page';
import { NatListPage } from '../pages/nat-gateways/nat-list-page';
import { AttachVpcPage } from '../pages/internet-gateways/attach-vpc-page';
import { CreateInternetGatewayPage } from '../pages/internet-gateways/create-internet-gateway-page';
import { InternetGatewayDetailsPage } from '../pages/internet-gateways/internet-gateway-details-page';
import { InternetGatewayListPage } from '../pages/internet-gateways/internet-gateway-list-page';
import { AclDetailsPage } from '../pages/network-acls/acl-details-page';
import { AclListPage } from '../pages/network-acls/acl-list-page';
import { CreateAclPage } from '../pages/network-acls/create-acl-page';
import { EditAclRulesPage } from '../pages/network-acls/edit-acl-rules-page';
import { EditAclSubnetsPage } from '../pages/network-acls/edit-acl-subnets-page';
import { CreateSgPage } from '../pages/security-groups/create-sg-page';
import { EditSgRulesPage } from '../pages/security-groups/edit-sg-rules-page';
import { SgDetailsPage } from '../pages/security-groups/sg-details-page';
import { SgListPage } from '../pages/security-groups/sg-list-page';
import { TopologyPage } from '../pages/map/topology-page';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { InstanceDetailsPage } from '../pages/instances/instance-details-page';
import { InstanceListPage } from '../pages/instances/instance-list-page';
import { LaunchInstancePage } from '../pages/instances/launch-instance-page';
import { CreateEniPage } from '../pages/network-interfaces/create-eni-page';
import { EniDetailsPage } from '../pages/network-interfaces/eni-details-page';
import { EniListPage } from '../pages/network-interfaces/eni-list-page';
import { CreatePathPage } from '../pages/reachability/create-path-page';
import { PathDetailsPage } from '../pages/reachability/path-details-page';
import { PathListPage } from '../pages/reachability/path-list-page';
import { CreatePeeringPage } from '../pages/peering-connections/create-peering-page';
import { PeeringDetailsPage } from '../pages/peering-connections/peering-details-page';
import { PeeringListPage } from '../pages/peering-connections/peering-list-page';
import { CreateRouteTablePage } from '../pages/route-tables/create-route-table-page';
import { EditRoutesPage } from '../pages/route-tables/edit-routes-page';
import { EditSubnetAssociationsPage } from '../pages/route-tables/edit-subnet-associations-page';
import { RouteTableDetailsPage } from '../pages/route-tables/route-table-details-page';
import { RouteTableListPage } from '../pages/route-tables/route-table-list-page';
import { CreateSubnetPage } from '../pages/subnets/create-subnet-page';
import { EditSubnetIpv6Page } from '../pages/subnets/edit-subnet-ipv6-page';
import { EditSubnetSettingsPage } from '../pages/subnets/edit-subnet-settings-page';
import { SubnetDetailsPage } from '../pages/subnets/subnet-details-page';
import { SubnetListPage } from '../pages/subnets/subnet-list-page';
import { CreateVpcPage } from '../pages/vpcs/create-vpc-page';
import { EditCidrsPage } from '../pages/vpcs/edit-cidrs-page';
import { EditVpcSettingsPage } from '../pages/vpcs/edit-vpc-settings-page';
import { VpcDetailsPage } from '../pages/vpcs/vpc-details-page';
import { VpcListPage } from '../pages/vpcs/vpc-list-page';
import { S } from '../strings';

export interface RouteView {
  readonly content: ReactNode;
  readonly breadcrumbs: BreadcrumbGroupProps.Item[];
  /** The side navigation entry to highlight. */
  readonly section: string;
  /** Tables fill the page; forms and details are narrower. */
  readonly contentType: 'table' | 'form' | 'default';
}

const ROOT: BreadcrumbGroupProps.Item = { text: S.nav.header, href: '/dashboard' };
const crumbs = (...items: BreadcrumbGroupProps.Item[]): BreadcrumbGroupProps.Item[] => [ROOT, ...items];

interface RouteDef {
  readonly pattern: RegExp;
  readonly view: (params: string[]) => RouteView;
  /** Shows one resource of one account and region: after a switch it would not be there. */
  readonly scoped?: boolean;
}

const PEERINGS = { text: S.nav.peeringConnections, href: '/peering-connections' };
const ROUTE_TABLES = { text: S.nav.routeTables, href: '/route-tables' };
const VPCS = { text: S.nav.vpcs, href: '/vpcs' };
const SUBNETS = { text: S.nav.subnets, href: '/subnets' };
const at = (text: string, href: string): BreadcrumbGroupProps.Item => ({ text, href });

/**
 * A resource family's pages under one path: its list, its create form, one resource's details
 * and that resource's sub-pages (edit forms), each with breadcrumbs up through the list.
 */
function family(base: string, listTitle: string, idPattern: string, pages: {
  list: () => ReactNode;
  create?: { title: string; page: () => ReactNode };
  details: (id: string) => ReactNode;
  sub?: Readonly<Record<string, { crumb: string; page: (id: string) => ReactNode }>>;
}): RouteDef[] {
  const list = at(listTitle, base);
  const out: RouteDef[] = [{ pattern: new RegExp(`^${base}$`), view: () => ({ content: pages.list(), breadcrumbs: crumbs(list), section: base, contentType: 'table' }) }];
  const { create } = pages;
  if (create) out.push({ pattern: new RegExp(`^${base}/create$`), view: () => ({ content: create.page(), breadcrumbs: crumbs(list, at(create.title, `${base}/create`)), section: base, contentType: 'form' }) });
  out.push({ pattern: new RegExp(`^${base}/(${idPattern})$`), view: ([id = '']) => ({ content: pages.details(id), breadcrumbs: crumbs(list, at(id, `${base}/${id}`)), section: base, contentType: 'default' }), scoped: true });
  for (const [path, sub] of Object.entries(pages.sub ?? {})) {
    out.push({
      pattern: new RegExp(`^${base}/(${idPattern})/${path}$`),
      view: ([id = '']) => ({ content: sub.page(id), breadcrumbs: crumbs(list, at(id, `${base}/${id}`), at(sub.crumb, `${base}/${id}/${path}`)), section: base, contentType: 'form' }),
      scoped: true,
    });
  }
  return out;
}

/** Every console page by path; ids are keys so one page component never shows two resources' state. */
const ROUTES: readonly RouteDef[] = [
  { pattern: /^\/(?:peering-connections)?$/, view: () => ({ content: <PeeringListPage />, breadcrumbs: crumbs(PEERINGS), section: PEERINGS.href, contentType: 'table' }) },
  { pattern: /^\/peering-connections\/create$/, view: () => ({ content: <CreatePeeringPage />, breadcrumbs: crumbs(PEERINGS, at(S.createPeering.title, '/peering-connections/create')), section: PEERINGS.href, contentType: 'form' }) },
  { pattern: /^\/peering-connections\/(pcx-[0-9a-f]+)$/, view: ([id = '']) => ({ content: <PeeringDetailsPage key={id} id={id} />, breadcrumbs: crumbs(PEERINGS, at(id, `/peering-connections/${id}`)), section: PEERINGS.href, contentType: 'default' }), scoped: true },
  { pattern: /^\/route-tables$/, view: () => ({ content: <RouteTableListPage />, breadcrumbs: crumbs(ROUTE_TABLES), section: ROUTE_TABLES.href, contentType: 'table' }) },
  { pattern: /^\/route-tables\/create$/, view: () => ({ content: <CreateRouteTablePage />, breadcrumbs: crumbs(ROUTE_TABLES, at(S.createRouteTable.title, '/route-tables/create')), section: ROUTE_TABLES.href, contentType: 'form' }) },
  { pattern: /^\/route-tables\/(rtb-[0-9a-f]+)$/, view: ([id = '']) => ({ content: <RouteTableDetailsPage key={id} id={id} />, breadcrumbs: crumbs(ROUTE_TABLES, at(id, `/route-tables/${id}`)), section: ROUTE_TABLES.href, contentType: 'default' }), scoped: true },
  {
    pattern: /^\/route-tables\/(rtb-[0-9a-f]+)\/edit-routes$/,
    view: ([id = '']) => ({ content: <EditRoutesPage key={id} id={id} />, breadcrumbs: crumbs(ROUTE_TABLES, at(id, `/route-tables/${id}`), at(S.editRoutes.crumb, `/route-tables/${id}/edit-routes`)), section: ROUTE_TABLES.href, contentType: 'form' }),
    scoped: true,
  },
  {
    pattern: /^\/route-tables\/(rtb-[0-9a-f]+)\/edit-subnet-associations$/,
    view: ([id = '']) => ({ content: <EditSubnetAssociationsPage key={id} id={id} />, breadcrumbs: crumbs(ROUTE_TABLES, at(id, `/route-tables/${id}`), at(S.editAssociations.crumb, `/route-tables/${id}/edit-subnet-associations`)), section: ROUTE_TABLES.href, contentType: 'form' }),
    scoped: true,
  },
  { pattern: /^\/vpcs$/, view: () => ({ content: <VpcListPage />, breadcrumbs: crumbs(VPCS), section: VPCS.href, contentType: 'table' }) },
  { pattern: /^\/vpcs\/create$/, view: () => ({ content: <CreateVpcPage />, breadcrumbs: crumbs(VPCS, at(S.createVpc.title, '/vpcs/create')), section: VPCS.href, contentType: 'form' }) },
  { pattern: /^\/vpcs\/(vpc-[0-9a-f]+)$/, view: ([id = '']) => ({ content: <VpcDetailsPage key={id} id={id} />, breadcrumbs: crumbs(VPCS, at(id, `/vpcs/${id}`)), section: VPCS.href, contentType: 'default' }), scoped: true },
  { pattern: /^\/vpcs\/(vpc-[0-9a-f]+)\/edit-cidrs$/, view: ([id = '']) => ({ content: <EditCidrsPage key={id} id={id} />, breadcrumbs: crumbs(VPCS, at(id, `/vpcs/${id}`), at(S.editCidrs.crumb, `/vpcs/${id}/edit-cidrs`)), section: VPCS.href, contentType: 'form' }), scoped: true },
  { pattern: /^\/vpcs\/(vpc-[0-9a-f]+)\/edit-settings$/, view: ([id = '']) => ({ content: <EditVpcSettingsPage key={id} id={id} />, breadcrumbs: crumbs(VPCS, at(id, `/vpcs/${id}`), at(S.vpcSettings.crumb, `/vpcs/${id}/edit-settings`)), section: VPCS.href, contentType: 'form' }), scoped: true },
  { pattern: /^\/vpcs\/(vpc-[0-9a-f]+)\/edit-dhcp-options$/, view: ([id = '']) => ({ content: <EditVpcDhcpPage key={id} id={id} />, breadcrumbs: crumbs(VPCS, at(id, `/vpcs/${id}`), at(S.dhcp.editForVpc, `/vpcs/${id}/edit-dhcp-options`)), section: VPCS.href, contentType: 'form' }), scoped: true },
  { pattern: /^\/subnets$/, view: () => ({ content: <SubnetListPage />, breadcrumbs: crumbs(SUBNETS), section: SUBNETS.href, contentType: 'table' }) },
  { pattern: /^\/subnets\/(subnet-[0-9a-f]+)$/, view: ([id = '']) => ({ content: <SubnetDetailsPage key={id} id={id} />, breadcrumbs: crumbs(SUBNETS, at(id, `/subnets/${id}`)), section: SUBNETS.href, contentType: 'default' }), scoped: true },
  { pattern: /^\/subnets\/(subnet-[0-9a-f]+)\/edit-settings$/, view: ([id = '']) => ({ content: <EditSubnetSettingsPage key={id} id={id} />, breadcrumbs: crumbs(SUBNETS, at(id, `/subnets/${id}`), at(S.subnetDetails.editSettings, `/subnets/${id}/edit-settings`)), section: SUBNETS.href, contentType: 'form' }), scoped: true },
  { pattern: /^\/subnets\/(subnet-[0-9a-f]+)\/edit-ipv6-cidrs$/, view: ([id = '']) => ({ content: <EditSubnetIpv6Page key={id} id={id} />, breadcrumbs: crumbs(SUBNETS, at(id, `/subnets/${id}`), at(S.subnetDetails.editIpv6, `/subnets/${id}/edit-ipv6-cidrs`)), section: SUBNETS.href, contentType: 'form' }), scoped: true },
  { pattern: /^\/subnets\/create$/, view: () => ({ content: <CreateSubnetPage />, breadcrumbs: crumbs(SUBNETS, at(S.subnets.create, '/subnets/create')), section: SUBNETS.href, contentType: 'form' }) },
  ...family('/internet-gateways', S.nav.internetGateways, 'igw-[0-9a-f]+', {
    list: () => <InternetGatewayListPage />,
    create: { title: S.internetGateways.create, page: () => <CreateInternetGatewayPage /> },
    details: (id) => <InternetGatewayDetailsPage key={id} id={id} />,
    sub: { attach: { crumb: S.internetGateways.attach, page: (id) => <AttachVpcPage key={id} id={id} /> } },
  }),
  ...family('/egress-only-internet-gateways', S.nav.egressOnlyGateways, 'eigw-[0-9a-f]+', {
    list: () => <EgressOnlyListPage />,
    create: { title: S.egressOnly.create, page: () => <CreateEgressOnlyPage /> },
    details: (id) => <EgressOnlyDetailsPage key={id} id={id} />,
  }),
  ...family('/elastic-ips', S.nav.elasticIps, 'eipalloc-[0-9a-f]+', {
    list: () => <EipListPage />,
    create: { title: S.elasticIps.create, page: () => <AllocateEipPage /> },
    details: (id) => <EipDetailsPage key={id} id={id} />,
  }),
  ...family('/nat-gateways', S.nav.natGateways, 'nat-[0-9a-f]+', {
    list: () => <NatListPage />,
    create: { title: S.natGateways.create, page: () => <CreateNatPage /> },
    details: (id) => <NatDetailsPage key={id} id={id} />,
  }),
  ...family('/dhcp-options', S.nav.dhcpOptions, 'dopt-[0-9a-f]+', {
    list: () => <DhcpListPage />,
    create: { title: S.dhcp.create, page: () => <CreateDhcpPage /> },
    details: (id) => <DhcpDetailsPage key={id} id={id} />,
  }),
  ...family('/security-groups', S.nav.securityGroups, 'sg-[0-9a-f]+', {
    list: () => <SgListPage />,
    create: { title: S.securityGroups.create, page: () => <CreateSgPage /> },
    details: (id) => <SgDetailsPage key={id} id={id} />,
    sub: {
      'edit-inbound-rules': { crumb: S.rules.editInbound, page: (id) => <EditSgRulesPage key={id} id={id} egress={false} /> },
      'edit-outbound-rules': { crumb: S.rules.editOutbound, page: (id) => <EditSgRulesPage key={id} id={id} egress /> },
    },
  }),
  ...family('/network-acls', S.nav.networkAcls, 'acl-[0-9a-f]+', {
    list: () => <AclListPage />,
    create: { title: S.networkAcls.create, page: () => <CreateAclPage /> },
    details: (id) => <AclDetailsPage key={id} id={id} />,
    sub: {
      'edit-inbound-rules': { crumb: S.rules.editInbound, page: (id) => <EditAclRulesPage key={id} id={id} egress={false} /> },
      'edit-outbound-rules': { crumb: S.rules.editOutbound, page: (id) => <EditAclRulesPage key={id} id={id} egress /> },
      'edit-subnet-associations': { crumb: S.networkAcls.editSubnets, page: (id) => <EditAclSubnetsPage key={id} id={id} /> },
    },
  }),
  ...family('/network-interfaces', S.nav.networkInterfaces, 'eni-[0-9a-f]+', {
    list: () => <EniListPage />,
    create: { title: S.networkInterfaces.create, page: () => <CreateEniPage /> },
    details: (id) => <EniDetailsPage key={id} id={id} />,
  }),
  // AWS's console launches at /instances/launch ("Launch instances"), not /create.
  { pattern: /^\/instances\/launch$/, view: () => ({ content: <LaunchInstancePage />, breadcrumbs: crumbs(at(S.nav.instances, '/instances'), at(S.instances.launchTitle, '/instances/launch')), section: '/instances', contentType: 'form' }) },
  ...family('/instances', S.nav.instances, 'i-[0-9a-f]+', {
    list: () => <InstanceListPage />,
    details: (id) => <InstanceDetailsPage key={id} id={id} />,
  }),
  ...family('/reachability', S.nav.reachability, 'nip-[0-9a-f]+', {
    list: () => <PathListPage />,
    create: { title: S.reachability.create, page: () => <CreatePathPage /> },
    details: (id) => <PathDetailsPage key={id} id={id} />,
  }),
  { pattern: /^\/dashboard$/, view: () => ({ content: <DashboardPage />, breadcrumbs: [ROOT], section: '/dashboard', contentType: 'default' }) },
  { pattern: /^\/map$/, view: () => ({ content: <TopologyPage />, breadcrumbs: crumbs(at(S.nav.map, '/map')), section: '/map', contentType: 'default' }) },
];

export function resolveRoute(path: string, notFound: (path: string) => ReactNode): RouteView {
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return r.view(m.slice(1).filter((x): x is string => x !== undefined));
  }
  return { content: notFound(path), breadcrumbs: crumbs(), section: '', contentType: 'default' };
}

/**
 * Where a switch of account or region lands: the same page, except that a page about one
 * resource goes up to its list (the resource belongs to the old account and region).
 */
export function pathAfterScopeSwitch(path: string, query: string): string {
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return r.scoped ? r.view(m.slice(1).filter((x): x is string => x !== undefined)).section : path + query;
  }
  return path + query;
}
