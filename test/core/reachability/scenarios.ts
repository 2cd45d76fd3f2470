// Worlds for the situations of issue 11 point 3 and REACHABILITY.md §2.4, shared by the
// situation tests and the contract test that checks every code the analyzer emits.
import type { PathHop } from '../../../src/core/reachability/analysis-result.js';
import type { ReachQuery, ReachWorld } from '../../../src/core/reachability/reach-world.js';
import { OTHER, WorldBuilder, peeredPair, query } from './world-builder.js';

export interface Scenario {
  readonly name: string;
  readonly world: ReachWorld;
  readonly query: ReachQuery;
}

const HTTPS = { destinationPorts: { from: 443, to: 443 } };

/** "eni-…", "rtb-… !NO_ROUTE_TO_DESTINATION": a hop list one can read in a failure message. */
export function hopList(hops: readonly PathHop[]): string[] {
  return hops.map((h) => `${h.component.id}${h.explanations.map((e) => ` !${e.code}`).join('')}`);
}

/** Three VPCs in a line: A peers B, B peers C; A routes C's block to the A-B peering. */
export function transitive() {
  const w = new WorldBuilder();
  const a = w.vpc('vpc-A', '10.0.0.0/16');
  const b = w.vpc('vpc-B', '10.1.0.0/16');
  const c = w.vpc('vpc-C', '10.2.0.0/16');
  const subA = w.subnet(a, '10.0.1.0/24');
  const subC = w.subnet(c, '10.2.2.0/24');
  const ab = w.peering(a, b);
  const bc = w.peering(b, c);
  w.route(w.mainTable(a), '10.1.0.0/16', ab);
  w.route(w.mainTable(a), '10.2.0.0/16', ab);
  w.route(w.mainTable(b), '10.2.0.0/16', bc);
  const all = w.group(a, { ingress: [{ protocol: '-1' }], egress: [{ protocol: '-1' }] });
  const allC = w.group(c, { ingress: [{ protocol: '-1' }], egress: [{ protocol: '-1' }] });
  const eniA = w.eni(subA, '10.0.1.10', [all]);
  const eniC = w.eni(subC, '10.2.2.2', [allC]);
  return { w, a, b, c, ab, bc, eniA, eniC };
}

/**
 * A hub X (10.0.0.0/16) peered with P and Q, which both use 10.1.0.0/16 (VPC peering guide,
 * "peering configurations with specific routes"). `hubRoutes` are X's routes by target name.
 */
export function overlapping(hubRoutes: readonly (readonly [string, 'P' | 'Q'])[]) {
  const w = new WorldBuilder();
  const x = w.vpc('vpc-X', '10.0.0.0/16');
  const p = w.vpc('vpc-P', '10.1.0.0/16');
  const q = w.vpc('vpc-Q', '10.1.0.0/16');
  const subX = w.subnet(x, '10.0.0.0/24');
  const subP = w.subnet(p, '10.1.0.0/24');
  const subQ = w.subnet(q, '10.1.0.0/24');
  const xp = w.peering(x, p);
  const xq = w.peering(x, q);
  for (const [cidr, to] of hubRoutes) w.route(w.mainTable(x), cidr, to === 'P' ? xp : xq);
  w.route(w.mainTable(p), '10.0.0.0/16', xp);
  w.route(w.mainTable(q), '10.0.0.0/16', xq);
  const open = (vpc: string) => w.group(vpc, { ingress: [{ protocol: '-1' }], egress: [{ protocol: '-1' }] });
  const eniX = w.eni(subX, '10.0.0.5', [open(x)]);
  const eniP = w.eni(subP, '10.1.0.10', [open(p)]);
  const eniQ = w.eni(subQ, '10.1.0.20', [open(q)]);
  return { w, x, p, q, xp, xq, eniX, eniP, eniQ };
}

