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
    // Every state has its series, 0 when no connection is in it.
    for (const state of ['initiating-request', 'active', 'deleted', 'rejected', 'failed', 'expired', 'provisioning', 'deleting']) {
      expect(value(text, `vpcpeer_peering_connections{state="${state}"}`), state).toBe(0);
    }
    expect(value(text, 'vpcpeer_store_reachable{store="sqlite"}')).toBe(1);
    // The store's own figures on SQLite too: its pages and size (in memory, no write-ahead log).
    const total = value(text, 'vpcpeer_store_pages{state="total"}') as number;
    expect(total).toBeGreaterThan(0);
    expect(value(text, 'vpcpeer_store_pages{state="free"}')).toBeGreaterThanOrEqual(0);
    expect((value(text, 'vpcpeer_store_size_bytes{part="database"}') as number) % total).toBe(0);
    expect(value(text, 'vpcpeer_store_size_bytes{part="wal"}')).toBe(0);
    expect(text).toContain('vpcpeer_process_cpu_seconds_total');
    // No account, id or path appears in figures anyone may scrape.
    for (const secret of [A, B, vpcA, vpcB, server.dataDir]) expect(text).not.toContain(secret);

    // After a reset the states are still there, at 0.
    expect((await fetch(`${server.url}/_vpcpeer/reset`, { method: 'POST' })).status).toBe(200);
    const reset = await (await fetch(`${server.url}/metrics`)).text();
    expect(value(reset, 'vpcpeer_peering_connections{state="pending-acceptance"}')).toBe(0);
  });
});

describe('GET /metrics on a data folder', () => {
  it("shows the database's size and its write-ahead log's", async () => {
    const server = await startServer();
    try {
      for (let i = 0; i < 5; i++) expect((await call(server, A, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })).status).toBe(200);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(value(text, 'vpcpeer_store_size_bytes{part="database"}')).toBeGreaterThan(0);
      // Every change goes to the WAL first; it is checkpointed only every 4,000 pages.
      expect(value(text, 'vpcpeer_store_size_bytes{part="wal"}')).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });
});
