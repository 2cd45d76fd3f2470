import { expect, it } from 'vitest';
import { parseWrkOutput } from '../../bench/wrk/run-wrk.js';

// wrk 4.1's report with --latency, as it prints it (units vary by magnitude).
const REPORT = `Running 10s test @ http://127.0.0.1:34567
  1 threads and 256 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    21.03ms    4.10ms   1.20s    91.02%
    Req/Sec    12.21k     1.03k   13.50k    80.00%
  Latency Distribution
     50%  840.00us
     75%   22.50ms
     90%   25.01ms
     99%   41.77ms
  121500 requests in 10.00s, 180.37MB read
  Socket errors: connect 0, read 3, write 0, timeout 7
  Non-2xx or 3xx responses: 2
Requests/sec:  12149.52
Transfer/sec:     18.03MB
`;

it('reads throughput, percentiles in any unit, and every kind of error from wrk', () => {
  const r = parseWrkOutput(REPORT);
  expect(r.requestsPerSecond).toBe(12149.52);
  expect(r.requests).toBe(121500);
  expect(r.p50Ms).toBeCloseTo(0.84, 6);
  expect(r.p99Ms).toBeCloseTo(41.77, 6);
  expect(r.maxMs).toBe(1200);
  expect(r.errors).toEqual({ connect: 0, read: 3, write: 0, timeout: 7 });
  expect(r.non2xx).toBe(2);
});

it('a run without errors reports none, and output without a summary is refused', () => {
  const clean = REPORT.replace(/ {2}Socket errors.*\n/, '').replace(/ {2}Non-2xx.*\n/, '');
  expect(parseWrkOutput(clean).errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 });
  expect(parseWrkOutput(clean).non2xx).toBe(0);
  expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/no summary/);
});
