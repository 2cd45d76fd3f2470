import { Ec2Error } from '../ec2-error.js';

/**
 * EC2-Classic is retired: every ClassicLink call answers HTTP 400 `UnsupportedOperation` with
 * `The functionality you requested is not available in this region.` (AWS-BEHAVIOUR.md §4.6).
 * Ansible's ec2_vpc_net calls DescribeVpcClassicLink after creating a VPC and reads exactly this
 * message as "no ClassicLink"; any other answer (InvalidAction) fails the module.
 */
export function classicLinkRetired(): Ec2Error {
  return new Ec2Error('UnsupportedOperation', 'The functionality you requested is not available in this region.');
}
