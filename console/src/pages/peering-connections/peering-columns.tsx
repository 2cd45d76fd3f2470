import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import { followLink } from '../../router/follow-link';
import { PeeringStatus } from '../../shared/peering-status';
import { formatDate } from '../../shared/format-date';
import { S } from '../../strings';
import type { PeeringRow } from './peering-row';

const list = (xs: readonly string[]): string => (xs.length > 0 ? xs.join(', ') : '-');

/** The AWS console's peering columns; the accepter's CIDRs stay empty until it accepts, as in AWS. */
export const PEERING_COLUMNS: TableProps.ColumnDefinition<PeeringRow>[] = [
  { id: 'name', width: 150, header: S.peering.name, cell: (r) => r.name || '-', sortingField: 'name' },
  {
    id: 'id',
    width: 215,
    header: S.peering.id,
    cell: (r) => <Link href={`/peering-connections/${r.id}`} onFollow={followLink}>{r.id}</Link>,
    sortingField: 'id',
    isRowHeader: true,
  },
  { id: 'status', width: 195, header: S.peering.status, cell: (r) => <PeeringStatus code={r.status} message={r.statusMessage} />, sortingField: 'status' },
  { id: 'requesterVpcId', width: 205, header: S.peering.requesterVpc, cell: (r) => r.requesterVpcId, sortingField: 'requesterVpcId' },
  { id: 'accepterVpcId', width: 205, header: S.peering.accepterVpc, cell: (r) => r.accepterVpcId, sortingField: 'accepterVpcId' },
  { id: 'requesterCidrs', width: 150, header: S.peering.requesterCidrs, cell: (r) => list(r.requesterCidrs) },
  { id: 'accepterCidrs', width: 150, header: S.peering.accepterCidrs, cell: (r) => list(r.accepterCidrs) },
  {
    id: 'requesterOwner',
    width: 170,
    header: S.peering.requesterOwner,
    // Another account asks to peer with us: flag who, before anyone opens the request.
    cell: (r) => (r.foreignRequest ? <StatusIndicator type="warning">{r.requesterOwner}</StatusIndicator> : r.requesterOwner),
    sortingField: 'requesterOwner',
  },
  { id: 'accepterOwner', width: 170, header: S.peering.accepterOwner, cell: (r) => r.accepterOwner, sortingField: 'accepterOwner' },
  { id: 'requesterRegion', width: 160, header: S.peering.requesterRegion, cell: (r) => r.requesterRegion, sortingField: 'requesterRegion' },
  { id: 'accepterRegion', width: 160, header: S.peering.accepterRegion, cell: (r) => r.accepterRegion, sortingField: 'accepterRegion' },
  { id: 'expiration', width: 210, header: S.peering.expiration, cell: (r) => formatDate(r.expiration || undefined), sortingField: 'expiration' },
];
