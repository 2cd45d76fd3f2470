// Every combination of the two-VPC world's knobs (connection state, each side's route, the
// destination ACL, the ports asked) against the verdict the peering guide predicts for it: the
// path exists iff the connection is active, each side routes the other's address over it, the
// group admits the port and the ACL passes the request and its reply.
import { describe, expect, it } from 'vitest';
import type { PeeringStatus } from '../../../src/core/peering/peering-connection.js';
import { analyzeReachability } from '../../../src/core/reachability/analyze-reachability.js';
import { EXPLANATION_CODES } from '../../../src/core/reachability/explanation-codes.js';
import { peeredPair, query } from './world-builder.js';

const STATUSES: PeeringStatus[] = ['active', 'pending-acceptance', 'rejected', 'deleted', 'expired'];
const ROUTES_A: (string | null)[] = ['10.1.0.0/16', '10.1.1.0/24', '10.1.2.0/24', null];
const ROUTES_B: (string | null)[] = ['10.0.0.0/16', '10.0.1.10/32', '10.0.2.0/24', null];
type AclKind = 'default' | 'no-return' | 'ephemeral' | 'deny-in';
const ACLS: AclKind[] = ['default', 'no-return', 'ephemeral', 'deny-in'];
const PORTS = [443, 22];

const covers = (route: string | null, address: string): boolean => {
  if (route === null) return false;
  const [net = '', len = '0'] = route.split('/');
  const n = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(len));
  return Math.floor(n(address) / size) === Math.floor(n(net) / size);
};

describe('the two-VPC world, every combination', () => {
  it('agrees with the predicted verdict and explains each refusal with a documented code', () => {
    let found = 0;
    let cases = 0;
    for (const status of STATUSES)
      for (const routeA of ROUTES_A)
        for (const routeB of ROUTES_B)
          for (const acl of ACLS)
            for (const port of PORTS) {
              const s = peeredPair({ status, routeA, routeB });
              if (acl !== 'default') {
                const inbound = { ruleNumber: 100, egress: false, protocol: acl === 'deny-in' ? '-1' : '6', action: acl === 'deny-in' ? ('deny' as const) : ('allow' as const), cidr: '10.0.0.0/16', ...(acl === 'deny-in' ? {} : { portRange: { from: 0, to: 65535 } }) };
                const outbound = acl === 'ephemeral' ? [{ ruleNumber: 100, egress: true, protocol: '6', action: 'allow' as const, cidr: '10.0.0.0/16', portRange: { from: 1024, to: 65535 } }] : [];
                s.w.acl(s.b, [inbound, ...outbound], [s.subB]);
              }
              const r = analyzeReachability(s.w.build(), query(s.eniA, { destination: s.eniB, destinationPorts: { from: port, to: port } }));
              const predicted = status === 'active' && covers(routeA, '10.1.1.20') && covers(routeB, '10.0.1.10') && port === 443 && (acl === 'default' || acl === 'ephemeral');
              const label = JSON.stringify({ status, routeA, routeB, acl, port });
              expect(r.pathFound, label).toBe(predicted);
              expect(r.pathFound, label).toBe(r.explanations.length === 0);
              for (const e of r.explanations) expect(EXPLANATION_CODES.has(e.code), `${label} ${e.code}`).toBe(true);
              if (predicted) {
                expect(r.return.at(-1)?.component.id, label).toBe(s.eniA);
                found += 1;
              }
              cases += 1;
            }
    expect(cases).toBe(STATUSES.length * ROUTES_A.length * ROUTES_B.length * ACLS.length * PORTS.length);
    expect(found).toBe(2 * 2 * 2);
  });
});
