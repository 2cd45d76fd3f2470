import { randomUUID } from 'node:crypto';
import type { OperationTable } from '../api/operation.js';
import type { CallerDefaults } from '../auth/resolve-caller.js';
import { parseCredentialScope, resolveCaller } from '../auth/resolve-caller.js';
import type { SignedRequest } from '../auth/sigv4-verify.js';
import { createDefaultVpc, hasDefaultVpcBeenCreated } from '../core/default-vpc.js';
import { ensureDefaultDhcpOptions } from '../core/dhcp-options/default-dhcp-options.js';
import { Ec2Error } from '../core/ec2-error.js';
import { errors } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import { ID_PREFIXES } from '../core/ids.js';
import { findRegion } from '../core/regions.js';
import type { RequestContext } from '../core/request-context.js';
import type { AuditEvent, Repository, UnitOfWork } from '../core/repository.js';
import type { Ec2OperationName } from '../protocol/index.js';
import { decodeQuery, encodeError, encodeResponse, encodeResponseStream, isEc2OperationName, ProtocolError } from '../protocol/index.js';
import type { Authenticator } from './authenticate.js';
import { wordAuthProblem } from './authenticate.js';
import type { ServerClock } from './server-clock.js';
import type { StsCaller } from './sts-handler.js';
import type { SessionSecrets } from '../auth/session-secrets.js';
import { handleSts, STS_ACTIONS, stsError } from './sts-handler.js';

export interface ActionRequest {
  readonly params: readonly (readonly [string, string])[];
  readonly authorization?: string;
  /** The request as it arrived: what strict mode verifies the signature over. */
  readonly http?: SignedRequest;
}

export interface ActionResponse {
  readonly requestId: string;
  readonly status: number;
  /** XML text, or for a streamed Describe-all the text in parts as it is read. */
  readonly body: string | AsyncIterable<string>;
  /** For the access log. */
  readonly action: string;
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId?: string;
  readonly code: string;
  readonly resourceIds: readonly string[];
  readonly internalError?: unknown;
  /** An audit event could not be written (logged; the answer stands). */
  readonly auditError?: unknown;
}

export interface ActionDeps extends CallerDefaults {
  readonly store: UnitOfWork;
  readonly clock: ServerClock;
  readonly ids: IdGenerator;
  readonly operations: OperationTable;
  /** Scopes known to have had their default VPC made: saves a read per request. */
  readonly initialisedScopes: Set<string>;
  /** Derives AssumeRole sessions' secrets, which the store never holds. */
  readonly sessionSecrets: SessionSecrets;
  /** Strict mode: every request's signature is verified. Absent: open mode (the scope is trusted). */
  readonly authenticator?: Authenticator;
  /** `serve --reach-inter-region` (RequestContext.reachInterRegion). */
  readonly reachInterRegion?: boolean;
}

const EC2_VERSION = '2016-11-15';
const STS_VERSION = '2011-06-15';
// Parameter values that name a resource, for the access log and the audit trail: any prefix we know.
const ID_LIKE = new RegExp(`^(${ID_PREFIXES.join('|')})-[0-9a-f]{8,17}$`);
/** An audit event names at most this many ids (a call names at most 1000 of any kind). */
const MAX_AUDIT_IDS = 1000;
/** Where the id of what a create made stands in its response, for the access log and the audit trail. */
const CREATED: Readonly<Record<string, RegExp>> = {
  CreateVpc: /<vpcId>([^<]+)</,
  CreateSubnet: /<subnetId>([^<]+)</,
  CreateRouteTable: /<routeTableId>([^<]+)</,
  CreateVpcPeeringConnection: /<vpcPeeringConnectionId>([^<]+)</,
  AssociateRouteTable: /<associationId>([^<]+)</,
  AssociateVpcCidrBlock: /<associationId>([^<]+)</,
  ReplaceRouteTableAssociation: /<newAssociationId>([^<]+)</,
  CreateInternetGateway: /<internetGatewayId>([^<]+)</,
  CreateEgressOnlyInternetGateway: /<egressOnlyInternetGatewayId>([^<]+)</,
  AllocateAddress: /<allocationId>([^<]+)</,
  AssociateAddress: /<associationId>([^<]+)</,
  CreateNatGateway: /<natGatewayId>([^<]+)</,
  CreateDhcpOptions: /<dhcpOptionsId>([^<]+)</,
  AssociateSubnetCidrBlock: /<associationId>([^<]+)</,
  CreateSecurityGroup: /<groupId>([^<]+)</,
  CreateNetworkAcl: /<networkAclId>([^<]+)</,
  CreateNetworkInterface: /<networkInterfaceId>([^<]+)</,
  RunInstances: /<instanceId>([^<]+)</,
  AttachNetworkInterface: /<attachmentId>([^<]+)</,
  ReplaceNetworkAclAssociation: /<newAssociationId>([^<]+)</,
  CreateNetworkInsightsPath: /<networkInsightsPathId>([^<]+)</,
  StartNetworkInsightsAnalysis: /<networkInsightsAnalysisId>([^<]+)</,
};

