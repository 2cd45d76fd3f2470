import type { Endpoint } from './endpoints.js';
import { refOf } from './hop-checks.js';
import { routesCovering, routeHit, pcxOf } from './route-lookup.js';
import type { PacketSet } from './packet-set.js';
import type { PathBuilder } from './path-builder.js';
import type { WorldIndex } from './world-index.js';

/**
 * Components the path must traverse (StartNetworkInsightsAnalysis FilterInArns). A forced
 * peering that is not active: BAD_STATE on its hop; one the source table has a route to that a
 * more specific route overrides: MORE_SPECIFIC_ROUTE on the table's hop (REACHABILITY.md §2.4);
 * anything else the path does not cross: COMPONENT_FILTER_RESTRICTION (§2.3, search filters).
 */
export function applyFilterIn(ix: WorldIndex, path: PathBuilder, source: Endpoint | undefined, start: PacketSet): void {
  for (const id of ix.query.filterIn ?? []) {
    const hop = path.find(id);
    const pcx = id.startsWith('pcx-') ? ix.peering(id) : undefined;
    if (hop) {
      const status = pcx ? ix.peeringStatus(pcx) : 'active';
      if (pcx && status !== 'active') {
        path.explain(hop, {
          code: 'BAD_STATE',
          sentence: `${id} is ${status}, not active, so it carries no traffic; ${status === 'pending-acceptance' ? `accept it in account ${pcx.accepter.accountId}` : 'create a new peering connection and have it accepted'}.`,
          vpcPeeringConnection: hop.fields.component,
          state: status,
        });
      }
      continue;
    }
    const subnet = source ? ix.subnet(source.eni.subnetId) : undefined;
    const table = subnet && ix.routeTableOf(subnet);
    const tableHop = table && path.find(table.id);
    const overridden = table && pcx ? routesCovering(ix.routes(table), start).find((r) => pcxOf(r) === id) : undefined;
    if (table && tableHop && overridden) {
      const used = tableHop.fields.routeTableRoute;
      path.explain(tableHop, {
        code: 'MORE_SPECIFIC_ROUTE',
        sentence: `Route table ${table.id} sends the traffic by ${used?.destinationCidr ?? 'a more specific route'}, not by ${overridden.cidr} → ${id} as the analysis requires; remove or narrow the more specific route, or add a more specific one to ${id}.`,
        routeTable: tableHop.fields.component,
        routeTableRoute: routeHit(overridden),
      });
      continue;
    }
    const last = path.last;
    if (!last) continue;
    const scoped = pcx ? ix.ref(id, pcx.requester) : findRef(ix, id);
    path.explain(last, {
      code: 'COMPONENT_FILTER_RESTRICTION',
      sentence: `The path does not go through ${id}, which the analysis requires; route the traffic through it or drop it from the filter.`,
      ...(scoped ? { component: scoped } : {}),
    });
  }
}

function findRef(ix: WorldIndex, id: string) {
  const r = ix.eni(id) ?? ix.group(id) ?? ix.instance(id) ?? ix.subnet(id) ?? ix.vpc(id);
  return r ? refOf(ix, r) : undefined;
}
