import { checkClientToken, earlierByToken, rememberToken } from '../client-token.js';
import { checkId, requireSubnet } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScopedViews, withTags } from '../describe-scoped.js';
import { errors } from '../errors.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import { checkRequestedAddress, firstFreeAddress } from '../nat-gateways/subnet-addresses.js';
import { Cidr, formatIpv6, parseIpv4Address, parseIpv6Address } from '../net/index.js';
import { onlyOneAttribute } from '../one-attribute.js';
import type { RequestContext } from '../request-context.js';
import type { Subnet } from '../subnet.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import type { NetworkInterface, NetworkInterfaceAttachment } from './network-interface.js';
import { eniErrors } from './network-interface-errors.js';
import { NETWORK_INTERFACE_FILTERS } from './network-interface-filters.js';
import type { EniAssociation, NetworkInterfaceView } from './network-interface-view.js';
import { macAddressOf } from './network-interface-view.js';
import { addressesInUse, ipv6AddressesInUse, subnetAddressesInUse } from './subnet-addresses-in-use.js';

/** Security groups per network interface: 5 by default (Amazon VPC quotas). */
const GROUPS_PER_INTERFACE = 5;
/** [I] A bound on addresses per interface; AWS's depends on the instance type (50 for the largest). */
const MAX_ADDRESSES = 50;
const PAGE = { min: 5, max: 1000 } as const;

/** What a new interface is made of; shared by CreateNetworkInterface and RunInstances. */
export interface InterfaceSpec {
  readonly description?: string;
  readonly groupIds?: readonly string[];
  /** The primary address asked for, if any. */
  readonly privateIpAddress?: string;
  /** PrivateIpAddresses.N: the one marked Primary (or the first) is the primary. */
  readonly privateIpAddresses?: readonly { readonly address?: string; readonly primary?: boolean }[];
  readonly secondaryPrivateIpAddressCount?: number;
  readonly ipv6Addresses?: readonly string[];
  readonly ipv6AddressCount?: number;
}

