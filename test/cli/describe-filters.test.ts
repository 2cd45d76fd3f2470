import { beforeAll, describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { ACCOUNT_A, ACCOUNT_B, acceptPeering, createPeering, createVpc, describePeerings, nameTagSpec, useServer, type Peering } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/**
 * Scenario 8: DescribeVpcPeeringConnections filters and pagination (AWS-BEHAVIOUR.md §4.6, §4.11).
 * One fixture of eight connections, all requested by account A in us-east-1; the tests only read.
 *
 *   c1 R1→S1 Name=web-1 active      c5 R2→S5 Env=prod   pending
 *   c2 R1→S2 Name=web-2 pending     c6 S1→S4 (no tags)  pending
 *   c3 R1→S3 Name=db-1  pending     c7 R1→T1 (acct B) Name=web-4 pending
 *   c4 R2→S4 Name=web-3 active      c8 R2→T1 (acct B) Name=app-1 rejected by B
 *
 * Pairs are distinct (one live connection per VPC pair) and only 6 requests stay pending, well
 * under the 25-outstanding-requests quota.
 */
describe.skipIf(!available)('AWS CLI: describe-vpc-peering-connections filters and pagination', () => {
  const suite = useServer();
  const c: Record<string, string> = {};
  const vpc: Record<string, string> = {};
  const ids = (list: readonly Peering[]): string[] => list.map((p) => p.VpcPeeringConnectionId).sort();
  const named = (...keys: string[]): string[] => keys.map((k) => c[k] as string).sort();

  beforeAll(async () => {
    const a = suite.as(ACCOUNT_A);
    const b = suite.as(ACCOUNT_B);
    const cidrs: Record<string, string> = { R1: '10.60.0.0/16', R2: '10.61.0.0/16', S1: '10.62.0.0/16', S2: '10.63.0.0/16', S3: '10.64.0.0/16', S4: '10.65.0.0/16', S5: '10.66.0.0/16' };
    const made = await Promise.all([...Object.values(cidrs).map((cidr) => createVpc(a, cidr)), createVpc(b, '10.67.0.0/16')]);
    Object.keys(cidrs).forEach((k, i) => (vpc[k] = (made[i] as { VpcId: string }).VpcId));
    vpc.T1 = (made[made.length - 1] as { VpcId: string }).VpcId;

    const v = (k: string): string => vpc[k] as string;
    const toB = ['--peer-owner-id', ACCOUNT_B];
    const env = ['--tag-specifications', JSON.stringify([{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Env', Value: 'prod' }] }])];
    const specs: [string, string, string, string[]][] = [
      ['c1', 'R1', 'S1', nameTagSpec('web-1')],
      ['c2', 'R1', 'S2', nameTagSpec('web-2')],
      ['c3', 'R1', 'S3', nameTagSpec('db-1')],
      ['c4', 'R2', 'S4', nameTagSpec('web-3')],
      ['c5', 'R2', 'S5', env],
      ['c6', 'S1', 'S4', []],
      ['c7', 'R1', 'T1', [...toB, ...nameTagSpec('web-4')]],
      ['c8', 'R2', 'T1', [...toB, ...nameTagSpec('app-1')]],
    ];
    const created = await Promise.all(specs.map(([, from, to, extra]) => createPeering(a, v(from), v(to), ...extra)));
    specs.forEach(([key], i) => (c[key] = (created[i] as Peering).VpcPeeringConnectionId));
    await Promise.all([
      acceptPeering(a, c.c1 as string),
      acceptPeering(a, c.c4 as string),
      b.ok('ec2', 'reject-vpc-peering-connection', '--vpc-peering-connection-id', c.c8 as string),
    ]);
  });

  it.concurrent('without filters the account sees exactly its eight connections, with distinct ids', async ({ expect }) => {
    const all = await describePeerings(suite.as(ACCOUNT_A));
    expect(ids(all)).toEqual(named('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'));
    expect(new Set(ids(all)).size).toBe(8);
  });

  it.concurrent('status-code with two values is an OR', async ({ expect }) => {
    const found = await describePeerings(suite.as(ACCOUNT_A), '--filters', 'Name=status-code,Values=active,rejected');
    expect(ids(found)).toEqual(named('c1', 'c4', 'c8'));
    expect(found.every((p) => ['active', 'rejected'].includes(p.Status.Code))).toBe(true);
  });

  it.concurrent('requester-vpc-info.vpc-id', async ({ expect }) => {
    const found = await describePeerings(suite.as(ACCOUNT_A), '--filters', `Name=requester-vpc-info.vpc-id,Values=${vpc.R1}`);
    expect(ids(found)).toEqual(named('c1', 'c2', 'c3', 'c7'));
  });

  it.concurrent('tag:Name with a wildcard, and tag-key', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [web, env, nameKey] = await Promise.all([
      describePeerings(a, '--filters', 'Name=tag:Name,Values=web-*'),
      describePeerings(a, '--filters', 'Name=tag-key,Values=Env'),
      describePeerings(a, '--filters', 'Name=tag-key,Values=Name'),
    ]);
    expect(ids(web)).toEqual(named('c1', 'c2', 'c4', 'c7'));
    expect(ids(env)).toEqual(named('c5'));
    expect(ids(nameKey)).toEqual(named('c1', 'c2', 'c3', 'c4', 'c7', 'c8'));
  });

  it.concurrent('accepter-vpc-info.owner-id, and accepter-vpc-info.cidr-block only matching exposed (accepted) blocks', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [toB, byCidr] = await Promise.all([
      describePeerings(a, '--filters', `Name=accepter-vpc-info.owner-id,Values=${ACCOUNT_B}`),
      // S1's block belongs to active c1; S2's to pending c2, whose accepter blocks are hidden (§4.1, §4.6).
      describePeerings(a, '--filters', 'Name=accepter-vpc-info.cidr-block,Values=10.62.0.0/16,10.63.0.0/16'),
    ]);
    expect(ids(toB)).toEqual(named('c7', 'c8'));
    expect(ids(byCidr)).toEqual(named('c1'));
  });

  it.concurrent('two filters are an AND', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [pendingFromR1, activeWeb] = await Promise.all([
      describePeerings(a, '--filters', `Name=requester-vpc-info.vpc-id,Values=${vpc.R1}`, 'Name=status-code,Values=pending-acceptance'),
      describePeerings(a, '--filters', 'Name=tag:Name,Values=web-*', 'Name=status-code,Values=active'),
    ]);
    expect(ids(pendingFromR1)).toEqual(named('c2', 'c3', 'c7'));
    expect(ids(activeWeb)).toEqual(named('c1', 'c4'));
  });

  it.concurrent('an unknown filter name is refused', async ({ expect }) => {
    const err = await suite.as(ACCOUNT_A).fail('ec2', 'describe-vpc-peering-connections', '--filters', 'Name=foo,Values=bar');
    expect(err.code).toBe('InvalidParameterValue');
    expect(err.message).toBe("The filter 'foo' is invalid");
  });

  it.concurrent('--max-results 5 with --next-token, page by page: pages of at most 5 whose union is the set, no duplicates', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await a.ok<{ VpcPeeringConnections: Peering[]; NextToken?: string }>(
        'ec2', 'describe-vpc-peering-connections', '--max-results', '5', '--no-paginate', ...(token ? ['--next-token', token] : []),
      );
      pages++;
      expect(page.VpcPeeringConnections.length).toBeLessThanOrEqual(5);
      seen.push(...page.VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId));
      token = page.NextToken;
      if (pages === 1) expect(token, 'eight results in pages of five need a NextToken on page one').toBeTruthy();
    } while (token && pages < 10);
    expect(token).toBeFalsy();
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(seen.sort()).toEqual(named('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'));
  });

  it.concurrent('the CLI’s own paging (--page-size, --max-items/--starting-token) reaches every connection once', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    // --page-size: the CLI sends MaxResults=5 and follows NextToken itself.
    const all = await describePeerings(a, '--page-size', '5');
    expect(ids(all)).toEqual(named('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'));
    // --max-items: the CLI hands out its own resume token.
    const seen: string[] = [];
    let token: string | undefined;
    let rounds = 0;
    do {
      const out = await a.ok<{ VpcPeeringConnections: Peering[]; NextToken?: string }>(
        'ec2', 'describe-vpc-peering-connections', '--page-size', '5', '--max-items', '3', ...(token ? ['--starting-token', token] : []),
      );
      expect(out.VpcPeeringConnections.length).toBeLessThanOrEqual(3);
      seen.push(...out.VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId));
      token = out.NextToken;
      rounds++;
    } while (token && rounds < 10);
    expect(seen.sort()).toEqual(named('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'));
  });

  it.concurrent('--max-results 4: the CLI refuses it itself; sent anyway, the server answers InvalidParameterValue', async ({ expect }) => {
    // botocore validates the model's minimum (5) before sending anything.
    const local = await suite.as(ACCOUNT_A).run('ec2', 'describe-vpc-peering-connections', '--max-results', '4');
    expect(local.status).not.toBe(0);
    expect(local.stderr).toContain('Invalid value for parameter MaxResults, value: 4, valid min value: 5');
    // With client-side validation off, the request reaches the server (§4.11: bounds 5–1000).
    const noValidation = suite.as(ACCOUNT_A, 'us-east-1', '[default]\nparameter_validation = false\n');
    const [low, high] = await Promise.all([
      noValidation.fail('ec2', 'describe-vpc-peering-connections', '--max-results', '4'),
      noValidation.fail('ec2', 'describe-vpc-peering-connections', '--max-results', '1001'),
    ]);
    expect(low.code).toBe('InvalidParameterValue');
    expect(low.message).toMatch(/maxResults/i);
    expect(low.message).toContain('4');
    expect(high.code).toBe('InvalidParameterValue');
    expect(high.message).toContain('1001');
  });

  it.concurrent('a bad --next-token is an error', async ({ expect }) => {
    const err = await suite.as(ACCOUNT_A).fail('ec2', 'describe-vpc-peering-connections', '--max-results', '5', '--next-token', 'not-a-token');
    expect(['InvalidNextToken', 'InvalidPaginationToken']).toContain(err.code);
  });

  it.concurrent('unknown and malformed ids', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const unknown = 'pcx-0123456789abcdef0';
    const [notFound, mixed, malformed] = await Promise.all([
      a.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', unknown),
      // §4.6: one unknown id fails the whole call.
      a.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', c.c1 as string, unknown),
      a.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', 'pcx-xyz'),
    ]);
    expect(notFound.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(notFound.message).toContain(unknown);
    expect(mixed.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(mixed.message).toContain(unknown);
    expect(malformed.code).toBe('InvalidVpcPeeringConnectionId.Malformed');
    expect(malformed.message).toContain('pcx-xyz');
  });
});
