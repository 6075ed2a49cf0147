import type { Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';

export type VisitKind = 'routine' | 'follow_up' | 'care' | 'emergency';

export interface VisitsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  household_id: string;
  resident_id: string | null;
  worker_user_id: string;
  kind: VisitKind;
  visited_at: Timestamp;
  notes: string;
  findings: string;
  created_at: TimestampDefault;
}

export interface VisitsTables {
  visits: VisitsTable;
}
