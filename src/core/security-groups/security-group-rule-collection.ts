import type { Repository, ScopedCollection, ScopedResource } from '../repository.js';

/** A rule seen as a resource of its own (for tags): it lives inside its group's document. */
export interface SecurityGroupRuleResource extends ScopedResource {
  readonly groupId: string;
}

/**
 * Rules as a read-only collection, so code that works on any kind by id prefix (CreateTags,
 * DeleteTags) finds `sgr-` ids. Rules are written only through their group.
 */
export function securityGroupRuleCollection(repo: Repository): ScopedCollection<SecurityGroupRuleResource> {
  const all = async (scope: Parameters<ScopedCollection<SecurityGroupRuleResource>['list']>[0]): Promise<SecurityGroupRuleResource[]> =>
    (await repo.securityGroups.list(scope)).flatMap((g) => g.rules.map((r) => ({ id: r.id, accountId: g.accountId, region: g.region, groupId: g.id })));
  return {
    async get(scope, id) {
      return (await all(scope)).find((r) => r.id === id);
    },
    async list(scope, query) {
      const ids = query?.ids ? new Set(query.ids) : undefined;
      return (await all(scope)).filter((r) => !ids || ids.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    put() {
      return Promise.reject(new Error('security group rules are stored with their group'));
    },
    remove() {
      return Promise.reject(new Error('security group rules are removed through their group'));
    },
  };
}
