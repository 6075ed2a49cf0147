import { sql, type SqlBool } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt, type FieldError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { evaluateEligibility, organizationNames, organizationStanding } from '../organizations/index.ts';
import { failedProjectEndDates, callProjectsOf } from '../projects/index.ts';
import { organizationStaff, teamMembers } from '../workforce/index.ts';
import * as S from './calls.applications.schemas.ts';
import * as store from './calls.applications.store.ts';
import './calls.errors.ts';
import { recordOf } from './calls.applications.record.ts';
import { applicationPolicy, callPolicy, type ApplicationRecord } from './calls.policy.ts';
import { reviewerAccess, scoreSheetsOf } from './calls.reviews.service.ts';
import type { CallRules } from './calls.rules.ts';
import { loadVisible as loadVisibleCall, recordOf as callRecordOf } from './calls.service.ts';
import { issuedBy } from './calls.store.ts';
import * as callStore from './calls.store.ts';
import type { BudgetLine } from './calls.tables.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

const SENT_ACTIONS = ['update', 'submit', 'withdraw', 'review'] as const;

function present(actor: Actor, row: store.ApplicationRow, record: ApplicationRecord): S.ApplicationView {
  const budget = Number(row.budget_fen);
  const coFunding = Number(row.co_funding_fen);
  return {
    id: row.id,
    refNo: row.ref_no,
    callId: row.call_id,
    callRefNo: row.call_ref_no,
    callTitle: row.call_title,
    callStatus: row.call_status,
    deadline: iso(row.deadline),
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    projectId: row.project_id,
    projectTitle: row.project_title,
    theme: row.theme,
    title: row.title,
    status: row.status,
    budgetFen: budget,
    coFundingFen: coFunding,
    requestedFen: budget - coFunding,
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
    updatedAt: iso(row.updated_at),
    allowedActions: SENT_ACTIONS.filter((a) => applicationPolicy.can(actor, a, record)),
  };
}

/**
 * Who may read an application, and how much: its organization's people and the issuing office
 * all of it, a panel member what their declaration allows (calls.reviews.service.ts). Anyone
 * else, and a reviewer tied to the applicant, gets the answer a missing id gets.
 */
async function loadVisible(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await store.loadApplication(ctx.db, id);
  if (!row) throw new AppError('resource.not_found');
  const panel = (await callStore.panelOf(ctx.db, row.district_id, row.call_id)).map((p) => p.user_id);
  const record = recordOf(row, panel);
  if (applicationPolicy.can(actor, 'read', record) || applicationPolicy.can(actor, 'read_submitted', record)) return { actor, row, record, sees: 'all' as const };
  const access = await reviewerAccess(ctx, actor, row, record);
  if (access === 'none') throw new AppError('resource.not_found');
  return { actor, row, record, sees: access };
}

export async function getApplication(ctx: RequestContext, id: string): Promise<S.ApplicationDetail> {
  const { actor, row, record, sees } = await loadVisible(ctx, id);
  const view = present(actor, row, record);
  // Before a panel member declares, they see who applies for what: enough to know a conflict.
  const content = sees === 'all' || sees === 'content';
  const team = content ? await store.teamOf(ctx.db, row.district_id, [row.id]) : [];
  const members = await teamMembers(ctx.db, team.map((m) => m.social_worker_id));
  return {
    ...view,
    summary: content ? row.summary : '',
    proposal: content ? row.proposal : '',
    budgetLines: content ? (row.budget_lines as BudgetLine[]) : [],
    coFundingSource: content ? row.co_funding_source : '',
    coFundingKind: content ? row.co_funding_kind : null,
    team: team.map((m) => ({ socialWorkerId: m.social_worker_id, name: members.get(m.social_worker_id)?.name ?? '', certificateLevel: members.get(m.social_worker_id)?.certificateLevel ?? 'none', role: m.role })),
    eligibility: sees === 'all' ? (row.eligibility as S.Eligibility | null) : null,
    scoreSheets: await scoreSheetsOf(ctx, actor, row, record),
  };
}

export async function listApplications(ctx: RequestContext, q: S.ListQuery) {
  const actor = requireActor(ctx);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['uuid']);
  const own = applicationPolicy.grants(actor, 'read').filter((a) => a.scopeType === 'organization').map((a) => a.scopeId!);
  const offices = applicationPolicy.grants(actor, 'read_submitted');
  let query = store.selectApplications(ctx.db).where((eb) =>
    eb.or([
      ...(own.length > 0 ? [eb('a.organization_id', 'in', own)] : []),
      ...(offices.length > 0 ? [eb.and([eb('a.submitted_at', 'is not', null), issuedBy(offices)])] : []),
      sql<SqlBool>`false`,
    ]),
  );
  if (q.callId) query = query.where('a.call_id', '=', q.callId);
  if (q.organizationId) query = query.where('a.organization_id', '=', q.organizationId);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (after) query = query.where('a.id', '<', after[0]);
  const rows = await query.orderBy('a.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  // The office's view of a list never needs the panel: list actions are the applicant's.
  return { items: page.items.map((r) => present(actor, r, recordOf(r, []))), nextCursor: page.nextCursor };
}

