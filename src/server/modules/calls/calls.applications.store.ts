import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { BudgetLine } from './calls.tables.ts';

/** An application with what its pages and its authorization need of the call, the organization and the project. */
export function selectApplications(db: Kysely<DB>) {
  return db
    .selectFrom('applications as a')
    .innerJoin('calls as c', (j) => j.onRef('c.district_id', '=', 'a.district_id').onRef('c.id', '=', 'a.call_id'))
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('projects as p', (j) => j.onRef('p.district_id', '=', 'a.district_id').onRef('p.id', '=', 'a.project_id'))
    .selectAll('a')
    .select([
      'c.ref_no as call_ref_no',
      'c.title as call_title',
      'c.status as call_status',
      'c.deadline',
      'c.issuer_level',
      'c.issuer_street_id',
      'c.rules',
      'o.name as organization_name',
      'p.title as project_title',
    ]);
}
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof selectApplications>['executeTakeFirstOrThrow']>>;

export function loadApplication(db: Kysely<DB>, id: string) {
  return selectApplications(db).where('a.id', '=', id).executeTakeFirst();
}

/**
 * The next C-YYYY-NN-MM of a call. The call's row is locked for the count, so two applications
 * created at once get different numbers; a call takes a few dozen applications.
 */
export async function nextRefNo(trx: Kysely<DB>, districtId: string, callId: string, callRef: string): Promise<string> {
  await trx.selectFrom('calls').select('id').where('district_id', '=', districtId).where('id', '=', callId).forUpdate().execute();
  const { n } = await trx
    .selectFrom('applications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('district_id', '=', districtId)
    .where('call_id', '=', callId)
    .executeTakeFirstOrThrow();
  return `${callRef}-${String(n + 1).padStart(2, '0')}`;
}

export function teamOf(db: Kysely<DB>, districtId: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('application_team')
    .select(['application_id', 'social_worker_id', 'role'])
    .where('district_id', '=', districtId)
    .where('application_id', 'in', applicationIds)
    .orderBy('role')
    .orderBy('social_worker_id')
    .execute();
}

export async function setTeam(trx: Kysely<DB>, districtId: string, applicationId: string, team: { socialWorkerId: string; role: 'lead' | 'member' }[]) {
  await trx.deleteFrom('application_team').where('district_id', '=', districtId).where('application_id', '=', applicationId).execute();
  if (team.length > 0) {
    await trx
      .insertInto('application_team')
      .values(team.map((m) => ({ district_id: districtId, application_id: applicationId, social_worker_id: m.socialWorkerId, role: m.role })))
      .execute();
  }
}

export const budgetOf = (lines: BudgetLine[]) => lines.reduce((s, l) => s + l.amountFen, 0);

/** Is there a live application of the organization for this offer already (other than `exceptId`)? */
export async function offerTaken(db: Kysely<DB>, a: { districtId: string; callId: string; organizationId: string; projectId: string | null; theme: string | null }) {
  let q = db
    .selectFrom('applications')
    .select('id')
    .where('district_id', '=', a.districtId)
    .where('call_id', '=', a.callId)
    .where('organization_id', '=', a.organizationId)
    .where('status', '<>', 'withdrawn');
  q = a.projectId ? q.where('project_id', '=', a.projectId) : q.where('theme', '=', a.theme);
  return !!(await q.executeTakeFirst());
}
