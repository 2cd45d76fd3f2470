// The analyzer against the situations of issue 11 point 3 and REACHABILITY.md §2.4: codes,
// hop sequence, the rules that matched and the packet headers, world by world.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Explanation } from '../../../src/core/reachability/analysis-result.js';
import { analyzeReachability } from '../../../src/core/reachability/analyze-reachability.js';
import { hopList, overlapping, transitive } from './scenarios.js';
import { NOW, OTHER, WorldBuilder, peeredPair, query } from './world-builder.js';

const HTTPS = { destinationPorts: { from: 443, to: 443 } };
const codes = (r: AnalysisResult): string[] => r.explanations.map((e) => e.code);
const only = (r: AnalysisResult): Explanation => {
  expect(r.explanations).toHaveLength(1);
  return r.explanations[0] as Explanation;
};

describe('a path through an active peering', () => {
  const s = peeredPair();
  const world = s.w.build();
  const rtbA = s.w.mainTable(s.a);
  const rtbB = s.w.mainTable(s.b);
  const aclA = s.w.defaultAcl(s.a);
  const aclB = s.w.defaultAcl(s.b);
  const r = analyzeReachability(world, query(s.eniA, { destination: s.eniB, ...HTTPS }));

  it('is found, forward and back, hop by hop as AWS lists them', () => {
    expect(r.pathFound).toBe(true);
    expect(r.explanations).toEqual([]);
    expect(hopList(r.forward)).toEqual([s.eniA, s.sgA, aclA, rtbA, s.pcx, aclB, s.sgB, s.eniB]);
    expect(hopList(r.return)).toEqual([s.eniB, s.sgB, aclB, rtbB, s.pcx, aclA, s.sgA, s.eniA]);
    expect(r.forward.map((h) => h.sequenceNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('shows the matched rules and routes', () => {
    const [eni, sg, acl, rtb, pcx, acl2, sg2, eni2] = r.forward;
    expect(eni?.vpc?.name).toBe('vpc-A');
    expect(eni?.subnet?.name).toBe('subnet-A1');
    expect(sg?.securityGroupRule).toEqual({ direction: 'egress', securityGroupId: s.sgA, protocol: 'all', cidr: '0.0.0.0/0' });
    expect(acl?.aclRule).toEqual({ cidr: '0.0.0.0/0', egress: true, protocol: 'all', ruleAction: 'allow', ruleNumber: 100 });
    expect(rtb?.routeTableRoute).toEqual({ destinationCidr: '10.1.0.0/16', origin: 'createroute', state: 'active', vpcPeeringConnectionId: s.pcx });
    expect(pcx?.sourceVpc?.id).toBe(s.a);
    expect(pcx?.destinationVpc?.id).toBe(s.b);
    expect(pcx?.component.arn).toBe(`arn:aws:ec2:us-east-1:111111111111:vpc-peering-connection/${s.pcx}`);
    expect(acl2?.aclRule?.egress).toBe(false);
    expect(sg2?.securityGroupRule).toEqual({ direction: 'ingress', securityGroupId: s.sgB, protocol: 'tcp', portRange: { from: 443, to: 443 }, cidr: '10.0.0.0/16' });
    expect(eni2?.inboundHeader).toEqual({
      protocol: '6',
      sourceAddresses: ['10.0.1.10/32'],
      destinationAddresses: ['10.1.1.20/32'],
      sourcePortRanges: [{ from: 0, to: 65535 }],
      destinationPortRanges: [{ from: 443, to: 443 }],
    });
  });

  it('shows the reply: groups without a rule (stateful), the egress ACL rule, the route back', () => {
    const [eni, sg, acl, rtb, pcx] = r.return;
    expect(eni?.outboundHeader?.sourceAddresses).toEqual(['10.1.1.20/32']);
    expect(eni?.outboundHeader?.sourcePortRanges).toEqual([{ from: 443, to: 443 }]);
    expect(sg?.securityGroupRule).toBeUndefined();
    expect(acl?.aclRule?.egress).toBe(true);
    expect(rtb?.routeTableRoute?.destinationCidr).toBe('10.0.0.0/16');
    expect(pcx?.sourceVpc?.id).toBe(s.b);
    expect(pcx?.destinationVpc?.id).toBe(s.a);
  });

  it('narrows the header at the security group to the admitted ports', () => {
    const wide = analyzeReachability(world, query(s.eniA, { destination: s.eniB }));
    expect(wide.pathFound).toBe(true);
    expect(wide.forward[0]?.outboundHeader?.destinationPortRanges).toEqual([{ from: 0, to: 65535 }]);
    expect(wide.forward.at(-1)?.inboundHeader?.destinationPortRanges).toEqual([{ from: 443, to: 443 }]);
  });
});

describe('missing routes', () => {
  it('on the source side: NO_ROUTE_TO_DESTINATION at the route table, naming the path\'s destination, and the peering to add in the sentence', () => {
    const s = peeredPair({ routeA: null });
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(hopList(r.forward)).toEqual([s.eniA, s.sgA, s.w.defaultAcl(s.a), `${s.w.mainTable(s.a)} !NO_ROUTE_TO_DESTINATION`]);
    const e = only(r);
    expect(e.routeTable?.id).toBe(s.w.mainTable(s.a));
    // Where the path is headed, as AWS names it (a pcx destination, an igw source on the way back:
    // REACHABILITY.md §2.5b, the Desert Bloom write-up), not the peering that would carry it.
    expect(e.destination?.id).toBe(s.eniB);
    expect(e.vpc?.id).toBe(s.a);
    expect(e.sentence).toBe(`Route table ${s.w.mainTable(s.a)} (main table of ${s.a}, used by ${s.subA}) has no route to 10.1.1.20; add 10.1.0.0/16 → ${s.pcx}.`);
    expect(r.forward.at(-1)?.additionalDetails).toEqual([{ type: 'UNIDIRECTIONAL_PATH_ANALYSIS_ONLY' }]);
    expect(r.return).toEqual([]);
  });

  it('on the destination side: the forward path arrives, the reply has no route back', () => {
    const s = peeredPair({ routeB: null });
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(r.forward.every((h) => h.explanations.length === 0)).toBe(true);
    expect(hopList(r.return)).toEqual([s.eniB, s.sgB, s.w.defaultAcl(s.b), `${s.w.mainTable(s.b)} !NO_ROUTE_TO_DESTINATION`]);
    expect(only(r).sentence).toContain(`add 10.0.0.0/16 → ${s.pcx}`);
    // The reply is headed for the path's source.
    expect(only(r).destination?.id).toBe(s.eniA);
  });

  it('names an instance the path starts or ends at as the destination, as the path names it', () => {
    const there = peeredPair({ routeA: null });
    const ib = there.w.instance(there.eniB);
    const forward = analyzeReachability(there.w.build(), query(there.eniA, { destination: ib, ...HTTPS }));
    expect(only(forward)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', destination: { id: ib } });
    const back = peeredPair({ routeB: null });
    const ia = back.w.instance(back.eniA);
    const reply = analyzeReachability(back.w.build(), query(ia, { destination: back.eniB, ...HTTPS }));
    expect(only(reply)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', destination: { id: ia } });
  });

  it('a route covering part of the peer: the uncovered address has no route, the covered one passes', () => {
    const s = peeredPair({ routeA: '10.1.2.0/24' });
    const miss = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(codes(miss)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    const t = peeredPair({ routeA: '10.1.1.0/24' });
    const hit = analyzeReachability(t.w.build(), query(t.eniA, { destination: t.eniB, ...HTTPS }));
    expect(hit.pathFound).toBe(true);
    expect(hit.forward[3]?.routeTableRoute?.destinationCidr).toBe('10.1.1.0/24');
  });

  it('an explicitly associated table is used instead of the main one', () => {
    const s = peeredPair({ routeA: null });
    const custom = s.w.table(s.a, [s.subA]);
    s.w.route(custom, '10.1.0.0/16', s.pcx);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.forward[3]?.component.id).toBe(custom);
  });

  it('no peering at all between the VPCs: DISCONNECTED_VPCS', () => {
    const w = new WorldBuilder();
    const a = w.vpc('a', '10.0.0.0/16');
    const b = w.vpc('b', '10.1.0.0/16');
    const g = w.group(a, { egress: [{ protocol: '-1' }] });
    const ea = w.eni(w.subnet(a, '10.0.0.0/24'), '10.0.0.4', [g]);
    const eb = w.eni(w.subnet(b, '10.1.0.0/24'), '10.1.0.4', [w.group(b)]);
    const r = analyzeReachability(w.build(), query(ea, { destination: eb }));
    expect(codes(r)).toEqual(['DISCONNECTED_VPCS']);
    expect(r.explanations[0]?.destinationVpc?.id).toBe(b);
  });
});

describe('a connection that is not active turns its routes into blackholes', () => {
  for (const status of ['pending-acceptance', 'rejected', 'deleted', 'failed'] as const) {
    it(`${status}: BAD_STATE_ROUTE with the route's state blackhole`, () => {
      const s = peeredPair({ status });
      const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
      expect(r.pathFound).toBe(false);
      const e = r.explanations.find((x) => x.code === 'BAD_STATE_ROUTE');
      expect(e?.routeTableRoute).toEqual({ destinationCidr: '10.1.0.0/16', origin: 'createroute', state: 'blackhole', vpcPeeringConnectionId: s.pcx });
      expect(e?.state).toBe(status);
      expect(e?.sentence).toContain(`The route to ${s.pcx} is a blackhole: the connection is ${status}`);
      if (status === 'pending-acceptance') expect(e?.sentence).toContain('accept it in account 111111111111');
      // AWS keeps walking: the would-be path still runs to the destination.
      expect(r.forward.at(-1)?.component.id).toBe(s.eniB);
      expect(r.forward.at(-1)?.additionalDetails[0]?.type).toBe('UNIDIRECTIONAL_PATH_ANALYSIS_ONLY');
    });
  }

  it('a pending request past its expiry is expired at `now`', () => {
    const s = peeredPair({ status: 'pending-acceptance' });
    const world = s.w.build(NOW + 8 * 86_400_000);
    const r = analyzeReachability(world, query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.explanations[0]?.state).toBe('expired');
  });
});

describe('security groups', () => {
  it('a destination group that does not admit the peer: ENI_SG_RULES_MISMATCH on the destination ENI', () => {
    const s = peeredPair();
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, destinationPorts: { from: 22, to: 22 } }));
    expect(r.pathFound).toBe(false);
    expect(hopList(r.forward).slice(-2)).toEqual([s.w.defaultAcl(s.b), `${s.eniB} !ENI_SG_RULES_MISMATCH`]);
    const e = only(r);
    expect(e).toMatchObject({ direction: 'ingress', networkInterface: { id: s.eniB }, securityGroups: [{ id: s.sgB }], subnet: { id: s.subB }, vpc: { id: s.b } });
    expect(e.sentence).toContain('add an ingress rule allowing TCP 22 from 10.0.0.0/16');
  });

  it('a group with no rules at all: SG_HAS_NO_RULES on the source ENI, and the walk goes on', () => {
    const s = peeredPair();
    const empty = s.w.group(s.a, {});
    const eni = s.w.eni(s.subA, '10.0.1.11', [empty]);
    const r = analyzeReachability(s.w.build(), query(eni, { destination: s.eniB, ...HTTPS }));
    expect(codes(r)).toEqual(['SG_HAS_NO_RULES']);
    expect(r.explanations[0]?.securityGroup?.id).toBe(empty);
    expect(r.explanations[0]?.sentence).toBe(`${empty} on ${eni} has no rules at all; add an egress rule allowing TCP 443 to 10.1.0.0/16.`);
    expect(r.forward.at(-1)?.component.id).toBe(s.eniB);
  });

  it('a new group (its default egress rule, no ingress) on the destination: ENI_SG_RULES_MISMATCH, not SG_HAS_NO_RULES', () => {
    // AWS's text for SG_HAS_NO_RULES is "This security group has no inbound or outbound rules"
    // (explanation-codes page): a group with rules, none admitting the traffic, is a mismatch.
    const s = peeredPair();
    const fresh = s.w.group(s.b, { egress: [{ protocol: '-1' }] });
    const eni = s.w.eni(s.subB, '10.1.1.21', [fresh]);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: eni, ...HTTPS }));
    expect(codes(r)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(only(r)).toMatchObject({ direction: 'ingress', networkInterface: { id: eni }, securityGroups: [{ id: fresh }] });
  });

  it('references a peer group across an active peering: the peer ENI addresses match', () => {
    const s = peeredPair();
    const refB = s.w.group(s.b, { egress: [{ protocol: '-1' }] });
    s.w.addRules(refB, { ingress: [{ ports: [443, 443], group: s.sgA }] });
    const eniB2 = s.w.eni(s.subB, '10.1.1.30', [refB]);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: eniB2, ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.forward.at(-2)?.securityGroupRule).toEqual({ direction: 'ingress', securityGroupId: refB, protocol: 'tcp', portRange: { from: 443, to: 443 } });
  });

  it('a reference whose group is gone (stale) matches nothing', () => {
    const s = peeredPair();
    const other = s.w.group(s.a, { egress: [{ protocol: '-1' }] });
    const refB = s.w.group(s.b, { ingress: [{ ports: [443, 443], group: other }] });
    s.w.removeGroup(other);
    const eniB2 = s.w.eni(s.subB, '10.1.1.30', [refB]);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: eniB2, ...HTTPS }));
    expect(codes(r)).toEqual(['ENI_SG_RULES_MISMATCH']);
  });

  it('a reference across a peering that is not active matches nothing', () => {
    const s = peeredPair({ status: 'pending-acceptance' });
    const refB = s.w.group(s.b, { ingress: [{ ports: [443, 443], group: s.sgA }] });
    const eniB2 = s.w.eni(s.subB, '10.1.1.30', [refB]);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: eniB2, ...HTTPS }));
    expect(codes(r)).toEqual(['BAD_STATE_ROUTE', 'ENI_SG_RULES_MISMATCH']);
  });
});

