import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { needFilter, type NeedFilter } from './needs.service.ts';

/** A count of a workbench: the needs GET /needs answers for `filter`, narrowed by `also` when the list page narrows them too. */
export interface NeedCount {
  filter: NeedFilter;
  also?: Expression<SqlBool>;
}

export type CountGroup = 'state' | 'street_id' | 'community_id';

/**
 * Counts of needs the caller may read, in one statement: each is taken over exactly the set
 * GET /needs answers for its filter (the same `needFilter`), so a count equals the length of
 * the list it links to. Grouped by a column, one row per value with any need in `within`.
 */
export async function countNeeds<K extends string>(
  ctx: RequestContext,
  actor: Actor,
  counts: Record<K, NeedCount>,
  by?: { group: CountGroup; within: NeedFilter },
): Promise<{ group: string | null; counts: Record<K, number> }[]> {
  const keys = Object.keys(counts) as K[];
  const columns = keys.map((k, i) => {
    const c = counts[k];
    const where = c.also ? sql<SqlBool>`(${needFilter(actor, c.filter)} and ${c.also})` : needFilter(actor, c.filter);
    return sql<number>`(count(*) filter (where ${where}))::int`.as(`c${i}`);
  });
  let q = ctx.db.selectFrom('needs').select(columns).where(needFilter(actor, by?.within ?? {}));
  if (by) q = q.select(sql<string>`${sql.ref(`needs.${by.group}`)}::text`.as('grp')).groupBy(`needs.${by.group}`);
  const rows = (await q.execute()) as Record<string, unknown>[];
  return rows.map((r) => ({
    group: by ? (r.grp as string) : null,
    counts: Object.fromEntries(keys.map((k, i) => [k, Number(r[`c${i}`])])) as Record<K, number>,
  }));
}
