import type { FilterInput } from '../filters/compile-filters.js';
import type { PeeringPrefilter } from '../repository.js';

const hasWildcard = (v: string): boolean => /[*?\\]/.test(v);

/** Literal values of a filter, or undefined when any value is a pattern (then it cannot narrow by index). */
function literals(f: FilterInput): string[] | undefined {
  return f.values.some(hasWildcard) ? undefined : [...f.values];
}

/**
 * What the store can narrow by index before the exact filters run: a superset of the answer,
 * never a subset. A pending request past its expiry is still stored as pending-acceptance, so
 * asking for `expired` must also fetch stored pending rows.
 */
export function peeringPrefilter(filters: readonly FilterInput[] | undefined): PeeringPrefilter {
  const out: { -readonly [K in keyof PeeringPrefilter]: PeeringPrefilter[K] } = {};
  for (const f of filters ?? []) {
    const values = literals(f);
    if (f.name.startsWith('tag:')) {
      out.tag = { key: f.name.slice(4), ...(values ? { values } : {}) };
      continue;
    }
    if (!values) continue;
    switch (f.name) {
      case 'status-code':
        out.statuses = [...new Set(values.flatMap((v) => (v === 'expired' ? ['expired', 'pending-acceptance'] : [v])))];
        break;
      case 'requester-vpc-info.vpc-id':
        out.requesterVpcIds = values;
        break;
      case 'accepter-vpc-info.vpc-id':
        out.accepterVpcIds = values;
        break;
      case 'vpc-peering-connection-id':
        out.ids = values;
        break;
      default:
        break;
    }
  }
  return out;
}
