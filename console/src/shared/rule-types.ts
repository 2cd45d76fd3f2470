import type { SelectProps } from '@cloudscape-design/components/select';

/**
 * The Type column of AWS's rule editors (security groups and network ACLs): a named type fixes
 * the protocol and often the ports; the custom ones take the ports typed. Protocols are numbers
 * here (`6`, `17`, `1`, `-1`), as network ACLs store them; security groups name them.
 */
export interface RuleType {
  readonly label: string;
  readonly protocol: string;
  /** Fixed ports; absent for custom types (typed) and for protocols without ports. */
  readonly ports?: readonly [number, number];
  readonly custom?: boolean;
}

export const RULE_TYPES: readonly RuleType[] = [
  { label: 'Custom TCP', protocol: '6', custom: true },
  { label: 'Custom UDP', protocol: '17', custom: true },
  { label: 'All TCP', protocol: '6', ports: [0, 65535] },
  { label: 'All UDP', protocol: '17', ports: [0, 65535] },
  { label: 'All ICMP - IPv4', protocol: '1' },
  { label: 'All traffic', protocol: '-1' },
  { label: 'SSH', protocol: '6', ports: [22, 22] },
  { label: 'DNS (UDP)', protocol: '17', ports: [53, 53] },
  { label: 'DNS (TCP)', protocol: '6', ports: [53, 53] },
  { label: 'HTTP', protocol: '6', ports: [80, 80] },
  { label: 'HTTPS', protocol: '6', ports: [443, 443] },
  { label: 'MySQL/Aurora', protocol: '6', ports: [3306, 3306] },
  { label: 'PostgreSQL', protocol: '6', ports: [5432, 5432] },
  { label: 'RDP', protocol: '6', ports: [3389, 3389] },
];

export const RULE_TYPE_OPTIONS: SelectProps.Option[] = RULE_TYPES.map((t) => ({ value: t.label, label: t.label }));

const NUMBERS: Readonly<Record<string, string>> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };
const NAMES: Readonly<Record<string, string>> = { '6': 'TCP', '17': 'UDP', '1': 'ICMP', '58': 'ICMPv6', '-1': 'All' };
const SG_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', '-1': '-1' };

export const protocolNumber = (p: string | undefined): string => NUMBERS[(p ?? '-1').toLowerCase()] ?? p ?? '-1';
/** How the console prints a protocol: TCP, UDP, ICMP, All. */
export const protocolLabel = (p: string | undefined): string => NAMES[protocolNumber(p)] ?? protocolNumber(p);
/** The IpProtocol a security group call takes. */
export const sgProtocol = (p: string): string => SG_NAMES[p] ?? p;

export function hasPorts(protocol: string): boolean {
  return protocol === '6' || protocol === '17';
}

/** The type a stored rule reads as: a named type when protocol and ports match one exactly. */
export function ruleTypeOf(protocol: string | undefined, from: number | undefined, to: number | undefined): RuleType {
  const p = protocolNumber(protocol);
  const named = RULE_TYPES.find((t) => !t.custom && t.protocol === p && (t.ports ? t.ports[0] === from && t.ports[1] === to : !hasPorts(p)));
  return named ?? RULE_TYPES.find((t) => t.custom && t.protocol === p) ?? { label: `Custom protocol ${p}`, protocol: p };
}

export function typeByLabel(label: string): RuleType {
  return RULE_TYPES.find((t) => t.label === label) ?? RULE_TYPES[0] ?? { label, protocol: '-1' };
}

/** "22", "1024-65535", "All" or "-" as the tables print a port range. */
export function portRangeText(protocol: string | undefined, from: number | undefined, to: number | undefined): string {
  if (!hasPorts(protocolNumber(protocol))) return protocolNumber(protocol) === '-1' || protocolNumber(protocol) === '1' ? 'All' : '-';
  if (from === undefined) return 'All';
  if (from === 0 && to === 65535) return '0 - 65535';
  return from === to ? String(from) : `${from} - ${to ?? from}`;
}

/** Parses "22" or "1024-65535" (spaces allowed); undefined when it is not a valid range. */
export function parsePorts(text: string): [number, number] | undefined {
  const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= to && to <= 65535 ? [from, to] : undefined;
}

/** The ports a draft row means: fixed by its type, typed for a custom one. */
export function draftPorts(type: RuleType, text: string): [number, number] | undefined {
  if (type.ports) return [type.ports[0], type.ports[1]];
  return type.custom ? parsePorts(text) : undefined;
}

/** A stored rule's Type and, for a custom type, its ports as the editor shows them typed. */
export function ruleDraftType(protocol: string | undefined, from: number | undefined, to: number | undefined): { type: RuleType; ports: string } {
  const type = ruleTypeOf(protocol, from, to);
  return { type, ports: type.custom ? portRangeText(protocol, from, to).replace(/ /g, '') : '' };
}
