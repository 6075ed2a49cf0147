import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Actor, Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { DB } from '../../tables.ts';
import type { NeedState } from './needs.lifecycle.ts';
import type { NeedsTable } from './needs.tables.ts';

/** A need with its category's name, and the names of its handler and of the organization it was referred to. */
export type NeedRow = Selectable<NeedsTable> & { category_name: string; handler_name: string | null; referral_org_name: string | null };

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

/** "Overdue", as SQL: a running limit has passed (waiting has its own expected date). */
export const overdueSql = sql<boolean>`(needs.state in ('reported', 'accepted', 'in_progress', 'referred', 'reopened') and ${currentDue} < now())`;

export const notOverdueSql = sql<boolean>`not ${overdueSql}`;

/** A reference number exactly, or words inside the description. */
export function matchesText(text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`(needs.ref_no in (${text}, ${text.toUpperCase()}) or needs.description ilike ${pattern})`;
}

/** Needs with their category, for a query to select from. */
export function needsWithCategory(db: Kysely<DB>) {
  return db
    .selectFrom('needs')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'needs.district_id').onRef('c.id', '=', 'needs.category_id'));
}

/** Needs with their category and the names a need's view shows with it (who handles it, where it was referred). */
function needsWithNames(db: Kysely<DB>) {
  return needsWithCategory(db)
    .leftJoin('users as handler', 'handler.id', 'needs.handler_user_id')
    .leftJoin('organizations as referral_org', 'referral_org.id', 'needs.referral_org_id')
    .select(['c.name as category_name', 'handler.display_name as handler_name', 'referral_org.name as referral_org_name']);
}

export function selectNeeds(db: Kysely<DB>) {
  return needsWithNames(db).selectAll('needs');
}

/** The columns a need's view shows (`present`): a list reads these, not the whole row. */
const VIEW_COLUMNS = [
  'id', 'ref_no', 'source', 'intake_channel', 'recorded_by_user_id', 'reporter_user_id', 'reporter_resident_id',
  'category_id', 'description', 'district_id', 'street_id', 'community_id', 'grid_id', 'household_id', 'building_id',
  'lng', 'lat', 'beneficiaries', 'urgency', 'state', 'handler_user_id', 'referral_org_id', 'referral_department',
  'referral_answer', 'waiting_until', 'outcome', 'outcome_note', 'rating', 'rating_comment', 'auto_confirmed',
  'merged_into_id', 'split_from_id', 'visit_id', 'triage_due_at', 'resolve_due_at', 'escalation_level', 'created_at', 'updated_at',
] as const satisfies readonly (keyof NeedsTable)[];

export type NeedViewRow = Pick<NeedRow, (typeof VIEW_COLUMNS)[number] | 'category_name' | 'handler_name' | 'referral_org_name'>;

export function selectNeedViews(db: Kysely<DB>) {
  return needsWithNames(db).select(VIEW_COLUMNS.map((c) => `needs.${c}` as const));
}

export async function loadNeed(db: Kysely<DB>, id: string, districts: string[] | null): Promise<NeedRow | undefined> {
  let q = selectNeeds(db).where('needs.id', '=', id);
  if (districts) q = q.where('needs.district_id', 'in', districts.length ? districts : ['00000000-0000-0000-0000-000000000000']);
  return q.executeTakeFirst();
}

