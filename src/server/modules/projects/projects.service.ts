import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, withinTransaction, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { answeredNeeds, markProjected, originsById, visibleOrigin, type Origin } from '../commonneeds/index.ts';
import { communityNames, visibleUnit } from '../territory/index.ts';
import './projects.errors.ts';
import { ACCEPTANCE, transitionsFor, type ProjectAction } from './projects.lifecycle.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { resolveThroughProject } from '../needs/index.ts';
import { projectPolicy, SENT_ACTIONS, type ProjectRecord } from './projects.policy.ts';
import type * as S from './projects.schemas.ts';
import * as store from './projects.store.ts';
import { withNames } from './projects.commitment-view.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function recordOf(row: store.ProjectRow): ProjectRecord {
  return {
    districtId: row.district_id,
    streetIds: row.street_ids,
    communityIds: row.community_ids,
    purchaserLevel: row.purchaser_level,
    purchaserStreetId: row.purchaser_street_id,
    status: row.status,
    createdBy: row.created_by,
    contractorOrganizationId: row.contractor_organization_id,
    evaluatorUserId: row.evaluator_user_id,
  };
}

export function present(actor: Actor, row: store.ProjectRow): S.ProjectView {
  return {
    id: row.id,
    districtId: row.district_id,
    refNo: row.ref_no,
    title: row.title,
    objectives: row.objectives,
    targetBeneficiaries: row.target_beneficiaries,
    budgetFen: Number(row.budget_fen),
    fundingSource: row.funding_source,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    purchaserLevel: row.purchaser_level,
    purchaserStreetId: row.purchaser_street_id,
    streetIds: row.street_ids,
    communityIds: row.community_ids,
    status: row.status,
    createdBy: row.created_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at ? iso(row.approved_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    allowedActions: projectPolicy.allowedActions(actor, recordOf(row)).filter((a) => (SENT_ACTIONS as readonly string[]).includes(a)),
  };
}

/** A project the caller may read; anything else answers exactly like a missing one. */
export async function loadVisible(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await store.loadProject(ctx.db, id, store.tenantFilter(actor));
  if (!row || !projectPolicy.can(actor, 'read', recordOf(row))) throw new AppError('resource.not_found');
  return { actor, row };
}

export async function listProjects(ctx: RequestContext, q: S.ListQuery) {
  const actor = requireActor(ctx);
  if (projectPolicy.grants(actor, 'read').length === 0) throw new AppError('access.forbidden');
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['uuid']);
  let query = store.selectProjects(ctx.db).where(store.readableCondition(actor));
  const districts = store.tenantFilter(actor);
  if (districts) query = query.where('p.district_id', 'in', districts);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.awaitingMe) query = query.where('p.status', 'in', ['draft', 'submitted']).where('p.created_by', '!=', actor.userId).where(store.fundedBy(actor.assignments));
  if (after) query = query.where('p.id', '<', after[0]);
  const rows = await query.orderBy('p.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

export async function getProject(ctx: RequestContext, id: string): Promise<S.ProjectDetail> {
  const { actor, row } = await loadVisible(ctx, id);
  const ids = await store.originIds(ctx.db, row.district_id, row.id);
  const [origins, answered, commitmentRows, timeline, names, evaluated] = await Promise.all([
    originsById(ctx.db, row.district_id, ids),
    answeredNeeds(ctx.db, row.district_id, ids),
    store.commitmentsOf(ctx.db, row.district_id, { projectId: row.id, commonNeedIds: ids }),
    store.timelineOf(ctx.db, row.district_id, row.id),
    communityNames(ctx.db, row.community_ids),
    row.status === 'final' ? finalSubmitted(ctx.db, row.district_id, row.id) : Promise.resolve(true),
  ]);
  const view = present(actor, row);
  return {
    ...view,
    // Acceptance is decided on the evaluator's final report: not offered before it is in.
    allowedActions: evaluated ? view.allowedActions : view.allowedActions.filter((a) => !ACCEPTANCE[a as ProjectAction]),
    // Named for every reader: the contractor's people, who cannot read the register, choose among them.
    communities: row.community_ids.map((cid) => ({ id: cid, name: names.get(cid)?.name ?? '', nameEn: names.get(cid)?.nameEn ?? null })),
    origins: origins.map((o) => ({ id: o.id, title: o.title, status: o.status, householdCount: o.householdCount, memberCount: o.memberCount, communityIds: o.communityIds })),
    needs: answered.needs,
    householdCount: answered.householdCount,
    beneficiaryCount: answered.beneficiaryCount,
    commitments: await withNames(ctx, commitmentRows),
    timeline: timeline.map((e) => ({ id: e.id, at: iso(e.at), action: e.action, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, actorName: e.actor_name })),
  };
}

function checkPeriod(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw invalid({ field: 'periodEnd', code: 'project.period_order' });
}

/** The units a project is about: every street and community its common needs answer for. */
function placeOf(origins: Origin[]) {
  const districtId = origins[0]!.districtId;
  origins.forEach((o, i) => {
    if (o.districtId !== districtId) throw invalid({ field: `commonNeedIds.${i}`, code: 'project.origin_district' });
    if ((o.status !== 'open' && o.status !== 'candidate') || o.parentId !== null) throw invalid({ field: `commonNeedIds.${i}`, code: 'project.origin_taken' });
  });
  return { districtId, streetIds: [...new Set(origins.flatMap((o) => o.streetIds))].sort(), communityIds: [...new Set(origins.flatMap((o) => o.communityIds))].sort() };
}

function finalSubmitted(db: RequestContext['db'], districtId: string, projectId: string) {
  return db
    .selectFrom('evaluations')
    .select('id')
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .where('kind', '=', 'final')
    .where('submitted_at', 'is not', null)
    .executeTakeFirst()
    .then(Boolean);
}

export function event(trx: RequestContext['db'], row: { district_id: string; id: string }, action: string, from: store.ProjectRow['status'] | null, to: store.ProjectRow['status'], actorId: string, reason = '') {
  return trx.insertInto('project_events').values({ district_id: row.district_id, id: newId(), project_id: row.id, action, from_status: from, to_status: to, reason, actor_user_id: actorId }).execute();
}

export async function createProject(ctx: RequestContext, body: S.CreateBody) {
  const actor = requireActor(ctx);
  const origins: Origin[] = [];
  for (const [i, id] of body.commonNeedIds.entries()) origins.push(await referenced(`commonNeedIds.${i}`, () => visibleOrigin(ctx, id)));
  const place = placeOf(origins);
  const purchaserStreetId = body.purchaserLevel === 'street' ? (body.purchaserStreetId ?? null) : null;
  if (body.purchaserLevel === 'street') {
    if (!purchaserStreetId) throw invalid({ field: 'purchaserStreetId', code: 'validation.required' });
    await referenced('purchaserStreetId', () => visibleUnit(ctx, 'street', purchaserStreetId));
    // A street buys for its own territory; a project spanning streets is the district's purchase.
    if (place.streetIds.length !== 1 || place.streetIds[0] !== purchaserStreetId) throw invalid({ field: 'purchaserStreetId', code: 'project.purchaser_street' });
  }
  checkPeriod(body.periodStart, body.periodEnd);
  const record: ProjectRecord = { ...place, purchaserLevel: body.purchaserLevel, purchaserStreetId, status: 'draft', createdBy: actor.userId, contractorOrganizationId: null, evaluatorUserId: null };
  projectPolicy.authorize(actor, 'create', record);
  const id = newId();
  const row = await withinTransaction(ctx, async (tx) => {
    const written = await command(tx, async ({ trx, audit }) => {
      const refNo = await store.nextRefNo(trx, place.districtId);
      const values = {
        district_id: place.districtId,
        id,
        ref_no: refNo,
        title: body.title.trim(),
        objectives: body.objectives?.trim() ?? '',
        target_beneficiaries: body.targetBeneficiaries ?? null,
        budget_fen: body.budgetFen,
        funding_source: body.fundingSource,
        period_start: body.periodStart ?? null,
        period_end: body.periodEnd ?? null,
        purchaser_level: body.purchaserLevel,
        purchaser_street_id: purchaserStreetId,
        street_ids: place.streetIds,
        community_ids: place.communityIds,
        created_by: actor.userId,
      };
      const r = await trx.insertInto('projects').values(values).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('project_common_needs').values(body.commonNeedIds.map((c) => ({ district_id: place.districtId, project_id: id, common_need_id: c }))).execute();
      await event(trx, r, 'create', null, 'draft', actor.userId);
      await audit({ action: 'project.create', entityType: 'project', entityId: id, districtId: place.districtId, after: { ...values, commonNeedIds: body.commonNeedIds } });
      return r;
    });
    await markProjected(tx, place.districtId, body.commonNeedIds, written.ref_no, true);
    return written;
  });
  return present(actor, row);
}

export async function updateProject(ctx: RequestContext, id: string, body: S.UpdateBody) {
  const { actor, row } = await loadVisible(ctx, id);
  projectPolicy.authorize(actor, 'update', recordOf(row));
  checkPeriod(body.periodStart === undefined ? row.period_start : body.periodStart, body.periodEnd === undefined ? row.period_end : body.periodEnd);
  const changes = {
    ...(body.title !== undefined && { title: body.title.trim() }),
    ...(body.objectives !== undefined && { objectives: body.objectives.trim() }),
    ...(body.targetBeneficiaries !== undefined && { target_beneficiaries: body.targetBeneficiaries }),
    ...(body.budgetFen !== undefined && { budget_fen: body.budgetFen }),
    ...(body.fundingSource !== undefined && { funding_source: body.fundingSource }),
    ...(body.periodStart !== undefined && { period_start: body.periodStart }),
    ...(body.periodEnd !== undefined && { period_end: body.periodEnd }),
  };
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]]));
  const written = await command(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('projects')
      .set({ ...changes, updated_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      // Only a draft is edited: a concurrent approval makes this edit fail instead of changing an approved plan.
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('project.invalid_transition', { status: row.status, action: 'update' });
    await event(trx, row, 'update', 'draft', 'draft', actor.userId);
    await audit({ action: 'project.update', entityType: 'project', entityId: row.id, districtId: row.district_id, before, after: changes });
    return updated;
  });
  return present(actor, written);
}

