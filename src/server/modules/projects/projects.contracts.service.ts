import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import './projects.contracts.errors.ts';
import { awardOfProject } from './projects.awards.ts';
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
    db.selectFrom('contract_tranches').selectAll().where('district_id', '=', c.district_id).where('contract_id', '=', c.id).orderBy('seq').execute(),
    db.selectFrom('contract_payments').selectAll().where('district_id', '=', c.district_id).where('contract_id', '=', c.id).execute(),
  ]);
  return { tranches, payments };
}

/**
 * What has happened on the contract, as recorded. Mid-term and final results come with the
 * evaluations (a later part of issue 9): until then they are unknown, so tranches that wait for
 * them stay blocked.
 */
function factsOf(c: ContractRow, paidSeqs: number[]): ContractFacts {
  return { signed: c.signed_at !== null, terminated: c.status === 'terminated', midterm: null, final: null, milestonesReached: new Set(), released: new Set(paidSeqs) };
}

async function present(ctx: RequestContext, actor: Actor, project: ProjectRow, c: ContractRow): Promise<S.ContractView> {
  const { tranches, payments } = await tranchesOf(ctx.db, c);
  const plan: TranchePlan[] = tranches.map((t) => ({ amountFen: Number(t.amount_fen), precondition: t.precondition, ...(t.milestone_id && { milestoneId: t.milestone_id }) }));
  const facts = factsOf(c, payments.map((p) => p.seq));
  const record = recordOf(project);
  return {
    id: c.id,
    projectId: c.project_id,
    callId: c.call_id,
    applicationId: c.application_id,
    organizationId: c.organization_id,
    organizationName: c.organization_name,
    amountFen: Number(c.amount_fen),
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
      return { seq: t.seq, amountFen: Number(t.amount_fen), precondition: t.precondition, paidAt: paid ? iso(paid.paid_at) : null, blockedBy: paid ? null : releaseBlock(plan, t.seq, facts) };
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
    award: award ? { callId: award.callId, callRefNo: award.callRefNo, callStatus: award.callStatus, organizationName: award.organizationName, amountFen: award.amountFen } : null,
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
  // Milestones come with delivery (a later part): a tranche cannot wait for one yet.
  const milestone = body.tranches.findIndex((t) => t.precondition === 'milestone_reached');
  if (milestone >= 0) throw invalid({ field: `tranches.${milestone}.precondition`, code: 'contract.milestone_unknown' });
  const problem = planProblem(award.amountFen, body.tranches);
  if (problem) throw invalid({ field: 'tranches', code: `contract.${problem}`, params: { amountFen: award.amountFen } });
  const id = uuidv7();
  await command(ctx, async ({ trx, audit }) => {
    try {
      await trx
        .insertInto('contracts')
        .values({
          district_id: row.district_id, id, project_id: row.id, call_id: award.callId, application_id: award.applicationId, organization_id: award.organizationId,
          amount_fen: award.amountFen, term_start: body.termStart, term_end: body.termEnd, created_by: actor.userId,
        })
        .execute();
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AppError('contract.exists');
      throw err;
    }
    await trx.insertInto('contract_tranches').values(body.tranches.map((t, i) => ({ district_id: row.district_id, contract_id: id, seq: i + 1, amount_fen: t.amountFen, precondition: t.precondition, milestone_id: null }))).execute();
    await audit({ action: 'contract.create', entityType: 'contract', entityId: id, districtId: row.district_id, after: { projectId: row.id, amountFen: award.amountFen, ...body } });
  });
  return getProjectContract(ctx, projectId);
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
  const { tranches, payments } = await tranchesOf(ctx.db, contract);
  const tranche = tranches.find((t) => t.seq === seq);
  if (!tranche) throw new AppError('resource.not_found');
  const plan: TranchePlan[] = tranches.map((t) => ({ amountFen: Number(t.amount_fen), precondition: t.precondition }));
  const block = releaseBlock(plan, seq, factsOf(contract, payments.map((p) => p.seq)));
  if (block) throw new AppError(`contract.block.${block}`);
  await command(ctx, async ({ trx, audit }) => {
    try {
      await trx.insertInto('contract_payments').values({ district_id: contract.district_id, id: uuidv7(), contract_id: id, seq, amount_fen: Number(tranche.amount_fen), voucher: voucher.trim(), paid_by: actor.userId }).execute();
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
  const t = transitionsFor(project.status, 'terminate')[0];
  if (!t) throw new AppError('project.invalid_transition', { status: project.status, action: 'terminate' });
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
    await event(trx, project, 'terminate', project.status, t.to, actor.userId, body.reason.trim());
    await audit({ action: 'contract.terminate', entityType: 'contract', entityId: id, districtId: contract.district_id, after: { ...body, paidFen: paid } });
  });
  return getProjectContract(ctx, project.id);
}
