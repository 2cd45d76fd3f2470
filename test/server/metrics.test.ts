// GET /metrics in Prometheus' text format, from a server started as users start it: API calls by
// action and code, latency buckets, connections by state, the store's reachability.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EC2, openQuery, type RawResponse, xmlValue } from '../trust/trust-support.js';
import { startServer, type RunningServer } from '../support/start-server.js';

const A = '111111111111';
const B = '222222222222';

const call = (server: RunningServer, account: string, params: Record<string, string>): Promise<RawResponse> => openQuery(server.url, account, { ...EC2, ...params });

/** The value of one series line, e.g. `vpcpeer_requests_total{action="CreateVpc",code="OK"}`. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ inMemory: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts calls by action and code, times them, and shows connections by state', async () => {
    const vpcA = xmlValue((await call(server, A, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })).text, 'vpcId') as string;
    const vpcB = xmlValue((await call(server, B, { Action: 'CreateVpc', CidrBlock: '10.1.0.0/16' })).text, 'vpcId') as string;
    await call(server, A, { Action: 'CreateVpcPeeringConnection', VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: B });
    expect((await call(server, A, { Action: 'DescribeVpcs', 'VpcId.1': 'vpc-0123456789abcdef0' })).status).toBe(400);
    // Names no operation: counted under one label, whatever was sent.
    for (const junk of ['Bogus1', 'Bogus2']) expect((await call(server, A, { Action: junk })).status).toBe(400);

    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(value(text, 'vpcpeer_requests_total{action="CreateVpc",code="OK"}')).toBe(2);
    expect(value(text, 'vpcpeer_requests_total{action="CreateVpcPeeringConnection",code="OK"}')).toBe(1);
    expect(value(text, 'vpcpeer_requests_total{action="DescribeVpcs",code="InvalidVpcID.NotFound"}')).toBe(1);
    expect(value(text, 'vpcpeer_requests_total{action="unknown",code="InvalidAction"}')).toBe(2);
    expect(text).not.toContain('Bogus');
    expect(value(text, 'vpcpeer_request_duration_seconds_count{action="CreateVpc"}')).toBe(2);
    expect(value(text, 'vpcpeer_request_duration_seconds_bucket{le="+Inf",action="CreateVpc"}')).toBe(2);
    expect(value(text, 'vpcpeer_peering_connections{state="pending-acceptance"}')).toBe(1);
    expect(value(text, 'vpcpeer_store_reachable{store="sqlite"}')).toBe(1);
    expect(text).toContain('vpcpeer_process_cpu_seconds_total');
    // No account, id or path appears in figures anyone may scrape.
    for (const secret of [A, B, vpcA, vpcB, server.dataDir]) expect(text).not.toContain(secret);
  });
});