export async function transitionProject(ctx: RequestContext, id: string, body: S.TransitionBody) {
  const { actor, row } = await loadVisible(ctx, id);
  const ts = transitionsFor(row.status, body.action);
  if (!ts.length) throw new AppError('project.invalid_transition', { status: row.status, action: body.action });
  projectPolicy.authorize(actor, body.action, recordOf(row));
  const t = ts[0]!;
  const reason = body.reason?.trim() ?? '';
  if (t.requires?.includes('reason') && !reason) throw invalid({ field: 'reason', code: 'validation.required' });
  const outcome = ACCEPTANCE[body.action];
  // Acceptance is decided on the evaluator's final report.
  if (outcome && !(await finalSubmitted(ctx.db, row.district_id, row.id))) throw new AppError('project.final_not_evaluated');
  const written = await withinTransaction(ctx, async (tx) => {
    const updated = await command(tx, async ({ trx, audit }) => {
      const approval = t.to === 'approved' ? { approved_by: actor.userId, approved_at: new Date() } : t.to === 'draft' ? { approved_by: null, approved_at: null } : {};
      const ending = outcome ? { outcome, ended_on: localDate(new Date()) } : {};
      const r = await trx
        .updateTable('projects')
        .set({ status: t.to, ...approval, ...ending, updated_at: new Date() })
        .where('district_id', '=', row.district_id)
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw new AppError('project.invalid_transition', { status: row.status, action: body.action });
      await event(trx, row, body.action, row.status, t.to, actor.userId, reason);
      await audit({ action: `project.${body.action}`, entityType: 'project', entityId: row.id, districtId: row.district_id, before: { status: row.status }, after: { status: t.to, ...(reason && { reason }) } });
      return r;
    });
    // A cancelled project lets its common needs go back to the lists, to be answered another way.
    if (t.to === 'cancelled') await markProjected(tx, row.district_id, await store.originIds(tx.db, row.district_id, row.id), row.ref_no, false);
    // An accepted project resolves the needs it answered; their reporters are asked to confirm.
    if (outcome === 'accepted' || outcome === 'accepted_with_conditions') {
      const { needs } = await answeredNeeds(tx.db, row.district_id, await store.originIds(tx.db, row.district_id, row.id));
      await resolveThroughProject(tx, row.district_id, needs.map((n) => n.id), { refNo: row.ref_no, title: row.title });
    }
    return updated;
  });
  return present(actor, written);
}

/** The project answering a need's group (or the group it was added into), for the need's reporter. */
export async function projectOfGroups(db: RequestContext['db'], districtId: string, commonNeedIds: string[]) {
  if (!commonNeedIds.length) return null;
  const p = await store.projectHolding(db, districtId, commonNeedIds);
  return p ? { id: p.id, refNo: p.ref_no, title: p.title, status: p.status } : null;
}
