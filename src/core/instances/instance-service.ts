import { defaultVpcOf } from '../account-service.js';
import { checkClientToken, idsByToken, rememberToken } from '../client-token.js';
import { requireSubnet } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { withTags } from '../describe-scoped.js';
import { Ec2Error } from '../ec2-error.js';
import { errors } from '../errors.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import { imageCatalogue } from '../images/image-catalogue.js';
import { releasePublicIp, takePublicIp } from '../addresses/public-ip-pool.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { NetworkInterfaceView } from '../network-interfaces/network-interface-view.js';
import { eniErrors } from '../network-interfaces/network-interface-errors.js';
import type { InterfaceSpec } from '../network-interfaces/network-interface-service.js';
import { dropInterface, interfaceViews, newInterface, releaseInterfaceAddresses, requireInterface, subnetAddressesTaken } from '../network-interfaces/network-interface-service.js';
import { checkPageRequest, paginate } from '../paginate.js';
import type { RequestContext } from '../request-context.js';
import type { Subnet } from '../subnet.js';
import type { Tag, TaggableType } from '../tag.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, checkTags } from '../tags.js';
import { sgErrors } from '../security-groups/security-group-errors.js';
import type { Instance, InstanceMetadataOptions, InstanceStateName } from './instance.js';
import { instanceErrors } from './instance-errors.js';
import { DEFAULT_METADATA_OPTIONS } from './instance-facts.js';
import type { InstanceView } from './instance-filters.js';
import { INSTANCE_FILTERS, INSTANCE_STATUS_FILTERS, filtersNeedInterfaceTags } from './instance-filters.js';
import { isBurstable, isInstanceTypeName } from './instance-types.js';
import { STATE_CODES, instanceState, isInstanceVisible, transitionalState } from './instance-state.js';

/** [D?] Running On-Demand instances: a default quota; 20 per launch keeps a runaway count small. */
const MAX_INSTANCES_PER_LAUNCH = 20;
const PAGE = { min: 5, max: 1000 } as const;
// RunInstances: "Default: m1.small" (EC2 API reference, InstanceType).
const DEFAULT_INSTANCE_TYPE = 'm1.small';

// ---------------------------------------------------------------------------------------------
// Reading

/** What reads show: terminated instances past their hour are left out (their rows go at the next launch). */
function visible(ctx: RequestContext, instances: readonly Instance[]): Instance[] {
  return instances.filter((i) => isInstanceVisible(i, ctx.now));
}

/** Terminated instances past their hour are gone for good: a write (RunInstances) drops their rows and tags. */
async function pruneGone(ctx: RequestContext): Promise<void> {
  for (const i of await ctx.repo.instances.list(ctx.caller)) {
    if (isInstanceVisible(i, ctx.now)) continue;
    await ctx.repo.instances.remove(i.id);
    await ctx.repo.tags.removeResource(i.id);
  }
}

/** Every interface attached to one of these instances, primary or not. */
export async function attachedInterfaces(ctx: RequestContext, instanceIds: readonly string[]): Promise<NetworkInterface[]> {
  if (instanceIds.length === 0) return [];
  const wanted = new Set(instanceIds);
  return (await ctx.repo.networkInterfaces.list(ctx.caller)).filter((e) => e.attachment !== undefined && wanted.has(e.attachment.instanceId));
}

/**
 * What terminating instances does to their interfaces: those with DeleteOnTermination go with them
 * (the primary one made at launch always has it), the others are detached and left available;
 * Elastic IPs on either are disassociated. One read of the interfaces and one of the addresses.
 */
async function releaseInstanceInterfaces(ctx: RequestContext, instances: readonly Instance[]): Promise<void> {
  const enis = await attachedInterfaces(ctx, instances.map((i) => i.id));
  await releaseInterfaceAddresses(ctx, enis.map((e) => e.id));
  for (const eni of enis) {
    if (eni.attachment?.deleteOnTermination === true) await dropInterface(ctx, eni);
    else {
      const { attachment: _detached, ...rest } = eni;
      await ctx.repo.networkInterfaces.put(rest);
    }
  }
}

