import type { DataplanePlan } from './dataplane-plan.js';
import { IPV6_GATEWAY, LOCAL_TABLE, MTU_IN_REGION } from './dataplane-plan.js';

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
  /**
   * The namespace holding the other end of the veth this fact makes or uses (a device, an address
   * or route on it, a rule naming it). Rebuilding either namespace redoes the fact: deleting a
   * veth takes both ends, and what they held, with it.
   */
  readonly peerNs?: string;
}

/**
 * An instance's kernel tables, one per interface (device order from here up): each holds that
 * interface's way out, and a rule sends what leaves from its addresses there.
 */
export const HOST_FIRST_TABLE = 100;

/** The facts of a plan, in the order they are applied. */
export function kernelFacts(plan: DataplanePlan): KernelFact[] {
  const facts: KernelFact[] = [];
  // Where the other end of each veth is, by namespace and device.
  const farEnd = new Map<string, string>();
  const at = (ns: string, dev: string): string => `${ns}\u0000${dev}`;
  for (const r of plan.routers) for (const l of r.links) farEnd.set(at(r.ns, l.dev), l.peerNs);
  for (const h of plan.hosts) {
    for (const i of h.interfaces) {
      farEnd.set(at(h.ns, i.dev), i.routerNs);
      farEnd.set(at(i.routerNs, i.routerDev), h.ns);
    }
  }
  /** A fact in a namespace, about `dev` when it names one. */
  const fact = (ns: string, phase: 2 | 3, add: string, del: string | undefined, dev: string | undefined, family?: 'inet6'): void => {
    const peerNs = dev === undefined ? undefined : farEnd.get(at(ns, dev));
    facts.push({ ns, phase, add, ...(del === undefined ? {} : { del }), ...(family ? { family } : {}), ...(peerNs === undefined ? {} : { peerNs }) });
  };
  const inNs = (ns: string, add: string, del?: string, dev?: string): void => fact(ns, 3, add, del, dev);
  // Policy rules are read as IPv4 unless the batch says otherwise, even `to <IPv6 block>`.
  const rule6 = (ns: string, spec: string, dev?: string): void => fact(ns, 3, `rule add ${spec}`, `rule del ${spec}`, dev, 'inet6');
  /** A policy rule, for IPv4 and (when the VPC has IPv6) again for IPv6. */
  const rule = (ns: string, spec: string, ipv6: boolean, dev?: string): void => {
    inNs(ns, `rule add ${spec}`, `rule del ${spec}`, dev);
    if (ipv6) rule6(ns, spec, dev);
  };
  /** A route (and its undo), in `table` when given. */
  const route = (ns: string, spec: string, dev: string, table?: number): void => {
    const where = table === undefined ? '' : ` table ${table}`;
    inNs(ns, `route add ${spec}${where}`, `route del ${spec}${where}`, dev);
  };
  for (const r of plan.routers) {
    facts.push({ ns: '', phase: 1, add: `netns add ${r.ns}`, del: `netns del ${r.ns}`, namespace: { name: r.ns, kind: 'router' } });
    inNs(r.ns, 'link set lo up');
    for (const l of r.links) {
      if (l.creates) fact(r.ns, 2, `link add ${l.dev} type veth peer name ${l.dev} netns ${l.peerNs}`, `link del ${l.dev}`, l.dev);
      inNs(r.ns, `address add ${l.local}/64 dev ${l.dev} nodad`, `address del ${l.local}/64 dev ${l.dev}`, l.dev);
      inNs(r.ns, `link set ${l.dev} mtu ${l.mtu} up`, undefined, l.dev);
    }
    const ipv6 = r.cidrs6.length > 0;
    for (const p of r.ports) {
      inNs(r.ns, `link set ${p.dev} mtu ${MTU_IN_REGION} up`, undefined, p.dev);
      inNs(r.ns, `address add ${p.gateway}/32 dev ${p.dev}`, `address del ${p.gateway}/32 dev ${p.dev}`, p.dev);
      if (p.ipv6s.length > 0) inNs(r.ns, `address add ${IPV6_GATEWAY}/64 dev ${p.dev} nodad`, `address del ${IPV6_GATEWAY}/64 dev ${p.dev}`, p.dev);
      for (const ip of p.ips) route(r.ns, `${ip}/32 dev ${p.dev}`, p.dev, LOCAL_TABLE);
      for (const ip of p.ipv6s) route(r.ns, `${ip}/128 dev ${p.dev}`, p.dev, LOCAL_TABLE);
      if (p.table > 0) rule(r.ns, `pref 1000 iif ${p.dev} lookup ${p.table}`, ipv6, p.dev);
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
      for (const to of t.routes) {
        // IPv4 routes take the far end's link-local IPv6 address as next hop (RFC 5549).
        if (to.target.kind === 'link') route(r.ns, `${to.destination} via inet6 ${to.target.via} dev ${to.target.dev}`, to.target.dev, t.table);
        else inNs(r.ns, `route add blackhole ${to.destination} table ${t.table}`, `route del blackhole ${to.destination} table ${t.table}`);
      }
    }
  }
  for (const h of plan.hosts) {
    facts.push({ ns: '', phase: 1, add: `netns add ${h.ns}`, del: `netns del ${h.ns}`, namespace: { name: h.ns, kind: 'host' } });
    inNs(h.ns, 'link set lo up');
    const firstIpv6 = h.interfaces.findIndex((x) => x.ipv6s.length > 0);
    h.interfaces.forEach((i, n) => {
      const dev = i.dev;
      fact(h.ns, 2, `link add ${dev} type veth peer name ${i.routerDev} netns ${i.routerNs}`, `link del ${dev}`, dev);
      // Instances have jumbo frames within their Region, as on AWS.
      inNs(h.ns, `link set ${dev} mtu ${MTU_IN_REGION} up`, undefined, dev);
      // Shown as in the subnet, as on an instance, but with no on-link route: every packet goes
      // through the VPC router, where groups and ACLs are applied (even within the subnet).
      for (const ip of i.ips) inNs(h.ns, `address add ${ip}/${i.prefixLength} dev ${dev} noprefixroute`, `address del ${ip}/${i.prefixLength} dev ${dev}`, dev);
      for (const ip of i.ipv6s) inNs(h.ns, `address add ${ip}/64 dev ${dev} noprefixroute nodad`, `address del ${ip}/64 dev ${dev}`, dev);
      // Each interface has its own table, and what leaves from its addresses uses it: a reply
      // leaves by the interface its request came in on (the router's source/dest check drops it
      // on another), and two interfaces in one subnet do not both claim the gateway in one table
      // (the kernel refuses the second, File exists). This is the policy routing an instance's
      // OS does for a second interface on AWS (ec2-net-utils).
      const table = HOST_FIRST_TABLE + n;
      route(h.ns, `${i.gateway} dev ${dev}`, dev, table);
      route(h.ns, `default via ${i.gateway} dev ${dev}`, dev, table);
      for (const ip of i.ips) inNs(h.ns, `rule add pref 100 from ${ip} lookup ${table}`, `rule del pref 100 from ${ip} lookup ${table}`);
      if (i.ipv6s.length > 0) route(h.ns, `::/0 via ${IPV6_GATEWAY} dev ${dev}`, dev, table);
      for (const ip of i.ipv6s) rule6(h.ns, `pref 100 from ${ip} lookup ${table}`);
      // What is sent from no address in particular (a plain connect) leaves by the first
      // interface, as from an instance's eth0; the first with IPv6 carries IPv6's default.
      if (n === 0) {
        route(h.ns, `${i.gateway} dev ${dev}`, dev);
        route(h.ns, `default via ${i.gateway} dev ${dev}`, dev);
      }
      if (n === firstIpv6) route(h.ns, `::/0 via ${IPV6_GATEWAY} dev ${dev}`, dev);
    });
  }
  return facts;
}
