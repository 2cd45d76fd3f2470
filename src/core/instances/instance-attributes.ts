import { errors } from '../errors.js';
import { isWellFormedId } from '../ids.js';
import { onlyOneAttribute } from '../one-attribute.js';
import { interfaceViews, resolveGroups } from '../network-interfaces/network-interface-service.js';
import type { PageRequest } from '../paginate.js';
import { checkPageRequest, paginate } from '../paginate.js';
import type { RequestContext } from '../request-context.js';
import type { Instance, InstanceMetadataOptions } from './instance.js';
import { instanceErrors } from './instance-errors.js';
import type { InstanceView } from './instance-filters.js';
import { instanceState } from './instance-state.js';
import { checkMetadataOptions, checkShutdownBehaviour, requireInstance, requireInstances } from './instance-service.js';
import { isBurstable, isInstanceTypeName } from './instance-types.js';

/** DescribeInstanceAttribute's attribute names (InstanceAttributeName in the EC2 model). */
const INSTANCE_ATTRIBUTES = [
  'instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior', 'rootDeviceName',
  'blockDeviceMapping', 'productCodes', 'sourceDestCheck', 'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'enclaveOptions',
  'disableApiStop',
] as const;
export type InstanceAttributeName = (typeof INSTANCE_ATTRIBUTES)[number];

export async function describeInstanceAttribute(
  ctx: RequestContext,
  id: string | undefined,
  attribute: string | undefined,
): Promise<{ view: InstanceView; attribute: InstanceAttributeName }> {
  if (attribute === undefined || attribute === '') throw errors.missingParameter('Attribute');
  if (!(INSTANCE_ATTRIBUTES as readonly string[]).includes(attribute)) throw errors.invalidValueFor('attribute', attribute);
  const instance = await requireInstance(ctx, id);
  // Only the primary interface's groups and source/dest check are shown: read it by id, not every interface and address.
  const primary = instanceState(instance) === 'terminated' ? undefined : await ctx.repo.networkInterfaces.get(ctx.caller, instance.primaryNetworkInterfaceId);
  const [eni] = primary?.attachment?.instanceId === instance.id ? await interfaceViews(ctx, [primary], false) : [];
  return { view: { instance, ...(eni ? { eni } : {}) }, attribute: attribute as InstanceAttributeName };
}

export interface ModifyInstanceInput {
  readonly sourceDestCheck?: boolean;
  readonly groupIds?: readonly string[];
  readonly disableApiTermination?: boolean;
  readonly disableApiStop?: boolean;
  readonly instanceType?: string;
  readonly userData?: string;
  readonly instanceInitiatedShutdownBehavior?: string;
  readonly ebsOptimized?: boolean;
  /** The `Attribute` + `Value` form. */
  readonly attribute?: string;
  readonly value?: string;
  /** Attributes given that this server keeps nothing for (kernel, ramdisk, ENA, SR-IOV, block devices): they count as attributes, and change nothing. */
  readonly unmodelled?: readonly string[];
}

/** The attributes a call names, by AWS's names (InstanceAttributeName), to hold it to one. */
function namedAttributes(input: ModifyInstanceInput): string[] {
  const members: [InstanceAttributeName, unknown][] = [
    ['sourceDestCheck', input.sourceDestCheck],
    ['groupSet', (input.groupIds?.length ?? 0) > 0 ? input.groupIds : undefined],
    ['disableApiTermination', input.disableApiTermination],
    ['disableApiStop', input.disableApiStop],
    ['instanceType', input.instanceType],
    ['userData', input.userData],
    ['instanceInitiatedShutdownBehavior', input.instanceInitiatedShutdownBehavior],
    ['ebsOptimized', input.ebsOptimized],
  ];
  return [...members.filter(([, v]) => v !== undefined).map(([name]) => name), ...(input.attribute !== undefined ? [input.attribute] : []), ...(input.unmodelled ?? [])];
}

const bool = (v: string): boolean => {
  if (v !== 'true' && v !== 'false') throw errors.invalidValueFor('value', v);
  return v === 'true';
};

/** Folds the Attribute/Value form into the named members. */
function normalise(input: ModifyInstanceInput): ModifyInstanceInput {
  if (input.attribute === undefined) return input;
  const v = input.value;
  if (v === undefined) throw errors.missingParameter('Value');
  switch (input.attribute) {
    case 'instanceType':
      return { ...input, instanceType: v };
    case 'userData':
      return { ...input, userData: v };
    case 'disableApiTermination':
      return { ...input, disableApiTermination: bool(v) };
    case 'disableApiStop':
      return { ...input, disableApiStop: bool(v) };
    case 'sourceDestCheck':
      return { ...input, sourceDestCheck: bool(v) };
    case 'instanceInitiatedShutdownBehavior':
      return { ...input, instanceInitiatedShutdownBehavior: v };
    case 'ebsOptimized':
      return { ...input, ebsOptimized: bool(v) };
    default:
      throw errors.invalidValueFor('attribute', input.attribute);
  }
}

