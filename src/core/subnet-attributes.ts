import { requireSubnet } from './checks.js';
import { errors } from './errors.js';
import { onlyOneAttribute } from './one-attribute.js';
import type { RequestContext } from './request-context.js';
import type { HostnameType, Subnet } from './subnet.js';
import { subnetErrors } from './subnet-errors.js';

/** ModifySubnetAttribute's parameters, each as the request gave it (absent when not given). */
export interface SubnetAttributeChanges {
  readonly mapPublicIpOnLaunch?: boolean | null;
  readonly assignIpv6AddressOnCreation?: boolean | null;
  readonly enableDns64?: boolean | null;
  readonly privateDnsHostnameTypeOnLaunch?: HostnameType;
  readonly enableResourceNameDnsARecordOnLaunch?: boolean | null;
  readonly enableResourceNameDnsAAAARecordOnLaunch?: boolean | null;
  readonly mapCustomerOwnedIpOnLaunch?: boolean | null;
  readonly customerOwnedIpv4Pool?: string;
  readonly enableLniAtDeviceIndex?: number;
  readonly disableLniAtDeviceIndex?: boolean | null;
}

type Attribute = keyof SubnetAttributeChanges;

// In the order the error lists them; CustomerOwnedIpv4Pool goes with MapCustomerOwnedIpOnLaunch
// ("These two parameters act as a single attribute", ModifySubnetAttribute reference).
const ATTRIBUTES: readonly Attribute[] = [
  'mapPublicIpOnLaunch',
  'assignIpv6AddressOnCreation',
  'enableDns64',
  'privateDnsHostnameTypeOnLaunch',
  'enableResourceNameDnsARecordOnLaunch',
  'enableResourceNameDnsAAAARecordOnLaunch',
  'mapCustomerOwnedIpOnLaunch',
  'enableLniAtDeviceIndex',
  'disableLniAtDeviceIndex',
];

/** A boolean attribute given as `Name.Value=...`: `null` stands for the structure without a Value. */
function flag(name: string, value: boolean | null): boolean {
  if (value === null) throw errors.missingParameter(`${name}.Value`);
  return value;
}

function givenAttributes(changes: SubnetAttributeChanges): Attribute[] {
  const given = ATTRIBUTES.filter((a) => changes[a] !== undefined);
  if (changes.customerOwnedIpv4Pool !== undefined && !given.includes('mapCustomerOwnedIpOnLaunch')) given.push('customerOwnedIpv4Pool');
  return given;
}

/**
 * ModifySubnetAttribute: one attribute per call, as AWS requires (CustomerOwnedIpv4Pool with
 * MapCustomerOwnedIpOnLaunch counts as one). The IPv6 attributes need the subnet's IPv6 block.
 */
export async function modifySubnetAttribute(ctx: RequestContext, subnetId: string | undefined, changes: SubnetAttributeChanges): Promise<void> {
  const subnet = await requireSubnet(ctx, subnetId);
  // [I] As ModifyVpcAttribute: nothing to change is a missing parameter; several, the observed
  // `Fields for multiple attribute types specified: ...` (cluster-api-provider-aws#783).
  const attribute = onlyOneAttribute(givenAttributes(changes), () => errors.missingParameter(ATTRIBUTES.join(', ')));
  const next = applyOne(subnet, attribute, changes);
  await ctx.repo.subnets.put(next);
}

function applyOne(subnet: Subnet, attribute: Attribute, c: SubnetAttributeChanges): Subnet {
  const hasIpv6 = subnet.ipv6Associations.length > 0;
  const needingIpv6 = (value: boolean, wireName: string): boolean => {
    if (value && !hasIpv6) throw subnetErrors.needsIpv6(wireName, subnet.id);
    return value;
  };
  switch (attribute) {
    case 'mapPublicIpOnLaunch':
      return { ...subnet, mapPublicIpOnLaunch: flag('MapPublicIpOnLaunch', c.mapPublicIpOnLaunch ?? null) };
    case 'assignIpv6AddressOnCreation':
      return { ...subnet, assignIpv6AddressOnCreation: needingIpv6(flag('AssignIpv6AddressOnCreation', c.assignIpv6AddressOnCreation ?? null), 'assign-ipv6-address-on-creation') };
    case 'enableDns64':
      return { ...subnet, enableDns64: needingIpv6(flag('EnableDns64', c.enableDns64 ?? null), 'enable-dns64') };
    case 'privateDnsHostnameTypeOnLaunch':
      // The protocol layer has already refused anything but ip-name and resource-name.
      return { ...subnet, privateDnsHostnameType: c.privateDnsHostnameTypeOnLaunch as HostnameType };
    case 'enableResourceNameDnsARecordOnLaunch':
      return { ...subnet, enableResourceNameDnsARecord: flag('EnableResourceNameDnsARecordOnLaunch', c.enableResourceNameDnsARecordOnLaunch ?? null) };
    case 'enableResourceNameDnsAAAARecordOnLaunch':
      return {
        ...subnet,
        enableResourceNameDnsAAAARecord: needingIpv6(flag('EnableResourceNameDnsAAAARecordOnLaunch', c.enableResourceNameDnsAAAARecordOnLaunch ?? null), 'enable-resource-name-dns-aaaa-record-on-launch'),
      };
    case 'mapCustomerOwnedIpOnLaunch':
    case 'customerOwnedIpv4Pool':
      throw subnetErrors.notOnOutpost(attribute === 'customerOwnedIpv4Pool' ? 'CustomerOwnedIpv4Pool' : 'MapCustomerOwnedIpOnLaunch', subnet.id);
    case 'enableLniAtDeviceIndex':
      throw subnetErrors.notOnOutpost('EnableLniAtDeviceIndex', subnet.id);
    case 'disableLniAtDeviceIndex':
      throw subnetErrors.notOnOutpost('DisableLniAtDeviceIndex', subnet.id);
  }
}
