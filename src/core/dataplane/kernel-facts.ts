import type { DataplanePlan } from './dataplane-plan.js';
import { IPV6_GATEWAY, LOCAL_TABLE } from './dataplane-plan.js';

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
  /**
   * `inet6` for an IPv6 policy rule: `ip -batch` reads every rule as IPv4 (one with an IPv6
   * address fails) and has no per-line `-6` (DATAPLANE.md pitfall 7), so these go through
   * `ip -family inet6 -batch`. Routes and addresses name their family by their addresses.
   */
  readonly family?: 'inet6';
}

/** The facts of a plan, in the order they are applied. */
export function kernelFacts(plan: DataplanePlan): KernelFact[] {
  const facts: KernelFact[] = [];
  const inNs = (ns: string, add: string, del?: string): void => {
    facts.push(del === undefined ? { ns, phase: 3, add } : { ns, phase: 3, add, del });
  };
  // Policy rules are read as IPv4 unless the batch says otherwise, even `to <IPv6 block>`.
  const rule6 = (ns: string, spec: string): void => {
    facts.push({ ns, phase: 3, add: `rule add ${spec}`, del: `rule del ${spec}`, family: 'inet6' });
  };
  /** A policy rule, for IPv4 and (when the VPC has IPv6) again for IPv6. */
  const rule = (ns: string, spec: string, ipv6: boolean): void => {
    inNs(ns, `rule add ${spec}`, `rule del ${spec}`);
    if (ipv6) rule6(ns, spec);
  };
  for (const r of plan.routers) {
    facts.push({ ns: '', phase: 1, add: `netns add ${r.ns}`, del: `netns del ${r.ns}`, namespace: { name: r.ns, kind: 'router' } });
    inNs(r.ns, 'link set lo up');
    for (const l of r.links) {
      if (l.creates) facts.push({ ns: r.ns, phase: 2, add: `link add ${l.dev} type veth peer name ${l.dev} netns ${l.peerNs}`, del: `link del ${l.dev}` });
      inNs(r.ns, `address add ${l.local}/64 dev ${l.dev} nodad`, `address del ${l.local}/64 dev ${l.dev}`);
      inNs(r.ns, `link set ${l.dev} up`);
    }
    const ipv6 = r.cidrs6.length > 0;
    for (const p of r.ports) {
      inNs(r.ns, `link set ${p.dev} up`);
      inNs(r.ns, `address add ${p.gateway}/32 dev ${p.dev}`, `address del ${p.gateway}/32 dev ${p.dev}`);
      if (p.ipv6s.length > 0) inNs(r.ns, `address add ${IPV6_GATEWAY}/64 dev ${p.dev} nodad`, `address del ${IPV6_GATEWAY}/64 dev ${p.dev}`);
      for (const ip of p.ips) inNs(r.ns, `route add ${ip}/32 dev ${p.dev} table ${LOCAL_TABLE}`, `route del ${ip}/32 dev ${p.dev} table ${LOCAL_TABLE}`);
      for (const ip of p.ipv6s) inNs(r.ns, `route add ${ip}/128 dev ${p.dev} table ${LOCAL_TABLE}`, `route del ${ip}/128 dev ${p.dev} table ${LOCAL_TABLE}`);
      if (p.table > 0) rule(r.ns, `pref 1000 iif ${p.dev} lookup ${p.table}`, ipv6);
    }
    // The VPC's own blocks go to the local table, from anywhere (the `local` route wins for
    // them); what the local table does not know inside them is dropped, never sent elsewhere.
    for (const c of r.cidrs) {
      inNs(r.ns, `route add blackhole ${c} table ${LOCAL_TABLE}`, `route del blackhole ${c} table ${LOCAL_TABLE}`);
      rule(r.ns, `pref 100 to ${c} lookup ${LOCAL_TABLE}`, false);
    }
    for (const c of r.cidrs6) {
      inNs(r.ns, `route add blackhole ${c} table ${LOCAL_TABLE}`, `route del blackhole ${c} table ${LOCAL_TABLE}`);
      rule6(r.ns, `pref 100 to ${c} lookup ${LOCAL_TABLE}`);
    }
    // Whatever no rule above routed (a peering link's packets for elsewhere: transit) is dropped.
    rule(r.ns, 'pref 32000 blackhole', ipv6);
    for (const t of r.tables) {
      for (const route of t.routes) {
        // IPv4 routes take the far end's link-local IPv6 address as next hop (RFC 5549).
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
      for (const ip of i.ipv6s) inNs(h.ns, `address add ${ip}/64 dev ${i.dev} noprefixroute nodad`, `address del ${ip}/64 dev ${i.dev}`);
      inNs(h.ns, `route add ${i.gateway} dev ${i.dev}`, `route del ${i.gateway} dev ${i.dev}`);
      if (n === 0) inNs(h.ns, `route add default via ${i.gateway} dev ${i.dev}`, `route del default via ${i.gateway} dev ${i.dev}`);
      // The first interface with IPv6 carries IPv6's default route (an instance's eth0 may have none).
      if (i.ipv6s.length > 0 && h.interfaces.findIndex((x) => x.ipv6s.length > 0) === n) {
        inNs(h.ns, `route add ::/0 via ${IPV6_GATEWAY} dev ${i.dev}`, `route del ::/0 via ${IPV6_GATEWAY} dev ${i.dev}`);
      }
    });
  }
  return facts;
}
