import type { Generated } from 'kysely';
import type { Json, Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { CoFundingKind } from '../projects/index.ts';
import type { CallStatus } from './calls.lifecycle.ts';

export interface CallSettingsTable {
  district_id: string;
  defaults: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: TimestampDefault;
}

export interface CallsTable {
  district_id: string;
  id: string;
  ref_no: string;
  title: string;
  kind: 'government_purchase' | 'venture_philanthropy';
  issuer_level: 'street' | 'district';
  issuer_street_id: string | null;
  description: Generated<string>;
  themes: Generated<string[]>;
  deadline: Timestamp;
  publicity_days: number;
  rules: Json;
  rules_version: number;
  status: Generated<CallStatus>;
  opened_at: Timestamp | null;
  publicized_at: Timestamp | null;
  publicity_ends_at: Timestamp | null;
  award_reason: Generated<string>;
  created_by: string;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface CallCountersTable {
  district_id: string;
  year: number;
  last_no: number;
}

export interface CallProjectsTable {
  district_id: string;
  call_id: string;
  project_id: string;
}

export interface CallPanelTable {
  district_id: string;
  call_id: string;
  user_id: string;
  kind: 'expert' | 'juror';
  added_by: string;
  added_at: TimestampDefault;
}

export interface CallEventsTable {
  district_id: string;
  id: string;
  call_id: string;
  action: string;
  from_status: CallStatus | null;
  to_status: CallStatus;
  reason: Generated<string>;
  actor_user_id: string | null;
  at: TimestampDefault;
}

export interface BudgetLine {
  item: string;
  amountFen: number;
  note?: string;
}

export interface ApplicationsTable {
  district_id: string;
  id: string;
  call_id: string;
  ref_no: string;
  organization_id: string;
  project_id: string | null;
  theme: string | null;
  title: string;
  summary: Generated<string>;
  proposal: Generated<string>;
  budget_lines: Json;
  budget_fen: Generated<number>;
  co_funding_fen: Generated<number>;
  co_funding_source: Generated<string>;
  co_funding_kind: CoFundingKind | null;
  status: Generated<'draft' | 'submitted' | 'withdrawn'>;
  eligibility: Json | null;
  submitted_at: Timestamp | null;
  created_by: string;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ApplicationTeamTable {
  district_id: string;
  application_id: string;
  social_worker_id: string;
  role: 'lead' | 'member';
}

export interface ApplicationReviewsTable {
  district_id: string;
  call_id: string;
  application_id: string;
  reviewer_user_id: string;
  conflict: boolean;
  conflict_note: Generated<string>;
  declared_at: TimestampDefault;
  /** Tenths of a point per criterion id. */
  scores: Json | null;
  comment: Generated<string>;
  submitted_at: Timestamp | null;
  updated_at: TimestampDefault;
}

export interface CallAwardsTable {
  district_id: string;
  call_id: string;
  application_id: string;
  project_id: string | null;
  organization_id: string;
  amount_fen: number;
  rank: number;
  revoked_at: Timestamp | null;
  revoked_reason: Generated<string>;
}

export interface CallObjectionsTable {
  district_id: string;
  id: string;
  call_id: string;
  application_id: string | null;
  body: string;
  lodged_by: string;
  lodged_at: TimestampDefault;
  answer: string | null;
  upheld: boolean | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface CallsTables {
  call_settings: CallSettingsTable;
  calls: CallsTable;
  call_counters: CallCountersTable;
  call_projects: CallProjectsTable;
  call_panel: CallPanelTable;
  call_events: CallEventsTable;
  applications: ApplicationsTable;
  application_team: ApplicationTeamTable;
  application_reviews: ApplicationReviewsTable;
  call_awards: CallAwardsTable;
  call_objections: CallObjectionsTable;
}
