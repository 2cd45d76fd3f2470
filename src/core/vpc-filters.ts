import type { Tagged } from './describe-scoped.js';
import type { FilterSpec } from './filters/filter-spec.js';
import { taggedTags } from './tag-filter.js';
import type { Vpc } from './vpc.js';

export const VPC_FILTERS: FilterSpec<Tagged<Vpc>> = {
  tags: taggedTags,
  fields: {
    cidr: ({ resource: v }) => v.cidrBlock,
    // The older name of `cidr` that AWS still accepts; Ansible's ec2_vpc_net finds its VPC with it
    // on every run (AWS-BEHAVIOUR.md §4.6).
    'cidr-block': ({ resource: v }) => v.cidrBlock,
    'cidr-block-association.cidr-block': ({ resource: v }) => v.cidrAssociations.map((a) => a.cidr),
    'cidr-block-association.association-id': ({ resource: v }) => v.cidrAssociations.map((a) => a.associationId),
    'cidr-block-association.state': ({ resource: v }) => v.cidrAssociations.map((a) => a.state),
    'dhcp-options-id': ({ resource: v }) => v.dhcpOptionsId,
    'ipv6-cidr-block-association.ipv6-cidr-block': ({ resource: v }) => v.ipv6Associations.map((a) => a.cidr),
    'ipv6-cidr-block-association.ipv6-pool': ({ resource: v }) => v.ipv6Associations.map(() => 'Amazon'),
    'ipv6-cidr-block-association.association-id': ({ resource: v }) => v.ipv6Associations.map((a) => a.associationId),
    'ipv6-cidr-block-association.state': ({ resource: v }) => v.ipv6Associations.map((a) => a.state),
    'is-default': ({ resource: v }) => v.isDefault,
    // The older spelling AWS still accepts; Terraform's aws_vpc data source sends it.
    isDefault: ({ resource: v }) => v.isDefault,
    'owner-id': ({ resource: v }) => v.accountId,
    state: () => 'available',
    'vpc-id': ({ resource: v }) => v.id,
  },
};
