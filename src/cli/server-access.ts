import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Command } from 'commander';
import { Option } from 'commander';
import { isAccountId } from './account-id.js';

/** A problem with what the user gave or with the server's answer: printed as one line, no stack. */
export class CliProblem extends Error {}

export function problem(message: string): never {
  throw new CliProblem(message);
}

/** How a command reaches a server: endpoint, Region and who it acts as (`--account` in open mode). */
export interface AccessOptions {
  endpoint: string;
  region?: string;
  account?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface ServerAccess {
  readonly endpoint: URL;
  readonly region: string;
  readonly credentials: Credentials;
}

/** `--endpoint`'s URL, or the user's problem. */
export function endpointUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    return problem(`--endpoint must be a URL such as http://127.0.0.1:4566, not '${text}'`);
  }
}

/**
 * As the AWS CLI finds them: options, then AWS_* variables. `--account` is open mode's shortcut: a
 * 12-digit access key id is that account (the secret is not checked there).
 */
export function serverAccess(opts: AccessOptions): ServerAccess {
  const endpoint = endpointUrl(opts.endpoint);
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const accessKeyId = opts.accessKeyId ?? opts.account ?? process.env.AWS_ACCESS_KEY_ID;
  if (opts.account !== undefined && !isAccountId(opts.account)) problem(`--account must be a 12-digit account id, not '${opts.account}'`);
  if (accessKeyId === undefined || accessKeyId === '') problem('no credentials: give --account (open mode), --access-key-id/--secret-access-key, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  const secretAccessKey = opts.secretAccessKey ?? (opts.account !== undefined ? 'open-mode' : process.env.AWS_SECRET_ACCESS_KEY) ?? 'open-mode';
  const sessionToken = opts.sessionToken ?? (opts.accessKeyId === undefined && opts.account === undefined ? process.env.AWS_SESSION_TOKEN : undefined);
  return { endpoint, region, credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } };
}

/**
 * GET one of the server's own endpoints (under /_vpcpeer/), signed as the EC2 calls are, or
 * unsigned without credentials (open mode takes that as its default account). The answer as it
 * came; a server that cannot be reached is the user's problem, in one line.
 */
export async function getFromServer(endpoint: URL, path: string, signing?: { readonly region: string; readonly credentials: Credentials }): Promise<Response> {
  let headers: Record<string, string> = {};
  if (signing) {
    const signer = new SignatureV4({ service: 'ec2', region: signing.region, credentials: signing.credentials, sha256: Sha256 });
    const signed = await signer.sign({
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port !== '' ? { port: Number(endpoint.port) } : {}),
      path,
      query: {},
      headers: { host: endpoint.host },
    });
    headers = signed.headers;
  }
  return fetch(new URL(path, endpoint), { headers }).catch((err: unknown) => problem(`cannot reach ${endpoint.origin}: ${(err as Error).message}`));
}

/** GET one of the server's own endpoints, signed; its JSON answer. */
export async function signedGet(access: ServerAccess, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await getFromServer(access.endpoint, path, access);
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, body };
}

/** The options every command that talks to a running server takes, as the AWS CLI names them. */
export function withAccessOptions(command: Command): Command {
  return command
    .addOption(new Option('--endpoint <url>', 'the vpcpeer server').env('VPCPEER_ENDPOINT').default('http://127.0.0.1:4566'))
    .option('--region <region>', 'Region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)')
    .option('--account <id>', 'open mode: act as this 12-digit account (used as the access key id)')
    .option('--access-key-id <key>', 'access key id (default: AWS_ACCESS_KEY_ID)')
    .option('--secret-access-key <secret>', 'secret access key (default: AWS_SECRET_ACCESS_KEY)')
    .option('--session-token <token>', 'session token of temporary credentials (default: AWS_SESSION_TOKEN)');
}