interface Caller extends StsCaller {
  readonly region: string;
  readonly service?: string;
}

function last(params: ActionRequest['params'], name: string): string | undefined {
  let value: string | undefined;
  for (const [k, v] of params) if (k === name) value = v;
  return value;
}

function internalError(requestId: string): string {
  return encodeError('InternalError', `An internal error has occurred (request ${requestId})`, requestId);
}

/** One EC2 or STS Query request, from its decoded parameters to the response body. */
export async function handleAction(deps: ActionDeps, req: ActionRequest): Promise<ActionResponse> {
  const requestId = randomUUID();
  const action = last(req.params, 'Action') ?? '';
  const version = last(req.params, 'Version');
  const resourceIds = [...new Set(req.params.filter(([, v]) => ID_LIKE.test(v)).map(([, v]) => v))];
  // STS shares the endpoint: told apart by its signing service or its API version.
  const isSts = (service: string | undefined): boolean => service === 'sts' || version === STS_VERSION || (version === undefined && STS_ACTIONS.has(action));

  let caller: Caller;
  if (deps.authenticator) {
    const http: SignedRequest = req.http ?? { method: 'POST', path: '/', query: [], headers: [], body: new Uint8Array() };
    const claim = deps.authenticator.claim(http);
    const claimed = 'kind' in claim ? undefined : claim;
    const sts = isSts(claimed?.service);
    const outcome = await deps.authenticator.authenticate(http, sts ? 'sts' : 'ec2');
    if (!outcome.ok) {
      // Nothing of an unauthenticated request reaches any account: no default VPC, no audit event
      // (a forged request must not be able to write into another account's trail either).
      const w = wordAuthProblem(outcome.problem, sts ? 'sts' : 'ec2');
      return {
        requestId,
        action,
        accountId: '-',
        region: claimed?.region ?? deps.defaultRegion,
        ...(claimed ? { accessKeyId: claimed.accessKeyId } : {}),
        resourceIds,
        status: w.status,
        code: w.code,
        body: sts ? stsError(w.code, w.message, requestId, w.status).body : encodeError(w.code, w.message, requestId),
      };
    }
    const v = outcome.caller;
    caller = {
      accountId: v.accountId,
      region: v.region,
      service: v.service,
      accessKeyId: v.accessKeyId,
      assumeRoleAccounts: v.assumeRoleAccounts,
      rootAccessKeyId: v.rootAccessKeyId,
      principalArn: v.principalArn,
    };
  } else {
    caller = resolveCaller(parseCredentialScope(req.authorization, last(req.params, 'X-Amz-Credential')), deps);
  }
  // Built field by field: object spreads on this path (every request) showed in the CPU profiles.
  const answer = (status: number, code: string, body: ActionResponse['body'], ids: readonly string[] = resourceIds, internal?: unknown): ActionResponse => {
    const r: { -readonly [K in keyof ActionResponse]: ActionResponse[K] } = { requestId, action, accountId: caller.accountId, region: caller.region, resourceIds: ids, status, code, body };
    if (caller.accessKeyId) r.accessKeyId = caller.accessKeyId;
    if (internal !== undefined) r.internalError = internal;
    return r;
  };
  const event = (code: string, status: number, ids: readonly string[]): AuditEvent => ({
    time: deps.clock.now(),
    accountId: caller.accountId,
    region: caller.region,
    ...(caller.accessKeyId ? { accessKeyId: caller.accessKeyId } : {}),
    action,
    resourceIds: ids.slice(0, MAX_AUDIT_IDS),
    code,
    status,
    requestId,
  });
  /** A refused mutating call is recorded on its own, after its transaction rolled back. */
  const recordRefusal = async (response: ActionResponse): Promise<ActionResponse> => {
    try {
      await deps.store.write((repo) => repo.audit.append(event(response.code, response.status, response.resourceIds)));
      return response;
    } catch (err) {
      return { ...response, auditError: err };
    }
  };

  if (isSts(caller.service)) {
    try {
      // AssumeRole issues credentials: recorded in the caller's trail, and in the trail of the
      // account whose role was assumed, in the transaction that stores the session.
      const result = await handleSts(deps.store, deps.sessionSecrets, action, req.params, caller, requestId, async (repo, assumed) => {
        const ids = [assumed.roleArn, assumed.accessKeyId];
        await repo.audit.append(event('OK', 200, ids));
        if (assumed.accountId !== caller.accountId) await repo.audit.append({ ...event('OK', 200, ids), accountId: assumed.accountId });
      });
      const response = answer(result.status, result.code, result.body);
      return action === 'AssumeRole' && result.status !== 200 ? recordRefusal(response) : response;
    } catch (err) {
      const response = answer(500, 'InternalError', internalError(requestId), resourceIds, err);
      return action === 'AssumeRole' ? recordRefusal(response) : response;
    }
  }

  const operation = isEc2OperationName(action) ? deps.operations[action] : undefined;
  try {
    if (action === '') throw new Ec2Error('MissingAction', 'The request must contain the parameter Action');
    if (!isEc2OperationName(action) || !operation) {
      throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
    }
    if (version === undefined) throw errors.missingParameter('Version');
    if (version !== EC2_VERSION) throw new Ec2Error('NoSuchVersion', `The requested version (${version}) of service AmazonEC2 does not exist`);
    if (!findRegion(caller.region)) {
      throw new Ec2Error('InvalidParameterValue', `The region '${caller.region}' is not served here; sign requests for one of the regions DescribeRegions lists.`);
    }
    const { body, created } = await run(deps, action, caller, req, requestId, (repo, ids) => repo.audit.append(event('OK', 200, ids)), resourceIds);
    return answer(200, 'OK', body, created ? [...resourceIds, created] : resourceIds);
  } catch (err) {
    let response: ActionResponse;
    if (err instanceof Ec2Error || err instanceof ProtocolError) {
      response = answer(err.httpStatus, err.code, encodeError(err.code, err.message, requestId));
    } else {
      // Anything else is our bug: answer as AWS does, and let the log carry the details.
      response = answer(500, 'InternalError', internalError(requestId), resourceIds, err);
    }
    return operation?.mutates ? recordRefusal(response) : response;
  }
}

