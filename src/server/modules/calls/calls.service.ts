import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { callProjectsOf, offerableProject, moveOfferedProjects, type OfferableProject } from '../projects/index.ts';
import { visibleUnit } from '../territory/index.ts';
import './calls.errors.ts';
import { callTransition, EDITABLE, OFFERED_CALL_ACTIONS, PANEL_ADDABLE, PANEL_EDITABLE } from './calls.lifecycle.ts';
import { callPolicy, type CallRecord } from './calls.policy.ts';
import { DEFAULT_CALL_RULES, rulesProblem, type CallRules } from './calls.rules.ts';
import type * as S from './calls.schemas.ts';
import { visibleDistrict } from './calls.settings.ts';
import { concludable, releaseRevoked } from './calls.conclusion.ts';
import { dutiesOf } from './calls.reviews.store.ts';
import * as store from './calls.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export const recordOf = (row: Pick<store.CallRow, 'district_id' | 'issuer_level' | 'issuer_street_id' | 'status'>): CallRecord => ({
  districtId: row.district_id,
  issuerLevel: row.issuer_level,
  issuerStreetId: row.issuer_street_id,
  status: row.status,
});

function present(ctx: RequestContext, actor: Actor, row: store.CallRow): S.CallView {
  const en = ctx.locale === 'en';
  const issuerName = row.issuer_level === 'street' ? (en && row.street_name_en) || row.street_name! : (en && row.district_name_en) || row.district_name;
  return {
    id: row.id,
    districtId: row.district_id,
    refNo: row.ref_no,
    title: row.title,
    kind: row.kind,
    issuerLevel: row.issuer_level,
    issuerStreetId: row.issuer_street_id,
    issuerName,
    description: row.description,
    themes: row.themes,
    deadline: iso(row.deadline),
    publicityDays: row.publicity_days,
    status: row.status,
    openedAt: row.opened_at ? iso(row.opened_at) : null,
    publicizedAt: row.publicized_at ? iso(row.publicized_at) : null,
    publicityEndsAt: row.publicity_ends_at ? iso(row.publicity_ends_at) : null,
    awardReason: row.award_reason,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    allowedActions: allowedNow(actor, row),
  };
}

/** An award as the call's page and the public notice board show it: organizations and figures, no people. */
export const awardView = (w: store.AwardRow) => ({
  applicationId: w.application_id,
  refNo: w.ref_no,
  organizationName: w.organization_name,
  title: w.title,
  offer: w.project_title ?? w.theme ?? '',
  rank: w.rank,
  amountFen: Number(w.amount_fen),
  revoked: w.revoked_at !== null,
});

/** What the caller may do to the call now: the policy says who, the lifecycle says when. */
function allowedNow(actor: Actor, row: store.CallRow): string[] {
  const record = recordOf(row);
  const actions: string[] = [...OFFERED_CALL_ACTIONS, 'publicize' as const].filter((a) => callTransition(row.status, a) && callPolicy.can(actor, a, record));
  if (!callPolicy.can(actor, 'update', record)) return actions;
  return [...(EDITABLE.includes(row.status) ? ['update'] : []), ...(PANEL_ADDABLE.includes(row.status) ? ['panel'] : []), ...actions];
}

/** A call the caller may read; anything else answers exactly like a missing one. */
export async function loadVisible(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await store.loadCall(ctx.db, id);
  if (!row || !callPolicy.can(actor, 'read', recordOf(row))) throw new AppError('resource.not_found');
  return { actor, row };
}

export async function listCalls(ctx: RequestContext, q: S.ListQuery) {
  const actor = requireActor(ctx);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['uuid']);
  let query = store.selectCalls(ctx.db).where(store.readableCondition(callPolicy.grants(actor, 'read_draft')));
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.streetId) query = query.where('c.issuer_street_id', '=', q.streetId);
  if (after) query = query.where('c.id', '<', after[0]);
  const rows = await query.orderBy('c.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => present(ctx, actor, r)), nextCursor: page.nextCursor };
}

