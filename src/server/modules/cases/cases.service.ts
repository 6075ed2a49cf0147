import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type CommandScope, type RequestContext } from '../../platform/http/context.ts';
import { userDisplayNames } from '../accounts/index.ts';
import { needForCase, needRefNo, noteCaseOpened, resolveThroughCase } from '../needs/index.ts';
import { organizationNames, servedCommunities } from '../organizations/index.ts';
import { communityNames, residentNames, residentPlace } from '../territory/index.ts';
import { caseWorkers, workersOfUser, type CaseWorker } from '../workforce/index.ts';
import './cases.errors.ts';
import { consentsAndReferrals } from './cases.referrals.ts';
import { CASE_ACTIONS, CASE_TRANSITIONS, caseTransition, type CaseAction } from './cases.lifecycle.ts';
import { casePolicy, mayTake, type CaseRecord } from './cases.policy.ts';
import type * as S from './cases.schemas.ts';
import * as store from './cases.store.ts';
import type { CaseRecordKind, CaseStatus } from './cases.tables.ts';

const notFound = () => new AppError('resource.not_found');

/** Text a step requires, trimmed: blank answers like a missing field (the schema only counts characters). */
export function written(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw invalid({ field, code: 'validation.required' });
  return text;
}
const iso = (d: Date | string) => new Date(d).toISOString();

/** What a command answers: where the case now stands; the page asks for the detail when it shows it. */
export interface CaseStep {
  id: string;
  refNo: string;
  status: CaseStatus;
  allowedActions: CaseAction[];
}

type People = Map<string, CaseWorker>;

function recordOf(row: store.CaseRow, people: People): CaseRecord {
  return {
    districtId: row.district_id,
    streetId: row.street_id,
    communityId: row.community_id,
    organizationId: row.organization_id,
    workerUserId: people.get(row.worker_id)?.userId ?? null,
    supervisorUserId: people.get(row.supervisor_id)?.userId ?? null,
  };
}

function allowedActions(actor: Actor, status: CaseStatus, record: CaseRecord): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const t = caseTransition(status, a);
    return t !== undefined && mayTake(actor, t, record);
  });
}

const seal = (scope: CommandScope, body: unknown) => scope.platform.pii.encrypt(JSON.stringify(body));

export async function journal(scope: CommandScope, row: Pick<store.CaseRow, 'district_id' | 'id' | 'worker_id'>, actor: Actor, kind: CaseRecordKind, body: unknown, session?: { heldOn: string; minutes: number }) {
  await scope.trx
    .insertInto('case_records')
    .values({ district_id: row.district_id, id: newId(), case_id: row.id, kind, body: seal(scope, body), held_on: session?.heldOn ?? null, minutes: session?.minutes ?? null, author_user_id: actor.userId, worker_id: row.worker_id })
    .execute();
}

/** The social worker a case is opened for: named by an administrator, or the caller's own record. */
async function assignedWorker(ctx: RequestContext, actor: Actor, workerId: string | undefined) {
  const orgs = new Set(actor.assignments.filter((a) => a.scopeType === 'organization' && (a.role === 'org_admin' || a.role === 'social_worker')).map((a) => a.scopeId));
  if (orgs.size === 0) throw new AppError('access.forbidden');
  let id = workerId;
  if (!id) {
    const own = (await workersOfUser(ctx.db, actor.userId)).filter((w) => w.organizationId && orgs.has(w.organizationId));
    if (own.length !== 1) throw invalid({ field: 'workerId', code: 'validation.required' });
    id = own[0]!.id;
  }
  const worker = (await caseWorkers(ctx.db, null, [id])).get(id);
  // Another organization's worker, or one who left, names nothing the caller may assign.
  if (!worker || !worker.active || !worker.organizationId || !orgs.has(worker.organizationId)) throw notFoundAt('workerId');
  if (!worker.userId) throw new AppError('case.worker_without_account');
  if (!worker.supervisorId || !worker.supervisorUserId) throw new AppError('case.no_supervisor');
  return worker as CaseWorker & { districtId: string; organizationId: string; supervisorId: string };
}

