import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { ApiError } from '../api/api-error';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

function firstText(doc: Document, tag: string): string | undefined {
  return doc.getElementsByTagName(tag)[0]?.textContent ?? undefined;
}

/**
 * STS GetCallerIdentity, signed like any SDK call: it tells which account a key belongs to (a
 * 12-digit key is that account; other keys map to the server's default account or, once strict
 * authentication exists, are refused). Unlike EC2 calls it creates nothing on the server.
 * The STS SDK client is not a runtime dependency, so this one call is made by hand.
 */
export async function callerIdentity(credentials: Credentials, region: string): Promise<string> {
  const url = new URL(window.location.origin);
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const signer = new SignatureV4({ service: 'sts', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(signed.headers)) {
    // Browsers set Host themselves and refuse scripts that try.
    if (name.toLowerCase() !== 'host') headers.set(name, value);
  }
  let response: Response;
  try {
    response = await fetch(url.origin + '/', { method: 'POST', headers, body });
  } catch (e) {
    throw ApiError.network(e);
  }
  const doc = new DOMParser().parseFromString(await response.text(), 'text/xml');
  if (!response.ok) {
    throw new ApiError(firstText(doc, 'Code') ?? `HTTP${response.status}`, firstText(doc, 'Message') ?? response.statusText, false);
  }
  const account = firstText(doc, 'Account');
  if (!account) throw new ApiError('InvalidResponse', 'GetCallerIdentity answered without an account id', false);
  return account;
}
