import { Ec2Error } from '../ec2-error.js';
import { errors } from '../errors.js';

/** Errors of the instance calls, with AWS's codes; the evidence for each is next to it. */
export const instanceErrors = {
  /** Several unknown ids are named together, as AWS does (`The instance IDs 'i-1, i-2' do not exist`). */
  notFoundMany(ids: readonly string[]): Ec2Error {
    return ids.length === 1 ? errors.notFound('i', ids[0] ?? '') : new Ec2Error('InvalidInstanceID.NotFound', `The instance IDs '${ids.join(', ')}' do not exist`);
  },
  /** Observed: `IncorrectInstanceState: The instance 'i-…' is not in a state from which it can be started.` (and `stopped`, `rebooted`). */
  incorrectState(id: string, verb: 'started' | 'stopped' | 'rebooted'): Ec2Error {
    return new Ec2Error('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be ${verb}.`);
  },
  /** Observed: `IncorrectInstanceState: The instance 'i-…' is not in the 'stopped' state.` (ModifyInstanceAttribute instanceType while running). */
  notStopped(id: string): Ec2Error {
    return new Ec2Error('IncorrectInstanceState', `The instance '${id}' is not in the 'stopped' state.`);
  },
  /** Observed: `OperationNotPermitted: The instance 'i-…' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.` */
  terminationProtected(id: string): Ec2Error {
    return new Ec2Error('OperationNotPermitted', `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`);
  },
  /** The same for DisableApiStop (EC2 user guide, "Enable stop protection"); [I] wording after the termination one. */
  stopProtected(id: string): Ec2Error {
    return new Ec2Error('OperationNotPermitted', `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`);
  },
  /** Observed: `InvalidAMIID.Malformed: Invalid id: "…" (expecting "ami-...")`. */
  amiMalformed(id: string): Ec2Error {
    return new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
  },
  /** Observed: `InvalidParameterValue: Invalid value 'x' for InstanceType.` */
  badInstanceType(type: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Invalid value '${type}' for InstanceType.`);
  },
  /** Observed (aws-cli #809, terraform #687): instance-level and interface-level settings exclude each other. */
  interfacesAnd(what: string): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', `Network interfaces and an instance-level ${what} may not be specified on the same request`);
  },
  /**
   * Observed (aws/aws-cli#2453, hashicorp/terraform#12123, boto/boto#350): security groups by name
   * (SecurityGroup.N) with a SubnetId: `InvalidParameterCombination: The parameter groupName cannot
   * be used with the parameter subnet`. A VPC launch names its groups by id.
   */
  groupNameWithSubnet(): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', 'The parameter groupName cannot be used with the parameter subnet');
  },
  /**
   * Observed (QT-DevOps/DevOpsIssues#256, a launch without SubnetId; openedx-unsupported/configuration#673):
   * a group of another VPC than the launch's subnet (named or the default one):
   * `InvalidParameter: Security group sg-… and subnet subnet-… belong to different networks.`
   */
  groupSubnetDifferentNetworks(groupId: string, subnetId: string): Ec2Error {
    return new Ec2Error('InvalidParameter', `Security group ${groupId} and subnet ${subnetId} belong to different networks.`);
  },
  /** Observed: `InstanceLimitExceeded: You have requested more instances (21) than your current instance limit of 20 allows for the specified instance type.` */
  limitExceeded(requested: number, limit: number): Ec2Error {
    return new Ec2Error('InstanceLimitExceeded', `You have requested more instances (${requested}) than your current instance limit of ${limit} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`);
  },
  /** Observed: `InvalidKeyPair.NotFound: The key pair 'x' does not exist`. */
  keyPairNotFound(name: string): Ec2Error {
    return new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`);
  },
  keyPairIdNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidKeyPair.NotFound', `The key pair ID '${id}' does not exist`);
  },
  /** Observed: `InvalidVolume.NotFound: The volume 'vol-…' does not exist.` */
  volumeNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
  },
  /** Observed: `MissingInput: No subnets found for the default VPC 'vpc-…'. Please specify a subnet.` */
  noDefaultSubnet(vpcId: string): Ec2Error {
    return new Ec2Error('MissingInput', `No subnets found for the default VPC '${vpcId}'. Please specify a subnet.`);
  },
  /** [I] wording: AWS's code for acting on an instance in the wrong state. */
  notRunningOrStopped(id: string): Ec2Error {
    return new Ec2Error('IncorrectInstanceState', `The instance '${id}' is not in a valid state for this operation.`);
  },
  /** Observed: `InvalidParameterCombination: You may not attach a network interface to an instance if they are not in the same availability zone`. */
  otherZone(): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', 'You may not attach a network interface to an instance if they are not in the same availability zone');
  },
  /** Observed: `InvalidParameterValue: Instance 'i-…' already has an interface attached at device index '1'.` */
  deviceIndexTaken(id: string, index: number): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Instance '${id}' already has an interface attached at device index '${index}'.`);
  },
  attachmentNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidAttachmentID.NotFound', `The attachment ID '${id}' does not exist`);
  },
  attachmentMalformed(id: string): Ec2Error {
    return new Ec2Error('InvalidAttachmentID.Malformed', `Invalid id: "${id}"`);
  },
  /** Observed: `OperationNotPermitted: The network interface at device index 0 cannot be detached.` */
  primaryNotDetachable(): Ec2Error {
    return new Ec2Error('OperationNotPermitted', 'The network interface at device index 0 cannot be detached.');
  },
} as const;
