// Paths that start or end at an internet gateway: AWS's getting-started CLI flow (igw -> instance,
// TCP 22), hop by hop as that guide's examples show it, and what blocks it.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Explanation } from '../../../src/core/reachability/analysis-result.js';
import { analyzeReachability } from '../../../src/core/reachability/analyze-reachability.js';
import { hopList } from './scenarios.js';
import { WorldBuilder, query } from './world-builder.js';

const SSH = { destinationPorts: { from: 22, to: 22 } };
const PUBLIC = '34.230.71.227';
const codes = (r: AnalysisResult): string[] => r.explanations.map((e) => e.code);
const only = (r: AnalysisResult): Explanation => {
  expect(r.explanations).toHaveLength(1);
  return r.explanations[0] as Explanation;
};

/** The guide's world: a VPC with a public subnet, an instance with an Elastic IP, its group open to SSH, the default route to the gateway. */
function publicInstance(options: { ssh?: boolean; defaultRoute?: boolean; eip?: boolean; attached?: 'here' | 'detached' | 'elsewhere' } = {}) {
  const w = new WorldBuilder();
  const vpc = w.vpc('vpc-web', '10.0.0.0/16');
  const subnet = w.subnet(vpc, '10.0.2.0/24');
  const other = w.vpc('vpc-other', '10.9.0.0/16');
  const where = options.attached ?? 'here';
  const igw = w.igw(where === 'here' ? vpc : where === 'elsewhere' ? other : null);
  if (options.defaultRoute ?? true) w.route(w.mainTable(vpc), '0.0.0.0/0', igw);
  const sg = w.group(vpc, { ingress: options.ssh ?? true ? [{ ports: [22, 22], cidr: '0.0.0.0/0' }] : [], egress: [{ protocol: '-1' }] });
  const eni = w.eni(subnet, '10.0.2.87', [sg]);
  const instance = w.instance(eni);
  if (options.eip ?? true) w.publicIp(eni, PUBLIC);
  return { w, vpc, subnet, igw, sg, eni, instance, acl: w.defaultAcl(vpc), rtb: w.mainTable(vpc) };
}

