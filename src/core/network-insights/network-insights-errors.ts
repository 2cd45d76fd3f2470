import { Ec2Error } from '../ec2-error.js';

/**
 * Errors of the Network Insights path and analysis calls. Codes are AWS's (REACHABILITY.md §1);
 * where AWS's wording is unpublished the message follows EC2's house style [I].
 */
export const networkInsightsErrors = {
  /**
   * [D] the CLI's delete-network-insights-path example: a path with analyses cannot be deleted;
   * [O] the code is the one terraform-provider-aws retries on (errors.go).
   */
  analysisExists(pathId: string): Ec2Error {
    return new Ec2Error(
      'AnalysisExistsForNetworkInsightsPath',
      `The network insights path ${pathId} has analyses. Delete its analyses before deleting the path.`,
    );
  },
  /** [O] terraform-provider-aws #38132: AWS's exact words for a path with neither. */
  missingDestination(): Ec2Error {
    return new Ec2Error(
      'MissingParameter',
      'The request must include either the Destination parameter or the FilterAtSource.DestinationAddress parameter. Add the required parameter and retry the request.',
    );
  },
  /** [M] the model's doc strings: a filter excludes the legacy member it replaces; the code is our choice [I]. */
  filterConflict(filter: string, member: string): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', `You cannot specify ${filter} together with ${member}.`);
  },
  /** [D] "The source and destination resources must be in the same Region"; the code and wording beyond it are ours [I]. */
  regionsDiffer(source: { readonly id: string; readonly regions: readonly string[] }, destination: { readonly id: string; readonly regions: readonly string[] }): Ec2Error {
    return new Ec2Error(
      'InvalidParameterValue',
      `The source and destination resources must be in the same Region: ${source.id} is in ${source.regions.join(' and ')}, ${destination.id} in ${destination.regions.join(' and ')}. This server analyses across Regions only when started with \`vpcpeer serve --reach-inter-region\` (or asked by \`vpcpeer reach --inter-region\`).`,
    );
  },
  /** A resource kind Reachability Analyzer accepts but vpcpeer does not model (gateways, endpoints, ...) [I]. */
  unsupportedEndpoint(parameter: string, value: string): Ec2Error {
    return new Ec2Error(
      'InvalidParameterValue',
      `Value (${value}) for parameter ${parameter} is invalid. This server analyses paths between network interfaces, instances, internet gateways and VPC peering connections (an id or an ARN).`,
    );
  },
} as const;
