import type { Generated } from 'kysely';
import type { DateString, Json, Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';

/** DESIGN 3.6, with `submitted` for a draft handed to its funder (optional: a draft may be approved directly). */
export const PROJECT_STATUSES = [
  'draft', 'submitted', 'approved', 'open', 'reviewing', 'publicity', 'contracted', 'in_delivery', 'midterm', 'final',
  'accepted', 'accepted_with_conditions', 'failed', 'closed', 'terminated', 'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** 政府购买服务 / 公益创投 / 基金会 / 企业 / 其他. */
export const FUNDING_SOURCES = ['government_purchase', 'venture_philanthropy', 'foundation', 'enterprise', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
/** Where an organization's co-funding (配套资金) comes from: any source but government money. */
export const CO_FUNDING_KINDS = ['foundation', 'enterprise', 'other'] as const satisfies readonly FundingSource[];
export type CoFundingKind = (typeof CO_FUNDING_KINDS)[number];

/** How a delivered project ended: the facts behind eligibility and track records. */
export const PROJECT_OUTCOMES = ['accepted', 'accepted_with_conditions', 'failed', 'terminated'] as const;
export type ProjectOutcome = (typeof PROJECT_OUTCOMES)[number];

export const PURCHASER_LEVELS = ['street', 'district'] as const;
export type PurchaserLevel = (typeof PURCHASER_LEVELS)[number];

export interface ProjectsTable {
  district_id: string;
  id: string;
  ref_no: string;
  title: string;
  objectives: Generated<string>;
  target_beneficiaries: number | null;
  budget_fen: number;
  funding_source: FundingSource;
  period_start: DateString | null;
  period_end: DateString | null;
  purchaser_level: PurchaserLevel;
  purchaser_street_id: string | null;
  street_ids: string[];
  community_ids: string[];
  status: Generated<ProjectStatus>;
  created_by: string;
  approved_by: string | null;
  approved_at: Timestamp | null;
  contractor_organization_id: string | null;
  evaluator_user_id: Generated<string | null>;
  outcome: ProjectOutcome | null;
  ended_on: DateString | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ProjectCountersTable {
  district_id: string;
  year: number;
  last_no: number;
}

export interface ProjectCommonNeedsTable {
  district_id: string;
  project_id: string;
  common_need_id: string;
}

export interface ProjectEventsTable {
  district_id: string;
  id: string;
  project_id: string;
  action: string;
  from_status: ProjectStatus | null;
  to_status: ProjectStatus;
  reason: Generated<string>;
  actor_user_id: string | null;
  at: TimestampDefault;
}

export interface ResourceCommitmentsTable {
  district_id: string;
  id: string;
  resource_id: string;
  common_need_id: string | null;
  project_id: string | null;
  terms: string;
  period_start: DateString | null;
  period_end: DateString | null;
  committed_by: string;
  committed_at: TimestampDefault;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
}

export interface ContractsTable {
  district_id: string;
  id: string;
  project_id: string;
  call_id: string;
  application_id: string;
  organization_id: string;
  amount_fen: number;
  term_start: DateString;
  term_end: DateString;
  status: Generated<'draft' | 'signed' | 'terminated'>;
  signed_at: Timestamp | null;
  signed_by: string | null;
  terminated_at: Timestamp | null;
  termination_reason: string | null;
  clawback_fen: number | null;
  co_funding_fen: Generated<number>;
  co_funding_kind: CoFundingKind | null;
  co_funding_source: Generated<string>;
  created_by: string;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ContractTranchesTable {
  district_id: string;
  contract_id: string;
  seq: number;
  amount_fen: number;
  precondition: 'signed' | 'midterm_passed' | 'final_accepted' | 'milestone_reached';
  milestone_id: string | null;
}

export interface ContractPaymentsTable {
  district_id: string;
  id: string;
  contract_id: string;
  seq: number;
  amount_fen: number;
  voucher: Generated<string>;
  paid_by: string;
  paid_at: TimestampDefault;
}

/** What delivery is measured by (DESIGN 3.6): outputs are counts, the outcome a percentage. */
export const MEASURES = ['sessions_held', 'people_served', 'attendances', 'satisfaction_rate'] as const;
export type Measure = (typeof MEASURES)[number];
/** The running counts a milestone can wait for (a rate has no day on which it is "reached"). */
export const COUNT_MEASURES = ['sessions_held', 'people_served', 'attendances'] as const satisfies readonly Measure[];
export type CountMeasure = (typeof COUNT_MEASURES)[number];

export interface ProjectIndicatorsTable {
  district_id: string;
  project_id: string;
  measure: Measure;
  target: number;
}

export interface ProjectMilestonesTable {
  district_id: string;
  id: string;
  project_id: string;
  seq: number;
  title: string;
  due_on: DateString;
  measure: CountMeasure;
  threshold: number;
}

export interface ProjectEvaluatorsTable {
  district_id: string;
  project_id: string;
  user_id: string;
  organization_id: string;
  template: Json;
  bands: Json;
  assigned_by: string;
  assigned_at: TimestampDefault;
}

export const EVALUATION_KINDS = ['midterm', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
/** What the evaluator concludes: a mid-term passes, needs rectification or fails; a final recommends acceptance (with conditions) or failure. */
export const CONCLUSIONS = { midterm: ['passed', 'rectify', 'failed'], final: ['accepted', 'accepted_with_conditions', 'failed'] } as const;
export type Conclusion = (typeof CONCLUSIONS)[EvaluationKind][number];

export interface EvaluationsTable {
  district_id: string;
  id: string;
  project_id: string;
  kind: EvaluationKind;
  evaluator_user_id: string;
  awarded: Json;
  score_halves: number | null;
  grade: 'excellent' | 'good' | 'pass' | 'fail' | null;
  findings: Generated<string>;
  conclusion: Conclusion | null;
  rectification: Generated<string>;
  rectify_by: DateString | null;
  rectified_note: string | null;
  rectified_at: Timestamp | null;
  recheck: 'passed' | 'failed' | null;
  recheck_note: string | null;
  rechecked_at: Timestamp | null;
  submitted_at: Timestamp | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ProgressReportsTable {
  district_id: string;
  id: string;
  project_id: string;
  seq: number;
  period_start: DateString;
  period_end: DateString;
  narrative: string;
  gaps: Json;
  figures: Json;
  submitted_by: string;
  submitted_at: TimestampDefault;
}

/** A photo or document backing a progress report; the bytes are on disk (see projects.report-evidence.ts). */
export interface ProgressReportEvidenceTable {
  district_id: string;
  id: string;
  report_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  created_at: TimestampDefault;
}

export interface ProjectsTables {
  projects: ProjectsTable;
  project_counters: ProjectCountersTable;
  project_common_needs: ProjectCommonNeedsTable;
  project_events: ProjectEventsTable;
  resource_commitments: ResourceCommitmentsTable;
  contracts: ContractsTable;
  contract_tranches: ContractTranchesTable;
  contract_payments: ContractPaymentsTable;
  project_indicators: ProjectIndicatorsTable;
  project_milestones: ProjectMilestonesTable;
  project_evaluators: ProjectEvaluatorsTable;
  evaluations: EvaluationsTable;
  progress_reports: ProgressReportsTable;
  progress_report_evidence: ProgressReportEvidenceTable;
}
