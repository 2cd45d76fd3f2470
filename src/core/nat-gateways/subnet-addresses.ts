import type { Ec2Error } from '../ec2-error.js';
import { Cidr, formatIpv4, parseIpv4Address } from '../net/index.js';
import type { Subnet } from '../subnet.js';
import { natGatewayErrors } from './nat-gateway-errors.js';
import { addressErrors } from '../addresses/address-errors.js';

/**
 * The addresses of a subnet a resource may take: AWS reserves the first four (network, VPC router,
 * DNS, future use) and the last (broadcast) of every subnet (VPC user guide, "Subnet CIDR blocks").
 */
function usableRange(subnet: Subnet): { first: bigint; last: bigint; cidr: Cidr } {
  const cidr = Cidr.parse(subnet.cidrBlock) as Cidr;
  return { first: cidr.firstAddress + 4n, last: cidr.lastAddress - 1n, cidr };
}

/**
 * Checks an address asked for (CreateNatGateway, CreateNetworkInterface, RunInstances
 * PrivateIpAddress) against the subnet and what is taken; `onTaken` words the refusal of a taken one.
 */
export function checkRequestedAddress(subnet: Subnet, text: string, taken: ReadonlySet<string>, onTaken: (ip: string) => Ec2Error = addressErrors.inUse): string {
  const n = parseIpv4Address(text);
  if (n === undefined) throw natGatewayErrors.privateIpOutsideSubnet(text, subnet.cidrBlock);
  const { first, last, cidr } = usableRange(subnet);
  if (!cidr.containsAddress(n, 4)) throw natGatewayErrors.privateIpOutsideSubnet(text, subnet.cidrBlock);
  if (n < first || n > last) throw natGatewayErrors.privateIpReserved(text);
  const ip = formatIpv4(n);
  if (taken.has(ip)) throw onTaken(ip);
  return ip;
}

/** The lowest free usable address of the subnet, or undefined when none is left. */
export function firstFreeAddress(subnet: Subnet, taken: ReadonlySet<string>): string | undefined {
  const { first, last } = usableRange(subnet);
  for (let n = first; n <= last; n++) {
    const ip = formatIpv4(n);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}