/** One scenario per situation; the contract test runs them all. */
export function allScenarios(): Scenario[] {
  const out: Scenario[] = [];
  const pair = (name: string, opts: Parameters<typeof peeredPair>[0], more: Partial<ReachQuery> = {}) => {
    const s = peeredPair(opts);
    out.push({ name, world: s.w.build(), query: query(s.eniA, { destination: s.eniB, ...HTTPS, ...more }) });
  };
  pair('found', {});
  pair('no route at source', { routeA: null });
  pair('no route back', { routeB: null });
  pair('partial route', { routeA: '10.1.2.0/24' });
  for (const status of ['pending-acceptance', 'rejected', 'deleted', 'failed', 'expired'] as const) pair(`pcx ${status}`, { status });
  pair('spoofed source', {}, { sourceIp: '10.0.1.99' });
  pair('wrong destination address', {}, { destinationIp: '10.1.1.21' });
  pair('ip destination', {}, { destination: undefined, destinationIp: '10.1.1.20' });
  pair('ip destination nobody owns', {}, { destination: undefined, destinationIp: '10.1.1.99' });
  pair('ipv6', {}, { destination: undefined, destinationIp: '2600:1f18::1' } as Partial<ReachQuery>);
  pair('missing source', {}, { source: 'eni-0123456789abcdef0' });
  const without = peeredPair();
  out.push({ name: 'peering filtered out', world: without.w.build(), query: query(without.eniA, { destination: without.eniB, filterOut: [without.pcx], ...HTTPS }) });
  out.push({ name: 'only admitting group filtered out', world: without.w.build(), query: query(without.eniA, { destination: without.eniB, filterOut: [without.sgB], ...HTTPS }) });
  const other = peeredPair({ bWhere: { account: OTHER } });
  out.push({ name: 'cross-account', world: other.w.build(), query: query(other.eniA, { destination: other.eniB, ...HTTPS }) });
  const region = peeredPair({ bWhere: { region: 'eu-west-1' } });
  out.push({ name: 'inter-region', world: region.w.build(), query: query(region.eniA, { destination: region.eniB, ...HTTPS }) });
  const pcxDest = peeredPair({ routeA: null });
  out.push({ name: 'pcx destination', world: pcxDest.w.build(), query: query(pcxDest.eniA, { destination: pcxDest.pcx }) });
  const sg = peeredPair({});
  sg.w.removeGroup(sg.sgB);
  sg.w.group(sg.b, {});
  out.push({ name: 'stale group', world: sg.w.build(), query: query(sg.eniA, { destination: sg.eniB, ...HTTPS }) });
  const acl = peeredPair({});
  acl.w.acl(acl.b, [{ ruleNumber: 100, egress: false, protocol: '6', action: 'allow', cidr: '10.0.0.0/16', portRange: { from: 443, to: 443 } }], [acl.subB]);
  out.push({ name: 'acl without return rule', world: acl.w.build(), query: query(acl.eniA, { destination: acl.eniB, ...HTTPS }) });
  const t = transitive();
  out.push({ name: 'transitive', world: t.w.build(), query: query(t.eniA, { destination: t.eniC, ...HTTPS }) });
  const o = overlapping([['10.1.0.0/16', 'Q']]);
  out.push({ name: 'reply over the wrong pcx', world: o.w.build(), query: query(o.eniP, { destination: o.eniX, ...HTTPS }) });
  const o2 = overlapping([['10.1.0.0/16', 'P'], ['10.1.0.0/24', 'Q']]);
  out.push({ name: 'reply by a more specific route', world: o2.w.build(), query: query(o2.eniP, { destination: o2.eniX, ...HTTPS }) });
  // An internet gateway at either end (internet-walk.ts): SSH from the internet the group does not
  // admit, and traffic out from an interface with no public address and no route.
  const web = new WorldBuilder();
  const webVpc = web.vpc('vpc-web', '10.0.0.0/16');
  const igw = web.igw(webVpc);
  const webEni = web.eni(web.subnet(webVpc, '10.0.2.0/24'), '10.0.2.87', [web.group(webVpc, { egress: [{ protocol: '-1' }] })]);
  web.publicIp(webEni, '34.230.71.227');
  const bare = web.eni(web.subnet(webVpc, '10.0.3.0/24'), '10.0.3.9', [web.group(webVpc, { egress: [{ protocol: '-1' }] })]);
  out.push({ name: 'from the internet', world: web.build(), query: query(igw, { destination: webEni, destinationPorts: { from: 22, to: 22 } }) });
  out.push({ name: 'to the internet', world: web.build(), query: query(bare, { destination: igw }) });
  return out;
}
