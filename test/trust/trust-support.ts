// Shared pieces of the trust suites: minting strict-mode credentials with the real CLI, signing
// raw requests with the AWS SDK's own SigV4 signer, and small Query helpers over undici.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/start-server.js';

export interface Key {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface MintedKey extends Key {
  readonly accountId: string;
}

/** A fresh credentials file path in a temporary folder (the file itself does not exist yet). */
export function credentialsPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'vpcpeer-creds-')), 'credentials.json');
}

/** Runs `vpcpeer credentials create` exactly as a user would and returns the key it printed. */
export function mintKey(file: string, accountId: string, extra: readonly string[] = []): MintedKey {
  const r = spawnSync(process.execPath, [CLI, 'credentials', 'create', '--account', accountId, '--credentials', file, ...extra], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`credentials create failed (${r.status}): ${r.stderr}`);
  const printed = JSON.parse(r.stdout.split('\n')[0] as string) as MintedKey & { file: string };
  return { accessKeyId: printed.accessKeyId, secretAccessKey: printed.secretAccessKey, accountId: printed.accountId };
}

/** The arguments that start a server in strict mode on a credentials file. */
export function strictArgs(file: string): string[] {
  return ['--auth', 'strict', '--credentials', file];
}

export interface RawResponse {
  readonly status: number;
  readonly text: string;
  readonly code?: string;
  readonly message?: string;
}

function parsed(status: number, text: string): RawResponse {
  return { status, text, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] };
}

export interface SignOptions {
  readonly method?: 'GET' | 'POST';
  readonly path?: string;
  readonly query?: Record<string, string>;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly region?: string;
  readonly service?: string;
  readonly signingDate?: Date;
}

/** Signs a request to `url` with the AWS SDK's SigV4 signer (header-signed); returns what to send. */
export async function signRequest(url: string, key: Key, o: SignOptions = {}): Promise<{ path: string; headers: Record<string, string>; body?: string; method: string }> {
  const u = new URL(url);
  const method = o.method ?? 'POST';
  const headers: Record<string, string> = { host: u.host, ...(o.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}), ...o.headers };
  const signer = new SignatureV4({ credentials: key, region: o.region ?? 'us-east-1', service: o.service ?? 'ec2', sha256: Sha256 });
  const signed = await signer.sign(
    { method, protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: o.path ?? '/', query: o.query ?? {}, headers, ...(o.body !== undefined ? { body: o.body } : {}) },
    o.signingDate ? { signingDate: o.signingDate } : {},
  );
  const qs = new URLSearchParams(o.query ?? {}).toString().replace(/\+/g, '%20');
  return { method, path: (o.path ?? '/') + (qs ? `?${qs}` : ''), headers: signed.headers as Record<string, string>, ...(o.body !== undefined ? { body: o.body } : {}) };
}

/** Sends a request exactly as given (headers, body) with Node's fetch and reads the answer. */
export async function send(url: string, r: { method: string; path: string; headers: Record<string, string>; body?: string | Uint8Array }): Promise<RawResponse> {
  const res = await fetch(new URL(r.path, url), { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) });
  return parsed(res.status, await res.text());
}

/** A Query call signed with `key` (strict mode). */
export async function signedQuery(url: string, key: Key, params: Record<string, string>, o: SignOptions = {}): Promise<RawResponse> {
  const body = new URLSearchParams(params).toString();
  return send(url, await signRequest(url, key, { ...o, body }));
}

/** A Query call in open mode: the credential scope's access key (an account id) picks the account. */
export async function openQuery(url: string, account: string, params: Record<string, string>, region = 'us-east-1'): Promise<RawResponse> {
  const body = new URLSearchParams(params).toString();
  const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return send(url, {
    method: 'POST',
    path: '/',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=${account}/${date}/${region}/ec2/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body,
  });
}

export const EC2 = { Version: '2016-11-15' } as const;

/** The first match of `<tag>value</tag>` in an XML answer. */
export function xmlValue(text: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1];
}

/** Every value of `<tag>` in an XML answer. */
export function xmlValues(text: string, tag: string): string[] {
  return [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] as string);
}

/** Drops what differs between two identical answers: request ids. */
export function stable(text: string): string {
  return text.replace(/<requestId>[^<]*<\/requestId>/g, '').replace(/<RequestID>[^<]*<\/RequestID>/g, '');
}