/** The need's state, its row locked until the transaction ends (undefined when it is gone). */
export async function lockState(trx: Kysely<DB>, districtId: string, id: string): Promise<NeedState | undefined> {
  const r = await trx.selectFrom('needs').select('state').where('district_id', '=', districtId).where('id', '=', id).forUpdate().executeTakeFirst();
  return r?.state;
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

/**
 * "The caller may read this need", inside SQL, as the policy's read rule says: a grant's scope,
 * or, with a resident's grant, the needs they reported or follow. Staff alone get a condition
 * on the scope columns only, which an index serves (an OR with the follower test is not).
 */
export function readableBy(actor: Actor, grants: Assignment[]): Expression<SqlBool> {
  const scope = scopeCondition(grants, SCOPE_COLUMNS, 'needs');
  if (!grants.some((a) => a.role === 'resident')) return scope;
  // The followed arm is an id list, so that the planner can combine the household, reporter and
  // followed-id indexes: as a correlated EXISTS it could not, and a resident's board walked the
  // whole district newest first (190 ms at city scale).
  return sql<SqlBool>`(${scope}
    or needs.reporter_user_id = ${actor.userId}
    or needs.id = any(array(select f.need_id from need_followers f where f.user_id = ${actor.userId})))`;
}

/**
 * "A resolved need waits for this caller's word", as the confirm rule says: they reported it, or
 * it is their household's (a resident account speaks for its household).
 */
export function awaitingConfirmationBy(actor: Actor): Expression<SqlBool> {
  const households = actor.assignments.filter((a) => a.role === 'resident' && a.scopeId).map((a) => a.scopeId!);
  const own = households.length ? sql<SqlBool>`needs.household_id in (${sql.join(households)})` : sql<SqlBool>`false`;
  return sql<SqlBool>`(needs.state = 'resolved' and (needs.reporter_user_id = ${actor.userId} or ${own}))`;
}

export type RelatedRow = Pick<NeedRow, 'id' | 'district_id' | 'ref_no' | 'state' | 'description' | 'split_from_id' | 'merged_into_id' | 'category_id' | 'category_name'>;

function selectRelated(db: Kysely<DB>, districtId: string, readable: Expression<SqlBool>) {
  return db
    .selectFrom('needs')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'needs.district_id').onRef('c.id', '=', 'needs.category_id'))
    .select(['needs.id', 'needs.district_id', 'needs.ref_no', 'needs.state', 'needs.description', 'needs.split_from_id', 'needs.merged_into_id', 'needs.category_id', 'c.name as category_name'])
    .where('needs.district_id', '=', districtId)
    .where(readable);
}

/** Needs split from or into, merged into or from this one. */
export async function linkedNeeds(db: Kysely<DB>, n: NeedRow, readable: Expression<SqlBool>): Promise<RelatedRow[]> {
  const ids = [n.split_from_id, n.merged_into_id].filter((x): x is string => !!x);
  return selectRelated(db, n.district_id, readable)
    .where('needs.id', '!=', n.id)
    .where((eb) =>
      eb.or([
        eb('needs.split_from_id', '=', n.id),
        eb('needs.merged_into_id', '=', n.id),
        ...(ids.length ? [eb('needs.id', 'in', ids)] : []),
      ]),
    )
    .orderBy('needs.id', 'desc')
    .limit(100)
    .execute();
}

/** Other recent needs of the same household, newest first. */
export async function householdNeeds(db: Kysely<DB>, n: NeedRow, readable: Expression<SqlBool>, days: number, max: number): Promise<RelatedRow[]> {
  return selectRelated(db, n.district_id, readable)
    .where('needs.household_id', '=', n.household_id!)
    .where('needs.id', '!=', n.id)
    .where('needs.created_at', '>=', new Date(Date.now() - days * 24 * 3600_000))
    .orderBy('needs.id', 'desc')
    .limit(max + 10)
    .execute();
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

/** What a need, or a report about to be made, is compared with to find its possible duplicates. */
export interface DuplicateTarget {
  district_id: string;
  /** The need itself, left out of its own duplicates; null for a report not made yet. */
  id: string | null;
  category_id: string;
  household_id: string | null;
  building_id: string | null;
  grid_id: string;
  created_at: Date | string;
  description: string;
}

/**
 * Possible duplicates, scored in the database: of the 200 newest needs of the same category
 * within 90 days at the same household, building or grid, those whose description has a bigram
 * similarity (migration 0015) of at least 0.2 once rounded to two places, most similar first,
 * newer first among equals; at most 10.
 */
export async function duplicates(db: Kysely<DB>, n: DuplicateTarget, readable: Expression<SqlBool>) {
  const candidates = db
    .selectFrom('needs')
    .select(['id', 'ref_no', 'state', 'description', 'household_id', 'created_at'])
    .select(sql<number>`bigram_similarity(needs.description, ${n.description})`.as('similarity'))
    .where('district_id', '=', n.district_id)
    .where(readable)
    .where('category_id', '=', n.category_id)
    .$if(n.id !== null, (q) => q.where('id', '!=', n.id!))
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
    .limit(200);
  const rounded = sql<number>`round(c.similarity::numeric, 2)`;
  return db
    .selectFrom(candidates.as('c'))
    .select(['c.id', 'c.ref_no', 'c.state', 'c.description', 'c.household_id', 'c.similarity'])
    .where(rounded, '>=', 0.2)
    .orderBy(rounded, 'desc')
    .orderBy('c.created_at', 'desc')
    .limit(10)
    .execute();
}
