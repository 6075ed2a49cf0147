import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { invalid } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { gridLabels } from '../territory/index.ts';
import { inReaderLanguage } from './needs.categories.ts';
import { FINAL_STATES } from './needs.lifecycle.ts';
import type { NeedMap, NeedMapQuery } from './needs.schemas.ts';
import { currentDueOf, needFilter } from './needs.service.ts';
import { needsWithCategory, overdueSql } from './needs.store.ts';

const DEGREES = /^\s*-?\d{1,3}(\.\d{1,12})?\s*$/;

/** "minLng,minLat,maxLng,maxLat" as a condition on the need's own point; 400 `need.bad_bbox` otherwise. */
export function withinBox(text: string): Expression<SqlBool> {
  const parts = text.split(',');
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number) as [number, number, number, number];
  const ok =
    parts.length === 4 &&
    parts.every((p) => DEGREES.test(p)) &&
    minLng >= -180 && maxLng <= 180 && minLat >= -90 && maxLat <= 90 &&
    minLng < maxLng && minLat < maxLat;
  if (!ok) throw invalid({ field: 'bbox', code: 'need.bad_bbox' });
  return sql<SqlBool>`(needs.lng between ${minLng} and ${maxLng} and needs.lat between ${minLat} and ${maxLat})`;
}

/**
 * One view of the board map: unfinished needs in the same scope and filters as GET /needs,
 * narrowed to a grid (gridId) or a zoomed area (bbox). When the view holds more needs than
 * `mapPointsMax`, it answers per-grid counts, counted in the database, so no answer carries
 * more points than a person can read; otherwise its needs as points, newest first. Needs
 * without a point of their own (reported for a household) come with point null and are placed
 * inside their grid by the web; a zoomed area holds only needs with a point.
 *
 * Two statements: the per-grid counts, then either the grids' names or the points.
 */
export async function needMap(ctx: RequestContext, q: NeedMapQuery): Promise<NeedMap> {
  const actor = requireActor(ctx);
  const box = q.bbox === undefined ? null : withinBox(q.bbox);
  const filter = needFilter(actor, q);
  const inView = (eb: ExpressionBuilder<DB, 'needs'>) => eb.and([filter, eb('needs.state', 'not in', [...FINAL_STATES]), ...(box ? [box] : [])]);
  // Counting needs no category: the counts read `needs` alone.
  const counts = await ctx.db
    .selectFrom('needs')
    .where(inView)
    .select([
      'needs.district_id',
      'needs.grid_id',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`(count(*) filter (where ${overdueSql}))::int`.as('overdue'),
      sql<number>`(count(*) filter (where needs.urgency = 'urgent'))::int`.as('urgent'),
    ])
    .groupBy(['needs.district_id', 'needs.grid_id'])
    .execute();
  const max = ctx.config.mapPointsMax;
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  if (total > max) {
    const labels = await gridLabels(ctx.db, counts.map((c) => ({ districtId: c.district_id, gridId: c.grid_id })));
    const grids = counts
      .map((c) => ({ ...c, label: labels.get(c.grid_id) }))
      .sort((a, b) => (a.label?.code ?? '').localeCompare(b.label?.code ?? '') || a.grid_id.localeCompare(b.grid_id))
      .map((c) => ({ gridId: c.grid_id, name: c.label?.name ?? '', count: c.count, overdue: c.overdue, urgent: c.urgent }));
    return { mode: 'grids', total, pointsMax: max, grids };
  }

  // The limit holds the promise even when needs arrive between the two statements.
  const stored = await needsWithCategory(ctx.db)
    .select(['needs.id', 'needs.district_id', 'needs.category_id', 'needs.ref_no', 'needs.state', 'needs.urgency', 'needs.community_id', 'needs.grid_id', 'needs.lng', 'needs.lat'])
    .select(['needs.triage_due_at', 'needs.resolve_due_at', 'needs.created_at', 'c.name as category_name'])
    .where(inView)
    .orderBy('needs.id', 'desc')
    .limit(max)
    .execute();
  const rows = await inReaderLanguage(ctx, stored);
  const now = new Date();
  return {
    mode: 'points',
    total: rows.length,
    points: rows.map((r) => {
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
  };
}
