// IPv4 and IPv6 CIDR blocks as immutable values.
//
// Addresses are held as bigint for both families: IPv6 needs 128 bits, and one
// integer type keeps the range arithmetic (contains, overlaps, subnet carving)
// identical for the two versions.

export type IpVersion = 4 | 6;

const IPV4_BITS = 32;
const IPV6_BITS = 128;

/** Number of address bits for a version: 32 or 128. */
export function addressBits(version: IpVersion): number {
  return version === 4 ? IPV4_BITS : IPV6_BITS;
}

function maxAddress(version: IpVersion): bigint {
  return (1n << BigInt(addressBits(version))) - 1n;
}

// Decimal without leading zeros. A leading zero is refused because AWS refuses
// "010.0.0.0/8", and because some parsers (inet_aton, older libc) read "010" as
// octal 8 — accepting it would let two systems disagree about the same text.
const DECIMAL_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
// Prefix lengths follow the same rule: one canonical spelling per value.
const DECIMAL_PREFIX = /^(?:0|[1-9][0-9]{0,2})$/;
// RFC 4291 groups: one to four hex digits, either case; leading zeros are legal
// in IPv6 text (unlike IPv4) because hex groups have no octal reading.
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses a strict IPv4 dotted quad ("10.0.0.1") into a 32-bit integer. */
export function parseIpv4Address(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

/** Formats a 32-bit integer as a dotted quad. Throws RangeError outside 0..2^32-1. */
export function formatIpv4(n: bigint): string {
  if (n < 0n || n > maxAddress(4)) throw new RangeError(`not an IPv4 address: ${n}`);
  return [24n, 16n, 8n, 0n].map((shift) => ((n >> shift) & 0xffn).toString()).join('.');
}

function parseHexGroups(text: string): number[] | undefined {
  // An empty side of "::" means no groups; otherwise every group must be present,
  // so a stray leading/trailing single colon (":1::", "1::2:") is refused here.
  if (text === '') return [];
  const groups: number[] = [];
  for (const part of text.split(':')) {
    if (!HEX_GROUP.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

/**
 * Parses any RFC 4291 §2.2 text form of an IPv6 address: full ("2001:db8:0:0:0:0:0:1"),
 * "::"-compressed, and mixed with a trailing dotted quad ("::ffff:1.2.3.4").
 * Zone ids ("%eth0") are refused: they are local to a host and mean nothing in a VPC.
 */
export function parseIpv6Address(text: string): bigint | undefined {
  if (text.length === 0 || text.length > 45) return undefined; // 45 = longest legal mixed form

  // A trailing dotted quad stands for the last two groups.
  let hexText = text;
  let ipv4Tail: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.indexOf('.', lastColon) >= 0) {
    ipv4Tail = parseIpv4Address(text.slice(lastColon + 1));
    if (ipv4Tail === undefined) return undefined;
    // Keep a placeholder group so the split logic below sees where the tail sits
    // ("::1.2.3.4" must keep its "::"); it is replaced by the tail afterwards.
    hexText = text.slice(0, lastColon + 1) + '0';
  }

  const halves = hexText.split('::');
  if (halves.length > 2) return undefined; // at most one "::"
  const head = parseHexGroups(halves[0] ?? '');
  if (head === undefined) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const tail = parseHexGroups(halves[1] ?? '');
    if (tail === undefined) return undefined;
    // The tail's dotted quad occupies two groups but holds one placeholder.
    const used = head.length + tail.length + (ipv4Tail === undefined ? 0 : 1);
    // "::" stands for at least one zero group (RFC 4291), so at most 7 explicit.
    if (used > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - used).fill(0), ...tail];
    if (ipv4Tail !== undefined) groups.push(0);
  } else {
    groups = head;
    if (ipv4Tail !== undefined) groups.push(0);
    if (groups.length !== 8) return undefined;
  }

  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  if (ipv4Tail !== undefined) value = (value & ~maxAddress(4)) | ipv4Tail;
  return value;
}

/**
 * Formats a 128-bit integer per RFC 5952 §4: lower-case hex, no leading zeros in a
 * group, the longest run of two or more zero groups compressed to "::" (leftmost on
 * ties). The dotted-quad tail of §5 is not used: it is only a SHOULD for prefixes
 * known to embed IPv4, and one plain form is easier to compare with AWS output.
 * Throws RangeError outside 0..2^128-1.
 */
export function formatIpv6(n: bigint): string {
  if (n < 0n || n > maxAddress(6)) throw new RangeError(`not an IPv6 address: ${n}`);
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((n >> shift) & 0xffffn));

  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    // Strictly greater keeps the leftmost run on ties.
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }

  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  // A single zero group is never compressed (RFC 5952 §4.2.2).
  if (bestLength < 2) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

function parseAddress(text: string, version: IpVersion): bigint | undefined {
  return version === 4 ? parseIpv4Address(text) : parseIpv6Address(text);
}

function formatAddress(n: bigint, version: IpVersion): string {
  return version === 4 ? formatIpv4(n) : formatIpv6(n);
}

/** Mask with the top `prefixLength` bits of the address width set. */
function prefixMask(version: IpVersion, prefixLength: number): bigint {
  const bits = addressBits(version);
  return maxAddress(version) ^ ((1n << BigInt(bits - prefixLength)) - 1n);
}