export async function getCall(ctx: RequestContext, id: string): Promise<S.CallDetail> {
  const { actor, row } = await loadVisible(ctx, id);
  const seesPanel = callPolicy.can(actor, 'read_draft', recordOf(row));
  const [projectIds, panel, events, awards] = await Promise.all([
    store.offeredProjectIds(ctx.db, row.district_id, row.id),
    seesPanel ? store.panelOf(ctx.db, row.district_id, row.id) : null,
    store.eventsOf(ctx.db, row.district_id, row.id),
    row.publicized_at ? store.awardsOf(ctx.db, row.district_id, [row.id]) : [],
  ]);
  return {
    ...present(ctx, actor, row),
    rules: row.rules as CallRules,
    rulesVersion: row.rules_version,
    projects: await callProjectsOf(ctx, row.district_id, projectIds),
    panel: panel && panel.map((p) => ({ userId: p.user_id, displayName: p.display_name, kind: p.kind })),
    awards: awards.map(awardView),
    events: events.map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, actorName: e.actor_name, at: iso(e.at) })),
  };
}

function checkRules(rules: CallRules) {
  const problem = rulesProblem(rules);
  if (problem) throw invalid(problem);
}

function checkDeadline(deadline: string, now = new Date()) {
  if (new Date(deadline).getTime() <= now.getTime()) throw invalid({ field: 'deadline', code: 'call.deadline_past' });
}

/**
 * The projects a call may offer: approved, bought by the issuing office, not offered by another
 * running call. An id the caller cannot read answers 404 naming its field.
 */
async function offerable(ctx: RequestContext, call: CallRecord & { id: string }, ids: string[]): Promise<OfferableProject[]> {
  const projects: OfferableProject[] = [];
  for (const [i, id] of ids.entries()) projects.push(await referenced(`projectIds.${i}`, () => offerableProject(ctx, id)));
  const elsewhere = new Set(await store.offeredElsewhere(ctx.db, call.districtId, call.id, ids));
  for (const [i, p] of projects.entries()) {
    const sameFunder = p.districtId === call.districtId && p.purchaserLevel === call.issuerLevel && p.purchaserStreetId === call.issuerStreetId;
    if (!sameFunder || p.status !== 'approved' || elsewhere.has(p.id)) throw invalid({ field: `projectIds.${i}`, code: 'call.project_not_offerable' });
  }
  return projects;
}

export async function createCall(ctx: RequestContext, body: S.CreateBody) {
  const actor = requireActor(ctx);
  const street = body.streetId ? await referenced('streetId', () => visibleUnit(ctx, 'street', body.streetId!)) : null;
  const districtId = street?.districtId ?? (await visibleDistrict(ctx, body.districtId));
  const id = newId();
  const record: CallRecord & { id: string } = { id, districtId, issuerLevel: street ? 'street' : 'district', issuerStreetId: street?.id ?? null, status: 'draft' };
  callPolicy.authorize(actor, 'create', record);
  checkDeadline(body.deadline);
  const settings = await store.settingsOf(ctx.db, districtId);
  const rules = body.rules ?? ((settings?.defaults as CallRules | undefined) ?? DEFAULT_CALL_RULES);
  checkRules(rules);
  const projectIds = body.projectIds ?? [];
  await offerable(ctx, record, projectIds);
  await command(ctx, async ({ trx, audit }) => {
    const values = {
      district_id: districtId,
      id,
      ref_no: await store.nextRefNo(trx, districtId),
      title: body.title.trim(),
      kind: body.kind,
      issuer_level: record.issuerLevel,
      issuer_street_id: record.issuerStreetId,
      description: body.description?.trim() ?? '',
      themes: body.themes ?? [],
      deadline: body.deadline,
      publicity_days: body.publicityDays ?? 7,
      rules: JSON.stringify(rules),
      rules_version: settings?.version ?? 0,
      created_by: actor.userId,
    };
    await trx.insertInto('calls').values(values).execute();
    await store.setOfferedProjects(trx, districtId, id, projectIds);
    await store.recordEvent(trx, { districtId, id: newId(), callId: id, action: 'create', from: null, to: 'draft', actorId: actor.userId });
    await audit({ action: 'call.create', entityType: 'call', entityId: id, districtId, after: { ...values, rules, projectIds } });
  });
  return getCall(ctx, id);
}


