/** Resource id prefixes, as AWS writes them. */
export type IdPrefix =
  | 'vpc'
  | 'subnet'
  | 'rtb'
  | 'rtbassoc'
  | 'pcx'
  | 'vpc-cidr-assoc'
  | 'subnet-cidr-assoc'
  | 'igw'
  | 'dopt'
  | 'acl'
  | 'aclassoc'
  | 'sg'
  | 'sgr'
  | 'eigw'
  | 'eipalloc'
  | 'eipassoc'
  | 'nat'
  | 'eni'
  | 'eni-attach'
  | 'ami'
  | 'i'
  | 'r'
  | 'vol'
  | 'nip'
  | 'nia';

/** Port: mints new ids. The store side uses crypto randomness; tests may use a counter. */
export interface IdGenerator {
  next(prefix: IdPrefix): string;
}

// New AWS ids carry 17 hex digits; older resources have 8, and both must be accepted as
// well-formed (EC2 error-code page, "pcx-xxxxxxxxxxxxxxxxx" and the legacy 8-digit form).
const WELL_FORMED = /^[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

export function isWellFormedId(prefix: IdPrefix, id: string): boolean {
  return id.startsWith(prefix + '-') && WELL_FORMED.test(id.slice(prefix.length + 1));
}

/** The prefix of an id such as `vpc-0abc...`, or undefined when it has none we know. */
export function prefixOf(id: string): IdPrefix | undefined {
  const dash = id.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const prefix = id.slice(0, dash);
  return (ID_PREFIXES as readonly string[]).includes(prefix) ? (prefix as IdPrefix) : undefined;
}

/** Every id prefix this server mints or reads. */
export const ID_PREFIXES: readonly IdPrefix[] = [
  'vpc', 'subnet', 'rtb', 'rtbassoc', 'pcx', 'vpc-cidr-assoc', 'subnet-cidr-assoc', 'igw', 'dopt', 'acl', 'aclassoc', 'sg', 'sgr',
  'eigw', 'eipalloc', 'eipassoc', 'nat', 'eni', 'eni-attach', 'ami', 'i', 'r', 'vol', 'nip', 'nia',
];
