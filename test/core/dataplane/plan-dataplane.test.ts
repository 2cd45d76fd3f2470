// The data plane's planner (pure): what the kernel should hold for a world. Real packets are
// checked against the analyzer in test/dataplane/; these pin the plan's shape and edge cases.
import { describe, expect, it } from 'vitest';
import { deviceName } from '../../../src/core/dataplane/device-name.js';
import { kernelFacts } from '../../../src/core/dataplane/kernel-facts.js';
import { planDataplane } from '../../../src/core/dataplane/plan-dataplane.js';
import { OTHER, peeredPair, WorldBuilder } from '../reachability/world-builder.js';

const factLines = (facts: ReturnType<typeof kernelFacts>, ns: string): string[] => facts.filter((f) => f.ns === ns).map((f) => f.add);

describe('planDataplane', () => {
  it('two peered VPCs: a router each, a host per free interface, the peering link, routes by longest prefix', () => {
    const { w, a, b, pcx, eniA, eniB } = peeredPair();
    const plan = planDataplane(w.build());
    expect(plan.routers.map((r) => r.vpcId)).toEqual([a, b].sort());
    expect(plan.hosts.map((h) => h.id).sort()).toEqual([eniA, eniB].sort());
    const routerA = plan.routers.find((r) => r.vpcId === a);
    const link = deviceName('p', pcx);
    expect(routerA?.links).toEqual([{ peeringId: pcx, dev: link, creates: true, peerNs: `vpcp-r-${b}`, local: 'fe80::1', remote: 'fe80::2', mtu: 9001 }]);
    expect(routerA?.tables[0]?.routes).toEqual([{ destination: '10.1.0.0/16', target: { kind: 'link', dev: link, via: 'fe80::2' } }]);
    const host = plan.hosts.find((h) => h.id === eniA);
    expect(host?.interfaces).toEqual([{ eniId: eniA, dev: 'eth0', routerNs: `vpcp-r-${a}`, routerDev: deviceName('e', eniA), ips: ['10.0.1.10'], prefixLength: 24, gateway: '10.0.1.1', ipv6s: [] }]);

    const facts = kernelFacts(plan);
    expect(factLines(facts, `vpcp-r-${a}`)).toEqual(
      expect.arrayContaining([
        `link add ${link} type veth peer name ${link} netns vpcp-r-${b}`,
        `route add 10.0.1.10/32 dev ${deviceName('e', eniA)} table 100`,
        'route add blackhole 10.0.0.0/16 table 100',
        'rule add pref 100 to 10.0.0.0/16 lookup 100',
        `rule add pref 1000 iif ${deviceName('e', eniA)} lookup 1000`,
        'rule add pref 32000 blackhole',
        `route add 10.1.0.0/16 via inet6 fe80::2 dev ${link} table 1000`,
      ]),
    );
    // The accepter's side does not create the pair again.
    expect(factLines(facts, `vpcp-r-${b}`).some((l) => l.startsWith('link add'))).toBe(false);
    expect(factLines(facts, `vpcp-h-${eniA}`)).toEqual([
      'link set lo up',
      `link add eth0 type veth peer name ${deviceName('e', eniA)} netns vpcp-r-${a}`,
      'link set eth0 mtu 9001 up',
      'address add 10.0.1.10/24 dev eth0 noprefixroute',
      'route add 10.0.1.1 dev eth0 table 100',
      'route add default via 10.0.1.1 dev eth0 table 100',
      'rule add pref 100 from 10.0.1.10 lookup 100',
      'route add 10.0.1.1 dev eth0',
      'route add default via 10.0.1.1 dev eth0',
    ]);
    // What a rebuild of one namespace must redo elsewhere: the facts about veths ending in it.
    expect(facts.find((f) => f.add === `link add eth0 type veth peer name ${deviceName('e', eniA)} netns vpcp-r-${a}`)?.peerNs).toBe(`vpcp-r-${a}`);
    expect(facts.find((f) => f.add === `rule add pref 1000 iif ${deviceName('e', eniA)} lookup 1000`)?.peerNs).toBe(`vpcp-h-${eniA}`);
    expect(facts.find((f) => f.add === `route add 10.1.0.0/16 via inet6 fe80::2 dev ${link} table 1000`)?.peerNs).toBe(`vpcp-r-${b}`);
    expect(facts.find((f) => f.add === 'rule add pref 32000 blackhole')?.peerNs).toBeUndefined();
  });

  it('MTU as on AWS: 9001 within a Region (interfaces, peerings), 8500 over an inter-Region peering', () => {
    const sameRegion = kernelFacts(planDataplane(peeredPair().w.build()));
    const { w, a, pcx, eniA } = peeredPair({ bWhere: { region: 'eu-west-1' } });
    const plan = planDataplane(w.build());
    expect(plan.routers.flatMap((r) => r.links.map((l) => l.mtu))).toEqual([8500, 8500]);
    const facts = kernelFacts(plan);
    const link = deviceName('p', pcx);
    expect(factLines(facts, `vpcp-r-${a}`)).toEqual(expect.arrayContaining([`link set ${link} mtu 8500 up`, `link set ${deviceName('e', eniA)} mtu 9001 up`]));
    // Both routers' ends of the same-Region peering.
    expect(sameRegion.filter((f) => /^link set p\S+ mtu/.test(f.add)).map((f) => f.add.replace(/^link set p\S+ /, ''))).toEqual(['mtu 9001 up', 'mtu 9001 up']);
    expect(factLines(facts, `vpcp-h-${eniA}`)).toContain('link set eth0 mtu 9001 up');
  });

  it('two interfaces of one instance in one subnet: each its own table and rule, the gateway once per table', () => {
    const { w, a, eniA } = peeredPair();
    const subnet = w.networkInterfaces.find((e) => e.id === eniA)?.subnetId as string;
    const instance = w.instance(eniA);
    const second = w.eni(subnet, '10.0.1.20', []);
    w.attach(second, instance, 1);
    const plan = planDataplane(w.build());
    expect(plan.hosts.find((h) => h.id === instance)?.interfaces.map((i) => i.dev)).toEqual(['eth0', 'eth1']);
    const lines = factLines(kernelFacts(plan), `vpcp-h-${instance}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'route add 10.0.1.1 dev eth1 table 101',
        'route add default via 10.0.1.1 dev eth1 table 101',
        'rule add pref 100 from 10.0.1.20 lookup 101',
        'route add default via 10.0.1.1 dev eth0',
      ]),
    );
    // The kernel keys an IPv4 route by destination, table and metric, not device: no two alike.
    const routeKeys = lines.filter((l) => l.startsWith('route add')).map((l) => `${l.split(' ')[2]} ${/table (\d+)/.exec(l)?.[1] ?? 'main'}`);
    expect(new Set(routeKeys).size).toBe(routeKeys.length);
    expect(plan.routers.find((r) => r.vpcId === a)?.ports.map((p) => p.eniId).sort()).toEqual([eniA, second].sort());
  });

  it('a connection that is not active has no link, and routes to it are blackholes', () => {
    for (const status of ['pending-acceptance', 'rejected', 'deleted', 'expired'] as const) {
      const { w, a } = peeredPair({ status });
      const plan = planDataplane(w.build());
      const routerA = plan.routers.find((r) => r.vpcId === a);
      expect(routerA?.links, status).toEqual([]);
      expect(routerA?.tables[0]?.routes, status).toEqual([{ destination: '10.1.0.0/16', target: { kind: 'blackhole' } }]);
    }
  });

  it('only running instances carry traffic; a VPC with nothing running has no router', () => {
    const w = new WorldBuilder();
    const v = w.vpc('v', '10.5.0.0/16');
    const idle = w.vpc('idle', '10.6.0.0/16');
    w.subnet(idle, '10.6.1.0/24');
    const s = w.subnet(v, '10.5.1.0/24');
    const g = w.group(v, { egress: [{ protocol: '-1' }] });
    const running = w.instance(w.eni(s, '10.5.1.10', [g]), 'running');
    w.instance(w.eni(s, '10.5.1.11', [g]), 'stopped');
    w.instance(w.eni(s, '10.5.1.12', [g]), 'terminated');
    const plan = planDataplane(w.build());
    expect(plan.hosts.map((h) => h.id)).toEqual([running]);
    expect(plan.routers.map((r) => r.vpcId)).toEqual([v]);
  });

  it('renders groups and ACLs: union of rules, references by device and address, ACL entries in order', () => {
    const { w, b, sgA, sgB, subB, pcx } = peeredPair();
    w.addRules(sgB, { ingress: [{ protocol: 'udp', ports: [53, 53], group: sgA }] });
    w.acl(b, [{ ruleNumber: 200, egress: false, protocol: '6', action: 'allow', cidr: '10.0.0.0/8', portRange: { from: 443, to: 443 } }, { ruleNumber: 100, egress: false, protocol: '-1', action: 'deny', cidr: '10.0.9.0/24' }], [subB]);
    const nft = planDataplane(w.build()).routers.find((r) => r.vpcId === b)?.nft ?? '';
    expect(nft).toContain('ip saddr 10.0.0.0/16 meta l4proto tcp th dport 443 return');
    expect(nft).toContain(`iifname . ip saddr { "${deviceName('p', pcx)}" . 10.0.1.10 } meta l4proto udp th dport 53 return`);
    const acl = nft.slice(nft.indexOf(`chain acl_in_${subB.replace(/-/g, '_')}`));
    const lines = acl.split('\n').slice(1, 6).map((l) => l.trim());
    expect(lines).toEqual([`iifname { "${deviceName('e', w.networkInterfaces.find((e) => e.subnetId === subB)?.id ?? '')}" } return`, 'ip saddr 10.0.9.0/24 drop', 'ip saddr 10.0.0.0/8 meta l4proto tcp th dport 443 return', 'ip saddr 0.0.0.0/0 drop', 'drop']);
    // No transit and the source/destination check come before anything a rule could allow.
    expect(nft.indexOf('iifname "p*" oifname != "e*" drop')).toBeLessThan(nft.indexOf('ct state established,related accept'));
  });

  it('a peer group reference through a connection across Regions matches nothing (references need one Region)', () => {
    const { w, b, sgA, sgB } = peeredPair({ bWhere: { account: OTHER, region: 'eu-west-1' } });
    w.addRules(sgB, { ingress: [{ protocol: 'udp', ports: [53, 53], group: sgA }] });
    const nft = planDataplane(w.build()).routers.find((r) => r.vpcId === b)?.nft ?? '';
    expect(nft).not.toContain('dport 53');
  });

  it('a changed route changes one fact: the agent applies only the difference', () => {
    const { w, a, pcx } = peeredPair();
    const before = kernelFacts(planDataplane(w.build()));
    w.route(w.mainTable(a), '10.1.5.0/24', pcx);
    const after = kernelFacts(planDataplane(w.build()));
    const key = (f: { ns: string; add: string }): string => `${f.ns} ${f.add}`;
    const was = new Set(before.map(key));
    expect(after.filter((f) => !was.has(key(f))).map((f) => f.add)).toEqual([`route add 10.1.5.0/24 via inet6 fe80::2 dev ${deviceName('p', pcx)} table 1000`]);
    expect(before.filter((f) => !new Set(after.map(key)).has(key(f)))).toEqual([]);
  });

  it('IPv6: addresses and fe80::1 next hops, /128 local routes, IPv6 policy rules in their own family, peer routes, src check and group references', () => {
    const { w, a, b, pcx, eniA, eniB, subA, subB, sgA, sgB } = peeredPair();
    w.ipv6(a, '2600:1f18:a::/56', { [subA]: '2600:1f18:a:1::/64' }, { [eniA]: '2600:1f18:a:1::10' });
    w.ipv6(b, '2600:1f18:b::/56', { [subB]: '2600:1f18:b:1::/64' }, { [eniB]: '2600:1f18:b:1::20' });
    w.route(w.mainTable(a), '2600:1f18:b::/56', pcx);
    w.addRules(sgB, { ingress: [{ protocol: 'tcp', ports: [80, 80], group: sgA }] });
    const plan = planDataplane(w.build());
    const link = deviceName('p', pcx);
    const portA = deviceName('e', eniA);
    expect(plan.routers.find((r) => r.vpcId === a)?.tables[0]?.routes).toContainEqual({ destination: '2600:1f18:b::/56', target: { kind: 'link', dev: link, via: 'fe80::2' } });

    const facts = kernelFacts(plan);
    const routerA = facts.filter((f) => f.ns === `vpcp-r-${a}`);
    const lines = (family?: 'inet6'): string[] => routerA.filter((f) => f.family === family).map((f) => f.add);
    expect(lines()).toEqual(
      expect.arrayContaining([
        `address add fe80::1/64 dev ${portA} nodad`,
        `route add 2600:1f18:a:1::10/128 dev ${portA} table 100`,
        'route add blackhole 2600:1f18:a::/56 table 100',
        `route add 2600:1f18:b::/56 via inet6 fe80::2 dev ${link} table 1000`,
      ]),
    );
    // `ip -batch` reads every rule as IPv4: IPv6 rules are a family of their own.
    expect(lines().some((l) => l.startsWith('rule') && l.includes(':'))).toBe(false);
    expect(lines('inet6').sort()).toEqual(['rule add pref 100 to 2600:1f18:a::/56 lookup 100', `rule add pref 1000 iif ${portA} lookup 1000`, 'rule add pref 32000 blackhole'].sort());
    expect(factLines(facts, `vpcp-h-${eniA}`)).toEqual(expect.arrayContaining(['address add 2600:1f18:a:1::10/64 dev eth0 noprefixroute nodad', 'route add ::/0 via fe80::1 dev eth0']));

    const nftA = plan.routers.find((r) => r.vpcId === a)?.nft ?? '';
    expect(nftA).toContain('set vpc6 { type ipv6_addr; flags interval; elements = { 2600:1f18:a::/56 } }');
    expect(nftA).toContain(`set src_ok6 { type ifname . ipv6_addr; elements = { "${portA}" . 2600:1f18:a:1::10 } }`);
    expect(nftA).toContain('iifname "p*" ip6 daddr != @vpc6 drop');
    // A reference stands for the member's IPv6 address as well as its IPv4 one.
    const nftB = plan.routers.find((r) => r.vpcId === b)?.nft ?? '';
    expect(nftB).toContain(`iifname . ip saddr { "${link}" . 10.0.1.10 } meta l4proto tcp th dport 80 return`);
    expect(nftB).toContain(`iifname . ip6 saddr { "${link}" . 2600:1f18:a:1::10 } meta l4proto tcp th dport 80 return`);
  });

  it('a VPC without IPv6 gets no IPv6 rule, address or route', () => {
    const { w, a } = peeredPair();
    const facts = kernelFacts(planDataplane(w.build())).filter((f) => f.ns.endsWith(a));
    expect(facts.filter((f) => f.family === 'inet6' || f.add.includes('fe80::1/64 dev e') || f.add.includes('::/0'))).toEqual([]);
  });
});
