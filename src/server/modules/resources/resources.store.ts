import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import type { DB } from '../../tables.ts';
import { RESOURCE_READERS, type PlacedAssignment } from './resources.policy.ts';
import type { ResourcesTable } from './resources.tables.ts';

export type ResourceRow = Selectable<ResourcesTable>;

/**
 * The actor as the resources policy sees it: community assignments learn their street, and a
 * grid worker's grid becomes the grid's community (one query per scope kind).
 */
export async function resourceActor(db: Kysely<DB>, actor: Actor): Promise<Actor> {
  const readers: readonly string[] = RESOURCE_READERS;
  const grids = actor.assignments.filter((a) => a.scopeType === 'grid' && a.scopeId && readers.includes(a.role));
  const gridCommunity = new Map<string, string>();
  if (grids.length) {
    const rows = await db.selectFrom('grids').select(['id', 'community_id']).where('id', 'in', grids.map((a) => a.scopeId!)).execute();
    rows.forEach((r) => gridCommunity.set(r.id, r.community_id));
  }
  const placed: PlacedAssignment[] = actor.assignments.map((a) =>
    a.scopeType === 'grid' && gridCommunity.has(a.scopeId!) ? { ...a, scopeType: 'community', scopeId: gridCommunity.get(a.scopeId!)! } : { ...a },
  );
  const communityIds = [...new Set(placed.filter((a) => a.scopeType === 'community' && a.scopeId).map((a) => a.scopeId!))];
  if (communityIds.length) {
    const rows = await db.selectFrom('communities').select(['id', 'street_id', 'district_id']).where('id', 'in', communityIds).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const a of placed) {
      const c = a.scopeType === 'community' ? byId.get(a.scopeId!) : undefined;
      if (c) Object.assign(a, { streetId: c.street_id, districtId: c.district_id });
    }
  }
  return { ...actor, assignments: placed };
}

/** The SQL form of `reaches`: rows any of the assignments may read. */
export function readableCondition(assignments: PlacedAssignment[]): Expression<SqlBool> {
  const branches: Expression<SqlBool>[] = [];
  for (const a of assignments) {
    if (!a.scopeId) continue;
    if (a.scopeType === 'district') branches.push(sql<SqlBool>`district_id = ${a.scopeId}`);
    if (a.scopeType === 'street' && a.districtId) {
      branches.push(sql<SqlBool>`(district_id = ${a.districtId} and (street_id = ${a.scopeId} or street_id is null))`);
    }
    if (a.scopeType === 'community' && a.districtId) {
      branches.push(sql<SqlBool>`(district_id = ${a.districtId} and (community_id = ${a.scopeId}
        or (community_id is null and (street_id is null or street_id = ${a.streetId ?? null}))))`);
    }
  }
  return branches.length ? sql<SqlBool>`(${sql.join(branches, sql` or `)})` : sql<SqlBool>`false`;
}

export function findResource(db: Kysely<DB>, id: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface Place {
  districtId: string;
  streetId: string | null;
  communityId: string | null;
}

export function findCommunity(db: Kysely<DB>, id: string) {
  return db.selectFrom('communities').select(['id', 'name', 'street_id', 'district_id']).where('id', '=', id).executeTakeFirst();
}

export interface ListFilter {
  assignments: PlacedAssignment[];
  districtId?: string;
  /** Available in this community: its own, its street's and its district's resources. */
  place?: Place;
  kind?: string;
  category?: string;
  open?: { weekday: number; time: string; date: string };
  q?: string;
  status?: string;
  limit: number;
  after: [string, string] | null;
}

/** One page ordered by (name, id), filtered by the reader's area inside the query. */
export function listResources(db: Kysely<DB>, f: ListFilter): Promise<ResourceRow[]> {
  let q = db.selectFrom('resources').selectAll().where(readableCondition(f.assignments));
  if (f.districtId) q = q.where('district_id', '=', f.districtId);
  if (f.place) {
    const p = f.place;
    q = q.where('district_id', '=', p.districtId).where(
      sql<SqlBool>`(community_id = ${p.communityId} or (community_id is null and (street_id is null or street_id = ${p.streetId})))`,
    );
  }
  if (f.kind) q = q.where('kind', '=', f.kind as ResourceRow['kind']);
  if (f.category) q = q.where(sql<SqlBool>`categories @> array[${f.category}]::text[]`);
  if (f.open) {
    const { weekday, time, date } = f.open;
    q = q.where(sql<SqlBool>`(available_from is null or available_from <= ${date}::date)
      and (available_until is null or available_until >= ${date}::date)
      and (jsonb_array_length(weekly_windows) = 0 or exists (
        select 1 from jsonb_array_elements(weekly_windows) w
        where (w->>'weekday')::int = ${weekday} and (w->>'from') collate "C" <= ${time} and ${time} < (w->>'to') collate "C"))`);
  }
  if (f.q) q = q.where(sql<SqlBool>`strpos(lower(name), lower(${f.q.trim()})) > 0`);
  if (f.status) q = q.where('status', '=', f.status as ResourceRow['status']);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(name, id)));
  }
  return q.orderBy('name').orderBy('id').limit(f.limit + 1).execute();
}

/** Resources by id with where they are, for records that name one (an activity's venue). */
export async function resourcesById(db: Kysely<DB>, districtId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, Pick<ResourceRow, 'id' | 'name' | 'kind' | 'status' | 'street_id' | 'community_id'>>();
  const rows = await db.selectFrom('resources').select(['id', 'name', 'kind', 'status', 'street_id', 'community_id']).where('district_id', '=', districtId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active venues usable in a community: its own, its street's and the district's. */
export function venuesAt(db: Kysely<DB>, districtId: string, place: { streetId: string; communityId: string }) {
  return db
    .selectFrom('resources')
    .select(['id', 'name', 'capacity'])
    .where('district_id', '=', districtId)
    .where('kind', '=', 'venue')
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('street_id', 'is', null), eb('street_id', '=', place.streetId)]))
    .where((eb) => eb.or([eb('community_id', 'is', null), eb('community_id', '=', place.communityId)]))
    .orderBy('name')
    .limit(200)
    .execute();
}
