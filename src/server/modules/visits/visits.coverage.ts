import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Actor, Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { residentPolicy } from '../territory/index.ts';
import './visits.errors.ts';
import { residentTagPolicy, visitPolicy, type VisitPlace } from './visits.policy.ts';
import * as store from './visits.store.ts';

const DAY = 24 * 3600_000;
const WORKLIST_MAX = 200;

/** A grid the caller may follow the visits of; any other answers like a missing one. */
async function visibleGrid(ctx: RequestContext, gridId: string) {
  const actor = requireActor(ctx);
  const g = await store.loadGrid(ctx.db, gridId, store.districtsOf(actor));
  const place = g && { districtId: g.district_id, streetId: g.street_id, communityId: g.community_id, gridId: g.id };
  if (!g || !place || !visitPolicy.can(actor, 'read', place)) throw new AppError('resource.not_found');
  return { actor, grid: g, place };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

export async function gridCoverage(ctx: RequestContext, gridId: string) {
  const { grid } = await visibleGrid(ctx, gridId);
  const now = Date.now();
  const c = await store.coverageOf(ctx.db, grid.district_id, grid.id, new Date(now - 30 * DAY), new Date(now - 90 * DAY));
  return { gridId: grid.id, ...c, share30: share(c.visited30, c.households), share90: share(c.visited90, c.households) };
}

/** Whole days between two local dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

interface Tagged {
  id: string;
  name: string;
  household_id: string;
  household_address: string;
  tags: string[];
  last_visit_at: Date | string | null;
}

/**
 * The tagged residents due a visit today, never visited first (shortest interval first among
 * them), then the longest overdue. `intervals` holds the care tags the caller may see, so a
 * sensitive tag neither shows nor shortens the interval for officers who may not see it.
 */
function dueVisits(rows: Tagged[], intervals: Map<string, number>, today: string) {
  const due = rows.flatMap((r) => {
    const tags = r.tags.filter((t) => intervals.has(t));
    if (tags.length === 0) return [];
    const interval = Math.min(...tags.map((t) => intervals.get(t)!));
    const lastDate = r.last_visit_at ? localDate(new Date(r.last_visit_at)) : null;
    const daysOverdue = lastDate ? daysBetween(lastDate, today) - interval : null;
    if (daysOverdue !== null && daysOverdue <= 0) return [];
    return [
      {
        residentId: r.id,
        residentName: r.name,
        householdId: r.household_id,
        householdAddress: r.household_address,
        tags,
        careIntervalDays: interval,
        lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at).toISOString() : null,
        lastVisitDate: lastDate,
        daysOverdue,
      },
    ];
  });
  return due.sort(
    (a, b) =>
      (a.daysOverdue === null ? 0 : 1) - (b.daysOverdue === null ? 0 : 1) ||
      (a.daysOverdue === null ? a.careIntervalDays - b.careIntervalDays : b.daysOverdue! - a.daysOverdue!) ||
      a.residentId.localeCompare(b.residentId),
  );
}

/** The care tags, and the intervals of those the caller may see at a place. */
async function careIntervals(ctx: RequestContext, actor: Actor) {
  const tags = await store.careTags(ctx.db);
  return {
    codes: tags.map((t) => t.code),
    at(place: VisitPlace) {
      const seeSensitive = residentPolicy.can(actor, 'read_sensitive', place);
      return new Map(tags.filter((t) => seeSensitive || !t.sensitive).map((t) => [t.code, t.care_interval_days!]));
    },
  };
}

/** Tagged residents of a grid due a visit (the worklist). */
export async function visitWorklist(ctx: RequestContext, gridId: string) {
  const { actor, grid, place } = await visibleGrid(ctx, gridId);
  const intervals = (await careIntervals(ctx, actor)).at(place);
  const rows = await store.taggedResidents(ctx.db, grid.district_id, grid.id, [...intervals.keys()]);
  const due = dueVisits(rows, intervals, localDate(new Date()));
  return { gridId: grid.id, items: due.slice(0, WORKLIST_MAX), total: due.length };
}

/**
 * For a workbench: per grid in these assignments' scopes, how many residents its worklist holds
 * today (each equals that grid's worklist total); grids with none are left out. Two statements
 * whatever the number of grids.
 */
export async function careVisitsDue(ctx: RequestContext, assignments: Assignment[]) {
  const actor = requireActor(ctx);
  if (assignments.length === 0) return [];
  const intervals = await careIntervals(ctx, actor);
  const rows = await store.taggedResidentsIn(ctx.db, scopeCondition(assignments, store.SCOPE_COLUMNS, 'r'), intervals.codes);
  const today = localDate(new Date());
  const byGrid = new Map<string, typeof rows>();
  for (const r of rows) byGrid.set(r.grid_id, [...(byGrid.get(r.grid_id) ?? []), r]);
  return [...byGrid.values()]
    .map((residents) => {
      const r = residents[0]!;
      const place = { districtId: r.district_id, streetId: r.street_id, communityId: r.community_id, gridId: r.grid_id };
      return { districtId: r.district_id, gridId: r.grid_id, due: dueVisits(residents, intervals.at(place), today).length };
    })
    .filter((c) => c.due > 0);
}

/** Care intervals are national: resident_tags is a reference table shared by every district. */
export async function setCareInterval(ctx: RequestContext, code: string, careIntervalDays: number | null) {
  const actor = requireActor(ctx);
  residentTagPolicy.authorize(actor, 'update', {});
  const before = await ctx.db.selectFrom('resident_tags').selectAll().where('code', '=', code).executeTakeFirst();
  if (!before) throw new AppError('resident_tag.unknown');
  const after = await command(ctx, async ({ trx, audit }) => {
    const row = await trx
      .updateTable('resident_tags')
      .set({ care_interval_days: careIntervalDays })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'resident_tag.set_care_interval',
      entityType: 'resident_tag',
      entityId: code,
      before: { code, care_interval_days: before.care_interval_days },
      after: { code, care_interval_days: row.care_interval_days },
    });
    return row;
  });
  return { code: after.code, name: after.name, nameEn: after.name_en, sensitive: after.sensitive, careIntervalDays: after.care_interval_days };
}
