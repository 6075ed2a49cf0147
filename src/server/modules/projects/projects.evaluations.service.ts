import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { organizationsWithRole, userDisplayNames, usersWithOrganizationRole } from '../accounts/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { tiesOf } from '../workforce/index.ts';
import { DEFAULT_EVALUATION_TEMPLATE, leavesOf, scoreEvaluation, type Indicator } from './projects.evaluation-template.ts';
import './projects.evaluations.errors.ts';
import type * as S from './projects.evaluations.schemas.ts';
import { DEFAULT_GRADE_BANDS, gradeFor, type GradeBand } from './projects.grading.ts';
import { transitionsFor, type ProjectAction } from './projects.lifecycle.ts';
import { projectPolicy } from './projects.policy.ts';
import { event, loadVisible, recordOf } from './projects.service.ts';
import type { ProjectRow } from './projects.store.ts';
import { CONCLUSIONS, type EvaluationKind, type EvaluationsTable } from './projects.tables.ts';

type EvaluationRow = Selectable<EvaluationsTable>;
const iso = (d: Date | string) => new Date(d).toISOString();

function evaluationsOf(db: Kysely<DB>, districtId: string, projectId: string) {
  return db.selectFrom('evaluations').selectAll().where('district_id', '=', districtId).where('project_id', '=', projectId).orderBy('created_at').execute();
}

/**
 * The mid-term result the tranches go by: passed (at once, or after a rectification re-checked
 * as done), rectification pending, failed (at once or at the re-check), or none yet.
 */
export function midtermResult(rows: readonly Pick<EvaluationRow, 'kind' | 'conclusion' | 'recheck'>[]): 'passed' | 'rectify' | 'failed' | null {
  const m = rows.find((r) => r.kind === 'midterm');
  if (!m?.conclusion) return null;
  if (m.conclusion === 'rectify') return m.recheck ?? 'rectify';
  return m.conclusion === 'passed' ? 'passed' : 'failed';
}

export async function midtermOf(db: Kysely<DB>, districtId: string, projectId: string) {
  return midtermResult(await evaluationsOf(db, districtId, projectId));
}

async function planOf(db: Kysely<DB>, districtId: string, projectId: string) {
  const row = await db.selectFrom('project_evaluators').selectAll().where('district_id', '=', districtId).where('project_id', '=', projectId).executeTakeFirst();
  return row && { ...row, template: row.template as Indicator[], bands: row.bands as GradeBand[] };
}

function view(actor: Actor, project: ProjectRow, e: EvaluationRow, names: Map<string, string>): S.EvaluationView {
  const awarded = e.awarded as Record<string, number>;
  const record = recordOf(project);
  const evaluates = projectPolicy.can(actor, 'evaluate', record);
  const answers = projectPolicy.can(actor, 'answer_rectification', record);
  const actions = [
    ...(evaluates && !e.submitted_at ? ['save', 'submit'] : []),
    ...(answers && e.conclusion === 'rectify' && !e.rectified_at ? ['answer'] : []),
    ...(evaluates && e.conclusion === 'rectify' && e.rectified_at && !e.recheck ? ['recheck'] : []),
  ];
  // A draft's points are the evaluator's own until submitted.
  const shown = e.submitted_at || evaluates ? awarded : {};
  return {
    id: e.id,
    kind: e.kind,
    evaluatorName: names.get(e.evaluator_user_id) ?? '',
    awarded: shown,
    score: e.score_halves !== null ? e.score_halves / 2 : Object.values(shown).reduce((a, b) => a + b, 0),
    grade: e.grade,
    findings: e.findings,
    conclusion: e.conclusion,
    rectification: e.rectification,
    rectifyBy: e.rectify_by,
    rectifiedNote: e.rectified_note,
    rectifiedAt: e.rectified_at ? iso(e.rectified_at) : null,
    recheck: e.recheck,
    recheckNote: e.recheck_note,
    submittedAt: e.submitted_at ? iso(e.submitted_at) : null,
    allowedActions: actions,
  };
}

/** The project's evaluator, yardstick and evaluations, for its readers. */
export async function getProjectEvaluations(ctx: RequestContext, projectId: string): Promise<S.ProjectEvaluations> {
  const { actor, row } = await loadVisible(ctx, projectId);
  return evaluationsOfProject(ctx, actor, row);
}

