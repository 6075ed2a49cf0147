import type { Kysely } from 'kysely';
import type { ScopeType } from '../../../common/roles.ts';
import type { DB } from '../../tables.ts';

export interface ScopeRef {
  scopeType: ScopeType;
  scopeId: string | null;
  districtId: string | null;
}

/**
 * Human names of role scopes ("J社区", "第3网格 (J社区)"), batched: one query per scope kind.
 * Organization names come from the organizations register.
 */
export async function describeScopes(db: Kysely<DB>, refs: ScopeRef[]): Promise<Map<string, string>> {
  const ids = (t: ScopeType) => [...new Set(refs.filter((r) => r.scopeType === t && r.scopeId).map((r) => r.scopeId!))];
  const names = new Map<string, string>();
  const put = (rows: { id: string; name: string }[]) => rows.forEach((r) => names.set(r.id, r.name));
  const d = ids('district');
  if (d.length) put(await db.selectFrom('districts').select(['id', 'name']).where('id', 'in', d).execute());
  const s = ids('street');
  if (s.length) put(await db.selectFrom('streets').select(['id', 'name']).where('id', 'in', s).execute());
  const c = ids('community');
  if (c.length) put(await db.selectFrom('communities').select(['id', 'name']).where('id', 'in', c).execute());
  const g = ids('grid');
  if (g.length) {
    const rows = await db
      .selectFrom('grids')
      .innerJoin('communities', 'communities.id', 'grids.community_id')
      .select(['grids.id', 'grids.name as grid', 'communities.name as community'])
      .where('grids.id', 'in', g)
      .execute();
    rows.forEach((r) => names.set(r.id, `${r.community} ${r.grid}`));
  }
  const h = ids('household');
  if (h.length) {
    put(await db.selectFrom('households').select(['id', 'address as name']).where('id', 'in', h).execute());
  }
  const o = ids('organization');
  if (o.length) put(await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', o).execute());
  return names;
}

/** The district a scope lies in, so assignments can carry the tenant key; undefined if unknown. */
export async function districtOfScope(
  db: Kysely<DB>,
  scopeType: ScopeType,
  scopeId: string,
): Promise<string | null | undefined> {
  switch (scopeType) {
    case 'platform':
    case 'organization':
      if (scopeType === 'organization') {
        const org = await db.selectFrom('organizations').select('id').where('id', '=', scopeId).executeTakeFirst();
        return org ? null : undefined;
      }
      return null;
    case 'district':
      return (await db.selectFrom('districts').select('id').where('id', '=', scopeId).executeTakeFirst())?.id;
    case 'street':
      return (await db.selectFrom('streets').select('district_id').where('id', '=', scopeId).executeTakeFirst())
        ?.district_id;
    case 'community':
      return (
        await db.selectFrom('communities').select('district_id').where('id', '=', scopeId).executeTakeFirst()
      )?.district_id;
    case 'grid':
      return (await db.selectFrom('grids').select('district_id').where('id', '=', scopeId).executeTakeFirst())
        ?.district_id;
    case 'household':
      return (
        await db.selectFrom('households').select('district_id').where('id', '=', scopeId).executeTakeFirst()
      )?.district_id;
  }
}
