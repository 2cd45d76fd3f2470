import { Ec2Error } from '../ec2-error.js';

const e = (code: string, message: string): Ec2Error => new Ec2Error(code, message);

/**
 * Errors of the security group family, with AWS's codes and wording. Evidence per line:
 * [O] real AWS output quoted in public issues and logs, [M] the EC2 API model's documentation,
 * [moto] moto's text (its maintainers check messages against AWS), [I] our wording where AWS's
 * is unknown (house style: say what is wrong).
 */
export const sgErrors = {
  /** [O] `The security group 'sg-0b2c…' does not exist` (Terraform/CLI logs; moto the same). */
  notFound(id: string): Ec2Error {
    return e('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  },
  /** [O] Terraform issue hashicorp/terraform#15428: `The security group 'secgrp-app' already exists for VPC 'vpc-c05da2a6'`. */
  duplicate(name: string, vpcId: string): Ec2Error {
    return e('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`);
  },
  /** [O] quoted by CloudFormation linters and mirrored by OpenStack's EC2 API: `Cannot use reserved security group name: default`. */
  reservedName(name: string): Ec2Error {
    return e('InvalidParameterValue', `Cannot use reserved security group name: ${name}`);
  },
  /** [O] pulumi-awsx#328: `Value (sg-86c8964) for parameter GroupName is invalid. Group names may not be in the format sg-*.` */
  sgPrefix(name: string): Ec2Error {
    return e('InvalidParameterValue', `Value (${name}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`);
  },
  /** [O] `Character sets beyond ASCII are not supported.` for non-ASCII text; [I] the other two reasons. */
  invalidText(parameter: 'GroupName' | 'GroupDescription' | 'Description', value: string, why: 'ascii' | 'length' | 'characters'): Ec2Error {
    const reason =
      why === 'ascii'
        ? 'Character sets beyond ASCII are not supported.'
        : why === 'length'
          ? 'Length exceeds maximum of 255 characters.'
          : 'Valid characters are a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*';
    return e('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid. ${reason}`);
  },
  /** [O] `VPCIdNotSpecified: No default VPC for this user` (CreateSecurityGroup without VpcId when none exists). */
  noDefaultVpc(): Ec2Error {
    return e('VPCIdNotSpecified', 'No default VPC for this user');
  },
  /** [O] scripts match `the specified group: "sg-…" name: "default" cannot be deleted by a user`. */
  cannotDeleteDefault(id: string): Ec2Error {
    return e('CannotDelete', `the specified group: "${id}" name: "default" cannot be deleted by a user`);
  },
  /** [O] `DependencyViolation: resource sg-0063528210d054afa has a dependent object` (many logs). */
  dependentObject(id: string): Ec2Error {
    return e('DependencyViolation', `resource ${id} has a dependent object`);
  },
  /** [O] `the specified rule "peer: 0.0.0.0/0, TCP, from port: 2376, to port: 2376, ALLOW" already exists`. */
  duplicatePermission(rule: string): Ec2Error {
    return e('InvalidPermission.Duplicate', `the specified rule "${rule}" already exists`);
  },
  /** [M] Revoke in a non-default VPC of a rule that is not there; [moto] wording. */
  permissionNotFound(): Ec2Error {
    return e('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
  },
  /** [moto] wording, said to match AWS. */
  ruleLimit(): Ec2Error {
    return e('RulesPerSecurityGroupLimitExceeded', 'The maximum number of rules per security group has been reached.');
  },
  /** [O] kops/terraform logs: a group of another, unpeered VPC referenced in a rule. */
  differentNetworks(): Ec2Error {
    return e('InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.');
  },
  /** [O] `Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.` (and `… with ICMP.`). */
  portsRequired(kind: 'TCP/UDP' | 'ICMP'): Ec2Error {
    return e('InvalidParameterValue', `Invalid value 'Must specify both from and to ports with ${kind}.' for portRange.`);
  },
  /** [I] the portRange style of the message above. */
  badPortRange(why: string): Ec2Error {
    return e('InvalidParameterValue', `Invalid value '${why}' for portRange.`);
  },
  /** [O] the NACL form of AWS's protocol message: `Invalid value 'tcp' for IP protocol. Unknown protocol.` */
  unknownProtocol(value: string): Ec2Error {
    return e('InvalidParameterValue', `Invalid value '${value}' for IP protocol. Unknown protocol.`);
  },
  /** [I] one peer per IpRange/Ipv6Range/UserIdGroupPair/PrefixListId entry; a permission needs at least one. */
  noPeer(): Ec2Error {
    return e(
      'InvalidParameterValue',
      'A rule needs a source or destination: IpRanges, Ipv6Ranges, UserIdGroupPairs or PrefixListIds (or CidrIp / SourceSecurityGroupName).',
    );
  },
  /** [I] the legacy top-level parameters are ingress-only for the group name, as in the model. */
  combination(message: string): Ec2Error {
    return e('InvalidParameterCombination', message);
  },
} as const;
