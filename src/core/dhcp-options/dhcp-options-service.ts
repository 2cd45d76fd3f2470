import { checkId, requireVpc } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScoped } from '../describe-scoped.js';
import { errors } from '../errors.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import { parseIpv4Address, parseIpv6Address } from '../net/index.js';
import type { RequestContext } from '../request-context.js';
import { taggedTags } from '../tag-filter.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import { forgetDefaultDhcpOptions, NO_DHCP_OPTIONS } from './default-dhcp-options.js';
import type { DhcpConfiguration, DhcpOptions } from './dhcp-options.js';
import { dhcpOptionsErrors } from './dhcp-options-errors.js';

const isIpv4 = (v: string): boolean => parseIpv4Address(v) !== undefined;
const isIpv6 = (v: string): boolean => v.includes(':') && parseIpv6Address(v) !== undefined;
// Labels of letters, digits, hyphens and underscores, dot-separated; a value may hold several
// names separated by spaces (CreateDhcpOptions reference, domain-name).
const DOMAIN = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** Server lists may come as one comma-separated value (CreateDhcpOptions reference) or as several. */
function splitServers(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function single(key: string, values: readonly string[]): string {
  if (values.length > 1) throw dhcpOptionsErrors.tooManyValues(key, values, 1);
  return values[0] as string;
}

/** Each option's rule, from the CreateDhcpOptions API reference. Returns the values to keep. */
const OPTIONS: Readonly<Record<string, (values: readonly string[]) => string[]>> = {
  'domain-name': (values) => {
    const v = single('domain-name', values);
    if (v.length > 255 || !v.split(' ').filter((n) => n !== '').every((n) => DOMAIN.test(n)) || v.trim() === '') {
      throw dhcpOptionsErrors.invalidValue('domain-name', v, 'It must be one domain name, or several separated by spaces.');
    }
    return [v];
  },
  'domain-name-servers': (values) => {
    const servers = splitServers(values);
    // Up to four DNS servers, or AmazonProvidedDNS.
    if (servers.length > 4) throw dhcpOptionsErrors.tooManyValues('domain-name-servers', servers, 4);
    for (const s of servers) {
      if (s !== 'AmazonProvidedDNS' && !isIpv4(s) && !isIpv6(s)) {
        throw dhcpOptionsErrors.invalidValue('domain-name-servers', s, 'Each value must be an IP address or AmazonProvidedDNS.');
      }
    }
    return servers;
  },
  'ntp-servers': (values) => {
    const servers = splitServers(values);
    // Up to eight: four IPv4 addresses and four IPv6 addresses.
    for (const s of servers) {
      if (!isIpv4(s) && !isIpv6(s)) throw dhcpOptionsErrors.invalidValue('ntp-servers', s, 'Each value must be an IPv4 or IPv6 address.');
    }
    if (servers.filter(isIpv4).length > 4 || servers.filter(isIpv6).length > 4) {
      throw dhcpOptionsErrors.invalidValue('ntp-servers', servers.join(','), 'At most four IPv4 addresses and four IPv6 addresses are allowed.');
    }
    return servers;
  },
  'netbios-name-servers': (values) => {
    const servers = splitServers(values);
    if (servers.length > 4) throw dhcpOptionsErrors.tooManyValues('netbios-name-servers', servers, 4);
    for (const s of servers) {
      if (!isIpv4(s)) throw dhcpOptionsErrors.invalidValue('netbios-name-servers', s, 'Each value must be an IPv4 address.');
    }
    return servers;
  },
  'netbios-node-type': (values) => {
    const v = single('netbios-node-type', values);
    if (!['1', '2', '4', '8'].includes(v)) throw dhcpOptionsErrors.invalidValue('netbios-node-type', v, 'Valid values are 1, 2, 4 and 8.');
    return [v];
  },
  'ipv6-address-preferred-lease-time': (values) => {
    const v = single('ipv6-address-preferred-lease-time', values);
    const n = /^[0-9]{1,10}$/.test(v) ? Number(v) : NaN;
    if (!(n >= 140 && n <= 2147483647)) {
      throw dhcpOptionsErrors.invalidValue('ipv6-address-preferred-lease-time', v, 'It must be a number of seconds from 140 to 2147483647.');
    }
    return [String(n)];
  },
};

export interface DhcpConfigurationInput {
  readonly key?: string;
  readonly values?: readonly string[];
}

export interface CreateDhcpOptionsInput {
  readonly configurations?: readonly DhcpConfigurationInput[];
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

function checkConfigurations(inputs: readonly DhcpConfigurationInput[] | undefined): DhcpConfiguration[] {
  if (!inputs || inputs.length === 0) throw errors.missingParameter('dhcpConfiguration');
  const seen = new Set<string>();
  return inputs.map((c, i) => {
    if (c.key === undefined) throw errors.missingParameter(`DhcpConfiguration.${i + 1}.Key`);
    const rule = Object.hasOwn(OPTIONS, c.key) ? OPTIONS[c.key] : undefined;
    if (!rule) throw dhcpOptionsErrors.unknownKey(c.key, Object.keys(OPTIONS));
    if (seen.has(c.key)) throw dhcpOptionsErrors.duplicateKey(c.key);
    seen.add(c.key);
    const values = rule(c.values ?? []);
    if (values.length === 0) throw dhcpOptionsErrors.noValue(c.key);
    return { key: c.key, values };
  });
}

export async function createDhcpOptions(ctx: RequestContext, input: CreateDhcpOptionsInput): Promise<Tagged<DhcpOptions>> {
  const configurations = checkConfigurations(input.configurations);
  const tags = tagsFromSpecifications('dhcp-options', input.tagSpecifications);
  const set: DhcpOptions = { id: ctx.ids.next('dopt'), accountId: ctx.caller.accountId, region: ctx.caller.region, configurations, createdAt: ctx.now };
  await ctx.repo.dhcpOptions.put(set);
  await addTags(ctx, ctx.caller, set.id, 'dhcp-options', tags);
  return { id: set.id, resource: set, tags };
}

async function requireDhcpOptions(ctx: RequestContext, id: string | undefined): Promise<DhcpOptions> {
  const doptId = checkId('dopt', id, 'dhcpOptionsId');
  const set = await ctx.repo.dhcpOptions.get(ctx.caller, doptId);
  if (!set) throw errors.notFound('dopt', doptId);
  return set;
}

/** Points a VPC at a set, or at none with `default` (AssociateDhcpOptions reference). */
export async function associateDhcpOptions(ctx: RequestContext, vpcId: string | undefined, dhcpOptionsId: string | undefined): Promise<void> {
  const vpc = await requireVpc(ctx, vpcId);
  const target = dhcpOptionsId === NO_DHCP_OPTIONS ? NO_DHCP_OPTIONS : (await requireDhcpOptions(ctx, dhcpOptionsId)).id;
  if (vpc.dhcpOptionsId !== target) await ctx.repo.vpcs.put({ ...vpc, dhcpOptionsId: target });
}

/** A set may go once no VPC of its owner's region uses it, the default set included. */
export async function deleteDhcpOptions(ctx: RequestContext, dhcpOptionsId: string | undefined): Promise<void> {
  const set = await requireDhcpOptions(ctx, dhcpOptionsId);
  if ((await ctx.repo.vpcs.list(ctx.caller)).some((v) => v.dhcpOptionsId === set.id)) throw dhcpOptionsErrors.inUse(set.id);
  await ctx.repo.dhcpOptions.remove(set.id);
  await ctx.repo.tags.removeResource(set.id);
  await forgetDefaultDhcpOptions(ctx, set.id);
}

const DHCP_FILTERS: FilterSpec<Tagged<DhcpOptions>> = {
  tags: taggedTags,
  fields: {
    'dhcp-options-id': ({ resource: d }) => d.id,
    key: ({ resource: d }) => d.configurations.map((c) => c.key),
    value: ({ resource: d }) => d.configurations.flatMap((c) => c.values),
    'owner-id': ({ resource: d }) => d.accountId,
  },
};

export function describeDhcpOptions(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<DhcpOptions>[]; nextToken?: string }> {
  return describeScoped(ctx, 'dopt', ctx.repo.dhcpOptions, DHCP_FILTERS, req, { min: 5, max: 1000 });
}
