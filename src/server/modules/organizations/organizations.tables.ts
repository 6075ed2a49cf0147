import type { Generated } from 'kysely';
import type { DateString, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { OrganizationType, Rating } from '../../../common/organizations.ts';
import type { CreditList, CreditRecordKind, InspectionResult, ObjectionOutcome, RemovalKind } from '../../../common/credit.ts';

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
  organization_credit_records: CreditRecordsTable;
  organization_list_entries: ListEntriesTable;
  organization_list_objections: ListObjectionsTable;
}

export interface CreditRecordsTable {
  id: string;
  organization_id: string;
  kind: CreditRecordKind;
  occurred_on: DateString;
  report_year: number | null;
  inspection_result: InspectionResult | null;
  authority: string | null;
  reason: string | null;
  award_name: string | null;
  source: string;
  internal_note: string | null;
  recorded_by: string;
  recorded_at: TimestampDefault;
}

export interface ListEntriesTable {
  id: string;
  organization_id: string;
  list: CreditList;
  entered_on: DateString;
  authority: string;
  reason: string;
  removed_on: DateString | null;
  removal_kind: RemovalKind | null;
  removal_reason: string | null;
  removed_by: string | null;
  recorded_by: string;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ListObjectionsTable {
  id: string;
  entry_id: string;
  grounds: string;
  lodged_by: string;
  lodged_at: TimestampDefault;
  outcome: ObjectionOutcome | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}
