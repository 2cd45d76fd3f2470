import type { AnalysisAclRule, AnalysisComponent, AnalysisRouteTableRoute, AnalysisSecurityGroupRule, PathComponent } from '@aws-sdk/client-ec2';

const KINDS: readonly (readonly [string, string])[] = [
  ['eni-', 'Network interface'],
  ['i-', 'Instance'],
  ['sg-', 'Security group'],
  ['acl-', 'Network ACL'],
  ['rtb-', 'Route table'],
  ['pcx-', 'Peering connection'],
  ['subnet-', 'Subnet'],
  ['vpc-', 'VPC'],
  ['igw-', 'Internet gateway'],
  ['nat-', 'NAT gateway'],
  ['eigw-', 'Egress-only internet gateway'],
];

/** What kind of resource an id names, as the analysis explorer labels a hop. */
export function componentKind(id: string | undefined): string {
  return KINDS.find(([prefix]) => (id ?? '').startsWith(prefix))?.[1] ?? 'Component';
}

/** `rtb-… (main)`: the id, with its Name tag when the path gave one. */
export function componentText(c: AnalysisComponent | undefined): string {
  if (!c?.Id) return '-';
  return c.Name ? `${c.Id} (${c.Name})` : c.Id;
}

const ports = (r: { From?: number; To?: number } | undefined): string => (!r || r.From === undefined ? 'all ports' : r.From === r.To ? `port ${r.From}` : `ports ${r.From}-${r.To ?? r.From}`);
const protocolName = (p: string | undefined): string => ({ '6': 'TCP', '17': 'UDP', '1': 'ICMP', '-1': 'all', all: 'all', tcp: 'TCP', udp: 'UDP', icmp: 'ICMP' } as Record<string, string>)[(p ?? 'all').toLowerCase()] ?? p ?? 'all';

export function routeText(r: AnalysisRouteTableRoute): string {
  const target = r.VpcPeeringConnectionId ?? r.GatewayId ?? r.NatGatewayId ?? r.EgressOnlyInternetGatewayId ?? r.NetworkInterfaceId ?? r.InstanceId ?? r.TransitGatewayId ?? 'local';
  const state = r.State && r.State !== 'active' ? ` (${r.State})` : '';
  return `Route ${r.DestinationCidr ?? r.DestinationPrefixListId ?? ''} \u2192 ${target}${state}`;
}

export function securityGroupRuleText(r: AnalysisSecurityGroupRule): string {
  // AnalysisSecurityGroupRule names a CIDR or prefix list; a rule that references a group carries
  // neither (its SecurityGroupId is the group the rule is in, the hop's own component).
  const peer = r.Cidr ?? r.PrefixListId ?? 'a referenced security group';
  const dir = r.Direction === 'egress' ? 'Outbound' : 'Inbound';
  return `${dir} rule: ${protocolName(r.Protocol)}, ${ports(r.PortRange)}, ${r.Direction === 'egress' ? 'to' : 'from'} ${peer}`;
}

export function aclRuleText(r: AnalysisAclRule): string {
  const number = r.RuleNumber === undefined || r.RuleNumber >= 32767 ? '*' : String(r.RuleNumber);
  return `${r.Egress ? 'Outbound' : 'Inbound'} rule ${number}: ${r.RuleAction === 'deny' ? 'Deny' : 'Allow'} ${protocolName(r.Protocol)}, ${ports(r.PortRange)}, ${r.Egress ? 'to' : 'from'} ${r.Cidr ?? ''}`;
}

/** What decided at this hop: the route, security group rule or ACL rule it matched, or the VPCs a peering joins. */
export function matchedText(h: PathComponent): string {
  if (h.RouteTableRoute) return routeText(h.RouteTableRoute);
  if (h.SecurityGroupRule) return securityGroupRuleText(h.SecurityGroupRule);
  if (h.AclRule) return aclRuleText(h.AclRule);
  if (h.SourceVpc && h.DestinationVpc) return `${h.SourceVpc.Id ?? ''} \u2192 ${h.DestinationVpc.Id ?? ''}`;
  return '';
}
