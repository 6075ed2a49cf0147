import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { rankApplications, scoreProblem, TIE_RULES } from '../projects/projects.ranking.ts';
import type * as A from './calls.applications.schemas.ts';
import type { ApplicationRow } from './calls.applications.store.ts';
import * as appStore from './calls.applications.store.ts';
import { applicationPolicy, callPolicy, type ApplicationRecord } from './calls.policy.ts';
import { recordOf } from './calls.applications.record.ts';
import * as store from './calls.reviews.store.ts';
import type * as S from './calls.reviews.schemas.ts';
import { tiedTo, tiesOf, type ReviewerTies } from './calls.reviews.ties.ts';
import type { CallRules } from './calls.rules.ts';
import { loadVisible as loadVisibleCall, recordOf as callRecordOf } from './calls.service.ts';
import * as callStore from './calls.store.ts';

type Scores = Record<string, number>;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pointsOf = (tenths: Scores): Scores => Object.fromEntries(Object.entries(tenths).map(([k, v]) => [k, v / 10]));
const offerOf = (a: { project_title: string | null; theme: string | null }) => a.project_title ?? a.theme ?? '';

/**
 * How much of an application a panel member sees: nothing while the call is open, when they
 * work for or with the applicant, or once they declared a conflict; who applies for what until
 * they declare; everything after declaring no conflict.
 */
export async function reviewerAccess(ctx: RequestContext, actor: Actor, row: ApplicationRow, record: ApplicationRecord): Promise<'none' | 'declare' | 'content'> {
  if (!record.panel.includes(actor.userId) || row.status !== 'submitted' || row.call_status === 'open' || row.call_status === 'draft' || row.call_status === 'cancelled') return 'none';
  const [ties, team] = await Promise.all([tiesOf(ctx.db, [actor.userId]), appStore.teamOf(ctx.db, row.district_id, [row.id])]);
  if (tiedTo(ties.get(actor.userId), { organizationId: row.organization_id, teamIds: team.map((m) => m.social_worker_id) })) return 'none';
  const review = await store.reviewOf(ctx.db, row.district_id, row.id, actor.userId);
  return !review ? 'declare' : review.conflict ? 'none' : 'content';
}

/**
 * The score sheets of an application once the panel has closed: named to the office and the
 * panel, numbered to the applicant. Null to anyone else and before.
 */
export async function scoreSheetsOf(ctx: RequestContext, actor: Actor, row: ApplicationRow, record: ApplicationRecord): Promise<A.ApplicationDetail['scoreSheets']> {
  const named = applicationPolicy.can(actor, 'read_scores', record);
  if (!named && !applicationPolicy.can(actor, 'read_own_scores', record)) return null;
  const [reviews, panel] = await Promise.all([
    store.reviewsOf(ctx.db, row.district_id, row.call_id),
    callStore.panelOf(ctx.db, row.district_id, row.call_id),
  ]);
  const kinds = new Map(panel.map((p) => [p.user_id, p.kind]));
  return reviews
    .filter((r) => r.application_id === row.id && r.submitted_at)
    .map((r, i) => ({
      number: i + 1,
      reviewer: named ? r.reviewer_name : null,
      kind: kinds.get(r.reviewer_user_id) ?? 'expert',
      scores: pointsOf(r.scores as Scores),
      total: sum(Object.values(r.scores as Scores)) / 10,
      comment: r.comment,
    }));
}

function myReview(applicationId: string, r: store.ReviewRow | Awaited<ReturnType<typeof store.reviewOf>>): S.MyReview {
  const tenths = (r?.scores as Scores | null) ?? {};
  return {
    applicationId,
    state: !r ? 'undeclared' : r.conflict ? 'conflict' : r.submitted_at ? 'submitted' : 'scoring',
    conflictNote: r?.conflict_note ?? '',
    scores: pointsOf(tenths),
    total: r?.scores ? sum(Object.values(tenths)) / 10 : null,
    comment: r?.comment ?? '',
    submittedAt: r?.submitted_at ? new Date(r.submitted_at).toISOString() : null,
  };
}

/** An application the caller reviews: on the panel, the call closed, not tied to the applicant, no conflict declared (else 404, as if it did not exist). */
async function loadForReview(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await appStore.loadApplication(ctx.db, id);
  if (!row) throw new AppError('resource.not_found');
  const panel = (await callStore.panelOf(ctx.db, row.district_id, row.call_id)).map((p) => p.user_id);
  const record = recordOf(row, panel);
  if ((await reviewerAccess(ctx, actor, row, record)) === 'none') throw new AppError('resource.not_found');
  applicationPolicy.authorize(actor, 'review', record);
  return { actor, row, existing: await store.reviewOf(ctx.db, row.district_id, row.id, actor.userId) };
}

