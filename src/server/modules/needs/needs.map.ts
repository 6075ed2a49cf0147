import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { FINAL_STATES } from './needs.lifecycle.ts';
import type { NeedMap, NeedMapQuery } from './needs.schemas.ts';
import { currentDueOf, filteredNeeds } from './needs.service.ts';

/** A board map stays readable and quick; beyond this the caller narrows the filters. */
export const MAP_MAX = 2000;

/**
 * Unfinished needs for the board map, in the same scope as GET /needs, newest first. Needs
 * without a point (reported for a household) come with point null; the web places them
 * inside their grid.
 */
export async function needMap(ctx: RequestContext, q: NeedMapQuery): Promise<NeedMap> {
  const actor = requireActor(ctx);
  const rows = await filteredNeeds(ctx, actor, q)
    .where('needs.state', 'not in', [...FINAL_STATES])
    .orderBy('needs.id', 'desc')
    .limit(MAP_MAX + 1)
    .execute();
  const now = new Date();
  return {
    items: rows.slice(0, MAP_MAX).map((r) => {
      const due = currentDueOf(r);
      return {
        id: r.id,
        refNo: r.ref_no,
        state: r.state,
        urgency: r.urgency,
        overdue: due !== null && r.state !== 'waiting' && due < now,
        categoryName: r.category_name,
        communityId: r.community_id,
        gridId: r.grid_id,
        point: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null,
        createdAt: new Date(r.created_at).toISOString(),
      };
    }),
    truncated: rows.length > MAP_MAX,
  };
}
