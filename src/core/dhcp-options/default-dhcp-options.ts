import type { RequestContext } from '../request-context.js';
import type { Scope } from '../scope.js';
import type { DhcpOptions } from './dhcp-options.js';

/** What a VPC's DhcpOptionsId reads when it uses no DHCP options (AssociateDhcpOptions `default`). */
export const NO_DHCP_OPTIONS = 'default';

/** us-east-1 alone uses ec2.internal; every other region <region>.compute.internal (CreateDhcpOptions reference). */
export function defaultDomainName(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

/** The meta key remembering a scope's default DHCP options set (its id, or `default` once deleted). */
export function defaultDhcpOptionsKey(scope: Scope): string {
  return `dhcp-options:${scope.accountId}:${scope.region}`;
}

const metaKey = (ctx: RequestContext): string => defaultDhcpOptionsKey(ctx.caller);

/**
 * The default DHCP options set of the caller's account and region, stored as a resource like any
 * other set: made on first need, with the id the meta table already remembers when a store minted
 * one before sets were stored. Returns the id a new VPC gets: the set's, or `default` once the
 * owner has deleted it. [I] AWS lets the default set be deleted; new VPCs then get no options.
 */
export async function ensureDefaultDhcpOptions(ctx: RequestContext): Promise<string> {
  const key = metaKey(ctx);
  const known = await ctx.repo.meta.get(key);
  if (known === NO_DHCP_OPTIONS) return NO_DHCP_OPTIONS;
  if (known !== undefined && (await ctx.repo.dhcpOptions.get(ctx.caller, known))) return known;
  const set: DhcpOptions = {
    id: known ?? ctx.ids.next('dopt'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    configurations: [
      { key: 'domain-name', values: [defaultDomainName(ctx.caller.region)] },
      { key: 'domain-name-servers', values: ['AmazonProvidedDNS'] },
    ],
    createdAt: ctx.now,
  };
  await ctx.repo.dhcpOptions.put(set);
  if (known === undefined) await ctx.repo.meta.set(key, set.id);
  return set.id;
}

/** After the default set is deleted, new VPCs get no options rather than a set made afresh. */
export async function forgetDefaultDhcpOptions(ctx: RequestContext, deletedId: string): Promise<void> {
  if ((await ctx.repo.meta.get(metaKey(ctx))) === deletedId) await ctx.repo.meta.set(metaKey(ctx), NO_DHCP_OPTIONS);
}
