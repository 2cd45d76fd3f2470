import type { DataplanePlan } from './dataplane-plan.js';
import { LOCAL_TABLE } from './dataplane-plan.js';

/**
 * One thing the kernel must hold, as the `ip -batch` line that makes it and the one that undoes
 * it. A plan becomes a list of facts; the agent applies the difference between the facts it last
 * applied and the new ones, so a change touches only what changed (DATAPLANE.md §4).
 *
 * Phases order the work: namespaces (1, in the agent's own namespace, ns ''), veth pairs (2,
 * created from one end's namespace), then everything inside a namespace (3). Lines within a
 * phase keep the plan's order (a device is up before its routes), and undo runs in reverse.
 */
export interface KernelFact {
  readonly ns: string;
  readonly phase: 1 | 2 | 3;
  readonly add: string;
  /** Absent when nothing needs undoing by hand (e.g. `link set up`: the device goes with its pair). */
  readonly del?: string;
  /** On a phase-1 fact: the namespace it makes, and its kind (the agent sets sysctls by kind). */
  readonly namespace?: { readonly name: string; readonly kind: 'router' | 'host' };
}

/** The facts of a plan, in the order they are applied. */
export function kernelFacts(plan: DataplanePlan): KernelFact[] {
  const facts: KernelFact[] = [];
  const inNs = (ns: string, add: string, del?: string): void => {
    facts.push(del === undefined ? { ns, phase: 3, add } : { ns, phase: 3, add, del });
  };
  for (const r of plan.routers) {
    facts.push({ ns: '', phase: 1, add: `netns add ${r.ns}`, del: `netns del ${r.ns}`, namespace: { name: r.ns, kind: 'router' } });
    inNs(r.ns, 'link set lo up');
    for (const l of r.links) {
      if (l.creates) facts.push({ ns: r.ns, phase: 2, add: `link add ${l.dev} type veth peer name ${l.dev} netns ${l.peerNs}`, del: `link del ${l.dev}` });
      inNs(r.ns, `address add ${l.local}/64 dev ${l.dev} nodad`, `address del ${l.local}/64 dev ${l.dev}`);
      inNs(r.ns, `link set ${l.dev} up`);
    }
    for (const p of r.ports) {
      inNs(r.ns, `link set ${p.dev} up`);
      inNs(r.ns, `address add ${p.gateway}/32 dev ${p.dev}`, `address del ${p.gateway}/32 dev ${p.dev}`);
      for (const ip of p.ips) inNs(r.ns, `route add ${ip}/32 dev ${p.dev} table ${LOCAL_TABLE}`, `route del ${ip}/32 dev ${p.dev} table ${LOCAL_TABLE}`);
      if (p.table > 0) inNs(r.ns, `rule add pref 1000 iif ${p.dev} lookup ${p.table}`, `rule del pref 1000 iif ${p.dev} lookup ${p.table}`);
    }
    // The VPC's own blocks go to the local table, from anywhere (the `local` route wins for
    // them); what the local table does not know inside them is dropped, never sent elsewhere.
    for (const c of r.cidrs) {
      inNs(r.ns, `route add blackhole ${c} table ${LOCAL_TABLE}`, `route del blackhole ${c} table ${LOCAL_TABLE}`);
      inNs(r.ns, `rule add pref 100 to ${c} lookup ${LOCAL_TABLE}`, `rule del pref 100 to ${c} lookup ${LOCAL_TABLE}`);
    }
    // Whatever no rule above routed (a peering link's packets for elsewhere: transit) is dropped.
    inNs(r.ns, 'rule add pref 32000 blackhole', 'rule del pref 32000 blackhole');
    for (const t of r.tables) {
      for (const route of t.routes) {
        const how = route.target.kind === 'link' ? `${route.destination} via inet6 ${route.target.via} dev ${route.target.dev}` : `blackhole ${route.destination}`;
        inNs(r.ns, `route add ${how} table ${t.table}`, `route del ${how} table ${t.table}`);
      }
    }
  }
  for (const h of plan.hosts) {
    facts.push({ ns: '', phase: 1, add: `netns add ${h.ns}`, del: `netns del ${h.ns}`, namespace: { name: h.ns, kind: 'host' } });
    inNs(h.ns, 'link set lo up');
    h.interfaces.forEach((i, n) => {
      facts.push({ ns: h.ns, phase: 2, add: `link add ${i.dev} type veth peer name ${i.routerDev} netns ${i.routerNs}`, del: `link del ${i.dev}` });
      inNs(h.ns, `link set ${i.dev} up`);
      // Shown as in the subnet, as on an instance, but with no on-link route: every packet goes
      // through the VPC router, where groups and ACLs are applied (even within the subnet).
      for (const ip of i.ips) inNs(h.ns, `address add ${ip}/${i.prefixLength} dev ${i.dev} noprefixroute`, `address del ${ip}/${i.prefixLength} dev ${i.dev}`);
      inNs(h.ns, `route add ${i.gateway} dev ${i.dev}`, `route del ${i.gateway} dev ${i.dev}`);
      if (n === 0) inNs(h.ns, `route add default via ${i.gateway} dev ${i.dev}`, `route del default via ${i.gateway} dev ${i.dev}`);
    });
  }
  return facts;
}
