import type { ResourceType, TagSpecification } from '@aws-sdk/client-ec2';

/** The TagSpecifications a create form sends for its optional "Name" field (none when empty). */
export function nameTagSpecs(resourceType: ResourceType, name: string): TagSpecification[] | undefined {
  const value = name.trim();
  return value ? [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: value }] }] : undefined;
}
