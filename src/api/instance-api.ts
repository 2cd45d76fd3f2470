import type { Tagged } from '../core/describe-scoped.js';
import type { InstanceMetadataOptions } from '../core/instances/instance.js';
import * as attrs from '../core/instances/instance-attributes.js';
import { attachNetworkInterface, detachNetworkInterface } from '../core/instances/instance-interfaces.js';
import type { InstanceView } from '../core/instances/instance-filters.js';
import { addressAssociations, statusCheck } from '../core/instances/instance-filters.js';
import * as instances from '../core/instances/instance-service.js';
import { eniErrors } from '../core/network-interfaces/network-interface-errors.js';
import { describeInstanceTypes } from '../core/instances/instance-types.js';
import { STATE_CODES, instanceState, stateReason, stateTransitionReason, transitionalState } from '../core/instances/instance-state.js';
import { privateDnsName } from '../core/network-interfaces/network-interface-view.js';
import { INSTANCE_FACTS, metadataOptionsOf } from '../core/instances/instance-facts.js';
import { zoneIdIn } from '../core/regions.js';
import type * as W from '../protocol/index.js';
import { attachmentToWire, groupsToWire, privateAddressesToWire } from './network-interface-api.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

const state = (name: W.InstanceStateName): W.InstanceState => ({ Code: STATE_CODES[name], Name: name });

function metadataToWire(o: InstanceMetadataOptions, applied: boolean): W.InstanceMetadataOptionsResponse {
  return {
    State: applied ? 'applied' : 'pending',
    HttpTokens: o.httpTokens,
    HttpPutResponseHopLimit: o.httpPutResponseHopLimit,
    HttpEndpoint: o.httpEndpoint,
    HttpProtocolIpv6: o.httpProtocolIpv6,
    InstanceMetadataTags: o.instanceMetadataTags,
  };
}

function interfaceToWire(view: NonNullable<InstanceView['eni']>, publicIp: string | undefined, ownerId: string): W.InstanceNetworkInterface {
  const e = view.eni;
  const primary = e.privateIps[0];
  const [first] = addressAssociations(view, publicIp);
  const association = first ? { IpOwnerId: first.ipOwnerId, PublicIp: first.publicIp, PublicDnsName: '' } : undefined;
  const attachment = e.attachment ? attachmentToWire(e.attachment) : undefined;
  return {
    Association: association,
    Attachment: attachment
      ? { AttachTime: attachment.AttachTime, AttachmentId: attachment.AttachmentId, DeleteOnTermination: attachment.DeleteOnTermination, DeviceIndex: attachment.DeviceIndex, Status: 'attached', NetworkCardIndex: 0 }
      : undefined,
    Description: e.description,
    Groups: groupsToWire(view),
    Ipv6Addresses: e.ipv6Addresses.map((ip) => ({ Ipv6Address: ip, IsPrimaryIpv6: false })),
    MacAddress: e.macAddress,
    NetworkInterfaceId: e.id,
    OwnerId: ownerId,
    PrivateDnsName: primary === undefined ? undefined : privateDnsName(primary, e.region),
    PrivateIpAddress: primary,
    PrivateIpAddresses: privateAddressesToWire(view).map((p, i) => ({ ...p, Association: i === 0 ? association : p.Association })),
    SourceDestCheck: e.sourceDestCheck,
    Status: 'in-use',
    SubnetId: e.subnetId,
    VpcId: e.vpcId,
    InterfaceType: 'interface',
    Operator: { Managed: false },
  };
}