/**
 * Instances with their interfaces: the primary, then any others by device index (terminated ones
 * have none left). `attached`, when given, are all the interfaces attached to these instances
 * (RunInstances has them at hand); otherwise they are read.
 */
export async function instanceViews(ctx: RequestContext, instances: readonly Instance[], attached?: readonly NetworkInterface[]): Promise<InstanceView[]> {
  const live = instances.filter((i) => instanceState(i) !== 'terminated').map((i) => i.id);
  const views = await interfaceViews(ctx, attached ?? (await attachedInterfaces(ctx, live)));
  views.sort((x, y) => (x.eni.attachment?.deviceIndex ?? 0) - (y.eni.attachment?.deviceIndex ?? 0));
  const byInstance = new Map<string, NetworkInterfaceView[]>();
  for (const v of views) {
    const owner = v.eni.attachment?.instanceId;
    if (owner === undefined) continue;
    const list = byInstance.get(owner) ?? [];
    list.push(v);
    byInstance.set(owner, list);
  }
  return instances.map((instance) => {
    const mine = byInstance.get(instance.id) ?? [];
    const eni = mine.find((v) => v.eni.id === instance.primaryNetworkInterfaceId);
    const others = mine.filter((v) => v !== eni);
    return { instance, ...(eni ? { eni } : {}), ...(others.length > 0 ? { others } : {}) };
  });
}

async function taggedViews(ctx: RequestContext, instances: readonly Instance[], attached?: readonly NetworkInterface[]): Promise<Tagged<InstanceView>[]> {
  const views = await instanceViews(ctx, instances, attached);
  return (await withTags(ctx, instances)).map((t, i) => ({ id: t.id, resource: views[i] as InstanceView, tags: t.tags }));
}

function checkInstanceIds(ids: readonly string[]): void {
  if (ids.length > 1000) throw errors.invalidParameterValue('The maximum number of ids per request is 1000');
  for (const id of ids) if (!isWellFormedId('i', id)) throw errors.malformed('i', id);
}

/** The caller's visible instances with these ids, all of them or InvalidInstanceID.NotFound naming the missing. */
export async function requireInstances(ctx: RequestContext, ids: readonly string[] | undefined): Promise<Instance[]> {
  if (!ids || ids.length === 0) throw errors.missingParameter('InstanceId');
  checkInstanceIds(ids);
  const found = visible(ctx, await ctx.repo.instances.list(ctx.caller, { ids }));
  const have = new Set(found.map((i) => i.id));
  const missing = [...new Set(ids.filter((id) => !have.has(id)))];
  if (missing.length > 0) throw instanceErrors.notFoundMany(missing);
  const byId = new Map(found.map((i) => [i.id, i]));
  return [...new Set(ids)].map((id) => byId.get(id) as Instance);
}

export async function requireInstance(ctx: RequestContext, id: string | undefined): Promise<Instance> {
  if (id === undefined || id === '') throw errors.missingParameter('InstanceId');
  const [found] = await requireInstances(ctx, [id]);
  return found as Instance;
}

export async function describeInstances(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<InstanceView>[]; nextToken?: string }> {
  const predicate = compileFilters(INSTANCE_FILTERS, req.filters);
  checkPageRequest(req, PAGE);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  const found = ids ? await requireInstances(ctx, ids) : visible(ctx, await ctx.repo.instances.list(ctx.caller));
  const sorted = [...found].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const views = await taggedViews(ctx, sorted);
  return paginate((filtersNeedInterfaceTags(req.filters) ? await withInterfaceTags(ctx, views) : views).filter(predicate), req, PAGE);
}

/** The views with their interfaces' tags, for the filters that read them: one read of the tags. */
async function withInterfaceTags(ctx: RequestContext, views: readonly Tagged<InstanceView>[]): Promise<Tagged<InstanceView>[]> {
  const ids = views.flatMap((v) => [...(v.resource.eni ? [v.resource.eni] : []), ...(v.resource.others ?? [])].map((e) => e.eni.id));
  const interfaceTags = ids.length === 0 ? new Map<string, Tag[]>() : await ctx.repo.tags.forResources(ctx.caller, ids);
  return views.map((v) => ({ ...v, resource: { ...v.resource, interfaceTags } }));
}

// ---------------------------------------------------------------------------------------------
// Launching

