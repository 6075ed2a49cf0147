import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import './projects.contracts.errors.ts';
import { awardOfProject } from './projects.awards.ts';
import { deliveryOf, milestonesReached } from './projects.delivery.ts';
import { midtermOf } from './projects.evaluations.service.ts';
import type * as S from './projects.contracts.schemas.ts';
import { transitionsFor } from './projects.lifecycle.ts';
import { projectPolicy } from './projects.policy.ts';
import { event, loadVisible, recordOf } from './projects.service.ts';
import type { ProjectRow } from './projects.store.ts';
import { planProblem, releaseBlock, type ContractFacts, type TranchePlan } from './projects.tranches.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

function contractOf(db: Kysely<DB>, districtId: string, by: { projectId?: string; id?: string }) {
  let q = db
    .selectFrom('contracts as k')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .selectAll('k')
    .select('o.name as organization_name')
    .where('k.district_id', '=', districtId);
  if (by.projectId) q = q.where('k.project_id', '=', by.projectId);
  if (by.id) q = q.where('k.id', '=', by.id);
  return q.executeTakeFirst();
}
type ContractRow = NonNullable<Awaited<ReturnType<typeof contractOf>>>;

async function tranchesOf(db: Kysely<DB>, c: ContractRow) {
  const [tranches, payments] = await Promise.all([
    db
      .selectFrom('contract_tranches as t')
      .leftJoin('project_milestones as m', (j) => j.onRef('m.district_id', '=', 't.district_id').onRef('m.id', '=', 't.milestone_id'))
      .selectAll('t')
      .select('m.seq as milestone_seq')
      .where('t.district_id', '=', c.district_id)
      .where('t.contract_id', '=', c.id)
      .orderBy('t.seq')
      .execute(),
    db.selectFrom('contract_payments').selectAll().where('district_id', '=', c.district_id).where('contract_id', '=', c.id).execute(),
  ]);
  const plan: TranchePlan[] = tranches.map((t) => ({ amountFen: Number(t.amount_fen), precondition: t.precondition, ...(t.milestone_id && { milestoneId: t.milestone_id }) }));
  return { tranches, payments, plan };
}

/**
 * What has happened on the contract, as recorded: milestones reached by the project's
 * activities, the mid-term result of its evaluations and its final acceptance (its outcome).
 */
async function factsOf(db: Kysely<DB>, c: ContractRow, project: ProjectRow, plan: TranchePlan[], paidSeqs: number[]): Promise<ContractFacts> {
  const [reached, midterm] = await Promise.all([
    plan.some((t) => t.milestoneId) ? milestonesReached(db, c.district_id, c.project_id) : Promise.resolve(new Set<string>()),
    midtermOf(db, c.district_id, c.project_id),
  ]);
  const final = project.outcome === 'terminated' ? null : project.outcome;
  return { signed: c.signed_at !== null, terminated: c.status === 'terminated', midterm, final, milestonesReached: reached, released: new Set(paidSeqs) };
}

async function present(ctx: RequestContext, actor: Actor, project: ProjectRow, c: ContractRow): Promise<S.ContractView> {
  const { tranches, payments, plan } = await tranchesOf(ctx.db, c);
  const facts = await factsOf(ctx.db, c, project, plan, payments.map((p) => p.seq));
  const record = recordOf(project);
  return {
    id: c.id,
    projectId: c.project_id,
    callId: c.call_id,
    applicationId: c.application_id,
    organizationId: c.organization_id,
    organizationName: c.organization_name,
    amountFen: Number(c.amount_fen),
    coFunding: { fen: Number(c.co_funding_fen), kind: c.co_funding_kind, source: c.co_funding_source },
    termStart: c.term_start,
    termEnd: c.term_end,
    status: c.status,
    signedAt: c.signed_at ? iso(c.signed_at) : null,
    terminatedAt: c.terminated_at ? iso(c.terminated_at) : null,
    terminationReason: c.termination_reason,
    clawbackFen: c.clawback_fen === null ? null : Number(c.clawback_fen),
    paidFen: payments.reduce((s, p) => s + Number(p.amount_fen), 0),
    tranches: tranches.map((t) => {
      const paid = payments.find((p) => p.seq === t.seq);
      return { seq: t.seq, amountFen: Number(t.amount_fen), precondition: t.precondition, milestoneSeq: t.milestone_seq, paidAt: paid ? iso(paid.paid_at) : null, blockedBy: paid ? null : releaseBlock(plan, t.seq, facts) };
    }),
    allowedActions: [
      ...(c.status === 'draft' && projectPolicy.can(actor, 'sign_contract', record) ? ['sign'] : []),
      ...(c.status === 'signed' && projectPolicy.can(actor, 'release_tranche', record) ? ['release'] : []),
      ...(c.status === 'signed' && projectPolicy.can(actor, 'terminate_contract', record) ? ['terminate'] : []),
    ],
  };
}

