import { errors } from './errors.js';
import { prefixOf } from './ids.js';
import type { RequestContext } from './request-context.js';
import type { Scope } from './scope.js';
import type { Tag, TaggableType } from './tag.js';

// Tag limits from the EC2 tagging docs: 50 per resource, keys 1-128 and values 0-256 Unicode
// characters, and the `aws:` prefix reserved.
const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;

export const TYPE_OF_PREFIX: Readonly<Record<string, TaggableType>> = {
  vpc: 'vpc',
  subnet: 'subnet',
  rtb: 'route-table',
  pcx: 'vpc-peering-connection',
  igw: 'internet-gateway',
  dopt: 'dhcp-options',
  acl: 'network-acl',
  sg: 'security-group',
  sgr: 'security-group-rule',
  eigw: 'egress-only-internet-gateway',
  eipalloc: 'elastic-ip',
  nat: 'natgateway',
  eni: 'network-interface',
  i: 'instance',
  nip: 'network-insights-path',
  nia: 'network-insights-analysis',
};

export function checkTags(tags: readonly { key?: string; value?: string }[]): Tag[] {
  if (tags.length > MAX_TAGS) throw errors.invalidParameterValue(`The number of tags specified exceeds the limit of ${MAX_TAGS}.`);
  const seen = new Set<string>();
  return tags.map((t) => {
    const key = t.key;
    if (key === undefined) throw errors.missingParameter('Tag.N.Key');
    const value = t.value ?? '';
    if ([...key].length < 1 || [...key].length > MAX_KEY) {
      throw errors.invalidParameterValue(`Tag key must be between 1 and ${MAX_KEY} characters long: '${key}'`);
    }
    if ([...value].length > MAX_VALUE) {
      throw errors.invalidParameterValue(`Tag value must be no longer than ${MAX_VALUE} characters (key '${key}')`);
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw errors.invalidParameterValue(`Tag keys starting with 'aws:' are reserved for internal use`);
    }
    if (seen.has(key)) throw errors.invalidParameterValue(`Duplicate tag key '${key}' specified.`);
    seen.add(key);
    return { key, value };
  });
}

export interface TagSpecificationInput {
  readonly resourceType?: string;
  readonly tags: readonly { key?: string; value?: string }[];
}

/** The tags a create call's TagSpecifications give the new resource of type `type`. */
export function tagsFromSpecifications(type: TaggableType, specs: readonly TagSpecificationInput[] | undefined): Tag[] {
  if (!specs || specs.length === 0) return [];
  const all: { key?: string; value?: string }[] = [];
  for (const spec of specs) {
    if (spec.resourceType !== type) {
      throw errors.invalidParameterValue(
        `'${spec.resourceType ?? ''}' is not a valid taggable resource type for this operation. This operation takes TagSpecification ResourceType '${type}'.`,
      );
    }
    all.push(...spec.tags);
  }
  return checkTags(all);
}

/** Merges new tags into a resource's set within the 50-tag limit. */
export async function addTags(ctx: RequestContext, owner: Scope, resourceId: string, type: TaggableType, tags: readonly Tag[]): Promise<void> {
  if (tags.length === 0) return;
  const existing = (await ctx.repo.tags.forResources(owner, [resourceId])).get(resourceId) ?? [];
  const keys = new Set([...existing.map((t) => t.key), ...tags.map((t) => t.key)]);
  if (keys.size > MAX_TAGS) throw errors.tagLimitExceeded(resourceId);
  await ctx.repo.tags.set(owner, resourceId, type, tags);
}

export function taggableTypeOf(id: string): TaggableType | undefined {
  const prefix = prefixOf(id);
  return prefix ? TYPE_OF_PREFIX[prefix] : undefined;
}
