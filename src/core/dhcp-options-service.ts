import { withTags } from './describe-scoped.js';
import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { requireAll } from './checks.js';
import { compileFilters } from './filters/compile-filters.js';
import type { FilterSpec } from './filters/filter-spec.js';
import { paginate } from './paginate.js';
import type { RequestContext } from './request-context.js';
import { taggedTags } from './tag-filter.js';
import { defaultDhcpOptionsId } from './vpc-service.js';

/** The default DHCP options set of an account and region (VPC user guide, "DHCP option sets"). */
export interface DhcpOptionsView {
  readonly id: string;
  readonly accountId: string;
  readonly configurations: readonly { readonly key: string; readonly values: readonly string[] }[];
}

const DHCP_FILTERS: FilterSpec<Tagged<DhcpOptionsView>> = {
  tags: taggedTags,
  fields: {
    'dhcp-options-id': ({ resource: d }) => d.id,
    key: ({ resource: d }) => d.configurations.map((c) => c.key),
    value: ({ resource: d }) => d.configurations.flatMap((c) => c.values),
    'owner-id': ({ resource: d }) => d.accountId,
  },
};

export async function describeDhcpOptions(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<DhcpOptionsView>[]; nextToken?: string }> {
  const predicate = compileFilters(DHCP_FILTERS, req.filters);
  const region = ctx.caller.region;
  const view: DhcpOptionsView = {
    id: await defaultDhcpOptionsId(ctx),
    accountId: ctx.caller.accountId,
    configurations: [
      // us-east-1 alone uses ec2.internal; every other region <region>.compute.internal.
      { key: 'domain-name', values: [region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`] },
      { key: 'domain-name-servers', values: ['AmazonProvidedDNS'] },
    ],
  };
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  requireAll('dopt', ids, [view]);
  const all = ids && !ids.includes(view.id) ? [] : [view];
  return paginate((await withTags(ctx, all)).filter(predicate), req, { min: 5, max: 1000 });
}
