import type { Generated } from 'kysely';
import type { DateString, Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { Outcome } from '../needs/needs.tables.ts';

/** DESIGN 3.8: intake → assessment → plan (supervisor approves) → in service → closing (supervisor approves) → closed. */
export const CASE_STATUSES = ['intake', 'assessment', 'plan_review', 'in_service', 'closing', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the journal holds; every body is encrypted. */
export const CASE_RECORD_KINDS = ['intake', 'assessment', 'plan', 'session', 'closing', 'review', 'handover', 'reopen'] as const;
export type CaseRecordKind = (typeof CASE_RECORD_KINDS)[number];

export interface CasesTable {
  district_id: string;
  id: string;
  ref_no: string;
  organization_id: string;
  street_id: string;
  community_id: string;
  client_resident_id: string;
  household_id: string;
  need_id: string | null;
  worker_id: string;
  supervisor_id: string;
  status: Generated<CaseStatus>;
  reply: string | null;
  outcome: Outcome | null;
  reopened: Generated<number>;
  opened_by: string;
  opened_at: TimestampDefault;
  closed_at: Timestamp | null;
  updated_at: TimestampDefault;
}

export interface CaseRecordsTable {
  district_id: string;
  id: string;
  case_id: string;
  kind: CaseRecordKind;
  body: Buffer;
  held_on: DateString | null;
  minutes: number | null;
  author_user_id: string;
  worker_id: string;
  created_at: TimestampDefault;
}

/** What a referral may carry, each only with the client's (or a guardian's) consent. */
export const SHAREABLE_FIELDS = ['name', 'gender_age', 'phone', 'address', 'presenting_problem', 'assessment_summary'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export interface CaseConsentsTable {
  district_id: string;
  id: string;
  case_id: string;
  given_by: 'client' | 'guardian';
  guardian_name: string | null;
  guardian_relation: string | null;
  fields: ShareableField[];
  recorded_by: string;
  given_on: DateString;
  withdrawn_at: Timestamp | null;
  created_at: TimestampDefault;
}

export interface CaseReferralsTable {
  district_id: string;
  id: string;
  case_id: string;
  to_organization_id: string | null;
  to_department: string | null;
  fields: ShareableField[];
  payload: Buffer;
  reason: Buffer;
  status: Generated<'sent' | 'accepted' | 'declined'>;
  answer: Buffer | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  sent_by: string;
  sent_at: TimestampDefault;
}

export interface CasesTables {
  cases: CasesTable;
  case_records: CaseRecordsTable;
  case_consents: CaseConsentsTable;
  case_referrals: CaseReferralsTable;
}
