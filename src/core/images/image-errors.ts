import { Ec2Error } from '../ec2-error.js';

/** The errors DescribeImages raises beyond the shared catalogue, in AWS's words. */
export const imageErrors = {
  /**
   * AWS quotes the ids in brackets: `The image id '[ami-0c55b159cbfafe1f0]' does not exist`, and
   * for several `The image ids '[ami-a, ami-b]' do not exist` (error texts quoted in Terraform and
   * boto3 issue reports; client code parses the plural form).
   */
  notFound(ids: readonly string[]): Ec2Error {
    return ids.length === 1
      ? new Ec2Error('InvalidAMIID.NotFound', `The image id '[${ids[0] ?? ''}]' does not exist`)
      : new Ec2Error('InvalidAMIID.NotFound', `The image ids '[${ids.join(', ')}]' do not exist`);
  },
  /** Observed from EC2: `Invalid id: "None" (expecting "ami-...")` (a boto log of a real response). */
  malformed(id: string): Ec2Error {
    return new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
  },
  /**
   * An Owners or ExecutableUsers value that is neither an alias nor a 12-digit account id. The
   * wording is the one EC2 documents for DescribeFpgaImages' owners (`User ID '12345' is invalid`)
   * [I: the same check on DescribeImages].
   */
  malformedUser(value: string): Ec2Error {
    return new Ec2Error('InvalidUserID.Malformed', `User ID '${value}' is invalid`);
  },
  /**
   * DescribeImages with ImageId.N refuses MaxResults (aws-sdk-ruby #3028); the wording is EC2's
   * for the same refusal on DescribeInstances and DescribeVolumes (`The parameter instancesSet
   * cannot be used with the parameter maxResults`) with this call's list name [I].
   */
  idsWithMaxResults(): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', 'The parameter imagesSet cannot be used with the parameter maxResults');
  },
};
