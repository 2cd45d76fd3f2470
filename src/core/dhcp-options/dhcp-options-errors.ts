import { Ec2Error } from '../ec2-error.js';

/**
 * Errors of DHCP options sets. `[I]` marks wording of ours where AWS's exact text is not known;
 * those follow AWS's `Value (x) for parameter y is invalid.` house style.
 */
export const dhcpOptionsErrors = {
  /** Observed (cloud-nuke issue #753): `The dhcpOptions 'dopt-…' has dependencies and cannot be deleted.` */
  inUse(id: string): Ec2Error {
    return new Ec2Error('DependencyViolation', `The dhcpOptions '${id}' has dependencies and cannot be deleted.`);
  },
  /** [I] A key CreateDhcpOptions does not know (the API reference lists the six it takes). */
  unknownKey(key: string, known: readonly string[]): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value (${key}) for parameter key is invalid. Valid keys are: ${known.join(', ')}.`);
  },
  /** [I] The same key twice in one request. */
  duplicateKey(key: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value (${key}) for parameter key is invalid. Duplicate key specified.`);
  },
  /** [I] A key without any value. */
  noValue(key: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value () for parameter ${key} is invalid. At least one value is required.`);
  },
  /** [I] A value the option does not take (`why` says what it takes). */
  invalidValue(key: string, value: string, why: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value (${value}) for parameter ${key} is invalid. ${why}`);
  },
  /** [I] More values than the option takes (four name servers, say). */
  tooManyValues(key: string, values: readonly string[], max: number): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value (${values.join(',')}) for parameter ${key} is invalid. The maximum number of values is ${max}.`);
  },
};
