// vpcpeer's own question, beyond AWS's analyzer: would an ICMP echo (ping) get there and back?
// Group rules name ICMP by type and code (FromPort/ToPort), groups are stateful, and network ACLs
// see the echo request (type 8) one way and the echo reply (type 0) the other.
import { describe, expect, it } from 'vitest';
import { analyzeReachability } from '../../../src/core/reachability/analyze-reachability.js';
import { peeredPair, query } from './world-builder.js';

const ping = (s: ReturnType<typeof peeredPair>) => analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, protocol: 'icmp' }));

describe('an ICMP echo through an active peering', () => {
  it("is refused by B's group while it admits only TCP 443, and the sentence names the echo", () => {
    const r = ping(peeredPair());
    expect(r.pathFound).toBe(false);
    expect(r.explanations.map((e) => e.code)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(r.explanations[0]?.sentence).toContain('ICMP type 8');
    const headers = r.forward.flatMap((h) => [h.inboundHeader, h.outboundHeader]).filter((h) => h !== undefined);
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(h).toMatchObject({ protocol: '1', sourcePortRanges: [], destinationPortRanges: [] });
  });

  it('passes with a rule for type 8 (any code) or for all ICMP, not with one for echo replies only', () => {
    for (const [ports, found] of [[[8, -1], true], [[-1, -1], true], [[8, 0], true], [[0, -1], false], [[8, 3], false]] as const) {
      const s = peeredPair();
      s.w.addRules(s.sgB, { ingress: [{ protocol: 'icmp', ports, cidr: '10.0.0.0/16' }] });
      expect(ping(s).pathFound, `icmp ${ports.join('/')}`).toBe(found);
    }
  });

  it("is stateless at the ACLs: denying echo replies out of B's subnet blocks the return path only", () => {
    const s = peeredPair();
    s.w.addRules(s.sgB, { ingress: [{ protocol: 'icmp', ports: [8, -1], cidr: '10.0.0.0/16' }] });
    s.w.acl(s.b, [
      { ruleNumber: 10, egress: true, protocol: '1', action: 'deny', cidr: '0.0.0.0/0', icmp: { type: 0, code: -1 } },
      { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
      { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
    ], [s.subB]);
    const r = ping(s);
    expect(r.pathFound).toBe(false);
    expect(r.explanations.map((e) => e.code)).toEqual(['SUBNET_ACL_RESTRICTION']);
    expect(r.return.length).toBeGreaterThan(0);
    expect(r.explanations[0]?.sentence).toContain('ICMP type 0');
  });

  it('a TCP question is unchanged by ICMP rules', () => {
    const s = peeredPair();
    s.w.addRules(s.sgB, { ingress: [{ protocol: 'icmp', ports: [-1, -1], cidr: '10.0.0.0/16' }] });
    const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, destinationPorts: { from: 22, to: 22 } }));
    expect(r.pathFound).toBe(false);
  });
});
