import { errors } from './errors.js';
import { Cidr } from './net/index.js';

/** Parses a CIDR parameter of the given IP version or refuses it with AWS's wording. */
export function parseCidrParam(parameter: string, text: string | undefined, version: 4 | 6): Cidr {
  if (text === undefined || text === '') throw errors.missingParameter(parameter);
  const cidr = Cidr.parse(text);
  if (!cidr || cidr.version !== version) throw errors.invalidCidr(parameter, text);
  return cidr;
}

/** Parses a block that defines address space (VPC, subnet): it must be /16-/28 and have no host bits. */
export function parseBlock(parameter: string, text: string | undefined, onRange: (cidr: string) => Error): Cidr {
  const cidr = parseCidrParam(parameter, text, 4);
  // AWS refuses blocks outside /16-/28 with `InvalidVpc.Range: The CIDR '10.0.0.0/8' is invalid.`;
  // a block with host bits set names no network, so it is refused the same way.
  if (cidr.prefixLength < 16 || cidr.prefixLength > 28 || cidr.hasHostBits()) throw onRange(cidr.toString());
  return cidr;
}