/** A project's contract, or the award one may be drafted on: for the project's readers. */
export async function getProjectContract(ctx: RequestContext, projectId: string) {
  const { actor, row } = await loadVisible(ctx, projectId);
  const [contract, award] = await Promise.all([contractOf(ctx.db, row.district_id, { projectId: row.id }), awardOfProject(ctx.db, row.district_id, row.id)]);
  return {
    contract: contract ? await present(ctx, actor, row, contract) : null,
    award: award ? { callId: award.callId, callRefNo: award.callRefNo, callStatus: award.callStatus, organizationName: award.organizationName, amountFen: award.amountFen, coFunding: award.coFunding } : null,
    canDraft: !contract && !!award && award.callStatus === 'concluded' && projectPolicy.can(actor, 'draft_contract', recordOf(row)),
  };
}

/** The funder drafts the contract on the project's live award once its round has concluded. */
export async function draftContract(ctx: RequestContext, projectId: string, body: S.DraftBody) {
  const { actor, row } = await loadVisible(ctx, projectId);
  projectPolicy.authorize(actor, 'draft_contract', recordOf(row));
  const award = await awardOfProject(ctx.db, row.district_id, row.id);
  if (!award) throw new AppError('contract.no_award');
  if (award.callStatus !== 'concluded') throw new AppError('contract.round_not_concluded', { call: award.callRefNo });
  if (body.termEnd < body.termStart) throw invalid({ field: 'termEnd', code: 'contract.term_order' });
  const { indicators = [], milestones = [] } = body;
  checkDeliveryPlan(body);
  const milestoneIds = milestones.map(() => newId());
  const tranchePlan: TranchePlan[] = body.tranches.map((t, i) => {
    if (t.milestone !== undefined && t.milestone > milestones.length) throw invalid({ field: `tranches.${i}.milestone`, code: 'contract.milestone_unknown' });
    return { amountFen: t.amountFen, precondition: t.precondition, ...(t.milestone !== undefined && { milestoneId: milestoneIds[t.milestone - 1] }) };
  });
  const problem = planProblem(award.amountFen, tranchePlan);
  if (problem) throw invalid({ field: 'tranches', code: `contract.${problem}`, params: { amountFen: award.amountFen } });
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    try {
      await trx
        .insertInto('contracts')
        .values({
          district_id: row.district_id, id, project_id: row.id, call_id: award.callId, application_id: award.applicationId, organization_id: award.organizationId,
          amount_fen: award.amountFen, term_start: body.termStart, term_end: body.termEnd, created_by: actor.userId,
          co_funding_fen: award.coFunding.fen, co_funding_kind: award.coFunding.kind, co_funding_source: award.coFunding.source,
        })
        .execute();
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AppError('contract.exists');
      throw err;
    }
    // The delivery plan belongs to the project: the project page measures against it.
    if (indicators.length) await trx.insertInto('project_indicators').values(indicators.map((i) => ({ district_id: row.district_id, project_id: row.id, measure: i.measure, target: i.target }))).execute();
    if (milestones.length) {
      await trx
        .insertInto('project_milestones')
        .values(milestones.map((m, k) => ({ district_id: row.district_id, id: milestoneIds[k]!, project_id: row.id, seq: k + 1, title: m.title.trim(), due_on: m.dueOn, measure: m.measure, threshold: m.threshold })))
        .execute();
    }
    await trx
      .insertInto('contract_tranches')
      .values(tranchePlan.map((t, i) => ({ district_id: row.district_id, contract_id: id, seq: i + 1, amount_fen: t.amountFen, precondition: t.precondition, milestone_id: t.milestoneId ?? null })))
      .execute();
    await audit({ action: 'contract.create', entityType: 'contract', entityId: id, districtId: row.district_id, after: { projectId: row.id, amountFen: award.amountFen, coFunding: award.coFunding, ...body } });
  });
  return getProjectContract(ctx, projectId);
}

/** One target per measure, rates at most 100%, milestones due within the term. */
function checkDeliveryPlan(body: S.DraftBody) {
  const seen = new Set<string>();
  (body.indicators ?? []).forEach((i, k) => {
    if (seen.has(i.measure)) throw invalid({ field: `indicators.${k}.measure`, code: 'contract.indicator_duplicate' });
    seen.add(i.measure);
    if (i.measure === 'satisfaction_rate' && i.target > 100) throw invalid({ field: `indicators.${k}.target`, code: 'contract.rate_over_100' });
  });
  (body.milestones ?? []).forEach((m, k) => {
    if (!m.title.trim()) throw invalid({ field: `milestones.${k}.title`, code: 'validation.required' });
    if (m.dueOn < body.termStart || m.dueOn > body.termEnd) throw invalid({ field: `milestones.${k}.dueOn`, code: 'contract.milestone_outside_term' });
  });
}

/** The project's indicators with computed actuals and its milestones, for the project's readers. */
export async function getProjectDelivery(ctx: RequestContext, projectId: string): Promise<S.DeliveryView> {
  const { row } = await loadVisible(ctx, projectId);
  return deliveryOf(ctx.db, row.district_id, row.id);
}

