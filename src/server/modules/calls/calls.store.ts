import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { nextYearlyNumber } from '../../platform/db/yearly-numbers.ts';
import type { DB } from '../../tables.ts';
import type { Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { CallStatus } from './calls.lifecycle.ts';

export function selectCalls(db: Kysely<DB>) {
  return db
    .selectFrom('calls as c')
    .leftJoin('streets as s', 's.id', 'c.issuer_street_id')
    .innerJoin('districts as d', 'd.id', 'c.district_id')
    .selectAll('c')
    .select(['s.name as street_name', 's.name_en as street_name_en', 'd.name as district_name', 'd.name_en as district_name_en']);
}
export type CallRow = Awaited<ReturnType<ReturnType<typeof selectCalls>['executeTakeFirstOrThrow']>>;

/** Published calls for everyone; drafts only within the officer assignments given. */
export function readableCondition(draftReaders: Assignment[]): Expression<SqlBool> {
  return sql<SqlBool>`(c.status <> 'draft' or ${scopeCondition(draftReaders, { district: 'district_id', street: 'issuer_street_id' }, 'c')})`;
}

export function loadCall(db: Kysely<DB>, id: string) {
  return selectCalls(db).where('c.id', '=', id).executeTakeFirst();
}

/** The next C-YYYY-NN of a district; the row lock serialises the few rounds opened at once. */
export async function nextRefNo(trx: Kysely<DB>, districtId: string): Promise<string> {
  const { year, n } = await nextYearlyNumber(trx, 'call_counters', districtId);
  return `C-${year}-${String(n).padStart(2, '0')}`;
}

export async function settingsOf(db: Kysely<DB>, districtId: string) {
  return db.selectFrom('call_settings').select(['defaults', 'version']).where('district_id', '=', districtId).executeTakeFirst();
}

export function offeredProjectIds(db: Kysely<DB>, districtId: string, callId: string) {
  return db
    .selectFrom('call_projects')
    .select('project_id')
    .where('district_id', '=', districtId)
    .where('call_id', '=', callId)
    .execute()
    .then((rows) => rows.map((r) => r.project_id));
}

/** Calls other than `callId` still running (not cancelled, not concluded) that offer any of the projects. */
export function offeredElsewhere(db: Kysely<DB>, districtId: string, callId: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([] as string[]);
  return db
    .selectFrom('call_projects as cp')
    .innerJoin('calls as c', (j) => j.onRef('c.district_id', '=', 'cp.district_id').onRef('c.id', '=', 'cp.call_id'))
    .select('cp.project_id')
    .where('cp.district_id', '=', districtId)
    .where('cp.project_id', 'in', projectIds)
    .where('cp.call_id', '<>', callId)
    .where('c.status', 'not in', ['cancelled', 'concluded'])
    .execute()
    .then((rows) => rows.map((r) => r.project_id));
}

export async function setOfferedProjects(trx: Kysely<DB>, districtId: string, callId: string, projectIds: string[]) {
  await trx.deleteFrom('call_projects').where('district_id', '=', districtId).where('call_id', '=', callId).execute();
  if (projectIds.length > 0) {
    await trx.insertInto('call_projects').values(projectIds.map((project_id) => ({ district_id: districtId, call_id: callId, project_id }))).execute();
  }
}

export function panelOf(db: Kysely<DB>, districtId: string, callId: string) {
  return db
    .selectFrom('call_panel as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'p.kind', 'u.display_name'])
    .where('p.district_id', '=', districtId)
    .where('p.call_id', '=', callId)
    .orderBy('p.added_at')
    .execute();
}

/** Active users holding the reviewer role in the district, or in the street given: who may sit on a call's panel. */
function reviewersOfArea(db: Kysely<DB>, districtId: string, streetId: string | null) {
  return db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .where('ra.role', '=', 'reviewer')
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.and([eb('ra.scope_type', '=', 'district'), eb('ra.scope_id', '=', districtId)]),
        ...(streetId ? [eb.and([eb('ra.scope_type', '=', 'street'), eb('ra.scope_id', '=', streetId)])] : []),
      ]),
    );
}

/** Reviewers of the call's area not on its panel yet. */
export function panelCandidates(db: Kysely<DB>, districtId: string, streetId: string | null, callId: string) {
  return reviewersOfArea(db, districtId, streetId)
    .select(['u.id', 'u.display_name'])
    .distinct()
    .where((eb) => eb.not(eb.exists(eb.selectFrom('call_panel as p').select('p.user_id').where('p.district_id', '=', districtId).where('p.call_id', '=', callId).whereRef('p.user_id', '=', 'u.id'))))
    .orderBy('u.display_name')
    .limit(200)
    .execute();
}

/** Does the user hold the reviewer role in the district or in the street given? */
export async function isReviewerFor(db: Kysely<DB>, userId: string, districtId: string, streetId: string | null): Promise<boolean> {
  const row = await reviewersOfArea(db, districtId, streetId).select('ra.id').where('ra.user_id', '=', userId).executeTakeFirst();
  return !!row;
}

export function eventsOf(db: Kysely<DB>, districtId: string, callId: string) {
  return db
    .selectFrom('call_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.action', 'e.from_status', 'e.to_status', 'e.reason', 'e.at', 'u.display_name as actor_name'])
    .where('e.district_id', '=', districtId)
    .where('e.call_id', '=', callId)
    .orderBy('e.id')
    .execute();
}