export async function declare(ctx: RequestContext, id: string, body: S.DeclarationBody): Promise<S.MyReview> {
  const { actor, row, existing } = await loadForReview(ctx, id);
  if (existing?.submitted_at) throw new AppError('review.already_submitted');
  // Declaring no conflict twice changes nothing; a conflict declared later clears the draft scores.
  if (existing && !body.conflict) return myReview(row.id, existing);
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('application_reviews')
      .values({ district_id: row.district_id, call_id: row.call_id, application_id: row.id, reviewer_user_id: actor.userId, conflict: body.conflict, conflict_note: body.note?.trim() ?? '', declared_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['district_id', 'application_id', 'reviewer_user_id']).doUpdateSet({ conflict: body.conflict, conflict_note: body.note?.trim() ?? '', scores: null, comment: '', declared_at: now, updated_at: now }),
      )
      .execute();
    await audit({ action: 'review.declare', entityType: 'application', entityId: row.id, districtId: row.district_id, after: { conflict: body.conflict, note: body.note ?? '' } });
  });
  return myReview(row.id, await store.reviewOf(ctx.db, row.district_id, row.id, actor.userId));
}

/** Points to one decimal place as tenths; a finer figure or an unknown criterion is refused by field. */
function tenthsOf(criteria: CallRules['criteria'], scores: Scores): Scores {
  const out: Scores = {};
  for (const [id, points] of Object.entries(scores)) {
    const c = criteria.find((x) => x.id === id);
    if (!c) throw invalid({ field: `scores.${id}`, code: 'review.unknown_criterion' });
    const tenths = Math.round(points * 10);
    if (Math.abs(points * 10 - tenths) > 1e-6) throw invalid({ field: `scores.${id}`, code: 'review.not_tenths' });
    if (tenths > c.maxPoints * 10) throw invalid({ field: `scores.${id}`, code: 'review.out_of_range', params: { max: c.maxPoints } });
    out[id] = tenths;
  }
  return out;
}

export async function saveReview(ctx: RequestContext, id: string, body: S.ReviewBody): Promise<S.MyReview> {
  const { actor, row, existing } = await loadForReview(ctx, id);
  if (!existing || existing.conflict) throw new AppError('review.declare_first');
  if (existing.submitted_at) throw new AppError('review.already_submitted');
  const criteria = (row.rules as CallRules).criteria;
  const tenths = tenthsOf(criteria, body.scores);
  if (body.submit) {
    const problem = scoreProblem(criteria, tenths);
    if (problem) throw invalid({ field: `scores.${problem.criterion}`, code: 'validation.required' });
  }
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    const saved = await trx
      .updateTable('application_reviews')
      .set({ scores: JSON.stringify(tenths), comment: body.comment?.trim() ?? '', updated_at: now, ...(body.submit && { submitted_at: now }) })
      .where('district_id', '=', row.district_id)
      .where('application_id', '=', row.id)
      .where('reviewer_user_id', '=', actor.userId)
      .where('submitted_at', 'is', null)
      .where('conflict', '=', false)
      .executeTakeFirst();
    if (Number(saved.numUpdatedRows) !== 1) throw new AppError('review.already_submitted');
    await audit({ action: body.submit ? 'review.submit' : 'review.save', entityType: 'application', entityId: row.id, districtId: row.district_id, after: { scores: tenths, comment: body.comment ?? '' } });
  });
  return myReview(row.id, await store.reviewOf(ctx.db, row.district_id, row.id, actor.userId));
}

/** A panel member's workspace for a call: their applications, what they declared and scored. */
export async function reviewSheet(ctx: RequestContext, callId: string): Promise<S.ReviewSheet> {
  const { actor, row: call } = await loadVisibleCall(ctx, callId);
  const panel = await callStore.panelOf(ctx.db, call.district_id, call.id);
  if (!panel.some((p) => p.user_id === actor.userId)) throw new AppError('access.forbidden');
  const reviewing = call.status !== 'draft' && call.status !== 'open' && call.status !== 'cancelled';
  const [apps, mine, ties] = reviewing
    ? await Promise.all([store.submittedOf(ctx.db, call.district_id, call.id), store.reviewsOf(ctx.db, call.district_id, call.id, actor.userId), tiesOf(ctx.db, [actor.userId])])
    : [[], [], new Map<string, ReviewerTies>()];
  const tie = ties.get(actor.userId);
  const visible = apps.filter((a) => !tiedTo(tie, { organizationId: a.organization_id, teamIds: a.teamIds }));
  const byApp = new Map(mine.map((r) => [r.application_id, r]));
  return {
    callId: call.id,
    refNo: call.ref_no,
    title: call.title,
    status: call.status,
    criteria: (call.rules as CallRules).criteria,
    withheld: apps.length - visible.length,
    items: visible.map((a) => ({ ...myReview(a.id, byApp.get(a.id)), refNo: a.ref_no, organizationName: a.organization_name, title: a.title, offer: offerOf(a) })),
  };
}

