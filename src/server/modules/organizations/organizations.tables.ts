import type { Generated } from 'kysely';
import type { DateString, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { OrganizationType, Rating } from '../../../common/organizations.ts';

export type { OrganizationType, Rating };

export interface OrganizationsTable {
  id: string;
  name: string;
  uscc: string;
  type: OrganizationType;
  registration_date: DateString;
  registration_authority: string;
  registration_district_id: string | null;
  rating: Rating | null;
  rated_on: DateString | null;
  rating_valid_until: DateString | null;
  service_fields: Generated<string[]>;
  service_community_ids: Generated<string[]>;
  service_street_ids: Generated<string[]>;
  address: Generated<string>;
  contact_name: Generated<string>;
  contact_phone_cipher: Buffer | null;
  contact_phone_hash: Buffer | null;
  contact_phone_masked: string | null;
  status: Generated<'active' | 'deregistered'>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface OrganizationsTables {
  organizations: OrganizationsTable;
}
