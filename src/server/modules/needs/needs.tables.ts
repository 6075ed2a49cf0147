import type { Generated } from 'kysely';
import type { DateString, Json, Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { NeedState } from './needs.lifecycle.ts';

export type Urgency = 'urgent' | 'normal' | 'difficult';
export type NeedSource = 'visit' | 'resident' | 'staff' | 'council' | 'open311';
export type Outcome = 'fully' | 'partly' | 'closed_unresolved';
export type DefaultRoute = 'community' | 'refer' | 'project_pool';

export interface CalendarDaysTable {
  date: DateString;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
}
export interface NeedCategoriesTable {
  district_id: string;
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  name_en: string | null;
  limits: Json;
  default_route: Generated<DefaultRoute>;
  open311_code: string | null;
  active: Generated<boolean>;
  sort: Generated<number>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface NeedSettingsTable {
  district_id: string;
  auto_confirm_days: Generated<number>;
  updated_at: TimestampDefault;
}
export interface NeedsTable {
  district_id: string;
  id: string;
  ref_no: string;
  source: NeedSource;
  intake_channel: 'phone' | 'walk_in' | null;
  recorded_by_user_id: string | null;
  reporter_user_id: string | null;
  reporter_resident_id: string | null;
  category_id: string;
  description: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  household_id: string | null;
  building_id: string | null;
  lng: number | null;
  lat: number | null;
  beneficiaries: Generated<number>;
  urgency: Urgency;
  state: Generated<NeedState>;
  handler_user_id: string | null;
  referral_org_id: string | null;
  referral_department: string | null;
  referral_answer: string | null;
  waiting_until: DateString | null;
  waiting_reason: string | null;
  outcome: Outcome | null;
  outcome_note: string | null;
  rating: number | null;
  rating_comment: string | null;
  auto_confirmed: Generated<boolean>;
  merged_into_id: string | null;
  /** The need this one was split off (migration 0009). */
  split_from_id: string | null;
  /** The common need the need was pooled into (migration 0008). */
  common_need_id: string | null;
  /** The visit the need was found on (added by the visits migration). */
  visit_id: string | null;
  triage_due_at: Timestamp;
  resolve_due_at: Timestamp;
  escalation_level: Generated<number>;
  escalated_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface NeedEventsTable {
  district_id: string;
  id: string;
  need_id: string;
  at: TimestampDefault;
  actor_user_id: string | null;
  actor_name: Generated<string>;
  action: string;
  from_state: string | null;
  to_state: string | null;
  /** An internal note among staff; never shown to residents or outside systems. */
  note: Generated<string>;
  /** What the resident is told: shown on their timeline, in their notices and in Open311. */
  reply: Generated<string>;
  data: Json | null;
}
export interface NeedFollowersTable {
  district_id: string;
  need_id: string;
  user_id: string;
  created_at: TimestampDefault;
}
export interface NotificationsTable {
  district_id: string;
  id: string;
  user_id: string;
  need_id: string | null;
  kind: string;
  state: string | null;
  /** Notices go to residents: they carry the reply of the change, never an internal note. */
  reply: Generated<string>;
  read_at: Timestamp | null;
  created_at: TimestampDefault;
}

/** A photo or document of a need; the bytes are on disk (see needs.attachments.ts). */
export interface NeedAttachmentsTable {
  district_id: string;
  id: string;
  need_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by_user_id: string | null;
  uploaded_by_name: Generated<string>;
  created_at: TimestampDefault;
}

export interface NeedsTables {
  calendar_days: CalendarDaysTable;
  need_categories: NeedCategoriesTable;
  need_settings: NeedSettingsTable;
  needs: NeedsTable;
  need_events: NeedEventsTable;
  need_followers: NeedFollowersTable;
  need_attachments: NeedAttachmentsTable;
  notifications: NotificationsTable;
}
