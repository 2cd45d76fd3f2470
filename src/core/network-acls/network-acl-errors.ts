import { Ec2Error } from '../ec2-error.js';

const e = (code: string, message: string): Ec2Error => new Ec2Error(code, message);

/**
 * Errors of the network ACL family. [O] real AWS text quoted in public logs and docs, [moto]
 * moto's, [I] ours where AWS's wording is unknown.
 */
export const aclErrors = {
  /** [O] scripts match `InvalidParameterValue` with `cannot delete default network ACL <id>`. */
  cannotDeleteDefault(id: string): Ec2Error {
    return e('InvalidParameterValue', `cannot delete default network ACL ${id}`);
  },
  /** [moto] and AWS's DependencyViolation house style (`The vpc 'vpc-…' has dependencies and cannot be deleted.`). */
  associated(id: string): Ec2Error {
    return e('DependencyViolation', `The networkAcl '${id}' has dependencies and cannot be deleted.`);
  },
  /** [O] RDS docs quoting CloudFormation and ansible issue #2592: `The network acl entry identified by 18 already exists.` */
  entryExists(ruleNumber: number): Ec2Error {
    return e('NetworkAclEntryAlreadyExists', `The network acl entry identified by ${ruleNumber} already exists.`);
  },
  /** [O] terraform-provider-aws#12175: `InvalidNetworkAclEntry.NotFound: no ingress entry with number 120`. */
  entryNotFound(ruleNumber: number, egress: boolean): Ec2Error {
    return e('InvalidNetworkAclEntry.NotFound', `no ${egress ? 'egress' : 'ingress'} entry with number ${ruleNumber}`);
  },
  /** [I] the model: "Positive integer from 1 to 32766. The range 32767 to 65535 is reserved for internal use." */
  badRuleNumber(value: number): Ec2Error {
    return e('InvalidParameterValue', `Value (${value}) for parameter ruleNumber is invalid. Rule numbers must be from 1 to 32766; 32767 to 65535 are reserved for internal use.`);
  },
  /** [O] aws-cli#508: `Invalid value 'tcp' for IP protocol. Unknown protocol.` */
  unknownProtocol(value: string): Ec2Error {
    return e('InvalidParameterValue', `Invalid value '${value}' for IP protocol. Unknown protocol.`);
  },
  /** [I] PortRange is required for TCP and UDP (model); the security group wording. */
  portRangeRequired(): Ec2Error {
    return e('InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
  },
  /** [I] IcmpTypeCode is required for ICMP, and for ICMPv6 with an IPv6 block (model). */
  icmpRequired(): Ec2Error {
    return e('InvalidParameterValue', "Invalid value 'Must specify both type and code with ICMP.' for icmpTypeCode.");
  },
  /** [I] */
  badRange(parameter: 'portRange' | 'icmpTypeCode', why: string): Ec2Error {
    return e('InvalidParameterValue', `Invalid value '${why}' for ${parameter}.`);
  },
  /** [I] rules per network ACL: default quota 20 per direction (VPC quotas page). */
  entryLimit(id: string, limit: number): Ec2Error {
    return e('NetworkAclEntryLimitExceeded', `The maximum number of entries (${limit}) per direction has been reached for network ACL ${id}.`);
  },
  /** [I] the route table wording (`… belong to different networks`). */
  differentNetworks(aclId: string, subnetId: string): Ec2Error {
    return e('InvalidParameterValue', `Network ACL ${aclId} and subnet ${subnetId} belong to different networks`);
  },
} as const;