describe('network ACLs', () => {
  const aclB = (s: ReturnType<typeof peeredPair>, egressFrom: number | null) =>
    s.w.acl(
      s.b,
      [
        { ruleNumber: 100, egress: false, protocol: '6', action: 'allow', cidr: '10.0.0.0/16', portRange: { from: 443, to: 443 } },
        ...(egressFrom === null ? [] : [{ ruleNumber: 100, egress: true, protocol: '6', action: 'allow' as const, cidr: '10.0.0.0/16', portRange: { from: egressFrom, to: 65535 } }]),
      ],
      [s.subB],
    );

  it('without the return rule: the reply is denied at the destination subnet egress by *', () => {
    const s = peeredPair();
    const acl = aclB(s, null);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(r.forward.every((h) => h.explanations.length === 0)).toBe(true);
    expect(r.forward[5]?.aclRule).toEqual({ cidr: '10.0.0.0/16', egress: false, portRange: { from: 443, to: 443 }, protocol: '6', ruleAction: 'allow', ruleNumber: 100 });
    expect(hopList(r.return)).toContain(`${acl} !SUBNET_ACL_RESTRICTION`);
    const e = only(r);
    expect(e).toMatchObject({ direction: 'egress', acl: { id: acl }, subnet: { id: s.subB }, vpc: { id: s.b }, aclRule: { ruleNumber: 32767, ruleAction: 'deny', egress: true } });
    expect(e.sentence).toBe(`${acl} egress rule * denies the reply to ports 1024-65535; add an egress allow rule for 1024-65535 to 10.0.0.0/16.`);
  });

  it('an ephemeral-port return rule narrows the reply instead of blocking it', () => {
    const s = peeredPair();
    aclB(s, 1024);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.return[2]?.aclRule?.portRange).toEqual({ from: 1024, to: 65535 });
    expect(r.return.at(-1)?.inboundHeader?.destinationPortRanges).toEqual([{ from: 1024, to: 65535 }]);
  });

  it('a deny on the way in and a group that does not admit: both blockers are reported, in hop order', () => {
    const s = peeredPair();
    const acl = s.w.acl(s.b, [{ ruleNumber: 50, egress: false, protocol: '-1', action: 'deny', cidr: '10.0.1.0/24' }], [s.subB]);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, destinationPorts: { from: 22, to: 22 } }));
    expect(codes(r)).toEqual(['SUBNET_ACL_RESTRICTION', 'ENI_SG_RULES_MISMATCH']);
    expect(r.explanations[0]?.aclRule).toMatchObject({ ruleNumber: 50, ruleAction: 'deny', egress: false });
    expect(r.explanations[0]?.sentence).toContain(`${acl} ingress rule 50 denies TCP from 10.0.0.0/16 on port 22`);
  });

  it('traffic inside one subnet does not cross its ACL', () => {
    const w = new WorldBuilder();
    const v = w.vpc('v', '10.0.0.0/16');
    const sub = w.subnet(v, '10.0.0.0/24');
    const sub2 = w.subnet(v, '10.0.1.0/24');
    w.acl(v, [], [sub, sub2]);
    const g = w.group(v, { ingress: [{ protocol: '-1' }], egress: [{ protocol: '-1' }] });
    const e1 = w.eni(sub, '10.0.0.4', [g]);
    const e2 = w.eni(sub, '10.0.0.5', [g]);
    const e3 = w.eni(sub2, '10.0.1.5', [g]);
    const same = analyzeReachability(w.build(), query(e1, { destination: e2 }));
    expect(same.pathFound).toBe(true);
    expect(hopList(same.forward)).toEqual([e1, g, w.mainTable(v), g, e2]);
    expect(same.forward[2]?.routeTableRoute?.gatewayId).toBe('local');
    const across = analyzeReachability(w.build(), query(e1, { destination: e3 }));
    expect(across.pathFound).toBe(false);
    expect(codes(across)).toEqual(['SUBNET_ACL_RESTRICTION', 'SUBNET_ACL_RESTRICTION']);
  });
});

