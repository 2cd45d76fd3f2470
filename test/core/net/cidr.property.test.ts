import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cidr, formatIpv4, formatIpv6, longestPrefixMatch, parseIpv4Address, parseIpv6Address } from '../../../src/core/net/index.js';

const ipv4Cidr = fc
  .tuple(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), fc.integer({ min: 0, max: 32 }))
  .map(([network, prefix]) => Cidr.from(4, network, prefix));

const ipv6Address = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
  // Addresses with many zero groups exercise "::" placement far more than uniform values do.
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
    .map((groups) => groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n)),
);

const ipv6Cidr = fc
  .tuple(ipv6Address, fc.integer({ min: 0, max: 128 }))
  .map(([network, prefix]) => Cidr.from(6, network, prefix));

// Small blocks in a narrow range so that random pairs often overlap or nest.
const nearbyIpv4Cidr = fc
  .tuple(fc.bigInt({ min: 0x0a000000n, max: 0x0a0000ffn }), fc.integer({ min: 22, max: 32 }))
  .map(([network, prefix]) => Cidr.from(4, network, prefix));

const anyCidr = fc.oneof(ipv4Cidr, ipv6Cidr, nearbyIpv4Cidr);

describe('properties', () => {
  it('parse(toString()) round-trips IPv4 CIDRs', () => {
    fc.assert(
      fc.property(ipv4Cidr, (block) => {
        const back = Cidr.parse(block.toString());
        expect(back?.equals(block)).toBe(true);
      }),
    );
  });

  it('parse(toString()) round-trips IPv6 CIDRs', () => {
    fc.assert(
      fc.property(ipv6Cidr, (block) => {
        const back = Cidr.parse(block.toString());
        expect(back?.equals(block)).toBe(true);
      }),
    );
  });

  it('address helpers round-trip', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (n) => {
        expect(parseIpv4Address(formatIpv4(n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(ipv6Address, (n) => {
        expect(parseIpv6Address(formatIpv6(n))).toBe(n);
      }),
    );
  });

  it('every RFC 4291 spelling of an IPv6 address parses to the same value', () => {
    fc.assert(
      fc.property(ipv6Address, fc.boolean(), fc.boolean(), (n, upper, pad) => {
        const groups: string[] = [];
        for (let shift = 112n; shift >= 0n; shift -= 16n) {
          let g = ((n >> shift) & 0xffffn).toString(16);
          if (pad) g = g.padStart(4, '0');
          groups.push(upper ? g.toUpperCase() : g);
        }
        expect(parseIpv6Address(groups.join(':'))).toBe(n);
        // Mixed form: last 32 bits as a dotted quad.
        const mixed = `${groups.slice(0, 6).join(':')}:${formatIpv4(n & 0xffffffffn)}`;
        expect(parseIpv6Address(mixed)).toBe(n);
        // Canonical text is lower-case with no leading zeros in any group.
        const canonical = formatIpv6(n);
        expect(canonical).toBe(canonical.toLowerCase());
        expect(canonical.split(':').every((g) => g === '' || g === '0' || !g.startsWith('0'))).toBe(true);
      }),
    );
  });

  it('overlaps is symmetric', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        expect(a.overlaps(b)).toBe(b.overlaps(a));
      }),
    );
  });

  it('a contains b and b contains a iff their canonical forms are equal', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        expect(a.contains(b) && b.contains(a)).toBe(a.canonical().equals(b.canonical()));
      }),
    );
    fc.assert(
      fc.property(anyCidr, (a) => {
        expect(a.contains(a)).toBe(true);
        expect(a.contains(a.canonical())).toBe(true);
      }),
    );
  });

  it('contains implies overlaps', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        fc.pre(a.contains(b));
        expect(a.overlaps(b)).toBe(true);
      }),
    );
  });

  it('IPv4 and IPv6 blocks never overlap', () => {
    fc.assert(
      fc.property(ipv4Cidr, ipv6Cidr, (a, b) => {
        expect(a.overlaps(b)).toBe(false);
        expect(a.contains(b) || b.contains(a)).toBe(false);
      }),
    );
  });

  it('subnet blocks lie inside their parent and do not overlap their neighbours', () => {
    fc.assert(
      fc.property(
        anyCidr,
        fc.integer({ min: 0, max: 8 }),
        fc.bigInt({ min: 0n, max: 255n }),
        (parent, extra, rawIndex) => {
          const bits = parent.version === 4 ? 32 : 128;
          const newPrefix = Math.min(bits, parent.prefixLength + extra);
          const count = 1n << BigInt(newPrefix - parent.prefixLength);
          const index = rawIndex % count;
          const child = parent.subnet(newPrefix, index);
          expect(parent.contains(child)).toBe(true);
          expect(child.hasHostBits()).toBe(false);
          expect(child.addressCount() * count).toBe(parent.addressCount());
          if (index + 1n < count) expect(child.overlaps(parent.subnet(newPrefix, index + 1n))).toBe(false);
        },
      ),
    );
  });

  it('longest-prefix match returns the most specific containing block', () => {
    fc.assert(
      fc.property(
        fc.array(nearbyIpv4Cidr, { maxLength: 12 }),
        fc.bigInt({ min: 0x0a000000n, max: 0x0a0000ffn }),
        (blocks, address) => {
          const entries = blocks.map((cidr, i) => ({ cidr, value: i }));
          const found = longestPrefixMatch(entries, address, 4);
          const matching = entries.filter((e) => e.cidr.containsAddress(address, 4));
          if (matching.length === 0) {
            expect(found).toBeUndefined();
            return;
          }
          expect(found).toBeDefined();
          const winner = entries[found ?? -1];
          expect(winner?.cidr.containsAddress(address, 4)).toBe(true);
          const best = Math.max(...matching.map((e) => e.cidr.prefixLength));
          expect(winner?.cidr.prefixLength).toBe(best);
        },
      ),
    );
  });
});
