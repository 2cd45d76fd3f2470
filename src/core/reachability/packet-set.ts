import { Cidr, parseIpv4Address } from '../net/index.js';
import type { PacketHeader } from './analysis-result.js';
import type { PortRange, Protocol } from './reach-world.js';

/**
 * Sets of packets, as the analysis carries them hop to hop (REACHABILITY.md §3.1: a header set
 * intersected with every rule). One dimension is a sorted list of disjoint closed intervals
 * (IPv4 addresses as numbers, or ports); a box is the product of four dimensions; a set is a
 * union of disjoint boxes, which stays exact under the subtraction first-match ACLs need.
 */

export type Span = readonly [number, number];
export type Spans = readonly Span[];

export const ALL_PORTS: Spans = [[0, 65535]];
const IPV4_LAST = 0xffffffff;

export function spansIntersect(a: Spans, b: Spans): Spans {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i] as Span;
    const [blo, bhi] = b[j] as Span;
    const lo = Math.max(alo, blo);
    const hi = Math.min(ahi, bhi);
    if (lo <= hi) out.push([lo, hi]);
    if (ahi < bhi) i++;
    else j++;
  }
  return out;
}

export function spansSubtract(a: Spans, b: Spans): Spans {
  const out: Span[] = [];
  for (const [lo0, hi] of a) {
    let lo = lo0;
    for (const [blo, bhi] of b) {
      if (bhi < lo) continue;
      if (blo > hi) break;
      if (blo > lo) out.push([lo, blo - 1]);
      lo = bhi + 1;
      if (lo > hi) break;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

export function spansUnion(a: Spans, b: Spans): Spans {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

// Parsed blocks and addresses, remembered: the same few hundred strings (VPC blocks, routes,
// rules, interface addresses) are read by every analysis, and parsing goes through bigint.
// Bounded so a long-lived server cannot grow it without limit.
const PARSED_LIMIT = 100_000;
const parsed = new Map<string, Spans | undefined>();

function remember(key: string, parse: () => Spans | undefined): Spans | undefined {
  if (parsed.has(key)) return parsed.get(key);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  const value = parse();
  parsed.set(key, value);
  return value;
}

/** An IPv4 block as one interval; undefined for IPv6 or malformed text (the walk is IPv4, §3.7). */
export function cidrSpans(text: string): Spans | undefined {
  return remember(text, () => {
    const c = Cidr.parse(text);
    return c && c.version === 4 ? [[Number(c.firstAddress), Number(c.lastAddress)]] : undefined;
  });
}

export function addressSpans(ip: string): Spans | undefined {
  return remember(`${ip}/`, () => {
    const n = parseIpv4Address(ip);
    return n === undefined ? undefined : [[Number(n), Number(n)]];
  });
}

/** Dotted quad of a 32-bit address held as a number (formatIpv4 without the bigint round trip). */
export function formatAddress(n: number): string {
  return `${Math.floor(n / 16777216)}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** The fewest CIDR blocks covering exactly these addresses (how AWS prints address sets, §2.2). */
export function spansToCidrs(spans: Spans): string[] {
  const out: string[] = [];
  for (const [first, last] of spans) {
    if (first === last) {
      out.push(`${formatAddress(first)}/32`);
      continue;
    }
    let lo = first;
    while (lo <= last) {
      let size = 2 ** 32;
      while (size > 1 && (lo % size !== 0 || lo + size - 1 > last)) size /= 2;
      out.push(`${formatAddress(lo)}/${32 - Math.log2(size)}`);
      lo += size;
      if (lo > IPV4_LAST) break;
    }
  }
  return out;
}

function spansToRanges(spans: Spans): PortRange[] {
  return spans.map(([from, to]) => ({ from, to }));
}

export interface Box {
  readonly src: Spans;
  readonly dst: Spans;
  readonly sp: Spans;
  readonly dp: Spans;
}
export type Dim = keyof Box;
export type Constraint = Partial<Box>;
const DIMS: readonly Dim[] = ['src', 'dst', 'sp', 'dp'];

// ICMP sets carry the type in the `dp` dimension and the code in `sp` (see `Protocol`).

/** ICMP types of an echo and its reply (RFC 792). */
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_ECHO_REPLY = 0;

export interface PacketSet {
  readonly protocol: Protocol;
  readonly boxes: readonly Box[];
}

export function isEmptySet(s: PacketSet): boolean {
  return s.boxes.length === 0;
}

/** Packets of `s` that also satisfy every dimension `c` names. */
export function restrict(s: PacketSet, c: Constraint): PacketSet {
  const boxes: Box[] = [];
  for (const b of s.boxes) {
    let box: Box | undefined = b;
    for (const d of DIMS) {
      const want = c[d];
      if (want === undefined || box === undefined) continue;
      const kept = spansIntersect(box[d], want);
      box = kept.length === 0 ? undefined : { ...box, [d]: kept };
    }
    if (box) boxes.push(box);
  }
  return { protocol: s.protocol, boxes };
}

/** Packets of `s` that fail some dimension of `c`: each box splits into at most four disjoint boxes. */
export function without(s: PacketSet, c: Constraint): PacketSet {
  const boxes: Box[] = [];
  for (const b of s.boxes) {
    let rest: Box | undefined = b;
    for (const d of DIMS) {
      const cut = c[d];
      if (cut === undefined || rest === undefined) continue;
      const outside = spansSubtract(rest[d], cut);
      if (outside.length > 0) boxes.push({ ...rest, [d]: outside });
      const inside = spansIntersect(rest[d], cut);
      rest = inside.length === 0 ? undefined : { ...rest, [d]: inside };
    }
  }
  return { protocol: s.protocol, boxes };
}

export function union(a: PacketSet, b: PacketSet): PacketSet {
  return { protocol: a.protocol, boxes: [...a.boxes, ...b.boxes] };
}

export function emptyLike(s: PacketSet): PacketSet {
  return { protocol: s.protocol, boxes: [] };
}

/**
 * The packets a question asks about between these addresses: its protocol and port ranges (all
 * when unset), or for ICMP an echo request, type 8 code 0 (`Protocol`).
 */
export function questionPackets(q: { readonly protocol: Protocol; readonly sourcePorts?: PortRange; readonly destinationPorts?: PortRange }, src: Spans, dst: Spans): PacketSet {
  if (q.protocol === 'icmp') return { protocol: q.protocol, boxes: [{ src, dst, sp: [[0, 0]], dp: [[ICMP_ECHO_REQUEST, ICMP_ECHO_REQUEST]] }] };
  const ports = (r: PortRange | undefined): Spans => (r ? [[r.from, r.to]] : ALL_PORTS);
  return { protocol: q.protocol, boxes: [{ src, dst, sp: ports(q.sourcePorts), dp: ports(q.destinationPorts) }] };
}

/** The reply to every packet of the set: addresses and ports swapped; an echo's reply is an echo reply of the same code. */
export function reply(s: PacketSet): PacketSet {
  if (s.protocol === 'icmp') {
    const echoReply: Spans = [[ICMP_ECHO_REPLY, ICMP_ECHO_REPLY]];
    return { protocol: s.protocol, boxes: s.boxes.map((b) => ({ src: b.dst, dst: b.src, sp: b.sp, dp: echoReply })) };
  }
  return { protocol: s.protocol, boxes: s.boxes.map((b) => ({ src: b.dst, dst: b.src, sp: b.dp, dp: b.sp })) };
}

/** Every value one dimension takes in the set. */
export function project(s: PacketSet, d: Dim): Spans {
  if (s.boxes.length === 1) return (s.boxes[0] as Box)[d];
  return s.boxes.reduce<Spans>((acc, b) => spansUnion(acc, b[d]), []);
}

const PROTOCOL_NUMBERS: Readonly<Record<Protocol, string>> = { tcp: '6', udp: '17', icmp: '1' };

export function protocolNumber(p: Protocol): string {
  return PROTOCOL_NUMBERS[p];
}

/** The set as AWS prints a header (AnalysisPacketHeader, §2.2): protocol number, CIDRs, port ranges. */
export function header(s: PacketSet): PacketHeader {
  return {
    protocol: protocolNumber(s.protocol),
    sourceAddresses: spansToCidrs(project(s, 'src')),
    destinationAddresses: spansToCidrs(project(s, 'dst')),
    // ICMP has no ports: its type and code are not shown as ranges.
    sourcePortRanges: s.protocol === 'icmp' ? [] : spansToRanges(project(s, 'sp')),
    destinationPortRanges: s.protocol === 'icmp' ? [] : spansToRanges(project(s, 'dp')),
  };
}

/** What a set's packets are, for sentences: "TCP 443", "UDP 53", "ICMP type 8". */
export function describeTraffic(s: PacketSet, spans: Spans = project(s, 'dp')): string {
  return s.protocol === 'icmp' ? `ICMP type ${describePorts(spans)}` : `${s.protocol.toUpperCase()} ${describePorts(spans)}`;
}

/** The constraint an ICMP type and code put on a set (-1: any), in the dimensions `Protocol` gives them. */
export function icmpConstraint(type: number, code: number): Constraint {
  return { ...(type >= 0 ? { dp: [[type, type]] as Spans } : {}), ...(code >= 0 ? { sp: [[code, code]] as Spans } : {}) };
}

/** Ranges as people write them: "443", "1024-65535". */
export function describePorts(spans: Spans): string {
  return spans.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(', ');
}

/** The lowest address of one side of the set, as text (what sentences and single-address fields show). */
export function firstAddress(s: PacketSet, dim: 'src' | 'dst'): string {
  return formatAddress(project(s, dim)[0]?.[0] ?? 0);
}
