import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { moveOfferedProjects } from '../projects/index.ts';
import { publicPlace } from '../territory/index.ts';
import { callTransition } from './calls.lifecycle.ts';
import { callPolicy } from './calls.policy.ts';
import type * as S from './calls.publicity.schemas.ts';
import { ranking } from './calls.reviews.service.ts';
import { awardView, getCall, loadVisible, recordOf } from './calls.service.ts';
import * as store from './calls.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const DAY = 86_400_000;

/**
 * The award as the office decides it from the computed ranking: recommended applications only,
 * one per offered project. Choosing other than the best recommended application of a project,
 * or leaving out one the ranking recommends, must be explained: the reason is publicised.
 */
export async function publicize(ctx: RequestContext, id: string, body: S.AwardBody) {
  const { actor, row } = await loadVisible(ctx, id);
  if (!callTransition(row.status, 'publicize')) throw new AppError('call.invalid_transition', { status: row.status });
  callPolicy.authorize(actor, 'publicize', recordOf(row));
  const ranked = (await ranking(ctx, id)).items;
  const byId = new Map(ranked.map((r) => [r.applicationId, r]));
  const chosen = body.applicationIds.map((appId, i) => {
    const r = byId.get(appId);
    if (!r) throw notFoundAt(`applicationIds.${i}`);
    if (!r.recommended) throw invalid({ field: `applicationIds.${i}`, code: 'call.award_not_recommended' });
    return r;
  });
  const projects = chosen.map((c) => c.projectId).filter((p): p is string => !!p);
  if (new Set(projects).size !== projects.length) throw invalid({ field: 'applicationIds', code: 'call.award_twice' });
  // The ranking's own answer: the best recommended application of each project, every recommended theme proposal.
  const expected = new Set<string>();
  const seen = new Set<string>();
  for (const r of ranked.filter((x) => x.recommended)) {
    if (r.projectId && seen.has(r.projectId)) continue;
    if (r.projectId) seen.add(r.projectId);
    expected.add(r.applicationId);
  }
  const departs = chosen.length !== expected.size || chosen.some((c) => !expected.has(c.applicationId));
  if (departs && !body.reason?.trim()) throw invalid({ field: 'reason', code: 'call.award_reason_required' });
  const now = new Date();
  const ends = new Date(now.getTime() + row.publicity_days * DAY);
  const offered = await store.offeredProjectIds(ctx.db, row.district_id, row.id);
  await command(ctx, async ({ trx, audit }) => {
    const moved = await trx
      .updateTable('calls')
      .set({ status: 'publicity', publicized_at: now, publicity_ends_at: ends, award_reason: body.reason?.trim() ?? '', updated_at: now })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .where('status', '=', 'ranked')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('call.invalid_transition', { status: row.status });
    if (chosen.length > 0) {
      await trx
        .insertInto('call_awards')
        .values(chosen.map((c) => ({ district_id: row.district_id, call_id: row.id, application_id: c.applicationId, project_id: c.projectId, organization_id: c.organizationId, amount_fen: c.requestedFen, rank: c.rank })))
        .execute();
    }
    // Awarded projects go to publicity with the round; the others wait, approved, for another round.
    const tx = { ...ctx, db: trx };
    await moveOfferedProjects(tx, row.district_id, offered.filter((p) => projects.includes(p)), 'publicize', actor.userId, row.ref_no);
    await moveOfferedProjects(tx, row.district_id, offered.filter((p) => !projects.includes(p)), 'withdraw_call', actor.userId, row.ref_no);
    await store.recordEvent(trx, { districtId: row.district_id, id: newId(), callId: row.id, action: 'publicize', from: row.status, to: 'publicity', reason: body.reason?.trim(), actorId: actor.userId });
    await audit({ action: 'call.publicize', entityType: 'call', entityId: row.id, districtId: row.district_id, before: { status: row.status }, after: { status: 'publicity', awards: chosen.map((c) => c.applicationId), reason: body.reason ?? null, publicityEndsAt: ends } });
  });
  return getCall(ctx, id);
}

export async function lodgeObjection(ctx: RequestContext, id: string, body: S.ObjectionBody): Promise<S.Objection> {
  const { actor, row } = await loadVisible(ctx, id);
  callPolicy.authorize(actor, 'object', recordOf(row));
  if (row.publicity_ends_at && Date.now() >= new Date(row.publicity_ends_at).getTime()) throw new AppError('call.publicity_over', { until: iso(row.publicity_ends_at) });
  if (body.applicationId && !(await store.awardOf(ctx.db, row.district_id, row.id, body.applicationId))) throw notFoundAt('applicationId');
  const objectionId = newId();
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('call_objections').values({ district_id: row.district_id, id: objectionId, call_id: row.id, application_id: body.applicationId ?? null, body: body.body.trim(), lodged_by: actor.userId }).execute();
    await audit({ action: 'call.object', entityType: 'call', entityId: row.id, districtId: row.district_id, after: { objectionId, applicationId: body.applicationId ?? null } });
  });
  const [objection] = await objectionsOf(ctx.db, row.district_id, row.id, { id: objectionId });
  return present(objection!, false);
}

