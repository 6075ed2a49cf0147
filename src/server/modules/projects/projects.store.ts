import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Actor, Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { nextYearlyNumber } from '../../platform/db/yearly-numbers.ts';
import type { DB } from '../../tables.ts';
import { PROJECT_READERS } from './projects.policy.ts';
import type { ProjectsTable } from './projects.tables.ts';

export type ProjectRow = Selectable<ProjectsTable>;

const SCOPE_COLUMNS = { district: 'district_id', street: { array: 'street_ids' }, community: { array: 'community_ids' }, organization: 'contractor_organization_id' } as const;

/** The policy's read rule as SQL, inside the list query. */
export function readableCondition(actor: Actor): Expression<SqlBool> {
  const byScope = scopeCondition(actor.assignments.filter((a) => PROJECT_READERS.includes(a.role)), SCOPE_COLUMNS, 'p');
  // An evaluator reads the projects assigned to them, wherever their organization lies.
  return actor.assignments.some((a) => a.role === 'evaluator') ? sql<SqlBool>`(${byScope} or p.evaluator_user_id = ${actor.userId})` : byScope;
}

/**
 * The policy's funder rule (`isFunder` in projects.policy.ts) as SQL, for "awaiting my approval":
 * the district office funds district purchases, a street office its street's.
 */
export function fundedBy(assignments: Assignment[]): Expression<SqlBool> {
  const branches = assignments.flatMap((a) => {
    if (!a.scopeId) return [];
    if (a.role === 'district_officer' && a.scopeType === 'district') return [sql<SqlBool>`(p.purchaser_level = 'district' and p.district_id = ${a.scopeId})`];
    if (a.role === 'street_officer' && a.scopeType === 'street') return [sql<SqlBool>`(p.purchaser_level = 'street' and p.purchaser_street_id = ${a.scopeId})`];
    return [];
  });
  return branches.length ? sql<SqlBool>`(${sql.join(branches, sql` or `)})` : sql<SqlBool>`false`;
}

export function selectProjects(db: Kysely<DB>) {
  return db.selectFrom('projects as p').selectAll('p');
}

export function loadProject(db: Kysely<DB>, id: string, districts: string[] | null) {
  let q = selectProjects(db).where('p.id', '=', id);
  if (districts) q = q.where('p.district_id', 'in', districts);
  return q.executeTakeFirst();
}

/** P-2026-0001: a counter row per district and year, taken in the drafting transaction (projects are few). */
export async function nextRefNo(trx: Kysely<DB>, districtId: string): Promise<string> {
  const { year, n } = await nextYearlyNumber(trx, 'project_counters', districtId);
  return `P-${year}-${String(n).padStart(4, '0')}`;
}

export function originIds(db: Kysely<DB>, districtId: string, projectId: string) {
  return db
    .selectFrom('project_common_needs')
    .select('common_need_id')
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .orderBy('common_need_id')
    .execute()
    .then((rows) => rows.map((r) => r.common_need_id));
}

export function timelineOf(db: Kysely<DB>, districtId: string, projectId: string) {
  return db
    .selectFrom('project_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.at', 'e.action', 'e.from_status', 'e.to_status', 'e.reason', 'u.display_name as actor_name'])
    .where('e.district_id', '=', districtId)
    .where('e.project_id', '=', projectId)
    .orderBy('e.id')
    .execute();
}

/** Resources committed to a project or to common needs, withdrawn ones last. */
export function commitmentsOf(db: Kysely<DB>, districtId: string, target: { projectId?: string; commonNeedIds?: string[] }) {
  return db
    .selectFrom('resource_commitments as rc')
    .innerJoin('users as u', 'u.id', 'rc.committed_by')
    .selectAll('rc')
    .select('u.display_name as committed_by_name')
    .where('rc.district_id', '=', districtId)
    .where((eb) => {
      const ors = [];
      if (target.projectId) ors.push(eb('rc.project_id', '=', target.projectId));
      if (target.commonNeedIds?.length) ors.push(eb('rc.common_need_id', 'in', target.commonNeedIds));
      return ors.length ? eb.or(ors) : sql<SqlBool>`false`;
    })
    .orderBy(sql`rc.withdrawn_at is not null`)
    .orderBy('rc.id')
    .limit(200)
    .execute();
}
export type CommitmentRow = Awaited<ReturnType<typeof commitmentsOf>>[number];

export function findCommitment(db: Kysely<DB>, id: string, districts: string[] | null) {
  let q = db
    .selectFrom('resource_commitments as rc')
    .innerJoin('users as u', 'u.id', 'rc.committed_by')
    .selectAll('rc')
    .select('u.display_name as committed_by_name')
    .where('rc.id', '=', id);
  if (districts) q = q.where('rc.district_id', 'in', districts);
  return q.executeTakeFirst();
}

/** The live project holding one of these common needs, if any: what a need's reporter is told. */
export function projectHolding(db: Kysely<DB>, districtId: string, commonNeedIds: string[]) {
  return db
    .selectFrom('project_common_needs as l')
    .innerJoin('projects as p', (j) => j.onRef('p.district_id', '=', 'l.district_id').onRef('p.id', '=', 'l.project_id'))
    .select(['p.id', 'p.ref_no', 'p.title', 'p.status'])
    .where('l.district_id', '=', districtId)
    .where('l.common_need_id', 'in', commonNeedIds)
    .where('p.status', '!=', 'cancelled')
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Districts an actor's territorial assignments lie in; null when not limited (platform or organization roles). */
export function tenantFilter(actor: Actor): string[] | null {
  if (actor.assignments.some((a) => a.scopeType === 'platform' || a.scopeType === 'organization' || !a.districtId)) return null;
  const ids = [...new Set(actor.assignments.map((a) => a.districtId!))];
  return ids.length ? ids : [NO_ID];
}

/** Projects of a district by id, in reference order (a call's offered projects). */
export function projectsByIds(db: Kysely<DB>, districtId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as ProjectRow[]);
  return db.selectFrom('projects').selectAll().where('district_id', '=', districtId).where('id', 'in', ids).orderBy('ref_no').execute();
}
