import type { PropertyFilterOption, PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { S } from '../../strings';

const STATUSES = ['pending-acceptance', 'active', 'failed', 'rejected', 'expired', 'deleted', 'provisioning', 'deleting', 'initiating-request'] as const;

const sameStatus = (item: unknown, token: unknown): boolean => {
  const t = String(token ?? '').trim().toLowerCase();
  const code = String(item ?? '');
  // Typed either as the code (pending-acceptance) or as the label shown (Pending acceptance).
  return code === t || (S.peeringStatus[code as keyof typeof S.peeringStatus] ?? '').toLowerCase() === t || code.replace(/-/g, ' ') === t;
};

/** Status, VPC (either side), owner, CIDR, region, tag and free text, matched in the browser. */
export const PEERING_FILTER_PROPERTIES: PropertyFilterProperty[] = [
  textProperty('name', S.peering.name, S.filter.values(S.peering.name)),
  textProperty('id', S.peering.id, S.filter.values(S.peering.id)),
  {
    key: 'status',
    propertyLabel: S.peering.status,
    groupValuesLabel: S.filter.values(S.peering.status),
    operators: [
      { operator: '=', match: sameStatus },
      { operator: '!=', match: (item: unknown, token: unknown) => !sameStatus(item, token) },
    ],
    defaultOperator: '=',
  },
  textProperty('vpcIds', S.filter.vpcId, S.filter.values(S.filter.vpcId)),
  textProperty('requesterVpcId', S.peering.requesterVpc, S.filter.values(S.peering.requesterVpc)),
  textProperty('accepterVpcId', S.peering.accepterVpc, S.filter.values(S.peering.accepterVpc)),
  textProperty('owners', S.filter.ownerId, S.filter.values(S.filter.ownerId)),
  { key: 'cidrs', propertyLabel: S.filter.cidr, groupValuesLabel: S.filter.values(S.filter.cidr), operators: LIST_OPERATORS, defaultOperator: ':' },
  textProperty('regions', S.filter.region, S.filter.values(S.filter.region)),
  { key: 'tags', propertyLabel: S.filter.tag, groupValuesLabel: S.filter.values(S.filter.tag), operators: LIST_OPERATORS, defaultOperator: ':' },
];

export function peeringFilterOptions(rows: readonly { name: string; id: string; vpcIds: readonly string[]; owners: readonly string[]; cidrs: readonly string[]; regions: readonly string[]; tags: readonly string[] }[]): PropertyFilterOption[] {
  const options = new Map<string, PropertyFilterOption>();
  const add = (propertyKey: string, value: string, label?: string): void => {
    if (value) options.set(`${propertyKey}\u0000${value}`, { propertyKey, value, label });
  };
  for (const s of STATUSES) add('status', s, S.peeringStatus[s]);
  for (const r of rows) {
    add('name', r.name);
    add('id', r.id);
    r.vpcIds.forEach((v) => add('vpcIds', v));
    r.owners.forEach((v) => add('owners', v));
    r.cidrs.forEach((v) => add('cidrs', v));
    r.regions.forEach((v) => add('regions', v));
    r.tags.forEach((v) => add('tags', v));
  }
  return [...options.values()];
}