function present(o: Awaited<ReturnType<typeof objectionsOf>>[number], named: boolean): S.Objection {
  return {
    id: o.id,
    applicationId: o.application_id,
    applicationTitle: o.application_title,
    body: o.body,
    lodgedBy: named ? o.lodged_by_name : null,
    lodgedAt: iso(o.lodged_at),
    answer: o.answer,
    upheld: o.upheld,
    answeredAt: o.answered_at ? iso(o.answered_at) : null,
  };
}

function objectionsOf(db: Kysely<DB>, districtId: string, callId: string, only: { id?: string; lodgedBy?: string } = {}) {
  let q = db
    .selectFrom('call_objections as o')
    .innerJoin('users as u', 'u.id', 'o.lodged_by')
    .leftJoin('applications as a', (j) => j.onRef('a.district_id', '=', 'o.district_id').onRef('a.id', '=', 'o.application_id'))
    .selectAll('o')
    .select(['u.display_name as lodged_by_name', 'a.title as application_title'])
    .where('o.district_id', '=', districtId)
    .where('o.call_id', '=', callId);
  if (only.id) q = q.where('o.id', '=', only.id);
  if (only.lodgedBy) q = q.where('o.lodged_by', '=', only.lodgedBy);
  return q.orderBy('o.id').execute();
}

/** The office reads every objection, named; anyone else their own. */
export async function listObjections(ctx: RequestContext, id: string) {
  const { actor, row } = await loadVisible(ctx, id);
  const office = callPolicy.can(actor, 'read_objections', recordOf(row));
  const rows = await objectionsOf(ctx.db, row.district_id, row.id, office ? {} : { lodgedBy: actor.userId });
  return { items: rows.map((o) => present(o, office)) };
}

export async function answerObjection(ctx: RequestContext, id: string, objectionId: string, body: S.AnswerBody): Promise<S.Objection> {
  const { actor, row } = await loadVisible(ctx, id);
  const [objection] = await objectionsOf(ctx.db, row.district_id, row.id, { id: objectionId });
  if (!objection) throw new AppError('resource.not_found');
  callPolicy.authorize(actor, 'answer_objection', recordOf(row));
  if (row.status !== 'publicity') throw new AppError('call.invalid_transition', { status: row.status });
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    const answered = await trx
      .updateTable('call_objections')
      .set({ answer: body.answer.trim(), upheld: body.upheld, answered_by: actor.userId, answered_at: now })
      .where('district_id', '=', row.district_id)
      .where('id', '=', objectionId)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(answered.numUpdatedRows) !== 1) throw new AppError('call.objection_answered');
    // An upheld objection against an award revokes it: the project is not contracted on it.
    if (body.upheld && objection.application_id) {
      await trx
        .updateTable('call_awards')
        .set({ revoked_at: now, revoked_reason: body.answer.trim() })
        .where('district_id', '=', row.district_id)
        .where('application_id', '=', objection.application_id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    await audit({ action: 'call.answer_objection', entityType: 'call', entityId: row.id, districtId: row.district_id, after: { objectionId, upheld: body.upheld, answer: body.answer } });
  });
  const [saved] = await objectionsOf(ctx.db, row.district_id, row.id, { id: objectionId });
  return present(saved!, true);
}

/**
 * The results publicised for a street or a community, read without signing in: the rounds of
 * its street and of its district in publicity or concluded in the last 90 days, with the awards
 * (organizations, titles, amounts, ranks) — never a person's name.
 */
export async function publicResults(ctx: RequestContext, q: { streetId?: string; communityId?: string }): Promise<S.PublicPage> {
  if (!q.streetId === !q.communityId) throw invalid({ field: 'streetId', code: 'call.public_unit_required' });
  const place = await publicPlace(ctx.db, q.streetId ? 'street' : 'community', (q.streetId ?? q.communityId)!);
  if (!place) throw new AppError('resource.not_found');
  const calls = await store.publicisedFor(ctx.db, place.districtId, place.streetId, new Date(Date.now() - 90 * DAY));
  const ids = calls.map((c) => c.id);
  const [awards, counts] = await Promise.all([store.awardsOf(ctx.db, place.districtId, ids), store.objectionCounts(ctx.db, place.districtId, ids)]);
  const items = calls.map((c): S.PublicResult => ({
    callId: c.id,
    refNo: c.ref_no,
    title: c.title,
    issuerName: (ctx.locale === 'en' && (c.street_name_en ?? c.district_name_en)) || c.street_name || c.district_name,
    status: c.status,
    publicizedAt: iso(c.publicized_at!),
    publicityEndsAt: iso(c.publicity_ends_at!),
    awards: awards.filter((w) => w.call_id === c.id).map(awardView),
    objectionsLodged: counts.get(c.id)?.lodged ?? 0,
    objectionsAnswered: counts.get(c.id)?.answered ?? 0,
  }));
  return { unitName: (ctx.locale === 'en' && place.nameEn) || place.name, items };
}
