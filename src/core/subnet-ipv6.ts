import { requireSubnet, requireVpc } from './checks.js';
import { errors } from './errors.js';
import { isWellFormedId } from './ids.js';
import { Cidr } from './net/index.js';
import { parseCidrParam } from './parse-cidr.js';
import type { RequestContext } from './request-context.js';
import type { Subnet, SubnetIpv6Association } from './subnet.js';
import { subnetErrors } from './subnet-errors.js';
import { liveIpv6Cidrs } from './vpc.js';
import type { Vpc } from './vpc.js';

/** How many disassociated blocks a subnet keeps showing. [I] AWS does not say how long it keeps them. */
const KEPT_DISASSOCIATED = 5;

export interface SubnetIpv6Change {
  readonly subnetId: string;
  readonly association: SubnetIpv6Association;
  /** As AWS answers: `associating` or `disassociating`; the next read shows where it ends up. */
  readonly state: 'associating' | 'disassociating';
}

/**
 * The /64 a subnet may take: inside one of its VPC's live IPv6 blocks, with no host bits, and
 * clear of every other subnet's block (`InvalidSubnet.Range` / `InvalidSubnet.Conflict`, as
 * CreateSubnet answers). Shared by CreateSubnet and AssociateSubnetCidrBlock.
 */
export function checkSubnetIpv6Block(text: string | undefined, vpc: Vpc, siblings: readonly Subnet[]): Cidr {
  const v6 = parseCidrParam('ipv6CidrBlock', text, 6);
  if (v6.prefixLength !== 64 || v6.hasHostBits() || !liveIpv6Cidrs(vpc).some((t) => (Cidr.parse(t) as Cidr).contains(v6))) {
    throw errors.invalidSubnetRange(v6.toString());
  }
  if (siblings.some((s) => s.ipv6Associations.some((a) => (Cidr.parse(a.cidr) as Cidr).overlaps(v6)))) throw errors.subnetConflict(v6.toString());
  return v6;
}

/** AssociateSubnetCidrBlock: a subnet's one IPv6 block (AssociateSubnetCidrBlock reference). */
export async function associateSubnetCidrBlock(ctx: RequestContext, subnetId: string | undefined, ipv6CidrBlock: string | undefined): Promise<SubnetIpv6Change> {
  const subnet = await requireSubnet(ctx, subnetId);
  const current = subnet.ipv6Associations[0];
  if (current) throw subnetErrors.ipv6AlreadyAssociated(subnet.id, current.cidr);
  const vpc = await requireVpc(ctx, subnet.vpcId);
  const siblings = (await ctx.repo.subnets.list(ctx.caller, { vpcId: vpc.id })).filter((s) => s.id !== subnet.id);
  const v6 = checkSubnetIpv6Block(ipv6CidrBlock, vpc, siblings);
  const association: SubnetIpv6Association = { associationId: ctx.ids.next('subnet-cidr-assoc'), cidr: v6.toString() };
  await ctx.repo.subnets.put({ ...subnet, ipv6Associations: [association] });
  // Transitional states resolve within the request (AWS-BEHAVIOUR.md §2.2): answered
  // `associating`, read back `associated`.
  return { subnetId: subnet.id, association, state: 'associating' };
}

/**
 * DisassociateSubnetCidrBlock: refused while the subnet still hands out IPv6 addresses or
 * answers DNS64 (the block is in use); afterwards the block shows as `disassociated`.
 */
export async function disassociateSubnetCidrBlock(ctx: RequestContext, associationId: string | undefined): Promise<SubnetIpv6Change> {
  if (associationId === undefined || associationId === '') throw errors.missingParameter('associationId');
  if (!isWellFormedId('subnet-cidr-assoc', associationId)) throw subnetErrors.associationMalformed(associationId);
  const subnets = await ctx.repo.subnets.list(ctx.caller);
  const subnet = subnets.find((s) => s.ipv6Associations.some((a) => a.associationId === associationId));
  if (!subnet) throw subnetErrors.associationNotFound(associationId);
  if (subnet.assignIpv6AddressOnCreation) throw subnetErrors.ipv6InUse(associationId, 'assign-ipv6-address-on-creation');
  // [I] By analogy: DNS64 synthesises IPv6 answers, so it too needs the block (Terraform turns it
  // off before it changes a subnet's block).
  if (subnet.enableDns64) throw subnetErrors.ipv6InUse(associationId, 'enable-dns64');
  const association = subnet.ipv6Associations.find((a) => a.associationId === associationId) as SubnetIpv6Association;
  const disassociated = [...(subnet.disassociatedIpv6 ?? []), association].slice(-KEPT_DISASSOCIATED);
  await ctx.repo.subnets.put({
    ...subnet,
    ipv6Associations: subnet.ipv6Associations.filter((a) => a.associationId !== associationId),
    disassociatedIpv6: disassociated,
  });
  return { subnetId: subnet.id, association, state: 'disassociating' };
}
