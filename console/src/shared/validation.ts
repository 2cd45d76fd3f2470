import { S } from '../strings';

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function isIpv4Cidr(text: string): boolean {
  const m = IPV4_CIDR.exec(text);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o, i) => o <= 255 && String(o) === m[i + 1]) && Number(m[5]) <= 32;
}

/** A dotted IPv4 address (no prefix length), as the address fields take it. */
export function isIpv4Address(text: string): boolean {
  return isIpv4Cidr(`${text}/32`);
}

function ipv6Groups(address: string): number | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(address)) return undefined;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const count = (part: string): number | undefined => {
    if (part === '') return 0;
    const groups = part.split(':');
    return groups.every((g) => g.length >= 1 && g.length <= 4) ? groups.length : undefined;
  };
  const left = count(halves[0] ?? '');
  const right = halves.length === 2 ? count(halves[1] ?? '') : 0;
  if (left === undefined || right === undefined) return undefined;
  if (halves.length === 2) return left + right < 8 ? 8 : undefined;
  return left;
}

export function isIpv6Cidr(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > 128) return false;
  return ipv6Groups(text.slice(0, slash)) === 8;
}

export function prefixLength(cidr: string): number {
  return Number(cidr.slice(cidr.lastIndexOf('/') + 1));
}

/** For a VPC's or subnet's IPv4 block: syntax, then the /16-/28 size AWS allows. */
export function blockCidrError(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return S.validation.required;
  if (!isIpv4Cidr(t)) return S.validation.ipv4Cidr;
  const p = prefixLength(t);
  if (p < 16 || p > 28) return S.validation.blockSize;
  return undefined;
}

/** For a route destination: an IPv4 or IPv6 CIDR; a single address is a /32 (or /128). */
export function destinationCidrError(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return S.validation.required;
  if (!isIpv4Cidr(t) && !isIpv6Cidr(t)) return S.validation.destinationCidr;
  return undefined;
}

export function accountIdError(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return S.validation.required;
  return /^\d{12}$/.test(t) ? undefined : S.validation.accountId;
}

export function vpcIdError(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return S.validation.required;
  return /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/.test(t) ? undefined : S.validation.vpcId;
}