export interface CreateNetworkInterfaceInput extends InterfaceSpec {
  readonly subnetId?: string;
  readonly interfaceType?: string;
  readonly clientToken?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The caller's interface with this id, refusing malformed and unknown ids. */
export async function requireInterface(ctx: RequestContext, id: string | undefined, parameter = 'networkInterfaceId'): Promise<NetworkInterface> {
  const eniId = checkId('eni', id, parameter);
  const eni = await ctx.repo.networkInterfaces.get(ctx.caller, eniId);
  if (!eni) throw errors.notFound('eni', eniId);
  return eni;
}

/**
 * Interfaces as reads show them: group names, and the Elastic IPs associated with their addresses
 * (left out, and the addresses not read, with `withAssociations` false).
 */
export async function interfaceViews(ctx: RequestContext, enis: readonly NetworkInterface[], withAssociations = true): Promise<NetworkInterfaceView[]> {
  if (enis.length === 0) return [];
  const groupIds = [...new Set(enis.flatMap((e) => e.groupIds))];
  const names = new Map((await ctx.repo.securityGroups.list(ctx.caller, { ids: groupIds })).map((g) => [g.id, g.name]));
  const byEni = new Map<string, EniAssociation[]>();
  for (const a of withAssociations ? await ctx.repo.addresses.list(ctx.caller) : []) {
    const s = a.association;
    if (s?.networkInterfaceId === undefined || s.natGatewayId !== undefined) continue;
    const list = byEni.get(s.networkInterfaceId) ?? [];
    list.push({ privateIp: s.privateIpAddress ?? '', publicIp: a.publicIp, allocationId: a.id, associationId: s.associationId, ipOwnerId: a.accountId });
    byEni.set(s.networkInterfaceId, list);
  }
  return enis.map((eni) => ({
    eni,
    groups: eni.groupIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    associations: byEni.get(eni.id) ?? [],
  }));
}

export function describeNetworkInterfaces(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<NetworkInterfaceView>[]; nextToken?: string }> {
  return describeScopedViews(ctx, 'eni', ctx.repo.networkInterfaces, NETWORK_INTERFACE_FILTERS, req, PAGE, (items) => interfaceViews(ctx, items));
}

async function describeInterface(ctx: RequestContext, eni: NetworkInterface): Promise<Tagged<NetworkInterfaceView>> {
  const [view] = await interfaceViews(ctx, [eni]);
  const [tagged] = await withTags(ctx, [eni]);
  return { id: eni.id, resource: view as NetworkInterfaceView, tags: tagged?.tags ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Creating

/**
 * The groups an interface takes: those given (each of the caller's, of the subnet's VPC), or the
 * VPC's default group when none is given (CreateNetworkInterface reference: "If you don't specify
 * a security group, the default security group for the VPC is used").
 */
export async function resolveGroups(ctx: RequestContext, vpcId: string, groupIds: readonly string[] | undefined): Promise<string[]> {
  const wanted = [...new Set(groupIds ?? [])];
  const inVpc = await ctx.repo.securityGroups.list(ctx.caller, { vpcId });
  if (wanted.length === 0) {
    const dflt = inVpc.find((g) => g.name === 'default');
    return dflt ? [dflt.id] : [];
  }
  if (wanted.length > GROUPS_PER_INTERFACE) throw eniErrors.tooManyGroups(GROUPS_PER_INTERFACE);
  const have = new Set(inVpc.map((g) => g.id));
  for (const id of wanted) {
    if (!isWellFormedId('sg', id)) throw errors.malformed('sg', id);
    if (!have.has(id)) {
      const elsewhere = await ctx.repo.securityGroups.get(ctx.caller, id);
      throw elsewhere ? eniErrors.groupOfOtherVpc(id, vpcId) : errors.notFound('sg', id);
    }
  }
  return wanted;
}

function checkAddressText(text: string): void {
  if (parseIpv4Address(text) === undefined) throw eniErrors.badAddress(text);
}

/** The private addresses of a new interface: those asked for, then as many more as asked, lowest free first. */
function pickPrivateIps(subnet: Subnet, taken: Set<string>, spec: InterfaceSpec): string[] {
  const listed = spec.privateIpAddresses ?? [];
  const primaries = listed.filter((p) => p.primary === true);
  if (primaries.length > 1) throw errors.invalidParameterValue('Only one primary private IP address can be specified.');
  if (spec.privateIpAddress !== undefined && primaries.length > 0 && primaries[0]?.address !== spec.privateIpAddress) {
    throw errors.invalidParameterCombination('The primary private IP address is specified twice: in PrivateIpAddress and in PrivateIpAddresses.');
  }
  const ordered = [...primaries, ...listed.filter((p) => p.primary !== true)].map((p) => p.address);
  const asked = spec.privateIpAddress !== undefined ? [spec.privateIpAddress, ...ordered.filter((a) => a !== spec.privateIpAddress)] : ordered;
  const count = spec.secondaryPrivateIpAddressCount;
  if (count !== undefined && (!Number.isInteger(count) || count < 0)) throw errors.invalidValueFor('secondaryPrivateIpAddressCount', String(count));
  const named = asked.map((text) => {
    if (text === undefined) throw errors.missingParameter('PrivateIpAddresses.N.PrivateIpAddress');
    return text;
  });
  return takeAddresses(subnet, taken, named, (count ?? 0) + (named.length === 0 ? 1 : 0));
}

/** Addresses named (each inside the subnet, not reserved, free) and `count` more, lowest free first; `taken` gains them. */
function takeAddresses(subnet: Subnet, taken: Set<string>, named: readonly string[], count: number): string[] {
  if (named.length + count > MAX_ADDRESSES) throw errors.invalidParameterValue(`An interface can hold at most ${MAX_ADDRESSES} private IP addresses here.`);
  const ips: string[] = [];
  for (const text of named) {
    checkAddressText(text);
    const ip = checkRequestedAddress(subnet, text, taken, () => eniErrors.addressInUse());
    taken.add(ip);
    ips.push(ip);
  }
  for (let i = 0; i < count; i++) {
    const ip = firstFreeAddress(subnet, taken);
    if (ip === undefined) throw eniErrors.subnetFull();
    taken.add(ip);
    ips.push(ip);
  }
  return ips;
}

function subnetIpv6Block(subnet: Subnet): Cidr {
  const block = subnet.ipv6Associations[0];
  if (!block) throw eniErrors.noIpv6Block(subnet.id);
  return Cidr.parse(block.cidr) as Cidr;
}

/**
 * IPv6 addresses from the subnet's /64: those named (inside the block, free) and `count` more.
 * [I] Allocated ones are the lowest free from ::4 of the block up (AWS picks at random; any free one is valid).
 */
function pickIpv6(subnet: Subnet, taken: Set<string>, named: readonly string[], count: number | undefined): string[] {
  if (named.length === 0 && (count ?? 0) === 0) return [];
  if (count !== undefined && (!Number.isInteger(count) || count < 0)) throw errors.invalidValueFor('ipv6AddressCount', String(count));
  if (named.length + (count ?? 0) > MAX_ADDRESSES) throw errors.invalidParameterValue(`An interface can hold at most ${MAX_ADDRESSES} IPv6 addresses here.`);
  const block = subnetIpv6Block(subnet);
  const out: string[] = [];
  for (const text of named) {
    const n = parseIpv6Address(text);
    if (n === undefined) throw eniErrors.badAddress(text);
    if (!block.containsAddress(n, 6)) throw eniErrors.ipv6OutsideSubnet(text, subnet.id);
    const ip = formatIpv6(n);
    if (taken.has(ip)) throw eniErrors.addressInUse();
    taken.add(ip);
    out.push(ip);
  }
  let n = block.firstAddress + 4n;
  for (let i = 0; i < (count ?? 0); i++) {
    while (taken.has(formatIpv6(n))) n++;
    const ip = formatIpv6(n);
    taken.add(ip);
    out.push(ip);
  }
  return out;
}

/** A new interface in `subnet`, not yet stored; `taken` gains its addresses (RunInstances makes several in a row). */
export async function newInterface(
  ctx: RequestContext,
  subnet: Subnet,
  spec: InterfaceSpec,
  taken: { v4: Set<string>; v6: Set<string> },
  attachment?: NetworkInterfaceAttachment,
): Promise<NetworkInterface> {
  const groupIds = await resolveGroups(ctx, subnet.vpcId, spec.groupIds);
  const privateIps = pickPrivateIps(subnet, taken.v4, spec);
  const ipv6Addresses = pickIpv6(subnet, taken.v6, spec.ipv6Addresses ?? [], spec.ipv6AddressCount);
  const id = ctx.ids.next('eni');
  return {
    id,
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    availabilityZone: subnet.availabilityZone,
    description: spec.description ?? '',
    groupIds,
    privateIps,
    ipv6Addresses,
    sourceDestCheck: true,
    macAddress: macAddressOf(id),
    interfaceType: 'interface',
    requesterManaged: false,
    createdAt: ctx.now,
    ...(attachment ? { attachment } : {}),
  };
}

/** The addresses of a subnet already held, IPv4 and IPv6. */
export async function subnetAddressesTaken(ctx: RequestContext, subnet: Subnet): Promise<{ v4: Set<string>; v6: Set<string> }> {
  return subnetAddressesInUse(ctx, subnet);
}

export interface CreatedInterface extends Tagged<NetworkInterfaceView> {
  readonly repeated: boolean;
}

export async function createNetworkInterface(ctx: RequestContext, input: CreateNetworkInterfaceInput): Promise<CreatedInterface> {
  checkClientToken(input.clientToken);
  // [I] Only plain interfaces: EFA, trunk and the other kinds need instances this server does not run.
  if (input.interfaceType !== undefined && input.interfaceType !== 'interface') throw eniErrors.unsupported(`InterfaceType=${input.interfaceType}`);
  const tags = tagsFromSpecifications('network-interface', input.tagSpecifications);
  const subnet = await requireSubnet(ctx, input.subnetId);
  const digest = JSON.stringify([subnet.id, input.description ?? null, input.groupIds ?? [], input.privateIpAddress ?? null, input.privateIpAddresses ?? [],
    input.secondaryPrivateIpAddressCount ?? null, input.ipv6Addresses ?? [], input.ipv6AddressCount ?? null, tags]);
  const earlier = await earlierByToken(ctx, 'eni', input.clientToken, ctx.repo.networkInterfaces);
  if (earlier && input.clientToken !== undefined) {
    if (earlier.requestDigest !== digest) throw errors.idempotentMismatch(input.clientToken);
    return { ...(await describeInterface(ctx, earlier)), repeated: true };
  }
  const eni = await newInterface(ctx, subnet, input, await subnetAddressesTaken(ctx, subnet));
  const stored: NetworkInterface = input.clientToken !== undefined ? { ...eni, clientToken: input.clientToken, requestDigest: digest } : eni;
  await ctx.repo.networkInterfaces.put(stored);
  await rememberToken(ctx, 'eni', input.clientToken, eni.id);
  await addTags(ctx, ctx.caller, eni.id, 'network-interface', tags);
  const [view] = await interfaceViews(ctx, [stored]);
  return { id: eni.id, resource: view as NetworkInterfaceView, tags, repeated: false };
}

// ---------------------------------------------------------------------------------------------
// Deleting

/** Elastic IPs associated with these interfaces' addresses (or only with `only`) are disassociated when they go: one read of the addresses. */
export async function releaseInterfaceAddresses(ctx: RequestContext, eniIds: readonly string[], only?: readonly string[]): Promise<void> {
  if (eniIds.length === 0) return;
  const wanted = new Set(eniIds);
  for (const a of await ctx.repo.addresses.list(ctx.caller)) {
    const s = a.association;
    if (s?.networkInterfaceId === undefined || !wanted.has(s.networkInterfaceId) || s.natGatewayId !== undefined) continue;
    if (only && !only.includes(s.privateIpAddress ?? '')) continue;
    await ctx.repo.addresses.put({ ...a, association: undefined });
  }
}

/** Removes an interface and what hangs on it (tags, Elastic IP associations). */
export async function removeInterface(ctx: RequestContext, eni: NetworkInterface): Promise<void> {
  await releaseInterfaceAddresses(ctx, [eni.id]);
  await dropInterface(ctx, eni);
}

/** Removes an interface's row and tags; its Elastic IPs must have been released already. */
export async function dropInterface(ctx: RequestContext, eni: NetworkInterface): Promise<void> {
  await ctx.repo.networkInterfaces.remove(eni.id);
  await ctx.repo.tags.removeResource(eni.id);
}

export async function deleteNetworkInterface(ctx: RequestContext, id: string | undefined): Promise<void> {
  const eni = await requireInterface(ctx, id);
  if (eni.attachment) throw eniErrors.inUse(eni.id);
  await removeInterface(ctx, eni);
}

// ---------------------------------------------------------------------------------------------
// Attributes

export interface ModifyInterfaceInput {
  readonly description?: string;
  readonly sourceDestCheck?: boolean;
  readonly groupIds?: readonly string[];
  readonly attachment?: { readonly attachmentId?: string; readonly deleteOnTermination?: boolean };
  /** Attributes given that this server keeps nothing for (ENA Express, connection tracking, ...): they count as attributes, and change nothing. */
  readonly unmodelled?: readonly string[];
}

/**
 * ModifyNetworkInterfaceAttribute: "You can specify only one attribute at a time" (API
 * reference); none or several are refused as ModifyInstanceAttribute refuses them
 * (`onlyOneAttribute`). An empty group list is no attribute (the Query protocol sends nothing for it).
 */
export async function modifyNetworkInterfaceAttribute(ctx: RequestContext, id: string | undefined, input: ModifyInterfaceInput): Promise<void> {
  const eni = await requireInterface(ctx, id);
  const attribute = onlyOneAttribute([
    ...(input.description !== undefined ? ['description'] : []),
    ...(input.sourceDestCheck !== undefined ? ['sourceDestCheck'] : []),
    ...((input.groupIds?.length ?? 0) > 0 ? ['groupSet'] : []),
    ...(input.attachment !== undefined ? ['attachment'] : []),
    ...(input.unmodelled ?? []),
  ]);
  switch (attribute) {
    case 'description':
      return ctx.repo.networkInterfaces.put({ ...eni, description: input.description ?? eni.description });
    case 'sourceDestCheck':
      return ctx.repo.networkInterfaces.put({ ...eni, sourceDestCheck: input.sourceDestCheck ?? eni.sourceDestCheck });
    case 'groupSet':
      return ctx.repo.networkInterfaces.put({ ...eni, groupIds: await resolveGroups(ctx, eni.vpcId, input.groupIds) });
    case 'attachment': {
      const attachmentId = input.attachment?.attachmentId;
      if (attachmentId === undefined) throw errors.missingParameter('Attachment.AttachmentId');
      if (!eni.attachment || eni.attachment.id !== attachmentId) throw eniErrors.attachmentMismatch(attachmentId, eni.id);
      const deleteOnTermination = input.attachment?.deleteOnTermination ?? eni.attachment.deleteOnTermination;
      return ctx.repo.networkInterfaces.put({ ...eni, attachment: { ...eni.attachment, deleteOnTermination } });
    }
  }
}

export type InterfaceAttribute = 'description' | 'groupSet' | 'sourceDestCheck' | 'attachment' | 'associatePublicIpAddress';
const ATTRIBUTES: readonly InterfaceAttribute[] = ['description', 'groupSet', 'sourceDestCheck', 'attachment', 'associatePublicIpAddress'];

export async function describeNetworkInterfaceAttribute(
  ctx: RequestContext,
  id: string | undefined,
  attribute: string | undefined,
): Promise<{ view: NetworkInterfaceView; attribute?: InterfaceAttribute }> {
  if (attribute !== undefined && !(ATTRIBUTES as readonly string[]).includes(attribute)) throw errors.invalidValueFor('attribute', attribute);
  const eni = await requireInterface(ctx, id);
  const [view] = await interfaceViews(ctx, [eni]);
  return { view: view as NetworkInterfaceView, ...(attribute !== undefined ? { attribute: attribute as InterfaceAttribute } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Secondary addresses

export async function assignPrivateIpAddresses(
  ctx: RequestContext,
  id: string | undefined,
  input: { addresses?: readonly string[]; count?: number; allowReassignment?: boolean },
): Promise<{ eniId: string; assigned: string[] }> {
  const eni = await requireInterface(ctx, id);
  const addresses = input.addresses ?? [];
  if (addresses.length === 0 && input.count === undefined) throw errors.missingParameter('PrivateIpAddress or SecondaryPrivateIpAddressCount');
  if (addresses.length > 0 && input.count !== undefined) {
    throw errors.invalidParameterCombination('Specify either PrivateIpAddress or SecondaryPrivateIpAddressCount, not both.');
  }
  const subnet = await requireSubnet(ctx, eni.subnetId);
  const taken = await addressesInUse(ctx, subnet);
  // AllowReassignment lets an address move from another interface of the subnet (AssignPrivateIpAddresses reference).
  const moved: string[] = [];
  if (input.allowReassignment === true) {
    for (const text of addresses) {
      const ip = text;
      if (taken.has(ip) && !eni.privateIps.includes(ip)) {
        moved.push(ip);
        taken.delete(ip);
      }
    }
  }
  const count = input.count ?? 0;
  if (!Number.isInteger(count) || count < 0) throw errors.invalidValueFor('secondaryPrivateIpAddressCount', String(count));
  const assigned = takeAddresses(subnet, taken, addresses, count);
  if (eni.privateIps.length + assigned.length > MAX_ADDRESSES) throw errors.invalidParameterValue(`An interface can hold at most ${MAX_ADDRESSES} private IP addresses here.`);
  for (const ip of moved) await takeAddressFromOthers(ctx, eni, ip);
  await ctx.repo.networkInterfaces.put({ ...eni, privateIps: [...eni.privateIps, ...assigned] });
  return { eniId: eni.id, assigned };
}

/** Takes a secondary address off whichever interface of the VPC holds it (AllowReassignment). */
async function takeAddressFromOthers(ctx: RequestContext, eni: NetworkInterface, ip: string): Promise<void> {
  for (const other of await ctx.repo.networkInterfaces.list(ctx.caller, { vpcId: eni.vpcId })) {
    if (other.id === eni.id || other.subnetId !== eni.subnetId || !other.privateIps.includes(ip)) continue;
    if (other.privateIps[0] === ip) throw eniErrors.addressInUse();
    await releaseInterfaceAddresses(ctx, [other.id], [ip]);
    await ctx.repo.networkInterfaces.put({ ...other, privateIps: other.privateIps.filter((p) => p !== ip) });
    return;
  }
  throw eniErrors.addressInUse();
}

export async function unassignPrivateIpAddresses(ctx: RequestContext, id: string | undefined, addresses: readonly string[] | undefined): Promise<void> {
  const eni = await requireInterface(ctx, id);
  if (!addresses || addresses.length === 0) throw errors.missingParameter('PrivateIpAddress');
  for (const ip of addresses) {
    checkAddressText(ip);
    if (ip === eni.privateIps[0]) throw eniErrors.cannotUnassignPrimary(ip);
    if (!eni.privateIps.includes(ip)) throw eniErrors.addressNotAssigned(ip, eni.id);
  }
  await releaseInterfaceAddresses(ctx, [eni.id], addresses);
  await ctx.repo.networkInterfaces.put({ ...eni, privateIps: eni.privateIps.filter((ip) => !addresses.includes(ip)) });
}

export async function assignIpv6Addresses(
  ctx: RequestContext,
  id: string | undefined,
  input: { addresses?: readonly string[]; count?: number },
): Promise<{ eniId: string; assigned: string[] }> {
  const eni = await requireInterface(ctx, id);
  const addresses = input.addresses ?? [];
  if (addresses.length === 0 && input.count === undefined) throw errors.missingParameter('Ipv6Addresses or Ipv6AddressCount');
  const subnet = await requireSubnet(ctx, eni.subnetId);
  const assigned = pickIpv6(subnet, await ipv6AddressesInUse(ctx, subnet), addresses, input.count);
  if (eni.ipv6Addresses.length + assigned.length > MAX_ADDRESSES) throw errors.invalidParameterValue(`An interface can hold at most ${MAX_ADDRESSES} IPv6 addresses here.`);
  await ctx.repo.networkInterfaces.put({ ...eni, ipv6Addresses: [...eni.ipv6Addresses, ...assigned] });
  return { eniId: eni.id, assigned };
}

export async function unassignIpv6Addresses(ctx: RequestContext, id: string | undefined, addresses: readonly string[] | undefined): Promise<{ eniId: string; unassigned: string[] }> {
  const eni = await requireInterface(ctx, id);
  if (!addresses || addresses.length === 0) throw errors.missingParameter('Ipv6Addresses');
  const canonical = addresses.map((text) => {
    const n = parseIpv6Address(text);
    if (n === undefined) throw eniErrors.badAddress(text);
    const ip = formatIpv6(n);
    if (!eni.ipv6Addresses.includes(ip)) throw eniErrors.addressNotAssigned(text, eni.id);
    return ip;
  });
  await ctx.repo.networkInterfaces.put({ ...eni, ipv6Addresses: eni.ipv6Addresses.filter((ip) => !canonical.includes(ip)) });
  return { eniId: eni.id, unassigned: canonical };
}

/** [I] Prefix delegation (Ipv4Prefixes/Ipv6Prefixes) is not modelled: refused by name rather than ignored. */
export function prefixesUnsupported(): Error {
  return eniErrors.unsupported('Ipv4Prefixes/Ipv6Prefixes (prefix delegation)');
}
