export {
  Cidr,
  addressBits,
  formatIpv4,
  formatIpv6,
  parseIpv4Address,
  parseIpv6Address,
  type IpVersion,
} from './cidr.js';
export { longestPrefixMatch, type PrefixEntry } from './longest-prefix-match.js';
