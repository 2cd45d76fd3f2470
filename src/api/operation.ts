import type { RequestContext } from '../core/request-context.js';
import type { Ec2OperationName, Ec2Operations } from '../protocol/index.js';

/** One EC2 action: wire input in, wire output out, by way of the domain. */
export interface Operation<Op extends Ec2OperationName> {
  /** Mutating actions run in a write transaction; the rest read. */
  readonly mutates: boolean;
  handle(ctx: RequestContext, input: Ec2Operations[Op]['input']): Promise<Ec2Operations[Op]['output']>;
}

export type OperationTable = { readonly [Op in Ec2OperationName]?: Operation<Op> };

export const reads = <Op extends Ec2OperationName>(handle: Operation<Op>['handle']): Operation<Op> => ({ mutates: false, handle });
export const writes = <Op extends Ec2OperationName>(handle: Operation<Op>['handle']): Operation<Op> => ({ mutates: true, handle });
