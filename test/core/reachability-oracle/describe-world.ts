import type { ReachWorld } from '../../../src/core/reachability/reach-world.js';

/** A world in a few dozen lines: enough to rebuild the failing case by hand (the seed rebuilds it exactly). */
export function describeWorld(w: ReachWorld): string {
  const lines: string[] = [`visible accounts: ${[...w.visibleAccounts].join(',') || '(caller only)'}`];
  for (const v of w.vpcs) {
    lines.push(`${v.id} ${v.accountId} ${v.region} ${v.cidrAssociations.map((a) => a.cidr).join(',')}`);
    for (const s of w.subnets.filter((x) => x.vpcId === v.id)) {
      lines.push(`  ${s.id} ${s.cidrBlock}`);
      for (const e of w.networkInterfaces.filter((x) => x.subnetId === s.id)) {
        lines.push(`    ${e.id} ${e.privateIps.join(',')} groups ${e.groupIds.join(',')}${e.attachment ? ` on ${e.attachment.instanceId}` : ''}${e.sourceDestCheck ? '' : ' no-src-dst-check'}`);
      }
    }
    for (const t of w.routeTables.filter((x) => x.vpcId === v.id)) {
      const assoc = t.associations.map((a) => (a.main ? 'main' : a.subnetId)).join(',');
      const routes = t.routes.map((r) => `${r.destinationCidrBlock ?? r.destinationIpv6CidrBlock}->${r.target.kind === 'local' ? 'local' : r.target.id}`).join(' ');
      lines.push(`  ${t.id} [${assoc}] ${routes}`);
    }
    for (const a of w.networkAcls.filter((x) => x.vpcId === v.id)) {
      const entries = [...a.entries]
        .sort((x, y) => Number(x.egress) - Number(y.egress) || x.ruleNumber - y.ruleNumber)
        .map((e) => `${e.egress ? 'out' : 'in'}#${e.ruleNumber}:${e.protocol}:${e.cidr ?? e.ipv6Cidr}${e.portRange ? `:${e.portRange.from}-${e.portRange.to}` : ''}:${e.action}`)
        .join(' ');
      lines.push(`  ${a.id}${a.isDefault ? ' default' : ''} [${(a.associations ?? []).map((x) => x.subnetId).join(',')}] ${entries}`);
    }
    for (const g of w.securityGroups.filter((x) => x.vpcId === v.id)) {
      const rules = g.rules
        .map((r) => {
          const peer = r.peer.kind === 'group' ? `${r.peer.userId}/${r.peer.groupId}` : r.peer.kind === 'prefix-list' ? r.peer.prefixListId : r.peer.cidr;
          return `${r.egress ? 'out' : 'in'}:${r.protocol}:${r.fromPort}-${r.toPort}:${peer}`;
        })
        .join(' ');
      lines.push(`  ${g.id} ${rules || '(no rules)'}`);
    }
  }
  for (const p of w.peerings) {
    lines.push(`${p.id} ${p.requester.vpcId} <-> ${p.accepter.vpcId} ${p.status}${p.status === 'pending-acceptance' && w.now >= p.expiresAt ? ' (past expiry)' : ''}`);
  }
  return lines.join('\n');
}
