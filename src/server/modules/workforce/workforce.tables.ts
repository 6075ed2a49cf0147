import type { ColumnType, Generated } from 'kysely';
import type { DateString, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { CertificateLevel } from '../../../common/organizations.ts';
import type { AdministrativeCategory, AdminTaskStatus, WorkCategory, WorkOrigin } from '../../../common/worklogs.ts';

export type { CertificateLevel };

export interface SocialWorkersTable {
  district_id: string;
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  id_number_cipher: Buffer | null;
  id_number_hash: Buffer | null;
  id_number_masked: string | null;
  phone_cipher: Buffer | null;
  phone_hash: Buffer | null;
  phone_masked: string | null;
  employer_type: 'organization' | 'community';
  employer_organization_id: string | null;
  employer_community_id: string | null;
  certificate_level: Generated<CertificateLevel>;
  certificate_no: string | null;
  certificate_date: DateString | null;
  pay_grade: string | null;
  community_ids: Generated<string[]>;
  street_ids: Generated<string[]>;
  user_id: string | null;
  /** A colleague of the same employer who supervises this worker (migration 0034). */
  supervisor_id: Generated<string | null>;
  status: Generated<'active' | 'left'>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** A matter of the district's list of what may be assigned to communities (社区工作事项准入清单). */
export interface AdmittedMatter {
  code: string;
  title: string;
}

export interface WorkforceSettingsTable {
  district_id: string;
  admitted_matters: ColumnType<AdmittedMatter[], string | undefined, string>;
  admin_share_target: Generated<number>;
  workers_per_10k_target: ColumnType<string, string | number | undefined, string | number>;
  supervision_ratio_target: Generated<number>;
  ce_hours_assistant: Generated<number>;
  ce_hours_other: Generated<number>;
  updated_at: TimestampDefault;
}

export const SUPERVISION_FORMS = ['individual', 'group'] as const;
export const SUPERVISION_FUNCTIONS = ['administrative', 'educational', 'supportive'] as const;
export type SupervisionFunction = (typeof SUPERVISION_FUNCTIONS)[number];

export interface SupervisionSessionsTable {
  district_id: string;
  id: string;
  supervisor_id: string;
  supervisee_ids: string[];
  form: (typeof SUPERVISION_FORMS)[number];
  functions: SupervisionFunction[];
  held_on: DateString;
  minutes: number;
  notes: Buffer;
  recorded_by: string;
  created_at: TimestampDefault;
}

export interface CeRecordsTable {
  district_id: string;
  id: string;
  social_worker_id: string;
  completed_on: DateString;
  hours: ColumnType<string, string | number, string | number>;
  title: string;
  provider: Generated<string>;
  recorded_by: string;
  created_at: TimestampDefault;
}

export interface AdminTasksTable {
  district_id: string;
  id: string;
  social_worker_id: string;
  street_id: string;
  community_id: string;
  origin: WorkOrigin;
  origin_unit_id: string;
  department: string | null;
  category: AdministrativeCategory;
  title: string;
  expected_minutes: number;
  due_on: DateString | null;
  matter_code: string | null;
  matter_title: string | null;
  status: Generated<AdminTaskStatus>;
  assigned_by: string;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface WorkLogEntriesTable {
  district_id: string;
  id: string;
  social_worker_id: string;
  day: DateString;
  category: WorkCategory;
  minutes: number;
  task_id: string | null;
  origin: WorkOrigin | null;
  origin_unit_id: string | null;
  origin_street_id: string | null;
  department: string | null;
  note: Generated<string>;
  created_at: TimestampDefault;
}

export interface WorkforceTables {
  social_workers: SocialWorkersTable;
  workforce_settings: WorkforceSettingsTable;
  admin_tasks: AdminTasksTable;
  work_log_entries: WorkLogEntriesTable;
  supervision_sessions: SupervisionSessionsTable;
  ce_records: CeRecordsTable;
}