export function recordEvent(
  trx: Kysely<DB>,
  e: { districtId: string; id: string; callId: string; action: string; from: CallStatus | null; to: CallStatus; reason?: string; actorId: string },
) {
  return trx
    .insertInto('call_events')
    .values({ district_id: e.districtId, id: e.id, call_id: e.callId, action: e.action, from_status: e.from, to_status: e.to, reason: e.reason ?? '', actor_user_id: e.actorId })
    .execute();
}

/** Calls run by the offices of these officer assignments (the rule `isIssuer` of calls.policy.ts, as SQL over alias c). */
export function issuedBy(offices: Assignment[]): Expression<SqlBool> {
  const district = offices.filter((a) => a.role === 'district_officer' && a.scopeType === 'district').map((a) => a.scopeId!);
  const street = offices.filter((a) => a.role === 'street_officer' && a.scopeType === 'street').map((a) => a.scopeId!);
  const parts = [
    ...(district.length > 0 ? [sql<SqlBool>`(c.issuer_level = 'district' and c.district_id in (${sql.join(district)}))`] : []),
    ...(street.length > 0 ? [sql<SqlBool>`(c.issuer_level = 'street' and c.issuer_street_id in (${sql.join(street)}))`] : []),
  ];
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

export function awardOf(db: Kysely<DB>, districtId: string, callId: string, applicationId: string) {
  return db.selectFrom('call_awards').select(['application_id', 'revoked_at']).where('district_id', '=', districtId).where('call_id', '=', callId).where('application_id', '=', applicationId).executeTakeFirst();
}

/** Rounds of the street (and of its district) in publicity, or concluded since `since`: what a public notice board shows. */
export function publicisedFor(db: Kysely<DB>, districtId: string, streetId: string, since: Date) {
  return selectCalls(db)
    .where('c.district_id', '=', districtId)
    .where((eb) => eb.or([eb('c.issuer_level', '=', 'district'), eb('c.issuer_street_id', '=', streetId)]))
    .where((eb) => eb.or([eb('c.status', '=', 'publicity'), eb.and([eb('c.status', '=', 'concluded'), eb('c.publicized_at', '>=', since)])]))
    .orderBy('c.publicized_at', 'desc')
    .limit(20)
    .execute();
}

/** Objections lodged and answered per round (of one district). */
export async function objectionCounts(db: Kysely<DB>, districtId: string, callIds: string[]): Promise<Map<string, { lodged: number; answered: number }>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('call_objections')
    .select(['call_id', sql<number>`count(*)::int`.as('lodged'), sql<number>`count(answered_at)::int`.as('answered')])
    .where('district_id', '=', districtId)
    .where('call_id', 'in', callIds)
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, { lodged: r.lodged, answered: r.answered }]));
}

/** The awards of the rounds given (of one district), in rank order. */
export async function awardsOf(db: Kysely<DB>, districtId: string, callIds: string[]) {
  if (callIds.length === 0) return [];
  return db
    .selectFrom('call_awards as w')
    .innerJoin('applications as a', (j) => j.onRef('a.district_id', '=', 'w.district_id').onRef('a.id', '=', 'w.application_id'))
    .innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .leftJoin('projects as p', (j) => j.onRef('p.district_id', '=', 'w.district_id').onRef('p.id', '=', 'w.project_id'))
    .select(['w.call_id', 'w.application_id', 'w.amount_fen', 'w.rank', 'w.revoked_at', 'a.ref_no', 'a.title', 'a.theme', 'o.name as organization_name', 'p.title as project_title'])
    .where('w.district_id', '=', districtId)
    .where('w.call_id', 'in', callIds)
    .orderBy('w.rank')
    .execute();
}
export type AwardRow = Awaited<ReturnType<typeof awardsOf>>[number];

/** A project's live (not revoked) award, with the round's status: what its contract rests on. */
export async function liveAwardOfProject(db: Kysely<DB>, districtId: string, projectId: string) {
  const r = await db
    .selectFrom('call_awards as w')
    .innerJoin('calls as c', (j) => j.onRef('c.district_id', '=', 'w.district_id').onRef('c.id', '=', 'w.call_id'))
    .innerJoin('organizations as o', 'o.id', 'w.organization_id')
    .innerJoin('applications as a', (j) => j.onRef('a.district_id', '=', 'w.district_id').onRef('a.id', '=', 'w.application_id'))
    .select(['w.call_id', 'c.ref_no', 'c.status', 'w.application_id', 'w.organization_id', 'o.name', 'w.amount_fen', 'a.co_funding_fen', 'a.co_funding_kind', 'a.co_funding_source'])
    .where('w.district_id', '=', districtId)
    .where('w.project_id', '=', projectId)
    .where('w.revoked_at', 'is', null)
    .executeTakeFirst();
  return r && { callId: r.call_id, callRefNo: r.ref_no, callStatus: r.status, applicationId: r.application_id, organizationId: r.organization_id, organizationName: r.name, amountFen: Number(r.amount_fen),
    coFunding: { fen: Number(r.co_funding_fen), kind: r.co_funding_kind, source: r.co_funding_source },
  };
}