/** The evaluations of a project the caller has already been found to read. */
export async function evaluationsOfProject(ctx: RequestContext, actor: Actor, row: ProjectRow): Promise<S.ProjectEvaluations> {
  const [plan, rows] = await Promise.all([planOf(ctx.db, row.district_id, row.id), evaluationsOf(ctx.db, row.district_id, row.id)]);
  const [names, orgs] = await Promise.all([
    userDisplayNames(ctx.db, [...(plan ? [plan.user_id] : []), ...rows.map((r) => r.evaluator_user_id)]),
    organizationNames(ctx.db, plan ? [plan.organization_id] : []),
  ]);
  const record = recordOf(row);
  const started = new Set(rows.map((r) => r.kind));
  const midterm = midtermResult(rows);
  return {
    evaluator: plan ? { userId: plan.user_id, name: names.get(plan.user_id) ?? '', organizationName: orgs.get(plan.organization_id) ?? '' } : null,
    template: (plan?.template ?? DEFAULT_EVALUATION_TEMPLATE) as S.ProjectEvaluations['template'],
    bands: plan?.bands ?? [...DEFAULT_GRADE_BANDS],
    evaluations: rows.map((e) => view(actor, row, e, names)),
    midterm,
    allowedActions: [
      ...(projectPolicy.can(actor, 'assign_evaluator', record) ? ['assign'] : []),
      ...(plan && projectPolicy.can(actor, 'evaluate', record) && row.status === 'in_delivery' && !started.has('midterm') ? ['start_midterm'] : []),
      ...(plan && projectPolicy.can(actor, 'evaluate', record) && row.status === 'in_delivery' && midterm === 'passed' && !started.has('final') ? ['start_final'] : []),
    ],
  };
}

/**
 * The funder assigns a third-party evaluator: a user with the evaluator role in an
 * organization, tied to none of the delivering ones (no role in the contractor, not employed
 * by it). The project keeps the template and bands in force on that day.
 */
export async function assignEvaluator(ctx: RequestContext, projectId: string, userId: string) {
  const { actor, row } = await loadVisible(ctx, projectId);
  projectPolicy.authorize(actor, 'assign_evaluator', recordOf(row));
  // Anyone but an evaluator names nobody the funder may choose here.
  const firms = await organizationsWithRole(ctx.db, userId, 'evaluator');
  if (firms.length === 0) throw notFoundAt('userId');
  if ((await tiedToContractor(ctx.db, row, [userId])).has(userId)) throw invalid({ field: 'userId', code: 'evaluation.tied' });
  const template = JSON.stringify(DEFAULT_EVALUATION_TEMPLATE);
  const bands = JSON.stringify(DEFAULT_GRADE_BANDS);
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('project_evaluators')
      .values({ district_id: row.district_id, project_id: row.id, user_id: userId, organization_id: firms[0]!, template, bands, assigned_by: actor.userId })
      .onConflict((oc) => oc.columns(['district_id', 'project_id']).doUpdateSet({ user_id: userId, organization_id: firms[0]!, assigned_by: actor.userId, assigned_at: new Date() }))
      .execute();
    await trx.updateTable('projects').set({ evaluator_user_id: userId, updated_at: new Date() }).where('district_id', '=', row.district_id).where('id', '=', row.id).execute();
    await audit({ action: 'project.assign_evaluator', entityType: 'project', entityId: row.id, districtId: row.district_id, before: { evaluatorUserId: row.evaluator_user_id }, after: { evaluatorUserId: userId, organizationId: firms[0] } });
  });
  return getProjectEvaluations(ctx, projectId);
}

/** Users among `userIds` with a role in the contractor or employed by it: never its evaluator. */
async function tiedToContractor(db: Kysely<DB>, project: ProjectRow, userIds: string[]): Promise<Set<string>> {
  const ties = await tiesOf(db, userIds);
  const contractor = project.contractor_organization_id;
  return new Set(userIds.filter((u) => contractor !== null && ties.get(u)!.organizationIds.has(contractor)));
}

/** Evaluators the funder may assign: every evaluator of an evaluation organization not tied to the contractor. */
export async function evaluatorCandidates(ctx: RequestContext, projectId: string) {
  const { actor, row } = await loadVisible(ctx, projectId);
  projectPolicy.authorize(actor, 'assign_evaluator', recordOf(row));
  const users = await usersWithOrganizationRole(ctx.db, 'evaluator');
  const tied = await tiedToContractor(ctx.db, row, users.map((u) => u.id));
  const orgs = await organizationNames(ctx.db, users.map((u) => u.organizationId!));
  return { items: users.filter((u) => !tied.has(u.id)).map((u) => ({ userId: u.id, name: u.name, organizationName: orgs.get(u.organizationId!) ?? '' })) };
}

