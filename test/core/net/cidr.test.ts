import { describe, expect, it } from 'vitest';
import {
  Cidr,
  formatIpv4,
  formatIpv6,
  parseIpv4Address,
  parseIpv6Address,
} from '../../../src/core/net/index.js';

function cidr(text: string): Cidr {
  const parsed = Cidr.parse(text);
  if (parsed === undefined) throw new Error(`test fixture does not parse: ${text}`);
  return parsed;
}

describe('Cidr.parse: valid texts', () => {
  // [input, version, prefix, toString()]
  const cases: [string, 4 | 6, number, string][] = [
    ['10.0.0.0/16', 4, 16, '10.0.0.0/16'],
    ['0.0.0.0/0', 4, 0, '0.0.0.0/0'],
    ['255.255.255.255/32', 4, 32, '255.255.255.255/32'],
    ['172.31.0.0/16', 4, 16, '172.31.0.0/16'],
    ['10.0.0.1/16', 4, 16, '10.0.0.1/16'],
    ['100.64.0.0/10', 4, 10, '100.64.0.0/10'],
    ['::/0', 6, 0, '::/0'],
    ['2600:1f18:abcd:1200::/56', 6, 56, '2600:1f18:abcd:1200::/56'],
    ['2001:db8::1/128', 6, 128, '2001:db8::1/128'],
    ['::ffff:10.0.0.1/128', 6, 128, '::ffff:a00:1/128'],
    ['::1.2.3.4/128', 6, 128, '::102:304/128'],
    ['1:2:3:4:5:6:1.2.3.4/128', 6, 128, '1:2:3:4:5:6:102:304/128'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001/64', 6, 64, '2001:db8::1/64'],
    ['2001:DB8::/32', 6, 32, '2001:db8::/32'],
    ['::1/128', 6, 128, '::1/128'],
    ['1::/16', 6, 16, '1::/16'],
    ['1:2:3:4:5:6:7::/128', 6, 128, '1:2:3:4:5:6:7:0/128'],
    ['::2:3:4:5:6:7:8/128', 6, 128, '0:2:3:4:5:6:7:8/128'],
    ['2001:db8:0:1:1:1:1:1/64', 6, 64, '2001:db8:0:1:1:1:1:1/64'],
    ['2001:db8:0:0:1:0:0:1/64', 6, 64, '2001:db8::1:0:0:1/64'],
    ['2001:0:0:1:0:0:0:1/64', 6, 64, '2001:0:0:1::1/64'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 6, 128, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128', 6, 128, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'],
  ];
  it.each(cases)('%s', (text, version, prefix, printed) => {
    const parsed = Cidr.parse(text);
    expect(parsed).toBeDefined();
    expect(parsed?.version).toBe(version);
    expect(parsed?.prefixLength).toBe(prefix);
    expect(parsed?.toString()).toBe(printed);
    // The printed form parses back to the same value.
    expect(parsed && Cidr.parse(parsed.toString())?.equals(parsed)).toBe(true);
  });

  it('keeps the address as written, host bits included', () => {
    expect(cidr('10.0.0.1/16').network).toBe(0x0a000001n);
    expect(cidr('2001:db8::1/64').network).toBe(0x20010db8000000000000000000000001n);
    expect(cidr('::ffff:10.0.0.1/128').network).toBe(0xffff0a000001n);
  });
});

describe('Cidr.parse: invalid texts', () => {
  const cases: string[] = [
    // IPv4
    '10.0.0.0/33',
    '300.1.1.1/16',
    '256.0.0.0/8',
    '10.0.0/16',
    '10.0.0.0.0/16',
    '10.0.0.0',
    '10.0.0.0/',
    '/16',
    '',
    '10.0.0.0/16 ',
    ' 10.0.0.0/16',
    '10.0.0.0 /16',
    '1.2.3.4/-1',
    '1.2.3.4/+1',
    '010.0.0.0/8',
    '10.00.0.0/16',
    '10.0.0.0/08',
    '10.0.0.0/16/16',
    '10..0.0/16',
    '10.0.0.0x/16',
    '0x0a.0.0.0/8',
    '10.0.0.0/1e1',
    '10.0.0.0/16.0',
    '１0.0.0.0/8',
    // IPv6
    '2001:db8:::/64',
    'g::/64',
    '::/129',
    '::',
    '2001:db8::/',
    '2001:db8::1::/64',
    '1::2::3/128',
    ':::/0',
    ':1::/16',
    '1::2:/128',
    '1:2:3:4:5:6:7:8:9/128',
    '1:2:3:4:5:6:7/128',
    '1:2:3:4:5:6:7:8::/128',
    '::1:2:3:4:5:6:7:8/128',
    '12345::/16',
    'fe80::1%eth0/64',
    'fe80::1%1/64',
    '::ffff:010.0.0.1/128',
    '::ffff:1.2.3/128',
    '::ffff:1.2.3.4:5/128',
    '::1.2.3.4::/128',
    '1.2.3.4::/128',
    '1:2:3:4:5:6:7:1.2.3.4/128',
    '1:2:3:4:5:6::1.2.3.4/128',
    '::ffff:256.0.0.1/128',
    '[::1]/128',
    '2001:db8::/64 ',
    '2001:db8::/064',
    ' ::/0',
  ];
  it.each(cases)('%j', (text) => {
    expect(Cidr.parse(text)).toBeUndefined();
  });
});

describe('address helpers', () => {
  it('parses and formats IPv4 addresses', () => {
    expect(parseIpv4Address('0.0.0.0')).toBe(0n);
    expect(parseIpv4Address('255.255.255.255')).toBe(0xffffffffn);
    expect(parseIpv4Address('192.168.1.2')).toBe(0xc0a80102n);
    expect(parseIpv4Address('192.168.01.2')).toBeUndefined();
    expect(parseIpv4Address('192.168.1.2/32')).toBeUndefined();
    expect(formatIpv4(0xc0a80102n)).toBe('192.168.1.2');
    expect(() => formatIpv4(-1n)).toThrow(RangeError);
    expect(() => formatIpv4(1n << 32n)).toThrow(RangeError);
  });

  const ipv6Formats: [bigint, string][] = [
    [0n, '::'],
    [1n, '::1'],
    [0x20010db8000000000000000000000001n, '2001:db8::1'],
    // RFC 5952 §4.2.2: a single zero group is not compressed.
    [0x20010db8000000010001000100010001n, '2001:db8:0:1:1:1:1:1'],
    // §4.2.3: the longest run wins; on a tie, the leftmost.
    [0x20010000000000010000000000000001n, '2001:0:0:1::1'],
    [0x20010db8000000000001000000000001n, '2001:db8::1:0:0:1'],
    // §4.3: lower case; §4.1: no leading zeros.
    [0xabcd00ef000000000000000000000000n, 'abcd:ef::'],
    [0xffffn << 32n, '::ffff:0:0'],
  ];
  it.each(ipv6Formats)('formats %s as %s', (value, text) => {
    expect(formatIpv6(value)).toBe(text);
    expect(parseIpv6Address(text)).toBe(value);
  });

  it('refuses out-of-range IPv6 values and zone ids', () => {
    expect(() => formatIpv6(-1n)).toThrow(RangeError);
    expect(() => formatIpv6(1n << 128n)).toThrow(RangeError);
    expect(parseIpv6Address('fe80::1%eth0')).toBeUndefined();
    expect(parseIpv6Address('')).toBeUndefined();
  });
});

describe('Cidr.from', () => {
  it('builds blocks and validates ranges', () => {
    expect(Cidr.from(4, 0x0a000000n, 8).toString()).toBe('10.0.0.0/8');
    expect(Cidr.from(6, 0n, 0).toString()).toBe('::/0');
    expect(() => Cidr.from(4, 1n << 32n, 8)).toThrow(RangeError);
    expect(() => Cidr.from(4, -1n, 8)).toThrow(RangeError);
    expect(() => Cidr.from(4, 0n, 33)).toThrow(RangeError);
    expect(() => Cidr.from(6, 0n, 129)).toThrow(RangeError);
    expect(() => Cidr.from(6, 0n, 1.5)).toThrow(RangeError);
  });
});

describe('host bits and canonical form', () => {
  const cases: [string, boolean, string][] = [
    ['10.0.0.1/16', true, '10.0.0.0/16'],
    ['10.0.0.0/16', false, '10.0.0.0/16'],
    ['10.0.255.255/16', true, '10.0.0.0/16'],
    ['10.1.2.3/32', false, '10.1.2.3/32'],
    ['10.1.2.3/0', true, '0.0.0.0/0'],
    ['192.168.1.128/25', false, '192.168.1.128/25'],
    ['192.168.1.129/25', true, '192.168.1.128/25'],
    ['2001:db8::1/64', true, '2001:db8::/64'],
    ['2001:db8::/64', false, '2001:db8::/64'],
    ['2600:1f18:abcd:12ff::/56', true, '2600:1f18:abcd:1200::/56'],
    ['::1/128', false, '::1/128'],
    ['::1/127', true, '::/127'],
  ];
  it.each(cases)('%s host bits=%s canonical=%s', (text, hostBits, canonical) => {
    const block = cidr(text);
    expect(block.hasHostBits()).toBe(hostBits);
    expect(block.canonical().toString()).toBe(canonical);
    expect(block.canonical().hasHostBits()).toBe(false);
    expect(block.canonical().prefixLength).toBe(block.prefixLength);
  });

  it('first and last addresses ignore host bits', () => {
    const block = cidr('10.0.0.1/16');
    expect(block.firstAddress).toBe(0x0a000000n);
    expect(block.lastAddress).toBe(0x0a00ffffn);
    const v6 = cidr('2001:db8::1/64');
    expect(formatIpv6(v6.firstAddress)).toBe('2001:db8::');
    expect(formatIpv6(v6.lastAddress)).toBe('2001:db8::ffff:ffff:ffff:ffff');
  });

  it('is immutable', () => {
    const block = cidr('10.0.0.0/16');
    expect(Object.isFrozen(block)).toBe(true);
  });
});

describe('addressCount', () => {
  const cases: [string, bigint][] = [
    ['10.0.0.0/16', 65536n],
    ['10.0.0.0/32', 1n],
    ['0.0.0.0/0', 1n << 32n],
    ['2001:db8::/64', 1n << 64n],
    ['::/0', 1n << 128n],
    ['::1/128', 1n],
  ];
  it.each(cases)('%s has %s addresses', (text, count) => {
    expect(cidr(text).addressCount()).toBe(count);
  });
});

describe('contains and overlaps', () => {
  // [a, b, a.contains(b), a.overlaps(b)]
  const cases: [string, string, boolean, boolean][] = [
    ['10.0.0.0/16', '10.0.1.0/24', true, true],
    ['10.0.1.0/24', '10.0.0.0/16', false, true],
    ['10.0.0.0/16', '10.0.0.0/16', true, true],
    ['10.0.0.0/16', '10.1.0.0/16', false, false],
    ['10.0.0.0/16', '10.0.255.255/32', true, true],
    ['10.0.0.0/16', '10.1.0.0/32', false, false],
    ['10.0.0.0/8', '11.0.0.0/8', false, false],
    ['10.0.0.0/15', '10.1.0.0/16', true, true],
    ['0.0.0.0/0', '203.0.113.7/32', true, true],
    ['0.0.0.0/0', '0.0.0.0/0', true, true],
    ['10.0.0.1/16', '10.0.0.0/16', true, true], // host bits do not change the range
    ['10.0.0.0/16', '::/0', false, false], // IPv4 and IPv6 never overlap
    ['::/0', '10.0.0.0/16', false, false],
    ['0.0.0.0/0', '::/0', false, false],
    ['::/0', '::ffff:10.0.0.0/104', true, true], // mapped addresses are still IPv6
    ['::/0', '2001:db8::/32', true, true],
    ['::/0', '::/0', true, true],
    ['2001:db8::/32', '2001:db8:1::/48', true, true],
    ['2001:db8:1::/48', '2001:db8::/32', false, true],
    ['2001:db8::/32', '2001:db9::/32', false, false],
    ['2600:1f18:abcd:1200::/56', '2600:1f18:abcd:12ff::/64', true, true],
    ['2600:1f18:abcd:1200::/56', '2600:1f18:abcd:1300::/64', false, false],
  ];
  it.each(cases)('%s vs %s: contains=%s overlaps=%s', (a, b, contains, overlaps) => {
    expect(cidr(a).contains(cidr(b))).toBe(contains);
    expect(cidr(a).overlaps(cidr(b))).toBe(overlaps);
    expect(cidr(b).overlaps(cidr(a))).toBe(overlaps);
  });

  it('containsAddress checks version and range', () => {
    const v4 = cidr('10.0.0.0/16');
    expect(v4.containsAddress(0x0a000000n, 4)).toBe(true);
    expect(v4.containsAddress(0x0a00ffffn, 4)).toBe(true);
    expect(v4.containsAddress(0x0a010000n, 4)).toBe(false);
    expect(v4.containsAddress(0x0a000001n, 6)).toBe(false);
    const v6 = cidr('::/0');
    expect(v6.containsAddress(0x0a000001n, 6)).toBe(true);
    expect(v6.containsAddress(0x0a000001n, 4)).toBe(false);
  });
});

describe('equals', () => {
  it('compares version, address as given and prefix', () => {
    expect(cidr('10.0.0.0/16').equals(cidr('10.0.0.0/16'))).toBe(true);
    expect(cidr('2001:DB8::/32').equals(cidr('2001:db8:0::/32'))).toBe(true);
    expect(cidr('10.0.0.0/16').equals(cidr('10.0.0.0/17'))).toBe(false);
    expect(cidr('10.0.0.1/16').equals(cidr('10.0.0.0/16'))).toBe(false);
    expect(cidr('10.0.0.1/16').canonical().equals(cidr('10.0.0.0/16'))).toBe(true);
    expect(cidr('0.0.0.0/0').equals(cidr('::/0'))).toBe(false);
  });
});

describe('subnet', () => {
  it('carves 172.31.0.0/16 into sixteen /20 blocks', () => {
    const vpc = cidr('172.31.0.0/16');
    const blocks = Array.from({ length: 16 }, (_, i) => vpc.subnet(20, BigInt(i)).toString());
    expect(blocks).toEqual([
      '172.31.0.0/20',
      '172.31.16.0/20',
      '172.31.32.0/20',
      '172.31.48.0/20',
      '172.31.64.0/20',
      '172.31.80.0/20',
      '172.31.96.0/20',
      '172.31.112.0/20',
      '172.31.128.0/20',
      '172.31.144.0/20',
      '172.31.160.0/20',
      '172.31.176.0/20',
      '172.31.192.0/20',
      '172.31.208.0/20',
      '172.31.224.0/20',
      '172.31.240.0/20',
    ]);
    for (const block of blocks) expect(vpc.contains(cidr(block))).toBe(true);
  });

  it('throws RangeError out of range', () => {
    const vpc = cidr('172.31.0.0/16');
    expect(() => vpc.subnet(20, 16n)).toThrow(RangeError);
    expect(() => vpc.subnet(20, -1n)).toThrow(RangeError);
    expect(() => vpc.subnet(15, 0n)).toThrow(RangeError);
    expect(() => vpc.subnet(33, 0n)).toThrow(RangeError);
    expect(() => vpc.subnet(20.5, 0n)).toThrow(RangeError);
  });

  it('uses the first address even when the block has host bits', () => {
    expect(cidr('172.31.5.5/16').subnet(20, 1n).toString()).toBe('172.31.16.0/20');
  });

  it('subnet at the same prefix is the block itself', () => {
    expect(cidr('10.0.0.0/16').subnet(16, 0n).toString()).toBe('10.0.0.0/16');
    expect(cidr('10.0.0.0/16').subnet(32, 65535n).toString()).toBe('10.0.255.255/32');
  });

  it('carves IPv6 /64s from a /56', () => {
    const block = cidr('2600:1f18:abcd:1200::/56');
    expect(block.subnet(64, 0n).toString()).toBe('2600:1f18:abcd:1200::/64');
    expect(block.subnet(64, 1n).toString()).toBe('2600:1f18:abcd:1201::/64');
    expect(block.subnet(64, 255n).toString()).toBe('2600:1f18:abcd:12ff::/64');
    expect(() => block.subnet(64, 256n)).toThrow(RangeError);
    expect(cidr('::/0').subnet(128, (1n << 128n) - 1n).toString()).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128');
  });
});
