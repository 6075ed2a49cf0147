import type { Generated } from 'kysely';
import type { TimestampDefault } from '../../platform/db/platform.tables.ts';

export const COMMON_NEED_STATUSES = ['open', 'candidate', 'projected', 'closed'] as const;
export type CommonNeedStatus = (typeof COMMON_NEED_STATUSES)[number];
/** community: needs of one community; street: of several communities of a street; district: across streets. */
export const COMMON_NEED_LEVELS = ['community', 'street', 'district'] as const;
export type CommonNeedLevel = (typeof COMMON_NEED_LEVELS)[number];

export interface CommonNeedsTable {
  district_id: string;
  id: string;
  level: Generated<CommonNeedLevel>;
  /** null for a district group. */
  street_id: string | null;
  /** null for street and district groups. */
  community_id: string | null;
  /** The street or district group this community group was added into. */
  parent_id: string | null;
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