function checkOpen(deadline: Date | string, now = new Date()) {
  if (now.getTime() >= new Date(deadline).getTime()) throw new AppError('application.deadline_passed', { deadline: iso(deadline) });
}

/** Team members must be the applicant's own active social workers; an id that is not answers 404 naming its place. */
async function checkTeam(ctx: RequestContext, organizationId: string, team: S.CreateBody['team'] = []) {
  const staff = new Set((await organizationStaff(ctx.db, organizationId, team.map((m) => m.socialWorkerId))).map((s) => s.id));
  team.forEach((m, i) => {
    if (!staff.has(m.socialWorkerId)) throw notFoundAt(`team.${i}.socialWorkerId`);
  });
  if (new Set(team.map((m) => m.socialWorkerId)).size !== team.length) throw invalid({ field: 'team', code: 'application.team_twice' });
}

function checkBudget(lines: BudgetLine[], coFundingFen: number) {
  if (coFundingFen > store.budgetOf(lines)) throw invalid({ field: 'coFundingFen', code: 'application.co_funding_over_budget' });
}

export async function createApplication(ctx: RequestContext, callId: string, body: S.CreateBody) {
  const { actor, row: call } = await loadVisibleCall(ctx, callId);
  if (!(await organizationNames(ctx.db, [body.organizationId])).has(body.organizationId)) throw notFoundAt('organizationId');
  const record: ApplicationRecord = { organizationId: body.organizationId, status: 'draft', submitted: false, call: callRecordOf(call), panel: [] };
  applicationPolicy.authorize(actor, 'create', record);
  checkOpen(call.deadline);
  if ((body.projectId === undefined) === (body.theme === undefined)) throw invalid({ field: 'projectId', code: 'application.project_or_theme' });
  if (body.projectId && !(await callStore.offeredProjectIds(ctx.db, call.district_id, call.id)).includes(body.projectId)) throw notFoundAt('projectId');
  if (body.theme && !call.themes.includes(body.theme)) throw invalid({ field: 'theme', code: 'application.theme_not_offered' });
  await checkTeam(ctx, body.organizationId, body.team);
  const lines = body.budgetLines ?? [];
  checkBudget(lines, body.coFundingFen ?? 0);
  const offer = { districtId: call.district_id, callId: call.id, organizationId: body.organizationId, projectId: body.projectId ?? null, theme: body.theme ?? null };
  if (await store.offerTaken(ctx.db, offer)) throw new AppError('application.already_applied');
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    const values = {
      district_id: call.district_id,
      id,
      call_id: call.id,
      ref_no: await store.nextRefNo(trx, call.district_id, call.id, call.ref_no),
      organization_id: body.organizationId,
      project_id: offer.projectId,
      theme: offer.theme,
      title: body.title.trim(),
      summary: body.summary?.trim() ?? '',
      proposal: body.proposal?.trim() ?? '',
      budget_lines: JSON.stringify(lines),
      budget_fen: store.budgetOf(lines),
      co_funding_fen: body.coFundingFen ?? 0,
      co_funding_source: body.coFundingSource?.trim() ?? '',
      co_funding_kind: body.coFundingKind ?? null,
      created_by: actor.userId,
    };
    await trx.insertInto('applications').values(values).execute();
    await store.setTeam(trx, call.district_id, id, body.team ?? []);
    await audit({ action: 'application.create', entityType: 'application', entityId: id, districtId: call.district_id, after: { ...values, budget_lines: lines, team: body.team ?? [] } });
  });
  return getApplication(ctx, id);
}