/** Moves the project by a lifecycle action inside a command, with its timeline event. */
async function move(trx: Kysely<DB>, project: ProjectRow, action: ProjectAction, actorId: string, reason = '') {
  const t = transitionsFor(project.status, action)[0];
  if (!t) throw new AppError('evaluation.not_now');
  const moved = await trx.updateTable('projects').set({ status: t.to, updated_at: new Date() }).where('district_id', '=', project.district_id).where('id', '=', project.id).where('status', '=', project.status).executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError('evaluation.not_now');
  await event(trx, project, action, project.status, t.to, actorId, reason);
}

/** The evaluator opens the mid-term (in delivery) or the final evaluation (after a passed mid-term). */
export async function startEvaluation(ctx: RequestContext, projectId: string, kind: EvaluationKind) {
  const { actor, row } = await loadVisible(ctx, projectId);
  projectPolicy.authorize(actor, 'evaluate', recordOf(row));
  const rows = await evaluationsOf(ctx.db, row.district_id, row.id);
  if (rows.some((r) => r.kind === kind)) throw new AppError('evaluation.exists');
  if (row.status !== 'in_delivery' || (kind === 'final' && midtermResult(rows) !== 'passed')) throw new AppError('evaluation.not_now');
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('evaluations').values({ district_id: row.district_id, id, project_id: row.id, kind, evaluator_user_id: actor.userId }).execute();
    await move(trx, row, kind === 'midterm' ? 'start_midterm' : 'start_final', actor.userId);
    await audit({ action: 'evaluation.start', entityType: 'evaluation', entityId: id, districtId: row.district_id, after: { projectId: row.id, kind } });
  });
  return getProjectEvaluations(ctx, projectId);
}

async function loadEvaluation(ctx: RequestContext, id: string) {
  const head = await ctx.db.selectFrom('evaluations').select(['project_id']).where('id', '=', id).executeTakeFirst();
  if (!head) throw new AppError('resource.not_found');
  const { actor, row } = await loadVisible(ctx, head.project_id);
  const evaluation = (await ctx.db.selectFrom('evaluations').selectAll().where('district_id', '=', row.district_id).where('id', '=', id).executeTakeFirst())!;
  const plan = (await planOf(ctx.db, row.district_id, row.id))!;
  return { actor, project: row, evaluation, plan };
}

/** Points must name the template's level-3 indicators and stay within each one's maximum. */
function checkAwarded(template: readonly Indicator[], awarded: Record<string, number>) {
  const leaves = new Map(leavesOf(template).map((l) => [l.id, l.points]));
  for (const [id, points] of Object.entries(awarded)) {
    const max = leaves.get(id);
    if (max === undefined) throw invalid({ field: `awarded.${id}`, code: 'evaluation.unknown_indicator' });
    if (points > max) throw invalid({ field: `awarded.${id}`, code: 'evaluation.points_over', params: { max } });
  }
}

/** The evaluator saves points and findings; a draft may be partial. */
export async function saveEvaluation(ctx: RequestContext, id: string, body: S.DraftBody) {
  const { actor, project, evaluation, plan } = await loadEvaluation(ctx, id);
  projectPolicy.authorize(actor, 'evaluate', recordOf(project));
  if (evaluation.submitted_at) throw new AppError('evaluation.submitted');
  const awarded = { ...(evaluation.awarded as Record<string, number>), ...body.awarded };
  checkAwarded(plan.template, awarded);
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('evaluations')
      .set({ awarded: JSON.stringify(awarded), ...(body.findings !== undefined && { findings: body.findings.trim() }), updated_at: new Date() })
      .where('district_id', '=', project.district_id)
      .where('id', '=', id)
      .where('submitted_at', 'is', null)
      .execute();
    await audit({ action: 'evaluation.save', entityType: 'evaluation', entityId: id, districtId: project.district_id, after: { awarded: body.awarded ?? {}, findings: body.findings } });
  });
  return getProjectEvaluations(ctx, project.id);
}

