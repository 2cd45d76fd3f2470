import type { Generated } from 'kysely';

/** Kysely's view of the tables. Documents are the domain objects as JSON; the columns beside them exist to be queried. */
export interface ResourceTable {
  kind: string;
  id: string;
  account_id: string;
  region: string;
  vpc_id: string | null;
  doc: string;
}

export interface PeeringTable {
  id: string;
  requester_account: string;
  requester_region: string;
  requester_vpc: string;
  accepter_account: string;
  accepter_region: string;
  accepter_vpc: string;
  status: string;
  status_changed_at: number;
  expires_at: number;
  doc: string;
}

export interface TagTable {
  resource_id: string;
  account_id: string;
  region: string;
  key: string;
  value: string;
  resource_type: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** The audit trail: appended to, never updated or deleted (no code path does either). */
export interface AuditEventTable {
  seq: Generated<number>;
  time: number;
  account_id: string;
  region: string;
  access_key_id: string | null;
  action: string;
  /** JSON array of ids. */
  resource_ids: string;
  code: string;
  status: number;
  request_id: string;
}

export interface Database {
  resources: ResourceTable;
  peerings: PeeringTable;
  tags: TagTable;
  meta: MetaTable;
  audit_events: AuditEventTable;
}
