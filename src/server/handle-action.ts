import { randomUUID } from 'node:crypto';
import type { OperationTable } from '../api/operation.js';
import type { CallerDefaults } from '../auth/resolve-caller.js';
import { parseCredentialScope, resolveCaller } from '../auth/resolve-caller.js';
import { createDefaultVpc, hasDefaultVpcBeenCreated } from '../core/default-vpc.js';
import { Ec2Error } from '../core/ec2-error.js';
import { errors } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import { findRegion } from '../core/regions.js';
import type { RequestContext } from '../core/request-context.js';
import type { UnitOfWork } from '../core/repository.js';
import type { Ec2OperationName } from '../protocol/index.js';
import { decodeQuery, encodeError, encodeResponse, isEc2OperationName, ProtocolError } from '../protocol/index.js';
import type { ServerClock } from './server-clock.js';
import { handleSts, STS_ACTIONS } from './sts-handler.js';

export interface ActionRequest {
  readonly params: readonly (readonly [string, string])[];
  readonly authorization?: string;
}

export interface ActionResponse {
  readonly requestId: string;
  readonly status: number;
  readonly body: string;
  /** For the access log. */
  readonly action: string;
  readonly accountId: string;
  readonly region: string;
  readonly code: string;
  readonly resourceIds: readonly string[];
  readonly internalError?: unknown;
}

export interface ActionDeps extends CallerDefaults {
  readonly store: UnitOfWork;
  readonly clock: ServerClock;
  readonly ids: IdGenerator;
  readonly operations: OperationTable;
  /** Scopes known to have had their default VPC made: saves a read per request. */
  readonly initialisedScopes: Set<string>;
}

const EC2_VERSION = '2016-11-15';
const STS_VERSION = '2011-06-15';
const ID_LIKE = /^(vpc|subnet|rtb|rtbassoc|pcx|igw|dopt|vpc-cidr-assoc)-[0-9a-f]{8,17}$/;
/** Where the id of what a create made stands in its response, for the access log. */
const CREATED: Readonly<Record<string, RegExp>> = {
  CreateVpc: /<vpcId>([^<]+)</,
  CreateSubnet: /<subnetId>([^<]+)</,
  CreateRouteTable: /<routeTableId>([^<]+)</,
  CreateVpcPeeringConnection: /<vpcPeeringConnectionId>([^<]+)</,
  AssociateRouteTable: /<associationId>([^<]+)</,
  AssociateVpcCidrBlock: /<associationId>([^<]+)</,
  ReplaceRouteTableAssociation: /<newAssociationId>([^<]+)</,
};

function last(params: ActionRequest['params'], name: string): string | undefined {
  let value: string | undefined;
  for (const [k, v] of params) if (k === name) value = v;
  return value;
}

/** One EC2 or STS Query request, from its decoded parameters to the response body. */
export async function handleAction(deps: ActionDeps, req: ActionRequest): Promise<ActionResponse> {
  const requestId = randomUUID();
  const presigned = last(req.params, 'X-Amz-Credential');
  const caller = resolveCaller(parseCredentialScope(req.authorization, presigned), deps);
  const action = last(req.params, 'Action') ?? '';
  const version = last(req.params, 'Version');
  const resourceIds = req.params.filter(([, v]) => ID_LIKE.test(v)).map(([, v]) => v);
  const base = { requestId, action, accountId: caller.accountId, region: caller.region, resourceIds };

  // STS shares the endpoint: told apart by its signing service or its API version.
  if (caller.service === 'sts' || version === STS_VERSION || (version === undefined && STS_ACTIONS.has(action))) {
    try {
      return { ...base, ...(await handleSts(deps.store, action, req.params, caller, requestId)) };
    } catch (err) {
      return { ...base, status: 500, code: 'InternalError', body: encodeError('InternalError', `An internal error has occurred (request ${requestId})`, requestId), internalError: err };
    }
  }

  try {
    if (action === '') throw new Ec2Error('MissingAction', 'The request must contain the parameter Action');
    if (!isEc2OperationName(action) || !deps.operations[action]) {
      throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
    }
    if (version === undefined) throw errors.missingParameter('Version');
    if (version !== EC2_VERSION) throw new Ec2Error('NoSuchVersion', `The requested version (${version}) of service AmazonEC2 does not exist`);
    if (!findRegion(caller.region)) {
      throw new Ec2Error('InvalidParameterValue', `The region '${caller.region}' is not served here; sign requests for one of the regions DescribeRegions lists.`);
    }
    const body = await run(deps, action, caller, req, requestId);
    const created = CREATED[action]?.exec(body)?.[1];
    return { ...base, status: 200, code: 'OK', body, resourceIds: created ? [...resourceIds, created] : resourceIds };
  } catch (err) {
    if (err instanceof Ec2Error || err instanceof ProtocolError) {
      return { ...base, status: err.httpStatus, code: err.code, body: encodeError(err.code, err.message, requestId) };
    }
    // Anything else is our bug: answer as AWS does, and let the log carry the details.
    return {
      ...base,
      status: 500,
      code: 'InternalError',
      body: encodeError('InternalError', `An internal error has occurred (request ${requestId})`, requestId),
      internalError: err,
    };
  }
}

async function run(deps: ActionDeps, action: Ec2OperationName, caller: { accountId: string; region: string }, req: ActionRequest, requestId: string): Promise<string> {
  const params = req.params.filter(([k]) => k !== 'Action' && k !== 'Version' && !k.startsWith('X-Amz-'));
  const input = decodeQuery(action, params);
  const operation = deps.operations[action] as NonNullable<OperationTable[Ec2OperationName]>;
  const scope = { accountId: caller.accountId, region: caller.region };
  const scopeKey = `${scope.accountId}:${scope.region}`;
  if (!deps.initialisedScopes.has(scopeKey)) {
    // First use of an account in a region: it gets its default VPC, as in AWS.
    await deps.store.write(async (repo) => {
      const ctx: RequestContext = { repo, caller: scope, now: deps.clock.now(), ids: deps.ids };
      if (!(await hasDefaultVpcBeenCreated(ctx))) await createDefaultVpc(ctx);
    });
    deps.initialisedScopes.add(scopeKey);
  }
  if ((input as { DryRun?: boolean }).DryRun === true) throw errors.dryRun();
  const work = async (repo: RequestContext['repo']): Promise<string> => {
    const ctx: RequestContext = { repo, caller: scope, now: deps.clock.now(), ids: deps.ids };
    const output = await (operation.handle as (c: RequestContext, i: unknown) => Promise<unknown>)(ctx, input);
    return encodeResponse(action, output as never, requestId);
  };
  return operation.mutates ? deps.store.write(work) : deps.store.read(work);
}