export async function updateApplication(ctx: RequestContext, id: string, body: S.UpdateBody) {
  const { actor, row, record } = await loadVisible(ctx, id);
  applicationPolicy.authorize(actor, 'update', record);
  checkOpen(row.deadline);
  if (body.team) await checkTeam(ctx, row.organization_id, body.team);
  const lines = body.budgetLines ?? (row.budget_lines as BudgetLine[]);
  checkBudget(lines, body.coFundingFen ?? Number(row.co_funding_fen));
  const changes = {
    ...(body.title !== undefined && { title: body.title.trim() }),
    ...(body.summary !== undefined && { summary: body.summary.trim() }),
    ...(body.proposal !== undefined && { proposal: body.proposal.trim() }),
    ...(body.budgetLines !== undefined && { budget_lines: JSON.stringify(lines), budget_fen: store.budgetOf(lines) }),
    ...(body.coFundingFen !== undefined && { co_funding_fen: body.coFundingFen }),
    ...(body.coFundingSource !== undefined && { co_funding_source: body.coFundingSource.trim() }),
    ...(body.coFundingKind !== undefined && { co_funding_kind: body.coFundingKind }),
  };
  await command(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('applications')
      .set({ ...changes, updated_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('application.not_editable');
    if (body.team) await store.setTeam(trx, row.district_id, row.id, body.team);
    await audit({ action: 'application.update', entityType: 'application', entityId: row.id, districtId: row.district_id, after: { ...body } });
  });
  return getApplication(ctx, id);
}

/** The call's eligibility rules answered for one organization on a day (today in the district's time). */
async function eligibilityOn(ctx: RequestContext, organizationId: string, rules: CallRules, onDate: string): Promise<S.Eligibility> {
  const standing = await organizationStanding(ctx.db, organizationId, onDate);
  if (!standing) throw notFoundAt('organizationId');
  const failed = (await failedProjectEndDates(ctx.db, [organizationId])).get(organizationId) ?? [];
  return { ...evaluateEligibility(standing, rules.eligibility, failed), onDate };
}

/** The eligibility check before applying: for the organization's own people and the issuing office. */
export async function checkEligibility(ctx: RequestContext, callId: string, organizationId: string): Promise<S.Eligibility> {
  const { actor, row: call } = await loadVisibleCall(ctx, callId);
  const record: ApplicationRecord = { organizationId, status: 'draft', submitted: false, call: callRecordOf(call), panel: [] };
  if (!applicationPolicy.can(actor, 'read', record) && !callPolicy.can(actor, 'update', callRecordOf(call))) throw new AppError('access.forbidden');
  return eligibilityOn(ctx, organizationId, call.rules as CallRules, localDate(new Date()));
}

/** What a complete application holds; each gap is named by its field. */
async function completeness(ctx: RequestContext, row: store.ApplicationRow) {
  const lines = row.budget_lines as BudgetLine[];
  const team = await store.teamOf(ctx.db, row.district_id, [row.id]);
  const problems: FieldError[] = [
    ...(row.summary.trim() ? [] : [{ field: 'summary', code: 'validation.required' }]),
    ...(row.proposal.trim() ? [] : [{ field: 'proposal', code: 'validation.required' }]),
    ...(lines.length > 0 ? [] : [{ field: 'budgetLines', code: 'validation.required' }]),
    ...(team.filter((m) => m.role === 'lead').length === 1 ? [] : [{ field: 'team', code: 'application.one_lead' }]),
    ...(Number(row.co_funding_fen) === 0 || row.co_funding_kind ? [] : [{ field: 'coFundingKind', code: 'validation.required' }]),
  ];
  if (row.project_id) {
    const [project] = await callProjectsOf(ctx, row.district_id, [row.project_id]);
    const requested = Number(row.budget_fen) - Number(row.co_funding_fen);
    if (project && requested > project.budgetFen) problems.push({ field: 'budgetLines', code: 'application.over_project_budget', params: { budgetFen: project.budgetFen } });
  }
  if (problems.length > 0) throw invalid(...problems);
}

export async function transitionApplication(ctx: RequestContext, id: string, body: S.TransitionBody) {
  const { actor, row, record } = await loadVisible(ctx, id);
  applicationPolicy.authorize(actor, body.action, record);
  const now = new Date();
  let eligibility: S.Eligibility | null = null;
  if (body.action === 'submit') {
    checkOpen(row.deadline, now);
    await completeness(ctx, row);
    eligibility = await eligibilityOn(ctx, row.organization_id, row.rules as CallRules, localDate(now));
    if (!eligibility.eligible) {
      throw new AppError('application.not_eligible', { reasons: eligibility.checks.filter((c) => !c.pass).map((c) => c.reason).join(', ') });
    }
  }
  const to = body.action === 'submit' ? 'submitted' : 'withdrawn';
  await command(ctx, async ({ trx, audit }) => {
    const moved = await trx
      .updateTable('applications')
      .set({ status: to, updated_at: now, ...(eligibility && { submitted_at: now, eligibility: JSON.stringify(eligibility) }) })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('application.not_editable');
    await audit({
      action: `application.${body.action}`,
      entityType: 'application',
      entityId: row.id,
      districtId: row.district_id,
      before: { status: row.status },
      after: { status: to, ...(eligibility && { eligibility }), ...(body.reason && { reason: body.reason }) },
    });
  });
  return getApplication(ctx, id);
}