async function run(
  deps: ActionDeps,
  action: Ec2OperationName,
  caller: Caller,
  req: ActionRequest,
  requestId: string,
  record: (repo: Repository, ids: readonly string[]) => Promise<void>,
  namedIds: readonly string[],
): Promise<{ body: string | AsyncIterable<string>; created?: string }> {
  const params = req.params.filter(([k]) => k !== 'Action' && k !== 'Version' && !k.startsWith('X-Amz-'));
  const input = decodeQuery(action, params);
  const operation = deps.operations[action] as NonNullable<OperationTable[Ec2OperationName]>;
  const scope = { accountId: caller.accountId, region: caller.region };
  const scopeKey = `${scope.accountId}:${scope.region}`;
  const contextOf = (repo: Repository): RequestContext => ({ repo, caller: scope, now: deps.clock.now(), ids: deps.ids, ...(deps.reachInterRegion ? { reachInterRegion: true } : {}) });
  if (!deps.initialisedScopes.has(scopeKey)) {
    // First use of an account in a region: it gets its default VPC, as in AWS.
    await deps.store.write(async (repo) => {
      const ctx = contextOf(repo);
      if (!(await hasDefaultVpcBeenCreated(ctx))) await createDefaultVpc(ctx);
      // A store from before DHCP options sets were stored knows the default set by id only
      // (createDefaultVpc makes the set itself on a new scope).
      else await ensureDefaultDhcpOptions(ctx);
    });
    deps.initialisedScopes.add(scopeKey);
  }
  if ((input as { DryRun?: boolean }).DryRun === true) throw errors.dryRun();
  if (!operation.mutates && operation.stream) {
    // A Describe of everything streams: read page by page as the answer is written out.
    const repo = await deps.store.read((r) => Promise.resolve(r));
    const ctx = contextOf(repo);
    const streamed = (operation.stream as (c: RequestContext, i: unknown) => ReturnType<NonNullable<typeof operation.stream>>)(ctx, input);
    if (streamed) return { body: encodeResponseStream(action, {} as never, streamed.listMember, streamed.chunks, requestId) };
  }
  const work = async (repo: Repository): Promise<{ body: string; created?: string }> => {
    const ctx = contextOf(repo);
    const output = await (operation.handle as (c: RequestContext, i: unknown) => Promise<unknown>)(ctx, input);
    const body = encodeResponse(action, output as never, requestId);
    const created = CREATED[action]?.exec(body)?.[1];
    // The change and its audit event commit together or not at all.
    if (operation.mutates) await record(repo, created ? [...namedIds, created] : namedIds);
    return created ? { body, created } : { body };
  };
  return operation.mutates ? deps.store.write(work) : deps.store.read(work);
}