describe('from an internet gateway to an instance (the getting-started CLI flow)', () => {
  const s = publicInstance();
  const r = analyzeReachability(s.w.build(), query(s.igw, { destination: s.instance, ...SSH }));

  it('is found: in through the gateway, the ACL, the group, the interface; back by the route to the gateway', () => {
    expect(r.pathFound).toBe(true);
    expect(r.explanations).toEqual([]);
    expect(hopList(r.forward)).toEqual([s.igw, s.acl, s.sg, s.eni, s.instance]);
    expect(hopList(r.return)).toEqual([s.instance, s.eni, s.sg, s.acl, s.rtb, s.igw]);
  });

  it('shows the gateway translating the public address, as the guide prints it', () => {
    const [gateway, acl, sg, eni, instance] = r.forward;
    expect(gateway?.component.arn).toBe(`arn:aws:ec2:us-east-1:111111111111:internet-gateway/${s.igw}`);
    expect(gateway?.vpc?.id).toBe(s.vpc);
    expect(gateway?.inboundHeader?.destinationAddresses).toEqual([`${PUBLIC}/32`]);
    // "Any public address": everything but RFC 1918 and RFC 6598 space.
    expect(gateway?.inboundHeader?.sourceAddresses.slice(0, 4)).toEqual(['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6']);
    expect(gateway?.inboundHeader?.sourceAddresses).not.toContain('10.0.0.0/8');
    expect(gateway?.outboundHeader?.destinationAddresses).toEqual(['10.0.2.87/32']);
    expect(acl?.aclRule).toMatchObject({ egress: false, ruleAction: 'allow', ruleNumber: 100 });
    expect(sg?.securityGroupRule).toEqual({ direction: 'ingress', securityGroupId: s.sg, protocol: 'tcp', portRange: { from: 22, to: 22 }, cidr: '0.0.0.0/0' });
    expect(eni?.attachedTo?.id).toBe(s.instance);
    expect(instance?.inboundHeader).toMatchObject({ protocol: '6', destinationAddresses: ['10.0.2.87/32'], destinationPortRanges: [{ from: 22, to: 22 }] });
    const back = r.return;
    expect(back[0]?.outboundHeader?.sourcePortRanges).toEqual([{ from: 22, to: 22 }]);
    expect(back[2]?.securityGroupRule).toBeUndefined();
    expect(back[3]?.aclRule?.egress).toBe(true);
    expect(back[4]?.routeTableRoute).toEqual({ destinationCidr: '0.0.0.0/0', gatewayId: s.igw, origin: 'createroute', state: 'active' });
    expect(back[5]?.outboundHeader?.sourceAddresses).toEqual([`${PUBLIC}/32`]);
  });

  it('a group without the rule: ENI_SG_RULES_MISMATCH on the interface, the last hop analysed one way (the guide\'s blocked example)', () => {
    const t = publicInstance({ ssh: false });
    const blocked = analyzeReachability(t.w.build(), query(t.igw, { destination: t.instance, ...SSH }));
    expect(hopList(blocked.forward)).toEqual([t.igw, t.acl, `${t.eni} !ENI_SG_RULES_MISMATCH`, t.instance]);
    expect(only(blocked)).toMatchObject({ direction: 'ingress', networkInterface: { id: t.eni }, securityGroups: [{ id: t.sg }], subnet: { id: t.subnet }, vpc: { id: t.vpc } });
    expect(blocked.forward.at(-1)?.additionalDetails).toEqual([{ type: 'UNIDIRECTIONAL_PATH_ANALYSIS_ONLY' }]);
    expect(blocked.return).toEqual([]);
  });

  it('no route back to the gateway: NO_ROUTE_TO_DESTINATION naming the gateway (the Desert Bloom write-up)', () => {
    const t = publicInstance({ defaultRoute: false });
    const blocked = analyzeReachability(t.w.build(), query(t.igw, { destination: t.instance, ...SSH }));
    expect(blocked.pathFound).toBe(false);
    expect(blocked.forward.every((h) => h.explanations.length === 0)).toBe(true);
    expect(only(blocked)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', destination: { id: t.igw }, routeTable: { id: t.rtb }, vpc: { id: t.vpc } });
    expect(only(blocked).sentence).toContain(`add 0.0.0.0/0 → ${t.igw}`);
  });

  it('an interface with no public address: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS at the gateway', () => {
    const t = publicInstance({ eip: false });
    const blocked = analyzeReachability(t.w.build(), query(t.igw, { destination: t.instance, ...SSH }));
    expect(hopList(blocked.forward)[0]).toBe(`${t.igw} !IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS`);
    expect(codes(blocked)).toEqual(['IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS']);
  });

  it('a public address alone is delivered to the interface it is paired with; one paired with nothing stops at the gateway', () => {
    const world = s.w.build();
    const byAddress = analyzeReachability(world, query(s.igw, { destinationIp: PUBLIC, ...SSH }));
    expect(byAddress.pathFound).toBe(true);
    expect(byAddress.forward.at(-1)?.component.id).toBe(s.eni);
    const nobody = analyzeReachability(world, query(s.igw, { destinationIp: '34.230.71.228', ...SSH }));
    expect(hopList(nobody.forward)).toEqual([`${s.igw} !IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS`]);
  });

  it('a gateway that is detached or attached elsewhere, and private addresses on the internet side', () => {
    const detached = publicInstance({ attached: 'detached' });
    expect(only(analyzeReachability(detached.w.build(), query(detached.igw, { destination: detached.instance }))).code).toBe('UNASSOCIATED_COMPONENT');
    const elsewhere = publicInstance({ attached: 'elsewhere' });
    expect(only(analyzeReachability(elsewhere.w.build(), query(elsewhere.igw, { destination: elsewhere.instance }))).code).toBe('DISCONNECTED_VPCS');
    const world = s.w.build();
    expect(only(analyzeReachability(world, query(s.igw, { destinationIp: '10.0.2.87' }))).code).toBe('IGW_EXPECTS_PUBLIC_ADDRESS');
    expect(only(analyzeReachability(world, query(s.igw, { destination: s.instance, sourceAddress: '192.168.0.0/16' }))).code).toBe('IGW_EXPECTS_PUBLIC_ADDRESS');
    expect(only(analyzeReachability(world, query('igw-0123456789abcdef0', { destination: s.instance }))).code).toBe('NO_SOURCE_OR_DESTINATION');
  });

  it('the gateway excluded (FilterOutArns): not found', () => {
    const out = analyzeReachability(s.w.build(), query(s.igw, { destination: s.instance, filterOut: [s.igw], ...SSH }));
    expect(out.pathFound).toBe(false);
    expect(hopList(out.forward)[0]).toBe(`${s.igw} !COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT`);
  });
});

describe('from an interface to an internet gateway', () => {
  it('is found with a public address and the default route; the reply comes back translated', () => {
    const s = publicInstance();
    const r = analyzeReachability(s.w.build(), query(s.eni, { destination: s.igw, ...SSH }));
    expect(r.pathFound).toBe(true);
    expect(hopList(r.forward)).toEqual([s.eni, s.sg, s.acl, s.rtb, s.igw]);
    expect(r.forward[4]?.outboundHeader?.sourceAddresses).toEqual([`${PUBLIC}/32`]);
    expect(r.forward[4]?.outboundHeader?.destinationAddresses[0]).toBe('0.0.0.0/5');
    expect(hopList(r.return)).toEqual([s.igw, s.acl, s.sg, s.eni]);
    expect(r.return.at(-1)?.inboundHeader?.destinationAddresses).toEqual(['10.0.2.87/32']);
  });

  it('no public address: IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS; no route: NO_ROUTE_TO_DESTINATION naming the gateway', () => {
    const bare = publicInstance({ eip: false });
    const r = analyzeReachability(bare.w.build(), query(bare.eni, { destination: bare.igw, ...SSH }));
    expect(hopList(r.forward).at(-1)).toBe(`${bare.igw} !IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS`);
    expect(only(r)).toMatchObject({ networkInterface: { id: bare.eni }, address: '10.0.2.87' });
    const unrouted = publicInstance({ defaultRoute: false });
    const n = analyzeReachability(unrouted.w.build(), query(unrouted.eni, { destination: unrouted.igw, ...SSH }));
    expect(only(n)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', destination: { id: unrouted.igw }, routeTable: { id: unrouted.rtb } });
  });

  it('a public destination address is asked about alone; a private one is refused', () => {
    const s = publicInstance();
    const world = s.w.build();
    const one = analyzeReachability(world, query(s.eni, { destination: s.igw, destinationIp: '1.1.1.1', ...SSH }));
    expect(one.pathFound).toBe(true);
    expect(one.forward.at(-1)?.outboundHeader?.destinationAddresses).toEqual(['1.1.1.1/32']);
    expect(only(analyzeReachability(world, query(s.eni, { destination: s.igw, destinationIp: '10.1.0.1' }))).code).toBe('IGW_EXPECTS_PUBLIC_ADDRESS');
  });
});
