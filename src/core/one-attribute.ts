import type { Ec2Error } from './ec2-error.js';
import { errors } from './errors.js';

/**
 * The Modify*Attribute calls change one attribute per call. Several at once are refused with
 * `InvalidParameterCombination: Fields for multiple attribute types specified: a, b`, observed on
 * ModifyVpcAttribute (aws/aws-sdk-go#415, apache/libcloud#328) and ModifyInstanceAttribute
 * (terraform-provider-aws's aws_instance modifies one at a time "else we get" it). With none, AWS
 * answers ModifyInstanceAttribute `InvalidParameterCombination: No attributes specified.`
 * (ansible-collections/amazon.aws#470): `whenNone` lets a call keep its own answer for that.
 * Returns the one attribute given.
 */
export function onlyOneAttribute<T extends string>(given: readonly T[], whenNone: () => Ec2Error = noAttributes): T {
  const names = [...new Set(given)];
  const [only] = names;
  if (only === undefined) throw whenNone();
  if (names.length > 1) throw errors.invalidParameterCombination(`Fields for multiple attribute types specified: ${names.join(', ')}`);
  return only;
}

function noAttributes(): Ec2Error {
  return errors.invalidParameterCombination('No attributes specified.');
}
