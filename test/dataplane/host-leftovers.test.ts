// The run-wide cleanup check (test/support/host-leftovers-setup.ts) reads the host's listings:
// it must see vpcpeer's names in each, and nothing else's.
import { describe, expect, it } from 'vitest';
import { newSince, vpcpeerObjects } from '../support/host-leftovers.js';

describe('host leftovers', () => {
  const listings = {
    netns: 'vpcp-r-vpc-0123456789abcdef0 (id: 3)\ncni-1234\nvpcp-h-i-0abc\n',
    links: 'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP>\neth0@if9         UP             02:42:ac:11:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP>\ne23456789abcdef0@if4 UP 0a:..\np0123456789abcd@eth0 DOWN\nveth1a2b3c4 UP\neno1 UP\n',
    nftTables: 'table inet filter\ntable inet vpcpeer\ntable ip nat\n',
  };

  it("finds vpcpeer's namespaces, veths and nft table, and only those", () => {
    expect(vpcpeerObjects(listings)).toEqual({
      netns: ['vpcp-r-vpc-0123456789abcdef0', 'vpcp-h-i-0abc'],
      links: ['p0123456789abcd'],
      nftTables: ['inet vpcpeer'],
    });
    // Above, e + 15 hex digits was not one of ours, nor docker's veth or the NIC; e + 14 is.
    expect(vpcpeerObjects({ links: 'e0123456789abcd UP\n' }).links).toEqual(['e0123456789abcd']);
  });

  it('answers only what appeared since the start, named', () => {
    const before = vpcpeerObjects({ netns: 'vpcp-old\n' });
    expect(newSince(before, vpcpeerObjects(listings))).toEqual([
      'network namespace vpcp-r-vpc-0123456789abcdef0',
      'network namespace vpcp-h-i-0abc',
      'link p0123456789abcd',
      'nft table inet vpcpeer',
    ]);
    expect(newSince(before, before)).toEqual([]);
    // A tool that could not list reads as nothing found.
    expect(vpcpeerObjects({})).toEqual({ netns: [], links: [], nftTables: [] });
  });
});
