import type { Tagged } from './describe-scoped.js';
import type { FilterSpec } from './filters/filter-spec.js';
import type { Route, RouteTable } from './route-table.js';
import type { RouteState } from './route-state.js';
import { taggedTags } from './tag-filter.js';

/** A route table as Describe shows it: routes carry a state computed at read time. */
export interface RouteTableView {
  readonly table: RouteTable;
  readonly routeStates: readonly RouteState[];
}

const routes = (v: Tagged<RouteTableView>): readonly Route[] => v.resource.table.routes;
const targetIds = (v: Tagged<RouteTableView>, kind: Route['target']['kind']): string[] =>
  routes(v).flatMap((r) => (r.target.kind === kind && 'id' in r.target ? [r.target.id] : []));

export const ROUTE_TABLE_FILTERS: FilterSpec<Tagged<RouteTableView>> = {
  tags: taggedTags,
  fields: {
    'association.gateway-id': () => undefined,
    'association.route-table-association-id': ({ resource: v }) => v.table.associations.map((a) => a.id),
    'association.route-table-id': ({ resource: v }) => v.table.associations.map(() => v.table.id),
    'association.subnet-id': ({ resource: v }) => v.table.associations.map((a) => a.subnetId),
    // "Route tables that do not have an association ID are not returned" (model doc): a table
    // with no associations matches neither true nor false.
    'association.main': ({ resource: v }) => v.table.associations.map((a) => String(a.main)),
    'owner-id': ({ resource: v }) => v.table.accountId,
    'route-table-id': ({ resource: v }) => v.table.id,
    'route.destination-cidr-block': (v) => routes(v).map((r) => r.destinationCidrBlock),
    'route.destination-ipv6-cidr-block': (v) => routes(v).map((r) => r.destinationIpv6CidrBlock),
    'route.destination-prefix-list-id': () => undefined,
    'route.egress-only-internet-gateway-id': (v) => targetIds(v, 'egress-only-internet-gateway'),
    'route.gateway-id': (v) => [...targetIds(v, 'gateway'), ...routes(v).filter((r) => r.target.kind === 'local').map(() => 'local')],
    'route.instance-id': () => undefined,
    'route.nat-gateway-id': (v) => targetIds(v, 'nat-gateway'),
    'route.transit-gateway-id': () => undefined,
    'route.origin': (v) => routes(v).map((r) => r.origin),
    'route.state': ({ resource: v }) => v.routeStates,
    'route.vpc-peering-connection-id': (v) => targetIds(v, 'vpc-peering-connection'),
    'vpc-id': ({ resource: v }) => v.table.vpcId,
  },
};