export async function updateCall(ctx: RequestContext, id: string, body: S.UpdateBody) {
  const { actor, row } = await loadVisible(ctx, id);
  callPolicy.authorize(actor, 'update', recordOf(row));
  if (!EDITABLE.includes(row.status)) throw new AppError('call.not_editable');
  if (body.deadline !== undefined) checkDeadline(body.deadline);
  if (body.rules) checkRules(body.rules);
  if (body.projectIds) await offerable(ctx, { id: row.id, ...recordOf(row) }, body.projectIds);
  const changes = {
    ...(body.title !== undefined && { title: body.title.trim() }),
    ...(body.description !== undefined && { description: body.description.trim() }),
    ...(body.themes !== undefined && { themes: body.themes }),
    ...(body.deadline !== undefined && { deadline: body.deadline }),
    ...(body.publicityDays !== undefined && { publicity_days: body.publicityDays }),
    ...(body.rules !== undefined && { rules: JSON.stringify(body.rules) }),
  };
  await command(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('calls')
      .set({ ...changes, updated_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      // Opened meanwhile: the published call keeps what it was opened with.
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('call.not_editable');
    if (body.projectIds) await store.setOfferedProjects(trx, row.district_id, row.id, body.projectIds);
    await audit({ action: 'call.update', entityType: 'call', entityId: row.id, districtId: row.district_id, after: { ...body } });
  });
  return getCall(ctx, id);
}

export async function addPanelMember(ctx: RequestContext, id: string, body: S.PanelBody) {
  const { actor, row } = await loadVisible(ctx, id);
  callPolicy.authorize(actor, 'update', recordOf(row));
  if (!PANEL_ADDABLE.includes(row.status)) throw new AppError('call.not_editable');
  // Anyone but a reviewer of the call's area is outside what the office may pick: like a missing id.
  if (!(await store.isReviewerFor(ctx.db, body.userId, row.district_id, row.issuer_street_id))) throw notFoundAt('userId');
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('call_panel')
      .values({ district_id: row.district_id, call_id: row.id, user_id: body.userId, kind: body.kind, added_by: actor.userId })
      .onConflict((oc) => oc.columns(['district_id', 'call_id', 'user_id']).doUpdateSet({ kind: body.kind }))
      .execute();
    await audit({ action: 'call.panel_add', entityType: 'call', entityId: row.id, districtId: row.district_id, after: { ...body } });
  });
  return getCall(ctx, id);
}

/** Reviewers of the call's area who could join its panel (the issuing office's picker). */
export async function listPanelCandidates(ctx: RequestContext, id: string) {
  const { actor, row } = await loadVisible(ctx, id);
  callPolicy.authorize(actor, 'update', recordOf(row));
  const rows = await store.panelCandidates(ctx.db, row.district_id, row.issuer_street_id, row.id);
  return { items: rows.map((r) => ({ userId: r.id, displayName: r.display_name })) };
}

export async function removePanelMember(ctx: RequestContext, id: string, userId: string) {
  const { actor, row } = await loadVisible(ctx, id);
  callPolicy.authorize(actor, 'update', recordOf(row));
  if (!PANEL_EDITABLE.includes(row.status)) throw new AppError('call.not_editable');
  await command(ctx, async ({ trx, audit }) => {
    const removed = await trx.deleteFrom('call_panel').where('district_id', '=', row.district_id).where('call_id', '=', row.id).where('user_id', '=', userId).executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw new AppError('resource.not_found');
    await audit({ action: 'call.panel_remove', entityType: 'call', entityId: row.id, districtId: row.district_id, before: { userId } });
  });
  return getCall(ctx, id);
}