/** A social worker opens a case for a resident the organization serves, from a need referred to it or directly. */
export async function openCase(ctx: RequestContext, body: S.OpenBody): Promise<CaseStep> {
  const actor = requireActor(ctx);
  const worker = await assignedWorker(ctx, actor, body.workerId);
  const districtId = worker.districtId;
  const client = await residentPlace(ctx.db, districtId, body.clientResidentId);
  if (!client || !(await servedCommunities(ctx.db, worker.organizationId)).includes(client.communityId)) throw notFoundAt('clientResidentId');
  const record: CaseRecord = { districtId, streetId: client.streetId, communityId: client.communityId, organizationId: worker.organizationId, workerUserId: worker.userId, supervisorUserId: worker.supervisorUserId };
  if (!casePolicy.can(actor, 'open', record)) throw notFoundAt('workerId');
  if (body.source === 'need' && !body.needId) throw invalid({ field: 'needId', code: 'validation.required' });
  const summary = written(body.summary, 'summary');
  const id = newId();
  const refNo = await command(ctx, async (scope) => {
    const { trx, audit } = scope;
    if (body.needId) {
      const need = await needForCase(trx, districtId, body.needId);
      if (!need || need.referralOrgId !== worker.organizationId) throw notFoundAt('needId');
      if (need.state !== 'referred') throw new AppError('case.need_not_referred');
      if (need.householdId && need.householdId !== client.householdId) throw invalid({ field: 'clientResidentId', code: 'case.client_not_of_need' });
      const open = await trx.selectFrom('cases').select('id').where('district_id', '=', districtId).where('need_id', '=', need.id).where('status', '<>', 'closed').executeTakeFirst();
      if (open) throw new AppError('case.need_has_case');
    }
    const ref = await store.nextRefNo(trx, districtId, Number(localDate(new Date()).slice(0, 4)));
    const row = { district_id: districtId, id, worker_id: worker.id };
    await trx
      .insertInto('cases')
      .values({ ...row, ref_no: ref, organization_id: worker.organizationId, street_id: client.streetId, community_id: client.communityId, client_resident_id: client.id, household_id: client.householdId, need_id: body.needId ?? null, supervisor_id: worker.supervisorId, opened_by: actor.userId })
      .execute();
    await journal(scope, row, actor, 'intake', { source: body.needId ? 'need' : body.source, summary });
    if (body.needId) await noteCaseOpened(scope, districtId, body.needId, actor);
    // The audit names who and what, never the client's story.
    await audit({ action: 'case.create', entityType: 'case', entityId: id, districtId, after: { refNo: ref, clientResidentId: client.id, workerId: worker.id, supervisorId: worker.supervisorId, needId: body.needId ?? null } });
    return ref;
  });
  return { id, refNo, status: 'intake', allowedActions: allowedActions(actor, 'intake', record) };
}

export interface Step {
  row: store.CaseRow;
  actor: Actor;
  scope: CommandScope;
}

/**
 * One step of the lifecycle, in one transaction with the case row locked: the caller must read
 * the case (or it does not exist for them), hold the action's role and party, and find the case
 * in a status the action leaves. `write` adds the step's own records and checks; its answer is
 * merged into the case row.
 */
