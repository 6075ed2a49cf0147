import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Assignment, Actor, ScopePath } from '../../platform/authz/actor.ts';
import type { DB } from '../../tables.ts';

/**
 * Where each of an actor's territory assignments sits in the tree. A grid worker reads their
 * grid's community, street and district as context; to decide that, the ancestors of the
 * assignment's scope are needed (one query per scope kind, never one per row).
 */
export interface Reach {
  assignment: Assignment;
  districtId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  buildingId?: string | null;
  householdId?: string | null;
}

export const LEVELS = ['district', 'street', 'community', 'grid', 'building', 'household'] as const;
export type Level = (typeof LEVELS)[number];
const KEY = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  grid: 'gridId',
  building: 'buildingId',
  household: 'householdId',
} as const;

export async function reachOf(db: Kysely<DB>, assignments: Assignment[]): Promise<Reach[]> {
  const ids = (t: string) => [...new Set(assignments.filter((a) => a.scopeType === t && a.scopeId).map((a) => a.scopeId!))];
  const found = new Map<string, Omit<Reach, 'assignment'>>();
  const c = ids('community');
  if (c.length) {
    const rows = await db.selectFrom('communities').select(['id', 'district_id', 'street_id']).where('id', 'in', c).execute();
    rows.forEach((r) => found.set(r.id, { districtId: r.district_id, streetId: r.street_id, communityId: r.id }));
  }
  const g = ids('grid');
  if (g.length) {
    const districts = districtsOf(assignments.filter((a) => a.scopeType === 'grid'));
    let q = db.selectFrom('grids').select(['id', 'district_id', 'street_id', 'community_id']).where('id', 'in', g);
    if (districts) q = q.where('district_id', 'in', districts);
    (await q.execute()).forEach((r) =>
      found.set(r.id, { districtId: r.district_id, streetId: r.street_id, communityId: r.community_id, gridId: r.id }),
    );
  }
  const h = ids('household');
  if (h.length) {
    const districts = districtsOf(assignments.filter((a) => a.scopeType === 'household'));
    let q = db
      .selectFrom('households')
      .select(['id', 'district_id', 'street_id', 'community_id', 'grid_id', 'building_id'])
      .where('id', 'in', h);
    if (districts) q = q.where('district_id', 'in', districts);
    (await q.execute()).forEach((r) =>
      found.set(r.id, {
        districtId: r.district_id,
        streetId: r.street_id,
        communityId: r.community_id,
        gridId: r.grid_id,
        buildingId: r.building_id,
        householdId: r.id,
      }),
    );
  }
  return assignments.map((a) => {
    switch (a.scopeType) {
      case 'platform':
      case 'organization':
        return { assignment: a };
      case 'district':
        return { assignment: a, districtId: a.scopeId };
      case 'street':
        return { assignment: a, districtId: a.districtId, streetId: a.scopeId };
      default:
        return { assignment: a, ...(found.get(a.scopeId ?? '') ?? {}) };
    }
  });
}

/** Districts an actor's assignments lie in; null when one of them is not bound to a district. */
export function districtsOf(assignments: Assignment[]): string[] | null {
  const ids = new Set<string>();
  for (const a of assignments) {
    if (!a.districtId) return null;
    ids.add(a.districtId);
  }
  return [...ids];
}

/** Districts an actor can reach at all: the tenant filter of loads by id. null = every district. */
export function actorDistricts(actor: Actor): string[] | null {
  const territorial = actor.assignments.filter((a) => a.scopeType !== 'organization');
  if (territorial.some((a) => a.scopeType === 'platform')) return null;
  return districtsOf(territorial);
}

/** Scope ids of the actor lying strictly below a unit: what makes the unit readable as context. */
export interface Inner {
  streetId: string[];
  communityId: string[];
  gridId: string[];
  householdId: string[];
}

export function innerOf(reaches: Reach[], level: Level, id: string): Inner {
  const inner: Inner = { streetId: [], communityId: [], gridId: [], householdId: [] };
  const depth = LEVELS.indexOf(level);
  for (const r of reaches) {
    const t = r.assignment.scopeType as Level;
    if (!LEVELS.includes(t) || LEVELS.indexOf(t) <= depth || r[KEY[level]] !== id) continue;
    const key = KEY[t] as keyof Inner;
    if (key in inner && r.assignment.scopeId) inner[key].push(r.assignment.scopeId);
  }
  return inner;
}

/** A territory unit as the policies see it: its own place, plus the actor's scopes inside it. */
export interface UnitScope {
  districtId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  householdId?: string | null;
  inner?: Inner;
}

export function ownPath(u: UnitScope): ScopePath {
  return {
    districtId: u.districtId ?? null,
    streetId: u.streetId ?? null,
    communityId: u.communityId ?? null,
    gridId: u.gridId ?? null,
    householdId: u.householdId ?? null,
  };
}

const join = (own: string | null | undefined, inner: string[] | undefined) => [
  ...(own ? [own] : []),
  ...(inner ?? []),
];

/** Own path widened by the inner scopes: used for reading only (write rules check ownPath). */
export function contextPath(u: UnitScope): ScopePath {
  return {
    districtId: u.districtId ?? null,
    streetId: join(u.streetId, u.inner?.streetId),
    communityId: join(u.communityId, u.inner?.communityId),
    gridId: join(u.gridId, u.inner?.gridId),
    householdId: join(u.householdId, u.inner?.householdId),
  };
}

/** Table columns holding each level (the row's own id at its own level). */
export type LevelColumns = Partial<Record<Level, string>>;

/**
 * The SQL condition "the row is readable": a row inside an assignment's scope, or an ancestor
 * of it (context). Every branch carries the tenant key where it is known.
 */
export function readCondition(reaches: Reach[], level: Level, columns: LevelColumns): Expression<SqlBool> {
  const depth = LEVELS.indexOf(level);
  const branches: Expression<SqlBool>[] = [];
  for (const r of reaches) {
    const t = r.assignment.scopeType;
    if (t === 'platform') return sql<SqlBool>`true`;
    if (t === 'organization') continue;
    const scopeDepth = LEVELS.indexOf(t);
    let match: Expression<SqlBool> | null = null;
    if (scopeDepth <= depth) {
      const col = columns[t];
      if (col && r.assignment.scopeId) match = sql<SqlBool>`${sql.ref(col)} = ${r.assignment.scopeId}`;
    } else {
      const ancestor = r[KEY[level]];
      const col = columns[level];
      if (col && ancestor) match = sql<SqlBool>`${sql.ref(col)} = ${ancestor}`;
    }
    if (!match) continue;
    const dcol = columns.district;
    branches.push(
      dcol && r.districtId && t !== 'district' && level !== 'district'
        ? sql<SqlBool>`(${sql.ref(dcol)} = ${r.districtId} and ${match})`
        : match,
    );
  }
  return branches.length ? sql<SqlBool>`(${sql.join(branches, sql` or `)})` : sql<SqlBool>`false`;
}