describe('no transitive peering', () => {
  it('A routes C over A-B: the peering refuses an address outside B', () => {
    const t = transitive();
    const r = analyzeReachability(t.w.build(), query(t.eniA, { destination: t.eniC, ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(hopList(r.forward).at(-1)).toBe(`${t.ab} !PCX_REQUIRES_ADDRESS_IN_VPC_CIDR`);
    const e = only(r);
    expect(e).toMatchObject({ vpcPeeringConnection: { id: t.ab }, sourceVpc: { id: t.a }, destinationVpc: { id: t.b }, cidrs: ['10.1.0.0/16'], address: '10.2.2.2' });
    expect(e.sentence).toBe(`${t.ab} only carries traffic for ${t.b} (10.1.0.0/16); 10.2.2.2 is in ${t.c}. Peering is not transitive: create a peering between ${t.a} and ${t.c}.`);
  });

  it('the same to an address alone', () => {
    const t = transitive();
    const r = analyzeReachability(t.w.build(), query(t.eniA, { destinationIp: '10.2.2.2' }));
    expect(codes(r)).toEqual(['PCX_REQUIRES_ADDRESS_IN_VPC_CIDR']);
  });
});

describe('overlapping peers', () => {
  it('specific routes pick the right peer each way', () => {
    const o = overlapping([['10.1.0.10/32', 'P'], ['10.1.0.0/16', 'Q']]);
    const toP = analyzeReachability(o.w.build(), query(o.eniX, { destination: o.eniP }));
    expect(toP.pathFound).toBe(true);
    expect(toP.forward[4]?.component.id).toBe(o.xp);
    const toQ = analyzeReachability(o.w.build(), query(o.eniX, { destination: o.eniQ }));
    expect(toQ.pathFound).toBe(true);
    expect(toQ.forward[4]?.component.id).toBe(o.xq);
  });

  it('the hub reaches P by its /32 route, and P answers over its own peering', () => {
    const o = overlapping([['10.1.0.10/32', 'P'], ['10.1.0.0/16', 'Q']]);
    const r = analyzeReachability(o.w.build(), query(o.eniX, { destination: o.eniP }));
    expect(r.forward[3]?.routeTableRoute).toMatchObject({ destinationCidr: '10.1.0.10/32', vpcPeeringConnectionId: o.xp });
    expect(r.forward[4]?.component.id).toBe(o.xp);
  });

  it('the reply leaves over the wrong peering: not reachable, NO_ROUTE_TO_DESTINATION on the return path', () => {
    const o = overlapping([['10.1.0.0/16', 'Q']]);
    const r = analyzeReachability(o.w.build(), query(o.eniP, { destination: o.eniX, ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(r.forward.every((h) => h.explanations.length === 0)).toBe(true);
    expect(hopList(r.return).at(-1)).toBe(`${o.w.mainTable(o.x)} !NO_ROUTE_TO_DESTINATION`);
    expect(r.return.at(-1)?.routeTableRoute?.vpcPeeringConnectionId).toBe(o.xq);
    expect(only(r).sentence).toContain(`not back over ${o.xp}`);
  });

  it('a more specific route to the other peer wins over the route back: MORE_SPECIFIC_ROUTE', () => {
    const o = overlapping([['10.1.0.0/16', 'P'], ['10.1.0.0/24', 'Q']]);
    const r = analyzeReachability(o.w.build(), query(o.eniP, { destination: o.eniX, ...HTTPS }));
    const e = only(r);
    expect(e.code).toBe('MORE_SPECIFIC_ROUTE');
    expect(e.routeTableRoute).toMatchObject({ destinationCidr: '10.1.0.0/16', vpcPeeringConnectionId: o.xp });
    expect(r.return.at(-1)?.routeTableRoute).toMatchObject({ destinationCidr: '10.1.0.0/24', vpcPeeringConnectionId: o.xq });
  });

  it('forward to P when only Q is routed: the packet would land in Q, MORE_SPECIFIC_ROUTE or NO_ROUTE', () => {
    const o = overlapping([['10.1.0.0/16', 'Q']]);
    const r = analyzeReachability(o.w.build(), query(o.eniX, { destination: o.eniP }));
    expect(codes(r)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(r.explanations[0]?.destination?.id).toBe(o.eniP);
    expect(r.explanations[0]?.sentence).toContain(`add 10.1.0.0/16 → ${o.xp}`);
  });
});

describe('the source/destination check', () => {
  it('a source address that is not the ENI\'s: ENI_SOURCE_DEST_CHECK_RESTRICTION on the first hop, walk continues', () => {
    const s = peeredPair();
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, sourceIp: '10.0.1.99', ...HTTPS }));
    expect(hopList(r.forward)[0]).toBe(`${s.eniA} !ENI_SOURCE_DEST_CHECK_RESTRICTION`);
    expect(only(r)).toMatchObject({ networkInterface: { id: s.eniA }, address: '10.0.1.99', addresses: ['10.0.1.10'] });
    expect(r.forward.at(-1)?.component.id).toBe(s.eniB);
    expect(r.pathFound).toBe(false);
  });

  it('with the check off, the ENI may send from another address', () => {
    const s = peeredPair();
    const free = s.w.eni(s.subA, '10.0.1.12', [s.sgA], { sourceDestCheck: false });
    const r = analyzeReachability(s.w.build(), query(free, { destination: s.eniB, sourceIp: '10.0.1.99', ...HTTPS }));
    expect(r.forward.every((h) => h.explanations.length === 0)).toBe(true);
    expect(r.forward[0]?.outboundHeader?.sourceAddresses).toEqual(['10.0.1.99/32']);
    // The reply goes to whoever owns 10.0.1.99, not back to this interface.
    expect(codes(r)).toEqual(['ENI_ADDRESS_RESTRICTION']);
    expect(hopList(r.return).at(-1)).toBe(`${free} !ENI_ADDRESS_RESTRICTION`);
  });

  it('a secondary address of the ENI is its own: the path is found from it', () => {
    const s = peeredPair();
    const two = s.w.eni(s.subA, ['10.0.1.14', '10.0.1.15'], [s.sgA]);
    const r = analyzeReachability(s.w.build(), query(two, { destination: s.eniB, sourceIp: '10.0.1.15', ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.return.at(-1)?.inboundHeader?.destinationAddresses).toEqual(['10.0.1.15/32']);
  });

  it('a destination address the ENI does not own: ENI_ADDRESS_RESTRICTION', () => {
    const s = peeredPair();
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, destinationIp: '10.1.1.21', ...HTTPS }));
    expect(codes(r)).toEqual(['ENI_ADDRESS_RESTRICTION']);
  });
});

describe('accounts and Regions', () => {
  it('a peer in an account the analysis may not enter: NO_POSSIBLE_DESTINATION at the peering, suggested account', () => {
    const s = peeredPair({ bWhere: { account: OTHER } });
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(hopList(r.forward).at(-1)).toBe(`${s.pcx} !NO_POSSIBLE_DESTINATION`);
    expect(only(r)).toMatchObject({ component: { id: s.b }, componentAccount: OTHER });
    expect(r.suggestedAccounts).toEqual([OTHER]);
  });

  it('the same peer once its account is allowed: found', () => {
    const s = peeredPair({ bWhere: { account: OTHER } });
    s.w.visibleAccounts.add(OTHER);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.forward[4]?.destinationVpc?.arn).toBe(`arn:aws:ec2:us-east-1:${OTHER}:vpc/${s.b}`);
  });

  it('an egress rule that only references an unknown peer group: UNKNOWN_PEERED_SGS', () => {
    const s = peeredPair({ bWhere: { account: OTHER } });
    const sgBRef = s.sgB;
    const refA = s.w.group(s.a, { egress: [{ ports: [443, 443], group: sgBRef }] });
    const eni = s.w.eni(s.subA, '10.0.1.13', [refA]);
    const r = analyzeReachability(s.w.build(), query(eni, { destination: s.eniB, ...HTTPS }));
    expect(codes(r)).toEqual(['UNKNOWN_PEERED_SGS', 'NO_POSSIBLE_DESTINATION']);
    expect(r.explanations[0]).toMatchObject({ vpcPeeringConnection: { id: s.pcx }, securityGroup: { id: sgBRef }, componentAccount: OTHER });
    expect(r.suggestedAccounts).toEqual([OTHER]);
  });

  it('an inter-Region peering is not followed unless asked (AWS analyses one Region)', () => {
    const s = peeredPair({ bWhere: { region: 'eu-west-1' } });
    const aws = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(only(aws)).toMatchObject({ code: 'NO_POSSIBLE_DESTINATION', componentRegion: 'eu-west-1' });
    // The sentence names the switches that exist.
    expect(only(aws).sentence).toBe(
      `${s.pcx} leads to eu-west-1, another Region: AWS analyses one Region at a time; to follow it, run \`vpcpeer reach --inter-region\`, or start the server with \`vpcpeer serve --reach-inter-region\`.`,
    );
    const ours = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, interRegion: true, ...HTTPS }));
    expect(ours.pathFound).toBe(true);
  });
});

