import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { DB } from '../../tables.ts';
import type { CaseStatus, CasesTable } from './cases.tables.ts';

export type CaseRow = Selectable<CasesTable>;

export function loadCase(db: Kysely<DB>, id: string, lock = false) {
  const q = db.selectFrom('cases').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** The next case number of a district's year, e.g. GA2026-0007; a transaction lock keeps two openings apart. */
export async function nextRefNo(trx: Kysely<DB>, districtId: string, year: number): Promise<string> {
  const prefix = `GA${year}-`;
  await sql`select pg_advisory_xact_lock(hashtext(${`case_ref:${districtId}:${year}`}))`.execute(trx);
  const r = await trx
    .selectFrom('cases')
    .select((eb) => eb.fn.max('ref_no').as('last'))
    .where('district_id', '=', districtId)
    .where('ref_no', 'like', `${prefix}%`)
    .executeTakeFirst();
  const n = r?.last ? Number(r.last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

export interface Reach {
  /** The place grants (community staff and officers). */
  place: Assignment[];
  /** Organizations whose every case the caller reads (administrators). */
  organizations: string[];
  /** Social-worker records of the caller: the cases they work, and those they supervise; their districts lead the index. */
  workerIds: string[];
  supervisorIds: string[];
  districtIds: string[];
}

/** "The caller may read this case", as the policy's read rule says, inside SQL. */
function readable(reach: Reach): Expression<SqlBool> {
  const branches: Expression<SqlBool>[] = [scopeCondition(reach.place, { district: 'district_id', street: 'street_id', community: 'community_id' }, 'cases')];
  if (reach.organizations.length) branches.push(sql<SqlBool>`cases.organization_id in (${sql.join(reach.organizations)})`);
  const districts = () => sql.join(reach.districtIds);
  if (reach.workerIds.length) branches.push(sql<SqlBool>`(cases.district_id in (${districts()}) and cases.worker_id in (${sql.join(reach.workerIds)}))`);
  if (reach.supervisorIds.length) branches.push(sql<SqlBool>`(cases.district_id in (${districts()}) and cases.supervisor_id in (${sql.join(reach.supervisorIds)}))`);
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}

export interface ListFilter {
  status?: CaseStatus;
  statuses?: readonly CaseStatus[];
  workerIds?: string[];
  supervisorIds?: string[];
  communityId?: string;
  clientResidentId?: string;
}

export function listCases(db: Kysely<DB>, reach: Reach, f: ListFilter) {
  let q = db.selectFrom('cases').selectAll().where(readable(reach));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.statuses) q = q.where('status', 'in', f.statuses);
  if (f.workerIds) q = q.where('worker_id', 'in', f.workerIds.length ? f.workerIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.supervisorIds) q = q.where('supervisor_id', 'in', f.supervisorIds.length ? f.supervisorIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.communityId) q = q.where('community_id', '=', f.communityId);
  if (f.clientResidentId) q = q.where('client_resident_id', '=', f.clientResidentId);
  return q.orderBy('updated_at', 'desc').orderBy('id').limit(200).execute();
}

export function recordsOf(db: Kysely<DB>, districtId: string, caseId: string) {
  return db.selectFrom('case_records').selectAll().where('district_id', '=', districtId).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}
