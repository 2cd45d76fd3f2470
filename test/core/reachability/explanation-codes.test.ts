// The analyzer speaks only AWS's documented codes (REACHABILITY.md §2.3), never the invented
// ones that circulate on the web (§2.6), and every explanation comes with a sentence.
import { describe, expect, it } from 'vitest';
import { analyzeReachability } from '../../../src/core/reachability/analyze-reachability.js';
import { ADDITIONAL_DETAIL_CODES, EXPLANATION_CODES, INVENTED_CODES } from '../../../src/core/reachability/explanation-codes.js';
import { allScenarios } from './scenarios.js';

describe('explanation codes', () => {
  it('the documented list holds none of the invented codes', () => {
    for (const code of INVENTED_CODES) expect(EXPLANATION_CODES.has(code), code).toBe(false);
    expect(EXPLANATION_CODES.has('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR')).toBe(true);
    expect(EXPLANATION_CODES.has('TGW_RTB_MORE_SPECIFIC_ROUTE')).toBe(true);
  });

  const scenarios = allScenarios();
  it('the scenarios exercise the peering codes', () => {
    const seen = new Set(scenarios.flatMap((s) => analyzeReachability(s.world, s.query).explanations.map((e) => e.code)));
    for (const code of [
      'NO_ROUTE_TO_DESTINATION', 'BAD_STATE_ROUTE', 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'SUBNET_ACL_RESTRICTION', 'ENI_SG_RULES_MISMATCH',
      'ENI_SOURCE_DEST_CHECK_RESTRICTION', 'ENI_ADDRESS_RESTRICTION', 'NO_POSSIBLE_DESTINATION', 'MORE_SPECIFIC_ROUTE', 'NO_SOURCE_OR_DESTINATION', 'NO_PATH',
      'COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT', 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
    ]) {
      expect(seen.has(code), code).toBe(true);
    }
  });

  for (const s of scenarios) {
    it(`${s.name}: only documented codes, each with a sentence, repeated at the top level`, () => {
      const r = analyzeReachability(s.world, s.query);
      const hops = [...r.forward, ...r.return];
      for (const e of r.explanations) {
        expect(EXPLANATION_CODES.has(e.code), e.code).toBe(true);
        expect(INVENTED_CODES).not.toContain(e.code);
        expect(e.sentence.length).toBeGreaterThan(20);
        expect(e.sentence).toMatch(/[.]$/);
      }
      for (const d of hops.flatMap((h) => h.additionalDetails)) expect(ADDITIONAL_DETAIL_CODES.has(d.type), d.type).toBe(true);
      const onHops = hops.flatMap((h) => h.explanations);
      if (hops.length > 0) expect(r.explanations).toEqual(onHops);
      expect(r.pathFound).toBe(r.explanations.length === 0);
      hops.forEach((h) => expect(h.component.arn).toMatch(/^arn:aws:ec2:[a-z0-9-]+:\d{12}:[a-z-]+\/[a-z]+-[0-9a-f]+$/));
    });
  }
});