/** The calls whose panel the caller sits on, newest first, with the reviews they owe: a reviewer's home. */
export async function myCalls(ctx: RequestContext): Promise<{ items: { callId: string; refNo: string; title: string; status: string; kind: 'expert' | 'juror'; owed: number; done: number }[] }> {
  const actor = requireActor(ctx);
  const seats = await store.seatsOf(ctx.db, actor.userId);
  const items = [];
  for (const s of seats) {
    const duties = s.status === 'closed' ? (await store.dutiesOf(ctx.db, s.district_id, s.call_id, [actor.userId])).filter((d) => d.state !== 'tied') : [];
    items.push({
      callId: s.call_id,
      refNo: s.ref_no,
      title: s.title,
      status: s.status,
      kind: s.kind,
      owed: duties.filter((d) => d.state === 'undeclared' || d.state === 'scoring').length,
      done: duties.filter((d) => d.state === 'submitted' || d.state === 'conflict').length,
    });
  }
  return { items };
}

/** The office follows its panel: who has declared, scored and handed in what — never the scores. */
export async function reviewProgress(ctx: RequestContext, callId: string): Promise<S.Progress> {
  const { actor, row: call } = await loadVisibleCall(ctx, callId);
  callPolicy.authorize(actor, 'read_progress', callRecordOf(call));
  const panel = await callStore.panelOf(ctx.db, call.district_id, call.id);
  const apps = await store.submittedOf(ctx.db, call.district_id, call.id);
  const duties = await store.dutiesOf(ctx.db, call.district_id, call.id, panel.map((p) => p.user_id), apps);
  const count = (pred: (d: store.ReviewDuty) => boolean) => duties.filter(pred).length;
  const owed = (d: store.ReviewDuty) => d.state === 'undeclared' || d.state === 'scoring';
  return {
    panel: panel.map((p) => ({
      userId: p.user_id,
      displayName: p.display_name,
      kind: p.kind,
      ...Object.fromEntries((['tied', 'undeclared', 'conflict', 'scoring', 'submitted'] as const).map((s) => [s, count((d) => d.reviewerId === p.user_id && d.state === s)])),
    })) as S.Progress['panel'],
    applications: apps.map((a) => ({
      id: a.id,
      refNo: a.ref_no,
      title: a.title,
      organizationName: a.organization_name,
      submitted: count((d) => d.applicationId === a.id && d.state === 'submitted'),
      owed: count((d) => d.applicationId === a.id && owed(d)),
    })),
    outstanding: count(owed),
  };
}

/** The ranking computed from the submitted sheets (projects.ranking.ts): for the office and the panel once the panel has closed. */
export async function ranking(ctx: RequestContext, callId: string): Promise<S.Ranking> {
  const { actor, row: call } = await loadVisibleCall(ctx, callId);
  const panel = (await callStore.panelOf(ctx.db, call.district_id, call.id)).map((p) => p.user_id);
  callPolicy.authorize(actor, 'read_ranking', { ...callRecordOf(call), panel });
  const rules = call.rules as CallRules;
  const [apps, reviews] = await Promise.all([store.submittedOf(ctx.db, call.district_id, call.id), store.reviewsOf(ctx.db, call.district_id, call.id)]);
  const ranked = rankApplications(
    apps.map((a) => ({
      id: a.id,
      submittedAt: new Date(a.submitted_at!),
      coFundingFen: Number(a.co_funding_fen),
      budgetFen: Number(a.budget_fen),
      themes: a.theme ? [a.theme] : [],
      reviews: reviews.filter((r) => r.application_id === a.id && r.submitted_at).map((r) => r.scores as Scores),
    })),
    rules,
  );
  const byId = new Map(apps.map((a) => [a.id, a]));
  return {
    callId: call.id,
    refNo: call.ref_no,
    title: call.title,
    trimFrom: rules.trimFrom,
    passMark: rules.passMark,
    tieRules: [...TIE_RULES],
    items: ranked.map((r) => {
      const a = byId.get(r.id)!;
      return {
        rank: r.rank,
        applicationId: a.id,
        refNo: a.ref_no,
        title: a.title,
        organizationId: a.organization_id,
        organizationName: a.organization_name,
        projectId: a.project_id,
        offer: offerOf(a),
        requestedFen: Number(a.budget_fen) - Number(a.co_funding_fen),
        reviewCount: r.reviewCount,
        trimmed: r.trimmed,
        base: r.base,
        bonus: r.bonus,
        total: r.total,
        recommended: r.recommended,
        tieBrokenBy: r.tieBrokenBy,
      };
    }),
  };
}
