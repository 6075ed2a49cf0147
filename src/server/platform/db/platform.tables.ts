import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a database default. */
export type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns travel as 'YYYY-MM-DD' strings on both drivers. */
export type DateString = string;
export type Json = ColumnType<unknown, string | undefined, string>;

export interface DistrictsTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  city: Generated<string>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface StreetsTable {
  id: string;
  district_id: string;
  code: string;
  name: string;
  name_en: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface CommunitiesTable {
  id: string;
  district_id: string;
  street_id: string;
  code: string;
  name: string;
  name_en: string | null;
  service_center_address: Generated<string>;
  service_phone: Generated<string>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  locale: Generated<'zh-CN' | 'en'>;
  status: Generated<'active' | 'disabled'>;
  resident_district_id: string | null;
  resident_id: string | null;
  created_district_id: string | null;
  password_changed_at: TimestampDefault;
  /** Display preferences, see accounts' `Preferences` schema (migration 0017). */
  preferences: Json;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export type ScopeType = 'platform' | 'district' | 'street' | 'community' | 'grid' | 'organization' | 'household';
export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: ScopeType;
  scope_id: string | null;
  scope_district_id: string | null;
  created_at: TimestampDefault;
}
export interface SessionsTable {
  id: string;
  token_hash: Buffer;
  user_id: string;
  csrf_token: string;
  created_at: TimestampDefault;
  last_seen_at: TimestampDefault;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  user_agent: Generated<string>;
  ip: Generated<string>;
}
export interface LoginFailuresTable {
  claim: string;
  key: string;
  failed_at: TimestampDefault;
}
export interface AuditLogTable {
  district_id: string;
  id: string;
  at: TimestampDefault;
  actor_user_id: string | null;
  actor_name: Generated<string>;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  ip: Generated<string>;
}

export interface PlatformTables {
  districts: DistrictsTable;
  streets: StreetsTable;
  communities: CommunitiesTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
}
