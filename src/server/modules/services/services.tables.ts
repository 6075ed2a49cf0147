import type { Generated } from 'kysely';
import type { Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';

/** DESIGN 3.7: 个案 / 小组 / 社区活动 / 培训 / 外展. */
export const ACTIVITY_METHODS = ['casework', 'group_work', 'community_activity', 'training', 'outreach'] as const;
export type ActivityMethod = (typeof ACTIVITY_METHODS)[number];
export const RECURRENCES = ['once', 'weekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface ActivitiesTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  organization_id: string | null;
  project_id: string | null;
  title: string;
  method: ActivityMethod;
  description: Generated<string>;
  venue_resource_id: string | null;
  venue_note: Generated<string>;
  capacity: number;
  audience: Generated<string>;
  volunteers_needed: Generated<number>;
  recurrence: Recurrence;
  status: Generated<'published' | 'cancelled'>;
  created_by: string;
  created_at: TimestampDefault;
}

export interface ActivityStaffTable {
  district_id: string;
  activity_id: string;
  social_worker_id: string;
  user_id: string | null;
}

export interface ActivitySessionsTable {
  district_id: string;
  id: string;
  activity_id: string;
  seq: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  checkin_code: string;
  cancelled_at: Timestamp | null;
}

export interface ActivityRegistrationsTable {
  district_id: string;
  session_id: string;
  resident_id: string;
  household_id: string;
  registered_by: string;
  registered_at: TimestampDefault;
}

export interface ActivityAttendanceTable {
  district_id: string;
  session_id: string;
  resident_id: string;
  method: 'staff' | 'code';
  recorded_by: string;
  at: TimestampDefault;
}

export interface ActivityFeedbackTable {
  district_id: string;
  session_id: string;
  resident_id: string;
  rating: number;
  comment: Generated<string>;
  given_by: string;
  at: TimestampDefault;
}

export interface ServicesTables {
  activities: ActivitiesTable;
  activity_staff: ActivityStaffTable;
  activity_sessions: ActivitySessionsTable;
  activity_registrations: ActivityRegistrationsTable;
  activity_attendance: ActivityAttendanceTable;
  activity_feedback: ActivityFeedbackTable;
}
