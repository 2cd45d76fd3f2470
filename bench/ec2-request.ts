import { createHash } from 'node:crypto';
import type { Caller, PreparedRequest } from './types.js';

const VERSION = '2016-11-15';
const AMZ_DATE = '20250101T000000Z';
const headerCache = new Map<string, Readonly<Record<string, string>>>();

/**
 * Headers for one caller, built once and shared by every request of that caller. The
 * Authorization header has the SigV4 shape; servers under test parse its credential scope
 * (account = access key id, region) and do not verify the signature, so the signature is a fixed
 * digest of the scope rather than a real HMAC over each request: the generator must not be the
 * bottleneck. `x-moto-account-id` is how moto picks the account; vpcpeer ignores it.
 */
function headersFor(caller: Caller): Readonly<Record<string, string>> {
  const key = `${caller.account}/${caller.region}`;
  let h = headerCache.get(key);
  if (!h) {
    const scope = `${caller.account}/${AMZ_DATE.slice(0, 8)}/${caller.region}/ec2/aws4_request`;
    const signature = createHash('sha256').update(scope).digest('hex');
    h = Object.freeze({
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': AMZ_DATE,
      'x-moto-account-id': caller.account,
      authorization: `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}`,
    });
    headerCache.set(key, h);
  }
  return h;
}

/** Parameter values: a string, or a list (numbered `.1`, `.2`, ... as the Query protocol does). */
export type QueryParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Builds one EC2 Query request (form body and headers) ahead of time. List values expand to
 * `Name.1=...&Name.2=...`, so `{ 'VpcPeeringConnectionId': ['pcx-1'] }` is one id.
 */
export function prepareRequest(caller: Caller, action: string, params: QueryParams = {}): PreparedRequest {
  const parts = [`Action=${action}`, `Version=${VERSION}`];
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') parts.push(`${name}=${encodeURIComponent(value)}`);
    else value.forEach((v, i) => parts.push(`${name}.${i + 1}=${encodeURIComponent(v)}`));
  }
  return { action, body: Buffer.from(parts.join('&'), 'utf8'), headers: headersFor(caller) };
}
