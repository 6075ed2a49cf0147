import type { Generated } from 'kysely';
import type { TimestampDefault } from '../../platform/db/platform.tables.ts';

export const COMMON_NEED_STATUSES = ['open', 'candidate', 'projected', 'closed'] as const;
export type CommonNeedStatus = (typeof COMMON_NEED_STATUSES)[number];

export interface CommonNeedsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string | null;
  category_id: string;
  title: string;
  description: Generated<string>;
  status: Generated<CommonNeedStatus>;
  project_ref: string | null;
  created_by: string;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface CommonNeedsTables {
  common_needs: CommonNeedsTable;
}
