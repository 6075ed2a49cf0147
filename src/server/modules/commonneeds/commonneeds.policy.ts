import type { Role } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommonNeedStatus } from './commonneeds.tables.ts';

/** A common need as authorization sees it: its place and whether it still takes changes. */
export interface CommonNeedRecord {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string | null;
  status: CommonNeedStatus;
}

export const COMMON_NEED_READERS: readonly Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker'];
export const COMMON_NEED_EDITORS: readonly Role[] = ['community_admin', 'street_officer'];

const changeable = (r: CommonNeedRecord) => r.status === 'open' || r.status === 'candidate';

/**
 * Community staff and the officers above them read a community's groups (grid workers read
 * their grid's community: see `readerActor`). The community admin and the street officer form
 * groups and pool needs into them; `suggest` shows the ungrouped needs behind the suggestions,
 * so it is limited to roles that read every need of the community.
 */
export const commonNeedPolicy = definePolicy<CommonNeedRecord, 'read' | 'suggest' | 'create' | 'update' | 'pool'>(
  'commonneeds.common_need',
  (r) => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, gridId: r.gridId }),
  {
    read: COMMON_NEED_READERS,
    suggest: ['district_officer', 'street_officer', 'community_admin', 'community_worker'],
    create: COMMON_NEED_EDITORS,
    update: COMMON_NEED_EDITORS,
    pool: { roles: COMMON_NEED_EDITORS, when: (_actor, r) => changeable(r) },
  },
);
