import type { Role } from '../../../common/roles.ts';
import { covers, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommonNeedLevel, CommonNeedStatus } from './commonneeds.tables.ts';

/** A common need as authorization sees it: its place, what it covers and whether it still takes changes. */
export interface CommonNeedRecord {
  districtId: string;
  level: CommonNeedLevel;
  /** The group's own place: null above its level. */
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  /**
   * Units whose needs a street or district group holds, directly or through the community
   * groups added into it. Empty for a community group (its own place says it all).
   */
  coveredStreetIds: string[];
  coveredCommunityIds: string[];
  status: CommonNeedStatus;
}

export const COMMON_NEED_READERS: readonly Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker'];
export const COMMON_NEED_EDITORS: readonly Role[] = ['community_admin', 'street_officer', 'district_officer'];

/** Who forms and changes a group of each level: the officers whose unit the group is about. */
export const EDITORS_BY_LEVEL: Record<CommonNeedLevel, readonly Role[]> = {
  community: ['community_admin', 'street_officer'],
  street: ['street_officer', 'district_officer'],
  district: ['district_officer'],
};

const changeable = (r: CommonNeedRecord) => r.status === 'open' || r.status === 'candidate';

const ownPlace = (r: CommonNeedRecord): ScopePath => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, gridId: r.gridId });

/** A street group is read in the communities it covers, a district group in the streets and communities it covers. */
const pathOf = (r: CommonNeedRecord): ScopePath => ({
  districtId: r.districtId,
  streetId: r.streetId ? [r.streetId, ...r.coveredStreetIds] : r.coveredStreetIds,
  communityId: r.communityId ? [r.communityId, ...r.coveredCommunityIds] : r.coveredCommunityIds,
  gridId: r.gridId,
});

// Reading is by what the group covers; changing is by the group's own unit, so a community admin
// reads the street group holding their needs but does not edit it.
const editsAt = (r: CommonNeedRecord, a: Assignment) => EDITORS_BY_LEVEL[r.level].includes(a.role) && covers(a, ownPlace(r));

/**
 * Community staff and the officers above them read a community's groups (grid workers read
 * their grid's community: see `readerActor`); a street or district group is read by the
 * officers above it and by the staff of every community whose needs it holds. The officers of
 * a group's own unit form it, change it and pool needs into it (table: EDITORS_BY_LEVEL);
 * `group` adds a community group into a street or district group. `suggest` shows the
 * ungrouped needs behind the suggestions, so it is limited to roles that read every need of
 * the community.
 */
export const commonNeedPolicy = definePolicy<CommonNeedRecord, 'read' | 'suggest' | 'create' | 'update' | 'pool' | 'group'>(
  'commonneeds.common_need',
  pathOf,
  {
    read: COMMON_NEED_READERS,
    suggest: ['district_officer', 'street_officer', 'community_admin', 'community_worker'],
    create: { roles: COMMON_NEED_EDITORS, when: (_actor, r, a) => editsAt(r, a) },
    update: { roles: COMMON_NEED_EDITORS, when: (_actor, r, a) => editsAt(r, a) },
    pool: { roles: COMMON_NEED_EDITORS, when: (_actor, r, a) => changeable(r) && editsAt(r, a) },
    group: { roles: COMMON_NEED_EDITORS, when: (_actor, r, a) => r.level !== 'community' && changeable(r) && editsAt(r, a) },
  },
);