export async function step(ctx: RequestContext, id: string, action: CaseAction, write: (s: Step) => Promise<Partial<store.CaseRow> | void>): Promise<CaseStep> {
  const actor = requireActor(ctx);
  return command(ctx, async (scope) => {
    const row = await store.loadCase(scope.trx, id, true);
    if (!row) throw notFound();
    const people = await caseWorkers(scope.trx, row.district_id, [row.worker_id, row.supervisor_id]);
    const record = recordOf(row, people);
    if (!casePolicy.can(actor, 'read', record)) throw notFound();
    if (!CASE_TRANSITIONS.some((t) => t.action === action && mayTake(actor, t, record))) throw new AppError('access.forbidden');
    const t = caseTransition(row.status, action);
    if (!t || !mayTake(actor, t, record)) throw new AppError('case.wrong_status');
    const changes = (await write({ row, actor, scope })) ?? {};
    const status = t.to ?? row.status;
    const next = { ...row, ...changes, status };
    await scope.trx
      .updateTable('cases')
      .set({ ...changes, status, updated_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .execute();
    await scope.audit({ action: `case.${action}`, entityType: 'case', entityId: row.id, districtId: row.district_id, before: { status: row.status }, after: { status, ...(changes.worker_id ? { workerId: changes.worker_id } : {}) } });
    const nextPeople = changes.worker_id ? await caseWorkers(scope.trx, row.district_id, [next.worker_id, next.supervisor_id]) : people;
    return { id: row.id, refNo: row.ref_no, status, allowedActions: allowedActions(actor, status, recordOf(next, nextPeople)) };
  });
}

type Body = Record<string, unknown>;
export const unseal = (pii: RequestContext['pii'], sealed: Buffer | Uint8Array) => JSON.parse(pii.decrypt(sealed)) as Body;

/** The goals of the plan last submitted, numbered from 1. */
async function currentGoals(s: Step): Promise<{ goal: number; title: string; measure: string }[]> {
  const plan = await s.scope.trx
    .selectFrom('case_records')
    .select('body')
    .where('district_id', '=', s.row.district_id)
    .where('case_id', '=', s.row.id)
    .where('kind', '=', 'plan')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return plan ? (unseal(s.scope.platform.pii, plan.body).goals as { goal: number; title: string; measure: string }[]) : [];
}

export const assess = (ctx: RequestContext, id: string, body: S.AssessmentBody) =>
  step(ctx, id, 'assess', async (s) => journal(s.scope, s.row, s.actor, 'assessment', body));

export const submitPlan = (ctx: RequestContext, id: string, body: S.PlanBody) =>
  step(ctx, id, 'submit_plan', async (s) => {
    const blank = body.goals.findIndex((g) => !g.title.trim());
    if (blank >= 0) throw invalid({ field: `goals.${blank}.title`, code: 'validation.required' });
    await journal(s.scope, s.row, s.actor, 'plan', { goals: body.goals.map((g, k) => ({ goal: k + 1, title: g.title.trim(), measure: g.measure.trim() })) });
  });

export const recordSession = (ctx: RequestContext, id: string, body: S.SessionBody) =>
  step(ctx, id, 'record_session', async (s) => {
    if (body.heldOn > localDate(new Date())) throw invalid({ field: 'heldOn', code: 'case.date_in_future' });
    const goals = new Set((await currentGoals(s)).map((g) => g.goal));
    const unknown = (body.goalProgress ?? []).findIndex((p) => !goals.has(p.goal));
    if (unknown >= 0) throw invalid({ field: `goalProgress.${unknown}.goal`, code: 'case.unknown_goal' });
    await journal(s.scope, s.row, s.actor, 'session', { note: written(body.note, 'note'), goalProgress: body.goalProgress ?? [] }, { heldOn: body.heldOn, minutes: body.minutes });
  });

export const requestClosing = (ctx: RequestContext, id: string, body: S.ClosingBody) =>
  step(ctx, id, 'request_closing', async (s) => {
    const goals = (await currentGoals(s)).map((g) => g.goal);
    const given = body.results.map((r) => r.goal);
    if (goals.length !== given.length || goals.some((g) => !given.includes(g))) throw invalid({ field: 'results', code: 'case.results_incomplete' });
    const reply = body.reply?.trim() ?? '';
    if (s.row.need_id && !reply) throw invalid({ field: 'reply', code: 'validation.required' });
    await journal(s.scope, s.row, s.actor, 'closing', { outcome: body.outcome, results: body.results, summary: written(body.summary, 'summary') });
    return { outcome: body.outcome, reply: reply || null };
  });

/** The supervisor approves or returns a plan or a closing; returning says why. */
export const review = (ctx: RequestContext, id: string, body: S.ReviewBody) =>
  step(ctx, id, body.action, async (s) => {
    const comment = body.comment?.trim() ?? '';
    if (body.action.startsWith('return') && !comment) throw invalid({ field: 'comment', code: 'validation.required' });
    await journal(s.scope, s.row, s.actor, 'review', { action: body.action, comment });
    if (body.action !== 'approve_closing') return;
    if (s.row.need_id) await resolveThroughCase(s.scope, s.row.district_id, s.row.need_id, { outcome: s.row.outcome ?? 'fully', reply: s.row.reply ?? '' });
    return { closed_at: new Date() };
  });

/** The supervisor or the administrator hands the case to another of the organization's workers, with a note. */
export const transfer = (ctx: RequestContext, id: string, body: S.TransferBody) =>
  step(ctx, id, 'transfer', async (s) => {
    if (body.workerId === s.row.worker_id) throw invalid({ field: 'workerId', code: 'case.same_worker' });
    const next = (await caseWorkers(s.scope.trx, s.row.district_id, [body.workerId])).get(body.workerId);
    if (!next || !next.active || next.organizationId !== s.row.organization_id) throw notFoundAt('workerId');
    if (!next.userId) throw new AppError('case.worker_without_account');
    if (!next.supervisorId || !next.supervisorUserId) throw new AppError('case.no_supervisor');
    await journal(s.scope, s.row, s.actor, 'handover', { fromWorkerId: s.row.worker_id, toWorkerId: next.id, note: written(body.note, 'note') });
    return { worker_id: next.id, supervisor_id: next.supervisorId };
  });

/** A closed case opens again for a new assessment; the need it answered keeps its own loop. */
export const reopen = (ctx: RequestContext, id: string, body: S.ReopenBody) =>
  step(ctx, id, 'reopen', async (s) => {
    await journal(s.scope, s.row, s.actor, 'reopen', { reason: written(body.reason, 'reason') });
    return { closed_at: null, outcome: null, reply: null, reopened: s.row.reopened + 1 };
  });

/** Names of the people and places a page of cases shows, read in one batch per kind. */
async function summaries(ctx: RequestContext, rows: store.CaseRow[]): Promise<{ list: S.CaseSummary[]; people: People }> {
  const byDistrict = new Map<string, string[]>();
  for (const r of rows) byDistrict.set(r.district_id, [...(byDistrict.get(r.district_id) ?? []), r.client_resident_id]);
  const [people, orgs, communities, ...clients] = await Promise.all([
    caseWorkers(ctx.db, null, [...new Set(rows.flatMap((r) => [r.worker_id, r.supervisor_id]))]),
    organizationNames(ctx.db, [...new Set(rows.map((r) => r.organization_id))]),
    communityNames(ctx.db, [...new Set(rows.map((r) => r.community_id))]),
    ...[...byDistrict].map(([d, ids]) => residentNames(ctx.db, d, ids)),
  ]);
  const clientName = new Map(clients.flatMap((m) => [...m]));
  const community = (id: string) => communities.get(id);
  const list = rows.map((r) => ({
    id: r.id,
    refNo: r.ref_no,
    status: r.status,
    organization: { id: r.organization_id, name: orgs.get(r.organization_id) ?? '' },
    communityId: r.community_id,
    communityName: (ctx.locale === 'en' ? community(r.community_id)?.nameEn : null) ?? community(r.community_id)?.name ?? '',
    client: { id: r.client_resident_id, name: clientName.get(r.client_resident_id) ?? '' },
    worker: { id: r.worker_id, name: people.get(r.worker_id)?.name ?? '' },
    supervisor: { id: r.supervisor_id, name: people.get(r.supervisor_id)?.name ?? '' },
    needId: r.need_id,
    outcome: r.outcome,
    reopened: r.reopened,
    openedAt: iso(r.opened_at),
    closedAt: r.closed_at ? iso(r.closed_at) : null,
    updatedAt: iso(r.updated_at),
  }));
  return { list, people };
}

/** The caller's reach over cases, from the policy's read grants: places, whole organizations, own cases. */
async function reachOf(ctx: RequestContext, actor: Actor): Promise<store.Reach> {
  const grants = casePolicy.grants(actor, 'read');
  const orgsAs = (role: string) => new Set(grants.filter((a) => a.scopeType === 'organization' && a.role === role).map((a) => a.scopeId));
  const [asWorker, asSupervisor] = [orgsAs('social_worker'), orgsAs('supervisor')];
  const own = asWorker.size || asSupervisor.size ? await workersOfUser(ctx.db, actor.userId) : [];
  const ofOrgs = (orgs: Set<string | null>) => own.filter((w) => orgs.has(w.organizationId)).map((w) => w.id);
  return {
    place: grants.filter((a) => a.scopeType !== 'organization'),
    organizations: [...orgsAs('org_admin')].filter((o): o is string => o !== null),
    workerIds: ofOrgs(asWorker),
    supervisorIds: ofOrgs(asSupervisor),
    districtIds: [...new Set(own.map((w) => w.districtId))],
  };
}

export async function listCases(ctx: RequestContext, q: S.ListQuery): Promise<S.CaseList> {
  const actor = requireActor(ctx);
  const reach = await reachOf(ctx, actor);
  const rows = await store.listCases(ctx.db, reach, {
    status: q.status,
    communityId: q.communityId,
    clientResidentId: q.clientResidentId,
    ...(q.view === 'mine' ? { workerIds: reach.workerIds } : {}),
    ...(q.view === 'review' ? { supervisorIds: reach.supervisorIds, statuses: ['plan_review', 'closing'] as const } : {}),
  });
  return { items: (await summaries(ctx, rows)).list };
}

/**
 * The case; its notes only for its team, decrypted here and the read audited. Anyone else who
 * may read it learns that it exists, for whom, with whom and in which state.
 */
export async function getCase(ctx: RequestContext, id: string): Promise<S.CaseDetail> {
  const actor = requireActor(ctx);
  const row = await store.loadCase(ctx.db, id);
  if (!row) throw notFound();
  const { list, people } = await summaries(ctx, [row]);
  const record = recordOf(row, people);
  if (!casePolicy.can(actor, 'read', record)) throw notFound();
  const notes = casePolicy.can(actor, 'read_notes', record) ? await notesOf(ctx, row) : null;
  return {
    ...list[0]!,
    needRefNo: row.need_id ? await needRefNo(ctx.db, row.district_id, row.need_id) : null,
    reply: row.reply,
    allowedActions: allowedActions(actor, row.status, record),
    notes,
  };
}

async function notesOf(ctx: RequestContext, row: store.CaseRow): Promise<S.CaseDetail['notes']> {
  const records = await store.recordsOf(ctx.db, row.district_id, row.id);
  const authors = await userDisplayNames(ctx.db, records.map((r) => r.author_user_id));
  const journal = records.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: iso(r.created_at),
    authorName: authors.get(r.author_user_id) ?? '',
    heldOn: r.held_on,
    minutes: r.minutes,
    body: unseal(ctx.pii, r.body),
  }));
  const last = (kind: CaseRecordKind) => journal.filter((j) => j.kind === kind).at(-1);
  const plan = (last('plan')?.body.goals ?? []) as { goal: number; title: string; measure: string }[];
  const progress = new Map<number, number>();
  for (const j of journal) if (j.kind === 'session') for (const p of j.body.goalProgress as { goal: number; progress: number }[]) progress.set(p.goal, p.progress);
  await auditRead(ctx, { action: 'case.read_notes', entityType: 'case', entityId: row.id, districtId: row.district_id });
  return {
    ...(await consentsAndReferrals(ctx, row.district_id, row.id)),
    assessment: (last('assessment')?.body ?? null) as S.AssessmentBody | null,
    goals: plan.map((g) => ({ ...g, progress: progress.get(g.goal) ?? 0 })),
    sessionMinutes: journal.reduce((sum, j) => sum + (j.kind === 'session' ? (j.minutes ?? 0) : 0), 0),
    journal,
  };
}