/** Checks that belong to one transition beyond its from-status: what must be true to take it now. */
async function precondition(ctx: RequestContext, row: store.CallRow, action: S.TransitionBody['action'], now: Date) {
  if (action === 'open') {
    checkDeadline(iso(row.deadline), now);
    const projects = await store.offeredProjectIds(ctx.db, row.district_id, row.id);
    if (projects.length === 0 && row.themes.length === 0) throw new AppError('call.nothing_offered');
    const min = (row.rules as CallRules).minPanel;
    const count = (await store.panelOf(ctx.db, row.district_id, row.id)).length;
    if (count < min) throw new AppError('call.panel_too_small', { min, count });
  }
  if (action === 'close' && now.getTime() < new Date(row.deadline).getTime()) {
    throw new AppError('call.before_deadline', { deadline: iso(row.deadline) });
  }
  if (action === 'rank') await panelDone(ctx, row);
  if (action === 'conclude') await concludable(ctx.db, row, now);
}

/** The panel closes when every member has declared on every application and handed in every sheet they owe. */
async function panelDone(ctx: RequestContext, row: store.CallRow) {
  const panel = await store.panelOf(ctx.db, row.district_id, row.id);
  const duties = await dutiesOf(ctx.db, row.district_id, row.id, panel.map((p) => p.user_id));
  const outstanding = duties.filter((d) => d.state === 'undeclared' || d.state === 'scoring').length;
  if (outstanding > 0) throw new AppError('call.reviews_outstanding', { count: outstanding });
  const applications = new Set(duties.map((d) => d.applicationId));
  if (applications.size === 0) throw new AppError('call.nothing_to_rank');
  const reviewed = new Set(duties.filter((d) => d.state === 'submitted').map((d) => d.applicationId));
  const unreviewed = [...applications].filter((id) => !reviewed.has(id)).length;
  if (unreviewed > 0) throw new AppError('call.application_unreviewed', { count: unreviewed });
}

export async function transitionCall(ctx: RequestContext, id: string, body: S.TransitionBody) {
  const { actor, row } = await loadVisible(ctx, id);
  const t = callTransition(row.status, body.action);
  if (!t) throw new AppError('call.invalid_transition', { status: row.status });
  callPolicy.authorize(actor, body.action, recordOf(row));
  if (t.requires?.includes('reason') && !body.reason?.trim()) throw invalid({ field: 'reason', code: 'validation.required' });
  const now = new Date();
  await precondition(ctx, row, body.action, now);
  await command(ctx, async ({ trx, audit }) => {
    const moved = await trx
      .updateTable('calls')
      .set({ status: t.to, updated_at: now, ...(body.action === 'open' && { opened_at: now }) })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new AppError('call.invalid_transition', { status: row.status });
    // The offered projects follow the round: open with it, back to approved when it is cancelled.
    const projectIds = await store.offeredProjectIds(trx, row.district_id, row.id);
    if (body.action === 'open') await moveOfferedProjects({ ...ctx, db: trx }, row.district_id, projectIds, 'open_call', actor.userId, row.ref_no);
    if (body.action === 'close') await moveOfferedProjects({ ...ctx, db: trx }, row.district_id, projectIds, 'close_call', actor.userId, row.ref_no);
    if (body.action === 'cancel' && row.status !== 'draft') await moveOfferedProjects({ ...ctx, db: trx }, row.district_id, projectIds, 'withdraw_call', actor.userId, row.ref_no);
    if (body.action === 'conclude') await releaseRevoked({ ...ctx, db: trx }, row, actor.userId);
    await store.recordEvent(trx, { districtId: row.district_id, id: newId(), callId: row.id, action: body.action, from: row.status, to: t.to, reason: body.reason?.trim(), actorId: actor.userId });
    await audit({ action: `call.${body.action}`, entityType: 'call', entityId: row.id, districtId: row.district_id, before: { status: row.status }, after: { status: t.to, reason: body.reason ?? null } });
  });
  return getCall(ctx, id);
}
