import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Actor, Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { DB } from '../../tables.ts';
import type { NeedState } from './needs.lifecycle.ts';
import type { NeedsTable } from './needs.tables.ts';

export type NeedRow = Selectable<NeedsTable> & { category_name: string };

/** States in which someone still has to act before the resident gets an answer. */
export const OPEN_STATES: readonly NeedState[] = ['reported', 'accepted', 'in_progress', 'waiting', 'referred', 'reopened'];
/** Open states whose time limit runs (waiting has its own expected date). */
export const RUNNING_STATES: readonly NeedState[] = ['reported', 'accepted', 'in_progress', 'referred', 'reopened'];

export const SCOPE_COLUMNS = {
  district: 'district_id',
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_id',
  household: 'household_id',
  organization: 'referral_org_id',
} as const;

/** Districts an actor's territorial assignments lie in; null when not limited (platform or organization roles). */
export function tenantFilter(actor: Actor): string[] | null {
  if (actor.assignments.some((a) => a.scopeType === 'platform' || a.scopeType === 'organization' || !a.districtId)) return null;
  return [...new Set(actor.assignments.map((a) => a.districtId!))];
}

/** The due time that applies now, as SQL: triage while reported, resolution afterwards. */
export const currentDue = sql<Date>`(case when needs.state = 'reported' then needs.triage_due_at else needs.resolve_due_at end)`;

export function selectNeeds(db: Kysely<DB>) {
  return db
    .selectFrom('needs')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'needs.district_id').onRef('c.id', '=', 'needs.category_id'))
    .selectAll('needs')
    .select('c.name as category_name');
}

export async function loadNeed(db: Kysely<DB>, id: string, districts: string[] | null): Promise<NeedRow | undefined> {
  let q = selectNeeds(db).where('needs.id', '=', id);
  if (districts) q = q.where('needs.district_id', 'in', districts.length ? districts : ['00000000-0000-0000-0000-000000000000']);
  return q.executeTakeFirst();
}

export async function followersOf(db: Kysely<DB>, districtId: string, needId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('need_followers')
    .select('user_id')
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** "The caller may read this need", inside SQL: scope, or reporter, or follower. */
export function readableBy(actor: Actor, grants: Assignment[]): Expression<SqlBool> {
  const staff = grants.filter((a) => a.role !== 'resident');
  const households = grants.filter((a) => a.role === 'resident');
  return sql<SqlBool>`(${scopeCondition([...staff, ...households], SCOPE_COLUMNS, 'needs')}
    or needs.reporter_user_id = ${actor.userId}
    or exists (select 1 from need_followers f where f.district_id = needs.district_id and f.need_id = needs.id
               and f.user_id = ${actor.userId}))`;
}

export async function timelineOf(db: Kysely<DB>, districtId: string, needId: string) {
  return db
    .selectFrom('need_events')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Same category within 90 days, at the same household, building or grid: the small set text similarity ranks. */
export async function duplicateCandidates(db: Kysely<DB>, n: Pick<NeedRow, 'district_id' | 'id' | 'category_id' | 'household_id' | 'building_id' | 'grid_id' | 'created_at'>) {
  return db
    .selectFrom('needs')
    .select(['id', 'ref_no', 'state', 'description', 'household_id', 'building_id'])
    .where('district_id', '=', n.district_id)
    .where('category_id', '=', n.category_id)
    .where('id', '!=', n.id)
    .where('state', 'not in', ['rejected', 'merged'])
    .where('created_at', '>=', new Date(new Date(n.created_at).getTime() - 90 * 24 * 3600_000))
    .where((eb) =>
      eb.or([
        eb('grid_id', '=', n.grid_id),
        ...(n.household_id ? [eb('household_id', '=', n.household_id)] : []),
        ...(n.building_id ? [eb('building_id', '=', n.building_id)] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
