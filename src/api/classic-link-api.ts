import { classicLinkRetired } from '../core/classic-link/classic-link-retired.js';
import type { Ec2OperationName } from '../protocol/index.js';
import type { Operation, OperationTable } from './operation.js';

/**
 * A retired call: the request has been decoded (so a missing VpcId or a MaxResults out of range is
 * still refused first) and DryRun answered centrally; whatever it asks, the answer is the refusal.
 */
function retired<Op extends Ec2OperationName>(mutates: boolean): Operation<Op> {
  return { mutates, handle: () => Promise.reject(classicLinkRetired()) };
}

/** The retired EC2-Classic calls, answered as AWS answers them today. */
export const CLASSIC_LINK_OPERATIONS: OperationTable = {
  DescribeVpcClassicLink: retired(false),
  DescribeVpcClassicLinkDnsSupport: retired(false),
  EnableVpcClassicLink: retired(true),
  DisableVpcClassicLink: retired(true),
  EnableVpcClassicLinkDnsSupport: retired(true),
  DisableVpcClassicLinkDnsSupport: retired(true),
};
