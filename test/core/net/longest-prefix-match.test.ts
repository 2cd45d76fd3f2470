import { describe, expect, it } from 'vitest';
import { Cidr, longestPrefixMatch, parseIpv4Address, parseIpv6Address } from '../../../src/core/net/index.js';

function cidr(text: string): Cidr {
  const parsed = Cidr.parse(text);
  if (parsed === undefined) throw new Error(`test fixture does not parse: ${text}`);
  return parsed;
}

function v4(text: string): bigint {
  const value = parseIpv4Address(text);
  if (value === undefined) throw new Error(`bad IPv4 fixture: ${text}`);
  return value;
}

function v6(text: string): bigint {
  const value = parseIpv6Address(text);
  if (value === undefined) throw new Error(`bad IPv6 fixture: ${text}`);
  return value;
}

const routes = [
  { cidr: cidr('0.0.0.0/0'), value: 'igw' },
  { cidr: cidr('10.0.0.0/16'), value: 'local' },
  { cidr: cidr('10.1.0.0/16'), value: 'pcx-a' },
  { cidr: cidr('10.1.2.0/24'), value: 'pcx-b' },
  { cidr: cidr('10.1.2.3/32'), value: 'eni' },
  { cidr: cidr('::/0'), value: 'igw6' },
  { cidr: cidr('2600:1f18:abcd:1200::/56'), value: 'local6' },
  { cidr: cidr('2600:1f18:abcd:1234::/64'), value: 'pcx6' },
];

describe('longestPrefixMatch', () => {
  const ipv4Cases: [string, string][] = [
    ['10.0.5.5', 'local'],
    ['10.1.0.1', 'pcx-a'],
    ['10.1.2.4', 'pcx-b'],
    ['10.1.2.3', 'eni'],
    ['8.8.8.8', 'igw'],
  ];
  it.each(ipv4Cases)('IPv4 %s -> %s', (address, target) => {
    expect(longestPrefixMatch(routes, v4(address), 4)).toBe(target);
  });

  const ipv6Cases: [string, string][] = [
    ['2600:1f18:abcd:1201::1', 'local6'],
    ['2600:1f18:abcd:1234::1', 'pcx6'],
    ['2001:db8::1', 'igw6'],
    // An IPv4-mapped IPv6 address is IPv6: it never matches an IPv4 route.
    ['::ffff:10.1.2.3', 'igw6'],
  ];
  it.each(ipv6Cases)('IPv6 %s -> %s', (address, target) => {
    expect(longestPrefixMatch(routes, v6(address), 6)).toBe(target);
  });

  it('returns undefined when nothing matches', () => {
    const noDefault = routes.filter((r) => r.cidr.prefixLength > 0);
    expect(longestPrefixMatch(noDefault, v4('8.8.8.8'), 4)).toBeUndefined();
    expect(longestPrefixMatch(noDefault, v6('2001:db8::1'), 6)).toBeUndefined();
    expect(longestPrefixMatch([], 0n, 4)).toBeUndefined();
  });

  it('does not depend on entry order', () => {
    const reversed = [...routes].reverse();
    expect(longestPrefixMatch(reversed, v4('10.1.2.3'), 4)).toBe('eni');
    expect(longestPrefixMatch(reversed, v4('10.1.2.9'), 4)).toBe('pcx-b');
  });

  it('keeps the first of two equally specific matches', () => {
    const duplicate = [
      { cidr: cidr('10.0.0.0/16'), value: 1 },
      { cidr: cidr('10.0.0.0/16'), value: 2 },
    ];
    expect(longestPrefixMatch(duplicate, v4('10.0.0.1'), 4)).toBe(1);
  });

  it('matches by range even when a route has host bits', () => {
    expect(longestPrefixMatch([{ cidr: cidr('10.0.0.9/24'), value: 'x' }], v4('10.0.0.200'), 4)).toBe('x');
  });
});