/**
 * A CIDR block such as "10.0.0.0/16" or "2600:1f18::/56".
 *
 * `network` keeps the address exactly as written, host bits included, so that a
 * request like "10.0.0.1/16" can be reported back (AWS rejects such blocks with a
 * specific error rather than silently fixing them). Use `canonical()` to clear them;
 * `firstAddress`/`lastAddress` and all range comparisons ignore host bits.
 */
export class Cidr {
  readonly version: IpVersion;
  readonly network: bigint;
  readonly prefixLength: number;
  readonly firstAddress: bigint;
  readonly lastAddress: bigint;

  private constructor(version: IpVersion, network: bigint, prefixLength: number) {
    this.version = version;
    this.network = network;
    this.prefixLength = prefixLength;
    const mask = prefixMask(version, prefixLength);
    this.firstAddress = network & mask;
    this.lastAddress = this.firstAddress | (maxAddress(version) ^ mask);
    Object.freeze(this);
  }

  /** Builds a block from its parts; throws RangeError if the address or prefix is out of range. */
  static from(version: IpVersion, network: bigint, prefixLength: number): Cidr {
    if (version !== 4 && version !== 6) throw new RangeError(`unknown IP version: ${String(version)}`);
    if (network < 0n || network > maxAddress(version)) {
      throw new RangeError(`address out of range for IPv${version}: ${network}`);
    }
    if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > addressBits(version)) {
      throw new RangeError(`prefix length out of range for IPv${version}: ${prefixLength}`);
    }
    return new Cidr(version, network, prefixLength);
  }

  /**
   * Strict parse of "address/length". Returns undefined for anything else: no
   * surrounding whitespace, no missing "/length", no zone id, no leading zeros in
   * IPv4 octets or the prefix length. Being strict here means the API layer can
   * map `undefined` straight to AWS's InvalidParameterValue.
   */
  static parse(text: string): Cidr | undefined {
    const parts = text.split('/');
    if (parts.length !== 2) return undefined;
    const [addressText = '', lengthText = ''] = parts;
    const version: IpVersion = addressText.includes(':') ? 6 : 4;
    if (!DECIMAL_PREFIX.test(lengthText)) return undefined;
    const prefixLength = Number(lengthText);
    if (prefixLength > addressBits(version)) return undefined;
    const network = parseAddress(addressText, version);
    if (network === undefined) return undefined;
    return new Cidr(version, network, prefixLength);
  }

  /** True if bits beyond the prefix are set, e.g. "10.0.0.1/16". */
  hasHostBits(): boolean {
    return this.network !== this.firstAddress;
  }

  /** The same block with host bits cleared. */
  canonical(): Cidr {
    return this.hasHostBits() ? new Cidr(this.version, this.firstAddress, this.prefixLength) : this;
  }

  /** The address as given (host bits kept) and the prefix, e.g. "2001:db8::/32". */
  toString(): string {
    return `${formatAddress(this.network, this.version)}/${this.prefixLength}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Number of addresses in the block, 2^(bits - prefix). */
  addressCount(): bigint {
    return 1n << BigInt(addressBits(this.version) - this.prefixLength);
  }

  /** True if `other` is the same version and lies entirely inside this block (equal counts). */
  contains(other: Cidr): boolean {
    return (
      this.version === other.version &&
      other.prefixLength >= this.prefixLength &&
      other.firstAddress >= this.firstAddress &&
      other.lastAddress <= this.lastAddress
    );
  }

  /** True if the two blocks are the same version and share at least one address. */
  overlaps(other: Cidr): boolean {
    return (
      this.version === other.version &&
      this.firstAddress <= other.lastAddress &&
      other.firstAddress <= this.lastAddress
    );
  }

  /** Exact equality: version, address as given (host bits included) and prefix. */
  equals(other: Cidr): boolean {
    return (
      this.version === other.version &&
      this.network === other.network &&
      this.prefixLength === other.prefixLength
    );
  }

  /** True if `address` (of the given version) lies inside this block. */
  containsAddress(address: bigint, version: IpVersion): boolean {
    return this.version === version && address >= this.firstAddress && address <= this.lastAddress;
  }

  /**
   * The `index`-th block of prefix `newPrefix` inside this one, counting from the
   * block's first address: 172.31.0.0/16 subnet(20, 1n) is 172.31.16.0/20.
   * Throws RangeError if `newPrefix` is shorter than this prefix or too long for
   * the version, or `index` is outside 0..2^(newPrefix - prefix) - 1.
   */
  subnet(newPrefix: number, index: bigint): Cidr {
    if (!Number.isInteger(newPrefix) || newPrefix < this.prefixLength || newPrefix > addressBits(this.version)) {
      throw new RangeError(`cannot carve /${newPrefix} from ${this.canonical().toString()}`);
    }
    const count = 1n << BigInt(newPrefix - this.prefixLength);
    if (index < 0n || index >= count) {
      throw new RangeError(`subnet index ${index} out of range 0..${count - 1n} for /${newPrefix}`);
    }
    const size = 1n << BigInt(addressBits(this.version) - newPrefix);
    return new Cidr(this.version, this.firstAddress + index * size, newPrefix);
  }
}