describe('a peering connection as the destination', () => {
  it('the path ends at it: the far side\'s Region and account do not matter', () => {
    for (const bWhere of [{ region: 'eu-west-1' }, { account: OTHER }]) {
      const s = peeredPair({ bWhere });
      const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.pcx }));
      expect(r.pathFound, JSON.stringify(bWhere)).toBe(true);
      expect(r.forward.at(-1)?.component.id).toBe(s.pcx);
      expect(r.suggestedAccounts).toEqual([]);
    }
  });
});

describe('destinations', () => {
  it('a peering connection: the path ends at it; no route gives NO_ROUTE_TO_DESTINATION naming it', () => {
    const s = peeredPair();
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.pcx }));
    expect(r.pathFound).toBe(true);
    expect(hopList(r.forward)).toEqual([s.eniA, s.sgA, s.w.defaultAcl(s.a), s.w.mainTable(s.a), s.pcx]);
    expect(r.forward.at(-1)?.outboundHeader?.destinationAddresses).toEqual(['10.1.0.0/16']);
    expect(r.return).toEqual([]);
    const t = peeredPair({ routeA: null });
    const blocked = analyzeReachability(t.w.build(), query(t.eniA, { destination: t.pcx }));
    expect(only(blocked)).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', destination: { id: t.pcx }, routeTable: { id: t.w.mainTable(t.a) }, vpc: { id: t.a } });
  });

  it('an address: delivered to the ENI that owns it in the reached VPC', () => {
    const s = peeredPair();
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destinationIp: '10.1.1.20', ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.forward.at(-1)?.component.id).toBe(s.eniB);
    const none = analyzeReachability(s.w.build(), query(s.eniA, { destinationIp: '10.1.1.99', ...HTTPS }));
    expect(only(none)).toMatchObject({ code: 'NO_POSSIBLE_DESTINATION', component: { id: s.b } });
  });

  it('instances: running ones stand for their primary ENI and add a hop at each end', () => {
    const s = peeredPair();
    const ia = s.w.instance(s.eniA);
    const ib = s.w.instance(s.eniB);
    const r = analyzeReachability(s.w.build(), query(ia, { destination: ib, ...HTTPS }));
    expect(r.pathFound).toBe(true);
    expect(r.forward[0]?.component.id).toBe(ia);
    expect(r.forward[1]?.attachedTo?.id).toBe(ia);
    expect(r.forward.at(-1)?.component.id).toBe(ib);
    expect(r.forward.at(-1)?.inboundHeader?.destinationAddresses).toEqual(['10.1.1.20/32']);
    expect(r.return[0]?.component.id).toBe(ib);
    expect(r.return.at(-1)?.component.id).toBe(ia);
  });

  it('a stopped instance: UNASSOCIATED_COMPONENT; an unknown id: NO_SOURCE_OR_DESTINATION; IPv6: NO_PATH', () => {
    const s = peeredPair();
    const stopped = s.w.instance(s.eniA, 'stopped');
    const world = s.w.build();
    expect(only(analyzeReachability(world, query(stopped, { destination: s.eniB }))).code).toBe('UNASSOCIATED_COMPONENT');
    expect(only(analyzeReachability(world, query('eni-0123456789abcdef0', { destination: s.eniB }))).missingComponent).toBe('eni-0123456789abcdef0');
    expect(only(analyzeReachability(world, query(s.eniA, { destinationIp: '2600:1f18::1' }))).code).toBe('NO_PATH');
  });
});

