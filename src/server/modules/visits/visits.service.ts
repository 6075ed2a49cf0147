import { sql } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { startOfLocalDay } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { ensureDefaultCategories, intakeNeeds, needsOfVisit } from '../needs/index.ts';
import { visibleUnit } from '../territory/index.ts';
import './visits.errors.ts';
import { visitPolicy, type VisitPlace } from './visits.policy.ts';
import type * as S from './visits.schemas.ts';
import * as store from './visits.store.ts';

const DAY = 24 * 3600_000;
/** How far back a visit may be recorded: workers write up a week's visits, not last season's. */
export const MAX_AGE_DAYS = 30;
/** Phones' clocks drift; a visit "now" a little ahead of the server is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;

const iso = (d: Date | string) => new Date(d).toISOString();

const placeOf = (r: { district_id: string; street_id: string; community_id: string; grid_id: string }, householdId?: string): VisitPlace => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
  gridId: r.grid_id,
  householdId: householdId ?? null,
});

export function present(actor: Actor, row: store.VisitRow): S.VisitView {
  return {
    id: row.id,
    districtId: row.district_id,
    streetId: row.street_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    householdId: row.household_id,
    householdAddress: row.household_address,
    residentId: row.resident_id,
    residentName: row.resident_name,
    workerUserId: row.worker_user_id,
    workerName: row.worker_name,
    kind: row.kind,
    visitedAt: iso(row.visited_at),
    notes: row.notes,
    findings: row.findings,
    createdAt: iso(row.created_at),
    allowedActions: visitPolicy.allowedActions(actor, placeOf(row, row.household_id)).filter((a) => a !== 'read' && a !== 'create'),
  };
}

function checkVisitedAt(raw: string, now: Date): Date {
  const at = new Date(raw);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid({ field: 'visitedAt', code: 'visit.in_future' });
  if (at.getTime() < now.getTime() - MAX_AGE_DAYS * DAY) throw invalid({ field: 'visitedAt', code: 'visit.too_old', params: { days: MAX_AGE_DAYS } });
  return at;
}

export async function createVisit(ctx: RequestContext, body: S.CreateVisitBody) {
  const actor = requireActor(ctx);
  const visitedAt = checkVisitedAt(body.visitedAt, new Date());
  const h = await store.loadHousehold(ctx.db, body.householdId, store.districtsOf(actor));
  const place = h && placeOf(h, h.id);
  // A household outside every scope of the caller answers like one that does not exist.
  if (!h || !place || !visitPolicy.can(actor, 'read', place)) throw notFoundAt('householdId');
  visitPolicy.authorize(actor, 'create', place);
  const residentId = body.residentId ?? null;
  if (body.kind === 'care' && !residentId) throw invalid({ field: 'residentId', code: 'visit.resident_required' });
  const resident = residentId ? await referenced('residentId', () => visibleUnit(ctx, 'resident', residentId)) : null;
  if (resident && resident.householdId !== h.id) throw invalid({ field: 'residentId', code: 'visit.unknown_resident' });
  const needs = body.needs ?? [];
  // The district's first needs give it the default categories, outside the visit's transaction.
  if (needs.length) await ensureDefaultCategories(ctx, ctx.db, h.district_id);
  const id = newId();
  const { visit, found } = await command(ctx, async (scope) => {
    const values = {
      district_id: h.district_id,
      id,
      street_id: h.street_id,
      community_id: h.community_id,
      grid_id: h.grid_id,
      household_id: h.id,
      resident_id: residentId,
      worker_user_id: actor.userId,
      kind: body.kind,
      visited_at: visitedAt,
      notes: (body.notes ?? '').trim(),
      findings: (body.findings ?? '').trim(),
    };
    const visit = await scope.trx.insertInto('visits').values(values).returningAll().executeTakeFirstOrThrow();
    const found = await intakeNeeds(
      scope,
      actor,
      { districtId: h.district_id, streetId: h.street_id, communityId: h.community_id, gridId: h.grid_id, householdId: h.id, buildingId: h.building_id },
      needs,
      { source: 'visit', visitId: id, reporterResidentId: residentId, fieldPrefix: 'needs', locale: ctx.locale },
    );
    // Notes and findings are free text about a family; the audit keeps that a visit happened.
    await scope.audit({
      action: 'visit.create',
      entityType: 'visit',
      entityId: id,
      districtId: h.district_id,
      after: { ...values, notes: undefined, findings: undefined, need_ids: found.map((n) => n.id) },
    });
    return { visit, found };
  });
  // The visit as written, named with what was read to check it; the needs are the caller's own reports.
  const row = { ...visit, household_address: h.address, resident_name: resident?.name ?? null, worker_name: actor.displayName };
  return { ...present(actor, row), needs: found };
}

async function loadVisible(ctx: RequestContext, actor: Actor, id: string) {
  let q = store.selectVisits(ctx.db).where('v.id', '=', id);
  const districts = store.districtsOf(actor);
  if (districts) q = q.where('v.district_id', 'in', districts);
  const row = await q.executeTakeFirst();
  if (!row || !visitPolicy.can(actor, 'read', placeOf(row, row.household_id))) throw new AppError('resource.not_found');
  return row;
}

export async function getVisit(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await loadVisible(ctx, actor, id);
  return { ...present(actor, row), needs: await needsOfVisit(ctx, actor, row.district_id, row.id) };
}

/** 'YYYY-MM-DD' to the first instant of the following day in China time, for inclusive date ranges. */
const nextDayStart = (date: string) => new Date(startOfLocalDay(date).getTime() + DAY);

export async function listVisits(ctx: RequestContext, q: S.VisitListQuery) {
  const actor = requireActor(ctx);
  const grants = visitPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  if (q.from && q.to && q.from > q.to) throw invalid({ field: 'from', code: 'visit.bad_range' });
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['time', 'uuid']);
  let query = store.selectVisits(ctx.db).where(scopeCondition(grants, store.SCOPE_COLUMNS, 'v'));
  const districts = store.districtsOf(actor);
  if (districts) query = query.where('v.district_id', 'in', districts);
  if (q.gridId) query = query.where('v.grid_id', '=', q.gridId);
  if (q.householdId) query = query.where('v.household_id', '=', q.householdId);
  if (q.workerId) query = query.where('v.worker_user_id', '=', q.workerId);
  if (q.kind) query = query.where('v.kind', '=', q.kind);
  if (q.from) query = query.where('v.visited_at', '>=', startOfLocalDay(q.from));
  if (q.to) query = query.where('v.visited_at', '<', nextDayStart(q.to));
  if (after) query = query.where(sql<boolean>`(v.visited_at, v.id) < (${new Date(after[0])}, ${after[1]})`);
  const rows = await query.orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [iso(r.visited_at), r.id]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}
