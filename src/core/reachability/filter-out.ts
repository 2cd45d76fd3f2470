import type { ComponentRef } from './analysis-result.js';
import { sentence } from './explanation-sentence.js';
import type { PathBuilder } from './path-builder.js';
import type { WorldIndex } from './world-index.js';

/**
 * Components the path must do without (StartNetworkInsightsAnalysis FilterOutArns: "the resources
 * that the path must ignore", EC2 model). Routing here gives each packet one way (no ECMP, one
 * route table per subnet, one ACL per subnet), so a path that needs an excluded component has no
 * other: it is not found, and the hop that uses the component says so with
 * COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT ("There is no path that traverses the specified
 * component because of an intermediate component filter", explanation-codes page, search filter
 * codes; which hop carries it and `component` naming what was removed are our choice [I]). A hop
 * uses its component and the subnet and VPCs it names (a peering's two VPCs); the instance an
 * interface is attached to is used only when the path names the instance (it is a hop of its own
 * then). Security groups are handled where they are evaluated (security-group-evaluate.ts): an
 * excluded group lends no rule, and matters only when no other group admits the traffic.
 */
export function applyFilterOut(ix: WorldIndex, path: PathBuilder): void {
  if (!ix.query.filterOut?.length) return;
  const reported = new Set<string>();
  for (const hop of path.hops()) {
    const f = hop.fields;
    const used = [f.component, f.subnet, f.vpc, f.sourceVpc, f.destinationVpc].filter((c): c is ComponentRef => c !== undefined);
    for (const c of used) {
      if (!ix.excluded(c.id) || reported.has(c.id)) continue;
      reported.add(c.id);
      path.explain(hop, { code: 'COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT', sentence: sentence.filteredOut(c.id), component: c });
    }
  }
}
