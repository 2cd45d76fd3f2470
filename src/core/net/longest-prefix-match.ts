import type { Cidr, IpVersion } from './cidr.js';

/** One route-table-like entry: a destination block and what it maps to. */
export interface PrefixEntry<T> {
  readonly cidr: Cidr;
  readonly value: T;
}

/**
 * Returns the value of the most specific entry whose block contains `address`,
 * as a VPC route table chooses its target. Entries of the other IP version never
 * match. If two entries have the same prefix length and both match (the same
 * block twice, which AWS route tables do not allow), the earlier entry wins so
 * the result is still deterministic. A linear scan: route tables are small
 * (AWS caps them at a few hundred routes), so a trie would not pay for itself.
 */
export function longestPrefixMatch<T>(
  entries: readonly PrefixEntry<T>[],
  address: bigint,
  version: IpVersion,
): T | undefined {
  let best: PrefixEntry<T> | undefined;
  for (const entry of entries) {
    if (!entry.cidr.containsAddress(address, version)) continue;
    if (best === undefined || entry.cidr.prefixLength > best.cidr.prefixLength) best = entry;
  }
  return best?.value;
}