export interface NetworkInterfaceRequest extends InterfaceSpec {
  readonly deviceIndex?: number;
  readonly subnetId?: string;
  readonly networkInterfaceId?: string;
  readonly associatePublicIpAddress?: boolean;
  readonly deleteOnTermination?: boolean;
}

export interface RunInstancesInput {
  readonly imageId?: string;
  readonly instanceType?: string;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly subnetId?: string;
  readonly availabilityZone?: string;
  readonly privateIpAddress?: string;
  readonly securityGroupIds?: readonly string[];
  readonly securityGroupNames?: readonly string[];
  readonly networkInterfaces?: readonly NetworkInterfaceRequest[];
  readonly ipv6AddressCount?: number;
  readonly ipv6Addresses?: readonly string[];
  readonly keyName?: string;
  readonly userData?: string;
  readonly clientToken?: string;
  readonly disableApiTermination?: boolean;
  readonly disableApiStop?: boolean;
  readonly instanceInitiatedShutdownBehavior?: string;
  readonly ebsOptimized?: boolean;
  readonly monitoring?: boolean;
  readonly metadataOptions?: Partial<InstanceMetadataOptions>;
  readonly cpuCredits?: string;
  readonly cpuOptions?: { readonly coreCount?: number; readonly threadsPerCore?: number };
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

export interface Launch {
  readonly reservationId: string;
  readonly ownerId: string;
  readonly instances: Tagged<InstanceView>[];
  /** True when the ClientToken named a launch made before: the answer describes it as it is now. */
  readonly repeated: boolean;
}

const RUN_TAG_TYPES: readonly TaggableType[] = ['instance', 'network-interface'];

/** TagSpecifications of RunInstances: tags for the instances, for their interfaces; volume tags are accepted (no volumes are kept). */
function launchTags(specs: readonly TagSpecificationInput[] | undefined): { instance: Tag[]; eni: Tag[] } {
  const by: Record<string, { key?: string; value?: string }[]> = {};
  for (const spec of specs ?? []) {
    const type = spec.resourceType ?? '';
    if (!(RUN_TAG_TYPES as readonly string[]).includes(type) && type !== 'volume') {
      throw errors.invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`);
    }
    (by[type] ??= []).push(...spec.tags);
  }
  if (by.volume) checkTags(by.volume);
  return { instance: checkTags(by.instance ?? []), eni: checkTags(by['network-interface'] ?? []) };
}

/** The subnet of a launch: named, or the default VPC's default subnet (in the zone asked for, if any). */
async function launchSubnet(ctx: RequestContext, subnetId: string | undefined, zone: string | undefined): Promise<Subnet> {
  if (subnetId !== undefined) {
    const subnet = await requireSubnet(ctx, subnetId);
    if (zone !== undefined && subnet.availabilityZone !== zone) {
      throw errors.invalidParameterValue(`The subnet ${subnet.id} is in ${subnet.availabilityZone}, not in the Availability Zone ${zone} asked for.`);
    }
    return subnet;
  }
  const vpc = await defaultVpcOf(ctx);
  // [O] Without a default VPC, RunInstances without a subnet answers `VPCIdNotSpecified: No default VPC for this user`.
  if (!vpc) throw sgErrors.noDefaultVpc();
  const subnets = (await ctx.repo.subnets.list(ctx.caller, { vpcId: vpc.id })).filter((s) => s.defaultForAz && (zone === undefined || s.availabilityZone === zone));
  subnets.sort((x, y) => x.availabilityZone.localeCompare(y.availabilityZone));
  const first = subnets[0];
  if (!first) {
    // [O] `MissingInput: No subnets found for the default VPC 'vpc-…'. Please specify a subnet.`
    throw instanceErrors.noDefaultSubnet(vpc.id);
  }
  return first;
}

function checkCounts(min: number | undefined, max: number | undefined): { min: number; max: number } {
  if (min === undefined) throw errors.missingParameter('MinCount');
  if (max === undefined) throw errors.missingParameter('MaxCount');
  if (!Number.isInteger(min) || min < 1) throw errors.invalidValueFor('minCount', String(min), 'It must be at least 1.');
  if (!Number.isInteger(max) || max < min) throw errors.invalidParameterValue(`Value (${max}) for parameter maxCount is invalid. It must be at least minCount (${min}).`);
  if (min > MAX_INSTANCES_PER_LAUNCH) throw instanceErrors.limitExceeded(min, MAX_INSTANCES_PER_LAUNCH);
  return { min, max: Math.min(max, MAX_INSTANCES_PER_LAUNCH) };
}

/** The interface the launch asks for at device 0, with the instance-level members folded in. */
function primaryInterfaceRequest(input: RunInstancesInput): NetworkInterfaceRequest {
  const nics = input.networkInterfaces ?? [];
  if (nics.length === 0) {
    if (input.subnetId !== undefined && (input.securityGroupNames?.length ?? 0) > 0) throw instanceErrors.groupNameWithSubnet();
    return {
      subnetId: input.subnetId,
      groupIds: input.securityGroupIds,
      privateIpAddress: input.privateIpAddress,
      ipv6AddressCount: input.ipv6AddressCount,
      ipv6Addresses: input.ipv6Addresses,
      deleteOnTermination: true,
    };
  }
  if (input.subnetId !== undefined) throw instanceErrors.interfacesAnd('subnet ID');
  if ((input.securityGroupIds?.length ?? 0) > 0 || (input.securityGroupNames?.length ?? 0) > 0) throw instanceErrors.interfacesAnd('security groups');
  if (input.privateIpAddress !== undefined) throw instanceErrors.interfacesAnd('private IP address');
  if (nics.length > 1 || (nics[0]?.deviceIndex ?? 0) !== 0) {
    throw errors.invalidParameterValue('Only one network interface, at DeviceIndex 0, can be given here: secondary interfaces are not supported.');
  }
  const nic = nics[0] as NetworkInterfaceRequest;
  if (nic.deviceIndex === undefined && nic.networkInterfaceId === undefined) throw errors.missingParameter('NetworkInterface.1.DeviceIndex');
  return { ...nic, deleteOnTermination: nic.deleteOnTermination ?? nic.networkInterfaceId === undefined };
}

/**
 * Groups given by id must be of the launch subnet's VPC; one of another VPC of the caller's is
 * refused with AWS's own words for it (unknown ids are left to the interface's check: NotFound).
 */
async function checkGroupsOfSubnetVpc(ctx: RequestContext, subnet: Subnet, groupIds: readonly string[] | undefined): Promise<void> {
  const ids = (groupIds ?? []).filter((id) => isWellFormedId('sg', id));
  if (ids.length === 0) return;
  const vpcOf = new Map((await ctx.repo.securityGroups.list(ctx.caller, { ids })).map((g) => [g.id, g.vpcId]));
  const elsewhere = ids.find((id) => vpcOf.has(id) && vpcOf.get(id) !== subnet.vpcId);
  if (elsewhere !== undefined) throw instanceErrors.groupSubnetDifferentNetworks(elsewhere, subnet.id);
}

/** Security group names (SecurityGroup.N) name groups of the default VPC (a launch with a SubnetId cannot name groups). */
async function groupIdsByName(ctx: RequestContext, vpcId: string, names: readonly string[]): Promise<string[]> {
  const groups = await ctx.repo.securityGroups.list(ctx.caller, { vpcId });
  return names.map((name) => {
    const g = groups.find((x) => x.name === name);
    if (!g) throw errors.groupNotInDefaultVpc(name, vpcId);
    return g.id;
  });
}

/** Metadata options as given over `base` (AWS's defaults where none are kept), with the hop limit checked (1-64, EC2 model). */
export function checkMetadataOptions(given: Partial<InstanceMetadataOptions> | undefined, base?: InstanceMetadataOptions): InstanceMetadataOptions {
  const set = Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined));
  const o = { ...DEFAULT_METADATA_OPTIONS, ...base, ...set } as InstanceMetadataOptions;
  if (!Number.isInteger(o.httpPutResponseHopLimit) || o.httpPutResponseHopLimit < 1 || o.httpPutResponseHopLimit > 64) {
    throw errors.invalidValueFor('HttpPutResponseHopLimit', String(o.httpPutResponseHopLimit), 'It must be between 1 and 64.');
  }
  return o;
}

/** InstanceInitiatedShutdownBehavior: `stop` or `terminate` (RunInstances and ModifyInstanceAttribute). */
export function checkShutdownBehaviour(behaviour: string | undefined): asserts behaviour is 'stop' | 'terminate' | undefined {
  if (behaviour !== undefined && behaviour !== 'stop' && behaviour !== 'terminate') throw errors.invalidValueFor('InstanceInitiatedShutdownBehavior', behaviour);
}

function checkLaunchBasics(input: RunInstancesInput): { imageId: string; instanceType: string } {
  if (input.imageId === undefined || input.imageId === '') throw errors.missingParameter('ImageId');
  if (!isWellFormedId('ami', input.imageId)) throw instanceErrors.amiMalformed(input.imageId);
  const instanceType = input.instanceType ?? DEFAULT_INSTANCE_TYPE;
  if (!isInstanceTypeName(instanceType)) throw instanceErrors.badInstanceType(instanceType);
  checkShutdownBehaviour(input.instanceInitiatedShutdownBehavior);
  if (input.cpuCredits !== undefined && input.cpuCredits !== 'standard' && input.cpuCredits !== 'unlimited') throw errors.invalidValueFor('CpuCredits', input.cpuCredits);
  return { imageId: input.imageId, instanceType };
}

/** The launch a ClientToken names, when one was made with it: the same answer, or a mismatch. */
async function earlierLaunch(ctx: RequestContext, token: string, digest: string): Promise<Launch | undefined> {
  const ids = await idsByToken(ctx, 'i', token);
  if (ids === undefined) return undefined;
  const earlier = (await ctx.repo.instances.list(ctx.caller, { ids })).filter((i) => i.clientToken === token);
  const first = earlier[0];
  if (!first) return undefined;
  if (first.requestDigest !== digest) throw errors.idempotentMismatch(token);
  earlier.sort((x, y) => (x.launchIndex ?? 0) - (y.launchIndex ?? 0));
  return { reservationId: first.reservationId, ownerId: first.accountId, instances: await taggedViews(ctx, earlier), repeated: true };
}

/**
 * RunInstances: up to MaxCount instances (at least MinCount, or none), each with its primary
 * interface (device 0) made in the subnet, or an existing available interface attached. Any
 * well-formed AMI id launches: the image catalogue only lends its architecture when it knows it.
 */
export async function runInstances(ctx: RequestContext, input: RunInstancesInput): Promise<Launch> {
  const { imageId, instanceType } = checkLaunchBasics(input);
  const counts = checkCounts(input.minCount, input.maxCount);
  checkClientToken(input.clientToken);
  const tags = launchTags(input.tagSpecifications);
  const nic = primaryInterfaceRequest(input);
  const digest = JSON.stringify([input, tags]);
  if (input.clientToken !== undefined) {
    const earlier = await earlierLaunch(ctx, input.clientToken, digest);
    if (earlier) return earlier;
  }

  let existing: NetworkInterface | undefined;
  if (nic.networkInterfaceId !== undefined) {
    existing = await requireInterface(ctx, nic.networkInterfaceId, 'NetworkInterface.1.NetworkInterfaceId');
    if (existing.attachment) throw eniErrors.attachedElsewhere(existing.id);
    if (counts.min > 1) throw errors.invalidParameterValue('An existing network interface can be attached to one instance only: MinCount must be 1.');
  }
  const subnet = existing ? await requireSubnet(ctx, existing.subnetId) : await launchSubnet(ctx, nic.subnetId, input.availabilityZone);
  if (!existing) await checkGroupsOfSubnetVpc(ctx, subnet, nic.groupIds);
  const groupIds = input.securityGroupNames && input.securityGroupNames.length > 0
    ? [...(nic.groupIds ?? []), ...(await groupIdsByName(ctx, subnet.vpcId, input.securityGroupNames))]
    : nic.groupIds;
  const count = existing ? 1 : counts.max;
  const wantsPublicIp = nic.associatePublicIpAddress ?? subnet.mapPublicIpOnLaunch;
  const arch = imageCatalogue(ctx.caller.region).find((m) => m.id === imageId)?.architecture ?? 'x86_64';
  await pruneGone(ctx);
  const reservationId = ctx.ids.next('r');
  const taken = await subnetAddressesTaken(ctx, subnet);
  const made: Instance[] = [];
  const madeInterfaces: NetworkInterface[] = [];
  for (let n = 0; n < count; n++) {
    const id = ctx.ids.next('i');
    const attachment = { id: ctx.ids.next('eni-attach'), instanceId: id, instanceOwnerId: ctx.caller.accountId, deviceIndex: 0, deleteOnTermination: nic.deleteOnTermination ?? true, attachedAt: ctx.now };
    let eni: NetworkInterface;
    if (existing) {
      eni = { ...existing, attachment };
    } else {
      try {
        eni = await newInterface(ctx, subnet, { ...nic, groupIds }, taken, attachment);
      } catch (err) {
        // Fewer than MaxCount fit: AWS launches as many as it can, if at least MinCount (RunInstances reference).
        if (n >= counts.min && err instanceof Ec2Error && err.code === 'InsufficientFreeAddressesInSubnet') break;
        throw err;
      }
    }
    await ctx.repo.networkInterfaces.put(eni);
    madeInterfaces.push(eni);
    await addTags(ctx, ctx.caller, eni.id, 'network-interface', tags.eni);
    const publicIp = wantsPublicIp ? await takePublicIp(ctx, id) : undefined;
    const instance: Instance = {
      id,
      accountId: ctx.caller.accountId,
      region: ctx.caller.region,
      reservationId,
      imageId,
      instanceType,
      subnetId: subnet.id,
      vpcId: subnet.vpcId,
      availabilityZone: subnet.availabilityZone,
      primaryNetworkInterfaceId: eni.id,
      lifecycle: { target: 'running', since: ctx.now },
      launchedAt: ctx.now,
      launchIndex: n,
      architecture: arch,
      wantsPublicIp,
      metadataOptions: checkMetadataOptions(input.metadataOptions),
      disableApiTermination: input.disableApiTermination ?? false,
      disableApiStop: input.disableApiStop ?? false,
      instanceInitiatedShutdownBehavior: input.instanceInitiatedShutdownBehavior === 'terminate' ? 'terminate' : 'stop',
      ebsOptimized: input.ebsOptimized ?? false,
      monitoring: input.monitoring ?? false,
      ...(publicIp !== undefined ? { publicIp } : {}),
      ...(input.keyName !== undefined ? { keyName: input.keyName } : {}),
      ...(input.userData !== undefined ? { userData: input.userData } : {}),
      ...(isBurstable(instanceType) ? { cpuCredits: input.cpuCredits ?? (instanceType.startsWith('t2.') ? 'standard' : 'unlimited') } : {}),
      ...(input.cpuOptions ? { cpuOptions: { coreCount: input.cpuOptions.coreCount ?? 1, threadsPerCore: input.cpuOptions.threadsPerCore ?? 2 } } : {}),
      ...(input.clientToken !== undefined ? { clientToken: input.clientToken, requestDigest: digest } : {}),
    };
    await ctx.repo.instances.put(instance);
    await addTags(ctx, ctx.caller, id, 'instance', tags.instance);
    made.push(instance);
  }
  await rememberToken(ctx, 'i', input.clientToken, ...made.map((i) => i.id));
  return { reservationId, ownerId: ctx.caller.accountId, instances: await taggedViews(ctx, made, madeInterfaces), repeated: false };
}

// ---------------------------------------------------------------------------------------------
// Stop, start, reboot, terminate

export interface StateChange {
  readonly instanceId: string;
  readonly previous: InstanceStateName;
  readonly current: InstanceStateName;
}

async function givePublicIpBack(ctx: RequestContext, i: Instance): Promise<Instance> {
  if (i.publicIp === undefined) return i;
  await releasePublicIp(ctx, i.publicIp);
  const { publicIp: _gone, ...rest } = i;
  return rest;
}

/** StopInstances: running ones go to `stopping` (stopped on the next read), stopped ones stay; terminated ones cannot. */
export async function stopInstances(ctx: RequestContext, ids: readonly string[] | undefined): Promise<StateChange[]> {
  const instances = await requireInstances(ctx, ids);
  for (const i of instances) {
    if (instanceState(i) === 'terminated') throw instanceErrors.incorrectState(i.id, 'stopped');
    if (i.disableApiStop === true && instanceState(i) === 'running') throw instanceErrors.stopProtected(i.id);
  }
  const changes: StateChange[] = [];
  for (const i of instances) {
    const previous = instanceState(i);
    if (previous === 'stopped') {
      changes.push({ instanceId: i.id, previous, current: 'stopped' });
      continue;
    }
    // Stopping gives the public IPv4 address back (EC2 user guide, "Public IPv4 addresses").
    const stopped = await givePublicIpBack(ctx, i);
    await ctx.repo.instances.put({ ...stopped, lifecycle: { target: 'stopped', since: ctx.now } });
    changes.push({ instanceId: i.id, previous, current: transitionalState('stopped') });
  }
  return changes;
}

/** StartInstances: stopped ones go to `pending` (running on the next read), running ones stay; terminated ones cannot. */
export async function startInstances(ctx: RequestContext, ids: readonly string[] | undefined): Promise<StateChange[]> {
  const instances = await requireInstances(ctx, ids);
  for (const i of instances) if (instanceState(i) === 'terminated') throw instanceErrors.incorrectState(i.id, 'started');
  const changes: StateChange[] = [];
  for (const i of instances) {
    const previous = instanceState(i);
    if (previous === 'running') {
      changes.push({ instanceId: i.id, previous, current: 'running' });
      continue;
    }
    const publicIp = i.wantsPublicIp === true ? await takePublicIp(ctx, i.id) : undefined;
    await ctx.repo.instances.put({ ...i, lifecycle: { target: 'running', since: ctx.now }, ...(publicIp !== undefined ? { publicIp } : {}) });
    changes.push({ instanceId: i.id, previous, current: transitionalState('running') });
  }
  return changes;
}

export async function rebootInstances(ctx: RequestContext, ids: readonly string[] | undefined): Promise<void> {
  const instances = await requireInstances(ctx, ids);
  for (const i of instances) if (instanceState(i) === 'terminated') throw instanceErrors.incorrectState(i.id, 'rebooted');
}

/**
 * TerminateInstances: `shutting-down` in the answer, `terminated` from the next read for an hour,
 * then gone. The primary interface goes with the instance when its DeleteOnTermination is set
 * (always for one made at launch), or is detached and left available; Elastic IPs on it are
 * disassociated and its public address given back.
 */
export async function terminateInstances(ctx: RequestContext, ids: readonly string[] | undefined): Promise<StateChange[]> {
  const instances = await requireInstances(ctx, ids);
  for (const i of instances) if (i.disableApiTermination === true && instanceState(i) !== 'terminated') throw instanceErrors.terminationProtected(i.id);
  await releaseInstanceInterfaces(ctx, instances.filter((i) => instanceState(i) !== 'terminated'));
  const changes: StateChange[] = [];
  for (const i of instances) {
    const previous = instanceState(i);
    if (previous === 'terminated') {
      changes.push({ instanceId: i.id, previous, current: 'terminated' });
      continue;
    }
    const done = await givePublicIpBack(ctx, i);
    await ctx.repo.instances.put({ ...done, lifecycle: { target: 'terminated', since: ctx.now } });
    changes.push({ instanceId: i.id, previous, current: transitionalState('terminated') });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Status

export interface InstanceStatusRequest extends DescribeRequest {
  readonly includeAllInstances?: boolean;
}

/** DescribeInstanceStatus: running instances (all with IncludeAllInstances), checks passed while running. */
export async function describeInstanceStatus(ctx: RequestContext, req: InstanceStatusRequest): Promise<{ items: Instance[]; nextToken?: string }> {
  const predicate = compileFilters(INSTANCE_STATUS_FILTERS, req.filters);
  checkPageRequest(req, PAGE);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  const found = ids ? await requireInstances(ctx, ids) : visible(ctx, await ctx.repo.instances.list(ctx.caller));
  const shown = found.filter((i) => (req.includeAllInstances === true || instanceState(i) === 'running') && predicate(i));
  shown.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return paginate(shown, req, PAGE);
}