/** The contract and its project, for the funder's commands (404 as for the project when unreadable). */
async function loadContract(ctx: RequestContext, id: string) {
  const head = await ctx.db.selectFrom('contracts').select(['project_id']).where('id', '=', id).executeTakeFirst();
  if (!head) throw new AppError('resource.not_found');
  const { actor, row } = await loadVisible(ctx, head.project_id);
  const contract = (await contractOf(ctx.db, row.district_id, { id }))!;
  return { actor, project: row, contract };
}

/** Signing moves the project to contracted and records who delivers it. */
export async function signContract(ctx: RequestContext, id: string) {
  const { actor, project, contract } = await loadContract(ctx, id);
  projectPolicy.authorize(actor, 'sign_contract', recordOf(project));
  if (contract.status !== 'draft') throw new AppError('contract.not_draft');
  const t = transitionsFor(project.status, 'contract')[0];
  if (!t) throw new AppError('project.invalid_transition', { status: project.status, action: 'contract' });
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    const signed = await trx.updateTable('contracts').set({ status: 'signed', signed_at: now, signed_by: actor.userId, updated_at: now }).where('district_id', '=', contract.district_id).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(signed.numUpdatedRows) !== 1) throw new AppError('contract.not_draft');
    const moved = await trx
      .updateTable('projects')
      .set({ status: t.to, contractor_organization_id: contract.organization_id, updated_at: now })
      .where('district_id', '=', project.district_id)
      .where('id', '=', project.id)
      .where('status', '=', project.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('project.invalid_transition', { status: project.status, action: 'contract' });
    await event(trx, project, 'contract', project.status, t.to, actor.userId, contract.organization_name);
    await audit({ action: 'contract.sign', entityType: 'contract', entityId: id, districtId: contract.district_id, after: { projectId: project.id, organizationId: contract.organization_id } });
  });
  return getProjectContract(ctx, project.id);
}

/**
 * Releasing a tranche records its payment, only when its precondition holds (projects.tranches.ts).
 * The payment's unique key stops a second release of the same tranche, also when two requests race.
 */
export async function releaseTranche(ctx: RequestContext, id: string, seq: number, voucher = '') {
  const { actor, project, contract } = await loadContract(ctx, id);
  projectPolicy.authorize(actor, 'release_tranche', recordOf(project));
  const { tranches, payments, plan } = await tranchesOf(ctx.db, contract);
  const tranche = tranches.find((t) => t.seq === seq);
  if (!tranche) throw new AppError('resource.not_found');
  const block = releaseBlock(plan, seq, await factsOf(ctx.db, contract, project, plan, payments.map((p) => p.seq)));
  if (block) throw new AppError(`contract.block.${block}`);
  await command(ctx, async ({ trx, audit }) => {
    try {
      await trx.insertInto('contract_payments').values({ district_id: contract.district_id, id: newId(), contract_id: id, seq, amount_fen: Number(tranche.amount_fen), voucher: voucher.trim(), paid_by: actor.userId }).execute();
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AppError('contract.block.already_released');
      throw err;
    }
    await audit({ action: 'contract.release_tranche', entityType: 'contract', entityId: id, districtId: contract.district_id, after: { seq, amountFen: Number(tranche.amount_fen), voucher } });
  });
  return getProjectContract(ctx, project.id);
}

/** Termination stops every later tranche and records what the organization pays back (never more than was paid). */
export async function terminateContract(ctx: RequestContext, id: string, body: S.TerminateBody) {
  const { actor, project, contract } = await loadContract(ctx, id);
  projectPolicy.authorize(actor, 'terminate_contract', recordOf(project));
  if (contract.status !== 'signed') throw new AppError('contract.not_signed');
  const { payments } = await tranchesOf(ctx.db, contract);
  const paid = payments.reduce((s, p) => s + Number(p.amount_fen), 0);
  if (body.clawbackFen > paid) throw invalid({ field: 'clawbackFen', code: 'contract.clawback_over_paid', params: { paidFen: paid } });
  // A failed mid-term ends the project by its own action (midterm → terminated).
  const action = project.status === 'midterm' ? 'fail_midterm' : 'terminate';
  const t = transitionsFor(project.status, action)[0];
  if (!t) throw new AppError('project.invalid_transition', { status: project.status, action });
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    const done = await trx
      .updateTable('contracts')
      .set({ status: 'terminated', terminated_at: now, termination_reason: body.reason.trim(), clawback_fen: body.clawbackFen, updated_at: now })
      .where('district_id', '=', contract.district_id)
      .where('id', '=', id)
      .where('status', '=', 'signed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('contract.not_signed');
    const moved = await trx
      .updateTable('projects')
      .set({ status: t.to, outcome: 'terminated', ended_on: localDate(now), updated_at: now })
      .where('district_id', '=', project.district_id)
      .where('id', '=', project.id)
      .where('status', '=', project.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('project.invalid_transition', { status: project.status, action: 'terminate' });
    await event(trx, project, action, project.status, t.to, actor.userId, body.reason.trim());
    await audit({ action: 'contract.terminate', entityType: 'contract', entityId: id, districtId: contract.district_id, after: { ...body, paidFen: paid } });
  });
  return getProjectContract(ctx, project.id);
}