/** An instance as DescribeInstances shows it; `shown` overrides the state for the answers of the calls that move it. */
function instanceToWire({ resource: view, tags }: Tagged<InstanceView>, shown?: W.InstanceStateName): W.Instance {
  const i = view.instance;
  const eni = view.eni;
  const primary = eni?.eni.privateIps[0];
  const eip = eni?.associations.find((a) => a.privateIp === primary);
  const publicIp = eip?.publicIp ?? i.publicIp;
  const name = shown ?? instanceState(i);
  const reason = stateReason(i);
  const terminated = instanceState(i) === 'terminated';
  return {
    Architecture: i.architecture ?? 'x86_64',
    BlockDeviceMappings: [],
    ClientToken: i.clientToken ?? '',
    EbsOptimized: i.ebsOptimized ?? false,
    EnaSupport: INSTANCE_FACTS.enaSupport,
    Hypervisor: INSTANCE_FACTS.hypervisor,
    NetworkInterfaces: [...(eni ? [interfaceToWire(eni, i.publicIp, i.accountId)] : []), ...(view.others ?? []).map((o) => interfaceToWire(o, undefined, i.accountId))],
    RootDeviceName: INSTANCE_FACTS.rootDeviceName,
    RootDeviceType: INSTANCE_FACTS.rootDeviceType,
    SecurityGroups: eni ? groupsToWire(eni) : [],
    SourceDestCheck: eni?.eni.sourceDestCheck,
    StateReason: reason && name === instanceState(i) ? { Code: reason.code, Message: reason.message } : undefined,
    Tags: tags.length > 0 ? wire.tags(tags) : undefined,
    VirtualizationType: INSTANCE_FACTS.virtualizationType,
    CpuOptions: { CoreCount: i.cpuOptions?.coreCount ?? 1, ThreadsPerCore: i.cpuOptions?.threadsPerCore ?? 2 },
    CapacityReservationSpecification: { CapacityReservationPreference: INSTANCE_FACTS.capacityReservationPreference },
    HibernationOptions: { Configured: INSTANCE_FACTS.hibernation },
    MetadataOptions: metadataToWire(metadataOptionsOf(i), true),
    EnclaveOptions: { Enabled: INSTANCE_FACTS.enclaves },
    BootMode: INSTANCE_FACTS.bootMode,
    PlatformDetails: INSTANCE_FACTS.platformDetails,
    UsageOperation: INSTANCE_FACTS.usageOperation,
    UsageOperationUpdateTime: new Date(i.launchedAt),
    PrivateDnsNameOptions: { HostnameType: INSTANCE_FACTS.hostnameType, EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    MaintenanceOptions: { AutoRecovery: INSTANCE_FACTS.autoRecovery, RebootMigration: INSTANCE_FACTS.rebootMigration },
    CurrentInstanceBootMode: INSTANCE_FACTS.currentInstanceBootMode,
    NetworkPerformanceOptions: { BandwidthWeighting: INSTANCE_FACTS.bandwidthWeighting },
    Operator: { Managed: false },
    InstanceId: i.id,
    ImageId: i.imageId,
    State: state(name),
    PrivateDnsName: primary === undefined ? '' : privateDnsName(primary, i.region),
    PublicDnsName: '',
    StateTransitionReason: stateTransitionReason(i),
    KeyName: i.keyName,
    AmiLaunchIndex: i.launchIndex ?? 0,
    ProductCodes: [],
    InstanceType: i.instanceType as W.InstanceType,
    LaunchTime: new Date(i.launchedAt),
    Placement: { AvailabilityZone: i.availabilityZone, AvailabilityZoneId: zoneIdIn(i.region, i.availabilityZone), GroupName: '', Tenancy: INSTANCE_FACTS.tenancy },
    Monitoring: { State: i.monitoring === true ? 'enabled' : 'disabled' },
    SubnetId: terminated ? undefined : i.subnetId,
    VpcId: terminated ? undefined : i.vpcId,
    PrivateIpAddress: primary,
    PublicIpAddress: publicIp,
  };
}

/** Instances grouped by reservation, in the order they come. */
function reservations(items: readonly Tagged<InstanceView>[]): W.Reservation[] {
  const by = new Map<string, Tagged<InstanceView>[]>();
  for (const item of items) {
    const key = item.resource.instance.reservationId;
    const group = by.get(key);
    if (group) group.push(item);
    else by.set(key, [item]);
  }
  return [...by.values()].map((group) => {
    const first = group[0]?.resource.instance;
    return { ReservationId: first?.reservationId, OwnerId: first?.accountId, Groups: [], Instances: group.map((g) => instanceToWire(g)) };
  });
}

function changesToWire(changes: readonly instances.StateChange[]): W.InstanceStateChange[] {
  return changes.map((c) => ({ InstanceId: c.instanceId, CurrentState: state(c.current), PreviousState: state(c.previous) }));
}

/** Request members for features not modelled here; each is refused by name when given. */
function unsupportedMembers(input: W.RunInstancesRequest): string[] {
  const given: [string, boolean][] = [
    ['LaunchTemplate', input.LaunchTemplate !== undefined],
    ['InstanceMarketOptions', input.InstanceMarketOptions !== undefined],
    ['ElasticGpuSpecification', (input.ElasticGpuSpecification?.length ?? 0) > 0],
    ['ElasticInferenceAccelerators', (input.ElasticInferenceAccelerators?.length ?? 0) > 0],
    ['LicenseSpecifications', (input.LicenseSpecifications?.length ?? 0) > 0],
    ['SecondaryInterfaces', (input.SecondaryInterfaces?.length ?? 0) > 0],
  ];
  return given.filter(([, present]) => present).map(([name]) => name);
}

function metadataInput(o: W.InstanceMetadataOptionsRequest | W.ModifyInstanceMetadataOptionsRequest | undefined): Partial<InstanceMetadataOptions> | undefined {
  if (!o) return undefined;
  return {
    httpTokens: o.HttpTokens,
    httpPutResponseHopLimit: o.HttpPutResponseHopLimit,
    httpEndpoint: o.HttpEndpoint,
    httpProtocolIpv6: o.HttpProtocolIpv6,
    instanceMetadataTags: o.InstanceMetadataTags,
  } as Partial<InstanceMetadataOptions>;
}

const flag = (v: W.AttributeBooleanValue | undefined): boolean | undefined => v?.Value;

/** Instances: launch, read, stop/start/reboot/terminate, attributes; and the reads Terraform's aws_instance makes. */
export const INSTANCE_OPERATIONS: OperationTable = {
  RunInstances: writes(async (ctx, input) => {
    const unsupported = unsupportedMembers(input)[0];
    if (unsupported !== undefined) throw eniErrors.unsupported(unsupported);
    const launch = await instances.runInstances(ctx, {
      imageId: input.ImageId,
      instanceType: input.InstanceType,
      minCount: input.MinCount,
      maxCount: input.MaxCount,
      subnetId: input.SubnetId,
      availabilityZone: input.Placement?.AvailabilityZone || undefined,
      privateIpAddress: input.PrivateIpAddress,
      securityGroupIds: input.SecurityGroupIds,
      securityGroupNames: input.SecurityGroups,
      networkInterfaces: input.NetworkInterfaces?.map((n) => ({
        deviceIndex: n.DeviceIndex,
        subnetId: n.SubnetId,
        networkInterfaceId: n.NetworkInterfaceId,
        groupIds: n.Groups,
        description: n.Description,
        privateIpAddress: n.PrivateIpAddress,
        privateIpAddresses: n.PrivateIpAddresses?.map((p) => ({ address: p.PrivateIpAddress, primary: p.Primary })),
        secondaryPrivateIpAddressCount: n.SecondaryPrivateIpAddressCount,
        ipv6AddressCount: n.Ipv6AddressCount,
        ipv6Addresses: n.Ipv6Addresses?.map((a) => a.Ipv6Address ?? ''),
        associatePublicIpAddress: n.AssociatePublicIpAddress,
        deleteOnTermination: n.DeleteOnTermination,
      })),
      ipv6AddressCount: input.Ipv6AddressCount,
      ipv6Addresses: input.Ipv6Addresses?.map((a) => a.Ipv6Address ?? ''),
      keyName: input.KeyName,
      userData: input.UserData,
      clientToken: input.ClientToken,
      disableApiTermination: input.DisableApiTermination,
      disableApiStop: input.DisableApiStop,
      instanceInitiatedShutdownBehavior: input.InstanceInitiatedShutdownBehavior,
      ebsOptimized: input.EbsOptimized,
      monitoring: input.Monitoring?.Enabled,
      metadataOptions: metadataInput(input.MetadataOptions),
      cpuCredits: input.CreditSpecification?.CpuCredits,
      cpuOptions: input.CpuOptions ? { coreCount: input.CpuOptions.CoreCount, threadsPerCore: input.CpuOptions.ThreadsPerCore } : undefined,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return {
      ReservationId: launch.reservationId,
      OwnerId: launch.ownerId,
      Groups: [],
      Instances: launch.instances.map((item) => instanceToWire(item, launch.repeated ? undefined : transitionalState('running'))),
    };
  }),
  DescribeInstances: reads(async (ctx, input) => {
    const page = await instances.describeInstances(ctx, { ids: input.InstanceIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { Reservations: reservations(page.items), NextToken: page.nextToken };
  }),
  StopInstances: writes(async (ctx, input) => ({ StoppingInstances: changesToWire(await instances.stopInstances(ctx, input.InstanceIds)) })),
  StartInstances: writes(async (ctx, input) => ({ StartingInstances: changesToWire(await instances.startInstances(ctx, input.InstanceIds)) })),
  TerminateInstances: writes(async (ctx, input) => ({ TerminatingInstances: changesToWire(await instances.terminateInstances(ctx, input.InstanceIds)) })),
  RebootInstances: writes(async (ctx, input) => {
    await instances.rebootInstances(ctx, input.InstanceIds);
    return {};
  }),
  DescribeInstanceStatus: reads(async (ctx, input) => {
    const page = await instances.describeInstanceStatus(ctx, {
      ids: input.InstanceIds,
      filters: wire.filters(input.Filters),
      includeAllInstances: input.IncludeAllInstances,
      ...wire.page(input),
    });
    return {
      InstanceStatuses: page.items.map((i): W.InstanceStatus => {
        const check = statusCheck(i);
        const summary: W.InstanceStatusSummary = { Status: check.status, Details: check.reachability ? [{ Name: 'reachability', Status: check.reachability }] : undefined };
        const ebs: W.EbsStatusSummary = { Status: check.status, Details: check.reachability ? [{ Name: 'reachability', Status: check.reachability }] : undefined };
        return {
          AvailabilityZone: i.availabilityZone,
          AvailabilityZoneId: zoneIdIn(i.region, i.availabilityZone),
          InstanceId: i.id,
          InstanceState: state(instanceState(i)),
          InstanceStatus: summary,
          SystemStatus: summary,
          AttachedEbsStatus: ebs,
          Events: [],
          Operator: { Managed: false },
        };
      }),
      NextToken: page.nextToken,
    };
  }),
  DescribeInstanceAttribute: reads(async (ctx, input) => {
    const { view, attribute } = await attrs.describeInstanceAttribute(ctx, input.InstanceId, input.Attribute);
    const i = view.instance;
    const text = (v: string | undefined): W.AttributeValue => (v === undefined ? {} : { Value: v });
    const out: W.InstanceAttribute = { InstanceId: i.id };
    switch (attribute) {
      case 'instanceType':
        return { ...out, InstanceType: text(i.instanceType) };
      case 'userData':
        return { ...out, UserData: text(i.userData) };
      case 'disableApiTermination':
        return { ...out, DisableApiTermination: { Value: i.disableApiTermination ?? false } };
      case 'disableApiStop':
        return { ...out, DisableApiStop: { Value: i.disableApiStop ?? false } };
      case 'instanceInitiatedShutdownBehavior':
        return { ...out, InstanceInitiatedShutdownBehavior: text(i.instanceInitiatedShutdownBehavior ?? 'stop') };
      case 'rootDeviceName':
        return { ...out, RootDeviceName: text(INSTANCE_FACTS.rootDeviceName) };
      case 'blockDeviceMapping':
        return { ...out, BlockDeviceMappings: [] };
      case 'productCodes':
        return { ...out, ProductCodes: [] };
      case 'sourceDestCheck':
        return { ...out, SourceDestCheck: { Value: view.eni?.eni.sourceDestCheck ?? true } };
      case 'groupSet':
        return { ...out, Groups: view.eni ? groupsToWire(view.eni) : [] };
      case 'ebsOptimized':
        return { ...out, EbsOptimized: { Value: i.ebsOptimized ?? false } };
      case 'enaSupport':
        return { ...out, EnaSupport: { Value: INSTANCE_FACTS.enaSupport } };
      case 'sriovNetSupport':
        return { ...out, SriovNetSupport: {} };
      case 'enclaveOptions':
        return { ...out, EnclaveOptions: { Enabled: INSTANCE_FACTS.enclaves } };
      case 'kernel':
        return { ...out, KernelId: {} };
      case 'ramdisk':
        return { ...out, RamdiskId: {} };
    }
  }),
  ModifyInstanceAttribute: writes(async (ctx, input) => {
    await attrs.modifyInstanceAttribute(ctx, input.InstanceId, {
      sourceDestCheck: flag(input.SourceDestCheck),
      groupIds: input.Groups,
      disableApiTermination: flag(input.DisableApiTermination),
      disableApiStop: flag(input.DisableApiStop),
      instanceType: input.InstanceType?.Value,
      // A blob travels as its base64 text, which is what UserData is kept as (RunInstances sends it so too).
      userData: input.UserData?.Value,
      instanceInitiatedShutdownBehavior: input.InstanceInitiatedShutdownBehavior?.Value,
      ebsOptimized: flag(input.EbsOptimized),
      attribute: input.Attribute,
      value: input.Value,
      unmodelled: wire.present([
        ['kernel', input.Kernel],
        ['ramdisk', input.Ramdisk],
        ['blockDeviceMapping', input.BlockDeviceMappings],
        ['sriovNetSupport', input.SriovNetSupport],
        ['enaSupport', input.EnaSupport],
      ]),
    });
    return {};
  }),
  ModifyInstanceMetadataOptions: writes(async (ctx, input) => {
    const r = await attrs.modifyInstanceMetadataOptions(ctx, input.InstanceId, metadataInput(input) ?? {});
    return { InstanceId: r.instanceId, InstanceMetadataOptions: metadataToWire(r.options, false) };
  }),
  DescribeInstanceCreditSpecifications: reads(async (ctx, input) => {
    const page = await attrs.describeInstanceCreditSpecifications(ctx, input.InstanceIds, wire.page(input));
    return { InstanceCreditSpecifications: page.items.map((c) => ({ InstanceId: c.id, CpuCredits: c.cpuCredits })), NextToken: page.nextToken };
  }),
  DescribeVolumes: reads(async (_ctx, input) => {
    const page = attrs.describeVolumes(input.VolumeIds, wire.page(input));
    return { Volumes: page.items, NextToken: page.nextToken };
  }),
  AttachNetworkInterface: writes(async (ctx, input) => ({
    AttachmentId: await attachNetworkInterface(ctx, {
      networkInterfaceId: input.NetworkInterfaceId,
      instanceId: input.InstanceId,
      deviceIndex: input.DeviceIndex,
      networkCardIndex: input.NetworkCardIndex,
    }),
    NetworkCardIndex: 0,
  })),
  DetachNetworkInterface: writes(async (ctx, input) => {
    await detachNetworkInterface(ctx, input.AttachmentId);
    return {};
  }),
  DescribeKeyPairs: reads(async (_ctx, input) => ({ KeyPairs: attrs.describeKeyPairs(input.KeyNames, input.KeyPairIds) })),
};

/** DescribeInstanceTypes for the types named (a catalogue of every type is not kept). */
export const INSTANCE_TYPE_OPERATIONS: OperationTable = {
  DescribeInstanceTypes: reads(async (_ctx, input) => {
    const page = describeInstanceTypes(input.InstanceTypes, wire.page(input));
    return {
      InstanceTypes: page.items.map((t): W.InstanceTypeInfo => ({
        InstanceType: t.id as W.InstanceType,
        CurrentGeneration: true,
        FreeTierEligible: t.id === 't2.micro' || t.id === 't3.micro',
        SupportedUsageClasses: ['on-demand'],
        SupportedRootDeviceTypes: ['ebs'],
        SupportedVirtualizationTypes: ['hvm'],
        BareMetal: t.id.endsWith('.metal'),
        Hypervisor: 'nitro',
        ProcessorInfo: { SupportedArchitectures: [t.architecture] },
        VCpuInfo: { DefaultVCpus: t.vcpus, DefaultCores: t.cores, DefaultThreadsPerCore: t.threadsPerCore, ValidCores: [t.cores], ValidThreadsPerCore: [t.threadsPerCore] },
        MemoryInfo: { SizeInMiB: t.memoryMiB },
        InstanceStorageSupported: false,
        BurstablePerformanceSupported: t.burstable,
        HibernationSupported: false,
        DedicatedHostsSupported: false,
        AutoRecoverySupported: true,
        SupportedBootModes: ['legacy-bios', 'uefi'],
        SupportedInRegion: true,
      })),
      NextToken: page.nextToken,
    };
  }),
};