describe('components the path must traverse (FilterInArns)', () => {
  it('a forced peering that a more specific route bypasses: MORE_SPECIFIC_ROUTE with the unused route', () => {
    const o = overlapping([['10.1.0.10/32', 'P'], ['10.1.0.0/16', 'Q']]);
    const r = analyzeReachability(o.w.build(), query(o.eniX, { destination: o.eniP, filterIn: [o.xq] }));
    expect(r.pathFound).toBe(false);
    const e = only(r);
    expect(e.code).toBe('MORE_SPECIFIC_ROUTE');
    expect(e.routeTableRoute).toMatchObject({ destinationCidr: '10.1.0.0/16', vpcPeeringConnectionId: o.xq });
    expect(hopList(r.forward)[3]).toBe(`${o.w.mainTable(o.x)} !MORE_SPECIFIC_ROUTE`);
  });

  it('a forced peering that is not active: BAD_STATE on its hop, after BAD_STATE_ROUTE on the route', () => {
    const s = peeredPair({ status: 'pending-acceptance' });
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, filterIn: [s.pcx], ...HTTPS }));
    expect(codes(r)).toEqual(['BAD_STATE_ROUTE', 'BAD_STATE']);
    expect(r.explanations[1]).toMatchObject({ vpcPeeringConnection: { id: s.pcx }, state: 'pending-acceptance' });
  });

  it('a forced component the path does not cross: COMPONENT_FILTER_RESTRICTION; one it crosses: nothing', () => {
    const s = peeredPair();
    const elsewhere = s.w.group(s.a, {});
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, filterIn: [elsewhere], ...HTTPS }));
    expect(only(r)).toMatchObject({ code: 'COMPONENT_FILTER_RESTRICTION', component: { id: elsewhere } });
    const ok = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, filterIn: [s.pcx, s.sgB], ...HTTPS }));
    expect(ok.pathFound).toBe(true);
  });
});

