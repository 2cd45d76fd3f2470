import type { DescribeRequest } from '../describe-scoped.js';
import { errors } from '../errors.js';
import { compileFilters } from '../filters/compile-filters.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import { checkPageRequest } from '../paginate.js';

// DescribeNetworkInterfaces' filters (EC2 model). This server runs no instances, endpoints or
// load balancers, so no interface exists: the call validates its input and answers an empty list,
// which is what Terraform needs to know before it deletes a subnet.
const INTERFACE_FILTERS: FilterSpec<never> = {
  fields: Object.fromEntries(
    [
      'association.allocation-id', 'association.association-id', 'addresses.association.owner-id', 'addresses.association.public-ip',
      'addresses.primary', 'addresses.private-ip-address', 'association.ip-owner-id', 'association.public-ip', 'association.public-dns-name',
      'attachment.attach-time', 'attachment.attachment-id', 'attachment.delete-on-termination', 'attachment.device-index',
      'attachment.instance-id', 'attachment.instance-owner-id', 'attachment.status', 'availability-zone', 'availability-zone-id',
      'description', 'group-id', 'ipv6-addresses.ipv6-address', 'interface-type', 'mac-address', 'network-interface-id',
      'operator.managed', 'operator.principal', 'owner-id', 'private-dns-name', 'private-ip-address', 'requester-id',
      'requester-managed', 'source-dest-check', 'status', 'subnet-id', 'vpc-id',
    ].map((name) => [name, () => undefined]),
  ),
  tags: () => [],
};

export function describeNetworkInterfaces(req: DescribeRequest): { items: never[] } {
  compileFilters(INTERFACE_FILTERS, req.filters);
  checkPageRequest(req, { min: 5, max: 1000 });
  const id = req.ids?.[0];
  if (id !== undefined) throw errors.notFoundOther('InvalidNetworkInterfaceID.NotFound', id, 'networkInterface');
  return { items: [] };
}
