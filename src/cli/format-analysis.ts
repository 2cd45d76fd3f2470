/**
 * The parts of GET /_vpcpeer/analyses/<id> that `vpcpeer reach` prints (JSON: the wire members in
 * the SDKs' PascalCase, dates as ISO text, and a `Sentence` on every explanation).
 */
export interface NativeComponent {
  readonly Id?: string;
  readonly Name?: string;
}

export interface NativeExplanation {
  readonly ExplanationCode?: string;
  readonly Direction?: string;
  readonly Sentence?: string;
}

interface NativeRange {
  readonly From?: number;
  readonly To?: number;
}

export interface NativeHop {
  readonly SequenceNumber?: number;
  readonly Component?: NativeComponent;
  readonly SourceVpc?: NativeComponent;
  readonly DestinationVpc?: NativeComponent;
  readonly AclRule?: { readonly RuleNumber?: number; readonly RuleAction?: string; readonly Egress?: boolean; readonly Protocol?: string; readonly Cidr?: string; readonly PortRange?: NativeRange };
  readonly SecurityGroupRule?: { readonly Direction?: string; readonly Protocol?: string; readonly Cidr?: string; readonly PrefixListId?: string; readonly SecurityGroupId?: string; readonly PortRange?: NativeRange };
  readonly RouteTableRoute?: { readonly DestinationCidr?: string; readonly VpcPeeringConnectionId?: string; readonly GatewayId?: string; readonly NatGatewayId?: string; readonly NetworkInterfaceId?: string; readonly EgressOnlyInternetGatewayId?: string; readonly State?: string };
  readonly Explanations?: readonly NativeExplanation[];
}

export interface NativeAnalysis {
  readonly NetworkInsightsAnalysisId?: string;
  readonly Status?: string;
  readonly StatusMessage?: string;
  readonly NetworkPathFound?: boolean;
  readonly ForwardPathComponents?: readonly NativeHop[];
  readonly ReturnPathComponents?: readonly NativeHop[];
  readonly Explanations?: readonly NativeExplanation[];
}

const KIND_OF_PREFIX: Readonly<Record<string, string>> = {
  eni: 'network interface',
  i: 'instance',
  sg: 'security group',
  acl: 'network ACL',
  rtb: 'route table',
  pcx: 'peering connection',
  subnet: 'subnet',
  vpc: 'VPC',
  igw: 'internet gateway',
  nat: 'NAT gateway',
  eigw: 'egress-only internet gateway',
};

function kindOf(id: string | undefined): string {
  const prefix = id?.slice(0, id.lastIndexOf('-')) ?? '';
  return KIND_OF_PREFIX[prefix] ?? 'component';
}

function ports(r: NativeRange | undefined): string {
  if (!r) return 'all ports';
  return r.From === r.To ? `port ${r.From}` : `ports ${r.From}-${r.To}`;
}

/** What matched at a hop, in a few words: the route, rule or ACL entry, or the peering's two VPCs. */
function matched(h: NativeHop): string {
  if (h.RouteTableRoute) {
    const r = h.RouteTableRoute;
    const target = r.VpcPeeringConnectionId ?? r.GatewayId ?? r.NatGatewayId ?? r.NetworkInterfaceId ?? r.EgressOnlyInternetGatewayId ?? 'local';
    return `route ${r.DestinationCidr ?? '?'} -> ${target}${r.State ? ` (${r.State})` : ''}`;
  }
  if (h.AclRule) {
    const a = h.AclRule;
    const protocol = a.Protocol === 'all' ? 'all traffic' : `protocol ${a.Protocol ?? '?'} ${ports(a.PortRange)}`;
    return `${a.Egress ? 'outbound' : 'inbound'} rule ${a.RuleNumber ?? '*'} ${a.RuleAction ?? ''} ${protocol} ${a.Egress ? 'to' : 'from'} ${a.Cidr ?? '?'}`;
  }
  if (h.SecurityGroupRule) {
    const g = h.SecurityGroupRule;
    const peer = g.Cidr ?? g.PrefixListId ?? 'a referenced group';
    const protocol = g.Protocol === 'all' || g.Protocol === '-1' ? 'all traffic' : `${g.Protocol ?? '?'} ${ports(g.PortRange)}`;
    return `${g.Direction ?? ''} rule ${protocol} ${g.Direction === 'egress' ? 'to' : 'from'} ${peer}`;
  }
  if (h.SourceVpc || h.DestinationVpc) return `${h.SourceVpc?.Id ?? '?'} -> ${h.DestinationVpc?.Id ?? '?'}`;
  return '';
}

function hopLines(title: string, hops: readonly NativeHop[] | undefined): string[] {
  if (!hops || hops.length === 0) return [];
  const lines = [`${title}:`];
  for (const h of hops) {
    const id = h.Component?.Id;
    const name = h.Component?.Name ? ` "${h.Component.Name}"` : '';
    const what = matched(h);
    lines.push(`  ${String(h.SequenceNumber ?? '?').padStart(2)}  ${id ?? '?'}${name} (${kindOf(id)})${what ? `  ${what}` : ''}`);
    for (const e of h.Explanations ?? []) lines.push(`      BLOCKED ${e.ExplanationCode ?? ''}: ${e.Sentence ?? ''}`);
  }
  return lines;
}

/** The analysis as `vpcpeer reach` prints it: the verdict, the path hop by hop, then every explanation's sentence. */
export function formatAnalysis(a: NativeAnalysis, header: string): string {
  const lines = [header];
  if (a.Status !== 'succeeded') {
    lines.push(`Analysis ${a.NetworkInsightsAnalysisId ?? ''} ${a.Status ?? 'unknown'}${a.StatusMessage ? `: ${a.StatusMessage}` : ''}`);
    return lines.join('\n') + '\n';
  }
  lines.push(a.NetworkPathFound ? 'Reachable: the path was found, there and back.' : 'Not reachable: the path is blocked.');
  lines.push('', ...hopLines('Forward path', a.ForwardPathComponents));
  const back = hopLines('Return path', a.ReturnPathComponents);
  if (back.length > 0) lines.push('', ...back);
  const explanations = a.Explanations ?? [];
  if (explanations.length > 0) {
    lines.push('', 'Why:');
    for (const e of explanations) lines.push(`  ${e.ExplanationCode ?? ''}${e.Direction ? ` (${e.Direction})` : ''}: ${e.Sentence ?? ''}`);
  }
  return lines.join('\n') + '\n';
}