/**
 * ModifyInstanceAttribute: one attribute per call ("You can specify only one attribute at a
 * time", API reference; `onlyOneAttribute` has AWS's answers for none and several). Source/dest
 * check and groups live on the primary interface (EC2 API reference: they apply to it); instance
 * type, user data and EBS optimisation change only while the instance is stopped.
 */
export async function modifyInstanceAttribute(ctx: RequestContext, id: string | undefined, raw: ModifyInstanceInput): Promise<void> {
  onlyOneAttribute(namedAttributes(raw));
  const input = normalise(raw);
  const instance = await requireInstance(ctx, id);
  const state = instanceState(instance);
  if (state === 'terminated') throw errors.notFound('i', instance.id);
  const needsStopped = input.instanceType !== undefined || input.userData !== undefined || input.ebsOptimized !== undefined;
  if (needsStopped && state !== 'stopped') throw instanceErrors.notStopped(instance.id);
  if (input.instanceType !== undefined && !isInstanceTypeName(input.instanceType)) throw instanceErrors.badInstanceType(input.instanceType);
  const behaviour = input.instanceInitiatedShutdownBehavior;
  checkShutdownBehaviour(behaviour);
  if (input.sourceDestCheck !== undefined || input.groupIds !== undefined) {
    const eni = await ctx.repo.networkInterfaces.get(ctx.caller, instance.primaryNetworkInterfaceId);
    if (eni) {
      const groupIds = input.groupIds === undefined || input.groupIds.length === 0 ? eni.groupIds : await resolveGroups(ctx, eni.vpcId, input.groupIds);
      await ctx.repo.networkInterfaces.put({ ...eni, groupIds, sourceDestCheck: input.sourceDestCheck ?? eni.sourceDestCheck });
    }
  }
  const next: Instance = {
    ...instance,
    ...(input.instanceType !== undefined ? { instanceType: input.instanceType } : {}),
    ...(input.userData !== undefined ? { userData: input.userData } : {}),
    ...(input.disableApiTermination !== undefined ? { disableApiTermination: input.disableApiTermination } : {}),
    ...(input.disableApiStop !== undefined ? { disableApiStop: input.disableApiStop } : {}),
    ...(input.ebsOptimized !== undefined ? { ebsOptimized: input.ebsOptimized } : {}),
    ...(behaviour !== undefined ? { instanceInitiatedShutdownBehavior: behaviour } : {}),
  };
  await ctx.repo.instances.put(next);
}

/** ModifyInstanceMetadataOptions: the options as they will be; the answer says `pending`, reads `applied`. */
export async function modifyInstanceMetadataOptions(ctx: RequestContext, id: string | undefined, given: Partial<InstanceMetadataOptions>): Promise<{ instanceId: string; options: InstanceMetadataOptions }> {
  const instance = await requireInstance(ctx, id);
  if (instanceState(instance) === 'terminated') throw errors.notFound('i', instance.id);
  const options = checkMetadataOptions(given, instance.metadataOptions);
  await ctx.repo.instances.put({ ...instance, metadataOptions: options });
  return { instanceId: instance.id, options };
}

/** DescribeInstanceCreditSpecifications: burstable (T) instances' CPU credit option; others have none. */
export async function describeInstanceCreditSpecifications(ctx: RequestContext, ids: readonly string[] | undefined, page: PageRequest): Promise<{ items: { id: string; cpuCredits: string }[]; nextToken?: string }> {
  const bounds = { min: 5, max: 1000 };
  checkPageRequest(page, bounds);
  const instances = ids && ids.length > 0 ? await requireInstances(ctx, ids) : await ctx.repo.instances.list(ctx.caller);
  const items = instances
    .filter((i) => isBurstable(i.instanceType) && instanceState(i) !== 'terminated')
    .map((i) => ({ id: i.id, cpuCredits: i.cpuCredits ?? 'standard' }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  return paginate(items, page, bounds);
}

/**
 * DescribeVolumes: instances here are launched without EBS volumes (their block device mapping
 * is empty), so there is never a volume to describe; ids given are not found.
 */
export function describeVolumes(ids: readonly string[] | undefined, page: PageRequest): { items: never[]; nextToken?: string } {
  checkPageRequest(page, { min: 5, max: 500 });
  for (const id of ids ?? []) {
    if (!isWellFormedId('vol', id)) throw errors.invalidParameterValue(`Invalid id: "${id}"`);
    throw instanceErrors.volumeNotFound(id);
  }
  return { items: [] };
}

/** DescribeKeyPairs: no key pairs are kept here (KeyName at launch is recorded as given); named ones are not found. */
export function describeKeyPairs(names: readonly string[] | undefined, ids: readonly string[] | undefined): never[] {
  const name = names?.[0];
  if (name !== undefined) throw instanceErrors.keyPairNotFound(name);
  const id = ids?.[0];
  if (id !== undefined) throw instanceErrors.keyPairIdNotFound(id);
  return [];
}
