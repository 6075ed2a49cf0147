import type { Kysely } from 'kysely';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { transitionFor } from './needs.lifecycle.ts';
import { needPolicy } from './needs.policy.ts';
import { loadVisible, recordOf } from './needs.service.ts';
import type { NeedRow } from './needs.store.ts';

/** Where a common need lies and what it is about: what a need must share to join it. */
export interface PoolTarget {
  id: string;
  districtId: string;
  communityId: string;
  gridId: string | null;
  categoryId: string;
  title: string;
  status: string;
}

type NeedPlace = Pick<NeedRow, 'district_id' | 'community_id' | 'grid_id' | 'category_id'>;

/** A group takes needs of its own category and place, and only while no project has taken it over. */
export function checkPoolTarget(need: NeedPlace, target: PoolTarget | undefined): PoolTarget {
  const fits =
    !!target &&
    target.districtId === need.district_id &&
    target.communityId === need.community_id &&
    (target.gridId === null || target.gridId === need.grid_id) &&
    target.categoryId === need.category_id &&
    (target.status === 'open' || target.status === 'candidate');
  if (!fits) throw invalid({ field: 'commonNeedId', code: 'need.bad_common_need' });
  return target!;
}

export async function loadPoolTarget(db: Kysely<DB>, districtId: string, id: string): Promise<PoolTarget | undefined> {
  const row = await db
    .selectFrom('common_needs')
    .select(['id', 'district_id', 'community_id', 'grid_id', 'category_id', 'title', 'status'])
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, districtId: row.district_id, communityId: row.community_id, gridId: row.grid_id, categoryId: row.category_id, title: row.title, status: row.status };
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