/**
 * Submitting scores every level-3 indicator, grades the sum by the project's bands and records
 * the conclusion: a failing grade concludes in failure and only it does; a rectification names
 * what to put right and by when. A mid-term passed or sent to rectification returns the project
 * to delivery; a failed one stays for the funder to terminate. A final waits for acceptance.
 */
export async function submitEvaluation(ctx: RequestContext, id: string, body: S.SubmitBody) {
  const { actor, project, evaluation, plan } = await loadEvaluation(ctx, id);
  projectPolicy.authorize(actor, 'evaluate', recordOf(project));
  if (evaluation.submitted_at) throw new AppError('evaluation.submitted');
  const result = scoreEvaluation(plan.template, evaluation.awarded as Record<string, number>);
  if ('problem' in result) throw invalid({ field: `awarded.${result.indicator}`, code: result.problem === 'missing' ? 'evaluation.incomplete' : 'evaluation.unknown_indicator' });
  const grade = gradeFor(result.score, plan.bands);
  if (!(CONCLUSIONS[evaluation.kind] as readonly string[]).includes(body.conclusion)) throw invalid({ field: 'conclusion', code: 'evaluation.conclusion_kind' });
  if ((grade === 'fail') !== (body.conclusion === 'failed')) throw invalid({ field: 'conclusion', code: 'evaluation.conclusion_grade' });
  const rectification = body.rectification?.trim() ?? '';
  const rectifies = body.conclusion === 'rectify';
  if (rectifies && (!rectification || !body.rectifyBy || body.rectifyBy < localDate(new Date()))) throw invalid({ field: rectification ? 'rectifyBy' : 'rectification', code: 'evaluation.rectification_needed' });
  await command(ctx, async ({ trx, audit }) => {
    const now = new Date();
    await trx
      .updateTable('evaluations')
      .set({ score_halves: result.score * 2, grade, conclusion: body.conclusion, rectification: rectifies ? rectification : '', rectify_by: rectifies ? body.rectifyBy! : null, submitted_at: now, updated_at: now })
      .where('district_id', '=', project.district_id)
      .where('id', '=', id)
      .where('submitted_at', 'is', null)
      .execute();
    if (evaluation.kind === 'midterm' && body.conclusion !== 'failed') await move(trx, project, rectifies ? 'rectify' : 'pass_midterm', actor.userId, rectification);
    await audit({ action: 'evaluation.submit', entityType: 'evaluation', entityId: id, districtId: project.district_id, after: { score: result.score, grade, conclusion: body.conclusion, rectification, rectifyBy: body.rectifyBy } });
  });
  return getProjectEvaluations(ctx, project.id);
}

/** The contractor reports what it put right. */
export async function answerRectification(ctx: RequestContext, id: string, note: string) {
  const { actor, project, evaluation } = await loadEvaluation(ctx, id);
  projectPolicy.authorize(actor, 'answer_rectification', recordOf(project));
  if (!note.trim()) throw invalid({ field: 'note', code: 'validation.required' });
  if (evaluation.conclusion !== 'rectify' || evaluation.rectified_at) throw new AppError('evaluation.not_rectifying');
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('evaluations').set({ rectified_note: note.trim(), rectified_at: new Date(), updated_at: new Date() }).where('district_id', '=', project.district_id).where('id', '=', id).execute();
    await audit({ action: 'evaluation.rectified', entityType: 'evaluation', entityId: id, districtId: project.district_id, after: { note: note.trim() } });
  });
  return getProjectEvaluations(ctx, project.id);
}

/** The evaluator re-checks the rectification: passed releases what waited for the mid-term; failed stops it. */
export async function recheckRectification(ctx: RequestContext, id: string, body: { result: 'passed' | 'failed'; note?: string }) {
  const { actor, project, evaluation } = await loadEvaluation(ctx, id);
  projectPolicy.authorize(actor, 'evaluate', recordOf(project));
  if (evaluation.conclusion !== 'rectify') throw new AppError('evaluation.not_rectifying');
  if (!evaluation.rectified_at) throw new AppError('evaluation.not_rectified');
  if (evaluation.recheck) throw new AppError('evaluation.rechecked');
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('evaluations').set({ recheck: body.result, recheck_note: body.note?.trim() ?? '', rechecked_at: new Date(), updated_at: new Date() }).where('district_id', '=', project.district_id).where('id', '=', id).execute();
    await audit({ action: 'evaluation.recheck', entityType: 'evaluation', entityId: id, districtId: project.district_id, after: body });
  });
  return getProjectEvaluations(ctx, project.id);
}
