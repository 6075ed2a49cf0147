import type { Generated } from 'kysely';
import type { DateString, Json, TimestampDefault } from '../../platform/db/platform.tables.ts';

export const RESOURCE_KINDS = ['venue', 'fund', 'enterprise', 'volunteer_team', 'goods', 'professional_service'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const OWNER_TYPES = ['community', 'organization', 'other'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];
export const RESOURCE_STATUSES = ['active', 'archived'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** A weekly opening window in Asia/Shanghai local time; Monday is 1. */
export interface WeeklyWindow {
  weekday: number;
  from: string;
  to: string;
}

export interface ResourcesTable {
  district_id: string;
  id: string;
  kind: ResourceKind;
  name: string;
  description: Generated<string>;
  owner_type: OwnerType;
  owner_community_id: string | null;
  owner_organization_id: string | null;
  owner_name: Generated<string>;
  street_id: string | null;
  community_id: string | null;
  categories: Generated<string[]>;
  weekly_windows: Json;
  available_from: DateString | null;
  available_until: DateString | null;
  capacity: number | null;
  constraints: Generated<string>;
  contact_name: Generated<string>;
  contact_phone_cipher: Buffer | null;
  contact_phone_hash: Buffer | null;
  contact_phone_masked: string | null;
  status: Generated<ResourceStatus>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ResourcesTables {
  resources: ResourcesTable;
}
