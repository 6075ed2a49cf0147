import type { Generated } from 'kysely';
import type { TimestampDefault } from '../../platform/db/platform.tables.ts';

export interface Open311ClientsTable {
  district_id: string;
  id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface Open311RequestsTable {
  district_id: string;
  need_id: string;
  client_id: string;
  address_string: string | null;
  address_id: string | null;
  located_by_point: boolean;
  media_url: string | null;
  account_id: string | null;
  device_id: string | null;
  contact_cipher: Buffer | null;
  created_at: TimestampDefault;
}

export interface Open311Tables {
  open311_clients: Open311ClientsTable;
  open311_requests: Open311RequestsTable;
}
