import { AppError, invalid, referenced } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { transitionFor } from './needs.lifecycle.ts';
import { needPolicy } from './needs.policy.ts';
import { loadVisible, recordOf } from './needs.service.ts';
import type { NeedRow } from './needs.store.ts';

/** Where a common need lies and what it is about: what a need must share to join it. */
export interface PoolTarget {
  id: string;
  districtId: string;
  /** null for a district group. */
  streetId: string | null;
  /** null for a street or district group, which takes needs of any community of its unit. */
  communityId: string | null;
  gridId: string | null;
  categoryId: string;
  title: string;
  status: string;
  /** Whether the caller may pool into the group (its own policy); unset when the caller just formed it. */
  mayPool?: boolean;
}

type NeedPlace = Pick<NeedRow, 'district_id' | 'street_id' | 'community_id' | 'grid_id' | 'category_id'>;

/** A group takes needs of its own category and place (its community, street or district), and only while no project has taken it over. */
export function checkPoolTarget(need: NeedPlace, target: PoolTarget): PoolTarget {
  const fits =
    target.districtId === need.district_id &&
    (target.streetId === null || target.streetId === need.street_id) &&
    (target.communityId === null || target.communityId === need.community_id) &&
    (target.gridId === null || target.gridId === need.grid_id) &&
    target.categoryId === need.category_id &&
    (target.status === 'open' || target.status === 'candidate');
  if (!fits) throw invalid({ field: 'commonNeedId', code: 'need.bad_common_need' });
  return target;
}

type PoolTargetLookup = (ctx: RequestContext, id: string) => Promise<PoolTarget>;
let lookup: PoolTargetLookup | undefined;

/**
 * The common needs module depends on this one, so it hands in its read path: a group named in
 * a transition body is found exactly as `GET /common-needs/{id}` finds it.
 */
export function providePoolTargets(fn: PoolTargetLookup): void {
  lookup = fn;
}

/** The group a `commonNeedId` names, if the caller may read it; 404 on the field otherwise. */
export function visiblePoolTarget(ctx: RequestContext, id: string): Promise<PoolTarget> {
  if (!lookup) throw new Error('the common needs module has not provided its groups');
  return referenced('commonNeedId', () => lookup!(ctx, id));
}

/**
 * Every check the `pool` transition makes, without changing anything: lets a caller pooling
 * several needs at once refuse the whole request before the first one moves.
 */
export async function assertPoolable(ctx: RequestContext, needId: string, target: PoolTarget): Promise<void> {
  const actor = requireActor(ctx);
  const { row, followers } = await loadVisible(ctx, actor, needId);
  if (!transitionFor(row.state, 'pool')) throw new AppError('need.invalid_transition', { state: row.state, action: 'pool' });
  needPolicy.authorize(actor, 'pool', recordOf(row, followers));
  checkPoolTarget(row, target);
}