describe('components the path must do without (FilterOutArns)', () => {
  const removed = (r: AnalysisResult) => r.explanations.filter((e) => e.code === 'COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT');

  it('the only peering: not found, the peering hop says it was removed; the path still runs on', () => {
    const s = peeredPair();
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, filterOut: [s.pcx], ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(hopList(r.forward)[4]).toBe(`${s.pcx} !COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT`);
    expect(only(r)).toMatchObject({ component: { id: s.pcx } });
    expect(only(r).sentence).toContain(`${s.pcx}, which this analysis excludes (FilterOutArns)`);
    expect(r.forward.at(-1)?.component.id).toBe(s.eniB);
    expect(r.return).toEqual([]);
  });

  it('a route table, network ACL, subnet or VPC the path uses: not found, once, on the first hop that uses it', () => {
    const s = peeredPair();
    const world = s.w.build();
    const ask = (out: string) => analyzeReachability(world, query(s.eniA, { destination: s.eniB, filterOut: [out], ...HTTPS }));
    for (const out of [s.w.mainTable(s.a), s.w.defaultAcl(s.b), s.subA, s.a, s.b, s.eniB]) {
      const r = ask(out);
      expect(r.pathFound, out).toBe(false);
      expect(removed(r).map((e) => e.component?.id), out).toEqual([out]);
    }
    // The VPC of the source is first named by the source interface's hop.
    expect(hopList(ask(s.a).forward)[0]).toBe(`${s.eniA} !COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT`);
  });

  it('the destination subnet\'s route table is used by the reply: the return path says so', () => {
    const s = peeredPair();
    const rtbB = s.w.mainTable(s.b);
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, filterOut: [rtbB], ...HTTPS }));
    expect(r.pathFound).toBe(false);
    expect(r.forward.every((h) => h.explanations.length === 0)).toBe(true);
    expect(hopList(r.return)).toContain(`${rtbB} !COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT`);
  });

  it('a security group: the ENI\'s other groups may still admit the traffic; if none does, the group was the way', () => {
    const s = peeredPair();
    const also = s.w.group(s.b, { ingress: [{ ports: [443, 443], cidr: '10.0.1.0/24' }] });
    const both = s.w.eni(s.subB, '10.1.1.21', [s.sgB, also]);
    const world = s.w.build();
    const viaOther = analyzeReachability(world, query(s.eniA, { destination: both, filterOut: [s.sgB], ...HTTPS }));
    expect(viaOther.pathFound).toBe(true);
    expect(viaOther.forward.at(-2)?.component.id).toBe(also);
    const onlyWay = analyzeReachability(world, query(s.eniA, { destination: s.eniB, filterOut: [s.sgB], ...HTTPS }));
    expect(onlyWay.pathFound).toBe(false);
    expect(only(onlyWay)).toMatchObject({ code: 'COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT', direction: 'ingress', component: { id: s.sgB }, networkInterface: { id: s.eniB } });
    expect(hopList(onlyWay.forward).at(-1)).toBe(`${s.eniB} !COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT`);
    // A group that would not have admitted the traffic anyway: the groups' own verdict stands.
    const ssh = analyzeReachability(world, query(s.eniA, { destination: s.eniB, filterOut: [s.sgB], destinationPorts: { from: 22, to: 22 } }));
    expect(codes(ssh)).toEqual(['ENI_SG_RULES_MISMATCH']);
  });

  it('a component the path does not use changes nothing', () => {
    const s = peeredPair();
    const elsewhere = s.w.vpc('vpc-elsewhere', '10.9.0.0/16');
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, filterOut: [elsewhere, s.w.mainTable(elsewhere), 'pcx-0123456789abcdef0'], ...HTTPS }));
    expect(r.pathFound).toBe(true);
  });
});

describe('leftovers', () => {
  it('a route to a connection that no longer exists at all: BAD_STATE_ROUTE, blackhole', () => {
    const s = peeredPair();
    const world = s.w.build();
    const r = analyzeReachability({ ...world, peerings: [] }, query(s.eniA, { destination: s.eniB, ...HTTPS }));
    expect(codes(r)).toEqual(['BAD_STATE_ROUTE']);
    expect(r.explanations[0]?.routeTableRoute).toMatchObject({ state: 'blackhole', vpcPeeringConnectionId: s.pcx });
    expect(r.explanations[0]?.sentence).toContain('no longer exists');
  });
});
