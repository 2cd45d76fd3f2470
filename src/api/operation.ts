import type { RequestContext } from '../core/request-context.js';
import type { Ec2OperationName, Ec2Operations } from '../protocol/index.js';

/** An answer whose one list arrives in chunks (see protocol's encodeResponseStream). */
export interface StreamedOutput {
  readonly listMember: string;
  readonly chunks: AsyncIterable<readonly unknown[]>;
}

/** One EC2 action: wire input in, wire output out, by way of the domain. */
export interface Operation<Op extends Ec2OperationName> {
  /** Mutating actions run in a write transaction; the rest read. */
  readonly mutates: boolean;
  handle(ctx: RequestContext, input: Ec2Operations[Op]['input']): Promise<Ec2Operations[Op]['output']>;
  /**
   * For Describes that can be large: the whole answer as a stream, when the request asks for
   * everything (no ids, no MaxResults); undefined to answer through `handle` instead.
   */
  stream?(ctx: RequestContext, input: Ec2Operations[Op]['input']): StreamedOutput | undefined;
}

export type OperationTable = { readonly [Op in Ec2OperationName]?: Operation<Op> };

export const reads = <Op extends Ec2OperationName>(handle: Operation<Op>['handle']): Operation<Op> => ({ mutates: false, handle });
export const writes = <Op extends Ec2OperationName>(handle: Operation<Op>['handle']): Operation<Op> => ({ mutates: true, handle });
