import type { Insertable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { isAdministrative, MINUTES_PER_DAY, professionalShare, WORK_CATEGORIES, type WorkCategory, type WorkOrigin } from '../../../common/worklogs.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate, nextDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { recordOf } from './workforce.service.ts';
import { communities } from './workforce.store.ts';
import type { WorkLogEntriesTable } from './workforce.tables.ts';
import { adminShareTarget } from './workforce-settings.service.ts';
import './worklogs.errors.ts';
import { recordedWork } from './worklogs.facts.ts';
import { originName, unitNames } from './worklogs.names.ts';
import { workLogPolicy, type WorkerRecord } from './worklogs.policy.ts';
import type { OriginChoice, PutDayBody, SummaryQuery, WorkDay, WorkEntry, WorkSummary } from './worklogs.schemas.ts';
import * as store from './worklogs.store.ts';
import { presentTasks, taskUnits } from './admin-tasks.service.ts';
import { userDisplayNames } from '../accounts/index.ts';

/** A day's log may be changed for a month; after that it is a record the views have counted. */
const OPEN_DAYS = 31;
const MAX_RANGE_DAYS = 92;


export function workerRecord(row: store.WorkerRow): WorkerRecord {
  return { ...recordOf(row), userId: row.user_id, supervisorUserId: row.supervisor_user_id };
}

/** Whose log: the one asked for if the caller may read it (else 404, as if missing), or the caller's own. */
async function readableWorker(ctx: RequestContext, actor: Actor, socialWorkerId: string | undefined): Promise<store.WorkerRow> {
  const row = socialWorkerId ? await store.workerById(ctx.db, socialWorkerId) : await store.workerOfUser(ctx.db, actor.userId);
  if (!row) throw new AppError(socialWorkerId ? 'resource.not_found' : 'work_log.not_a_social_worker');
  if (!workLogPolicy.can(actor, 'read', workerRecord(row))) throw new AppError('resource.not_found');
  return row;
}

/** The units a worker's administrative work may come from: the communities they serve, their streets, their district. */
function unitsOf(row: store.WorkerRow): { origin: Exclude<WorkOrigin, 'department'>; unitId: string }[] {
  return [
    ...store.servedCommunities(row).map((unitId) => ({ origin: 'community' as const, unitId })),
    ...row.street_ids.map((unitId) => ({ origin: 'street' as const, unitId })),
    { origin: 'district' as const, unitId: row.district_id },
  ];
}

function editable(actor: Actor, row: store.WorkerRow, day: string): boolean {
  const today = localDate(new Date());
  return workLogPolicy.can(actor, 'write', workerRecord(row)) && day <= today && day >= nextDate(today, -OPEN_DAYS);
}

async function dayOf(ctx: RequestContext, actor: Actor, row: store.WorkerRow, day: string): Promise<WorkDay> {
  const units = unitsOf(row);
  const [entries, recorded, open] = await Promise.all([
    store.entriesOfDay(ctx.db, row.district_id, row.id, day),
    recordedWork(ctx.db, row.district_id, [row.id], day, day),
    store.tasks(ctx.db).where('t.district_id', '=', row.district_id).where('t.social_worker_id', '=', row.id).where('t.status', '=', 'open').orderBy('t.created_at').execute(),
  ]);
  const [names, assigners] = await Promise.all([
    unitNames(ctx.db, [...units.map((u) => ({ kind: u.origin, id: u.unitId })), ...taskUnits(open), ...entries.flatMap((e) => (e.origin && e.origin_unit_id ? [{ kind: e.origin, id: e.origin_unit_id }] : []))]),
    userDisplayNames(ctx.db, open.map((t) => t.assigned_by)),
  ]);
  const views: WorkEntry[] = entries.map((e) => ({
    id: e.id,
    category: e.category,
    minutes: e.minutes,
    taskId: e.task_id,
    taskTitle: e.task_title,
    origin: e.origin,
    originUnitId: e.origin_unit_id,
    originName: e.origin_unit_id ? originName(names, e.origin_unit_id, e.department) : null,
    note: e.note,
  }));
  const minutes = (admin: boolean) =>
    views.filter((e) => isAdministrative(e.category) === admin).reduce((n, e) => n + e.minutes, 0) + (admin ? 0 : recorded.reduce((n, r) => n + r.minutes, 0));
  const professional = minutes(false);
  const administrative = minutes(true);
  return {
    socialWorkerId: row.id,
    name: row.name,
    day,
    recorded: recorded.map(({ category, minutes, source, label }) => ({ category, minutes, source, label })),
    entries: views,
    tasks: presentTasks(actor, open, names, assigners),
    origins: units.map((u): OriginChoice => ({ ...u, name: names.get(u.unitId) ?? '' })),
    professional,
    administrative,
    share: professionalShare(professional, administrative),
    editable: editable(actor, row, day),
  };
}

export async function getDay(ctx: RequestContext, day: string, socialWorkerId: string | undefined): Promise<WorkDay> {
  const actor = requireActor(ctx);
  return dayOf(ctx, actor, await readableWorker(ctx, actor, socialWorkerId), day);
}

/**
 * The whole day as the worker logged it by hand, replacing what was there. Administrative
 * minutes say who assigned them: a task of the worker's (its origin is the entry's) or a unit
 * the worker serves; the day with its case sessions and shifts holds at most 24 hours.
 */
export async function putDay(ctx: RequestContext, day: string, body: PutDayBody): Promise<WorkDay> {
  const actor = requireActor(ctx);
  const row = await referenced('socialWorkerId', () => readableWorker(ctx, actor, body.socialWorkerId));
  workLogPolicy.authorize(actor, 'write', workerRecord(row));
  const today = localDate(new Date());
  if (day > today) throw invalid({ field: 'day', code: 'work_log.future_day' });
  if (day < nextDate(today, -OPEN_DAYS)) throw new AppError('work_log.day_closed');

  const taskIds = [...new Set(body.entries.flatMap((e) => (e.taskId ? [e.taskId] : [])))];
  const tasks = taskIds.length ? await store.tasks(ctx.db).where('t.district_id', '=', row.district_id).where('t.id', 'in', taskIds).execute() : [];
  const units = unitsOf(row);
  const communityStreets = await communities(ctx.db, units.filter((u) => u.origin === 'community').map((u) => u.unitId));
  const streetOf = (origin: WorkOrigin, unitId: string, streetId?: string) =>
    origin === 'street' ? unitId : origin === 'community' ? (streetId ?? communityStreets.get(unitId)?.street_id ?? null) : null;
  const rows: Insertable<WorkLogEntriesTable>[] = body.entries.map((e, i) => {
    const at = `entries.${i}`;
    const base = { district_id: row.district_id, id: newId(), social_worker_id: row.id, day, minutes: e.minutes, note: e.note?.trim() ?? '' };
    const department = e.department?.trim() || null;
    if (!isAdministrative(e.category)) {
      if (e.taskId || e.origin || e.originUnitId || department) throw invalid({ field: `${at}.origin`, code: 'work_log.origin_not_for_professional' });
      return { ...base, category: e.category, task_id: null, origin: null, origin_unit_id: null, origin_street_id: null, department: null };
    }
    if (e.taskId) {
      const task = tasks.find((t) => t.id === e.taskId && t.social_worker_id === row.id);
      if (!task) throw notFoundAt(`${at}.taskId`);
      if (task.status === 'withdrawn') throw invalid({ field: `${at}.taskId`, code: 'work_log.task_not_open' });
      // Time against a task is the task's kind of work, from the task's origin.
      return { ...base, category: task.category, task_id: task.id, origin: task.origin, origin_unit_id: task.origin_unit_id, origin_street_id: streetOf(task.origin, task.origin_unit_id, task.street_id), department: task.department };
    }
    if (!e.origin || !e.originUnitId) throw invalid({ field: `${at}.origin`, code: 'work_log.origin_required' });
    // Only the worker's own units may have assigned their work: any other id names nothing here.
    const known = e.origin === 'department' ? e.originUnitId === row.district_id : units.some((u) => u.origin === e.origin && u.unitId === e.originUnitId);
    if (!known) throw notFoundAt(`${at}.originUnitId`);
    if (e.origin === 'department' && !department) throw invalid({ field: `${at}.department`, code: 'validation.required' });
    return { ...base, category: e.category, task_id: null, origin: e.origin, origin_unit_id: e.originUnitId, origin_street_id: streetOf(e.origin, e.originUnitId), department: e.origin === 'department' ? department : null };
  });
  const recorded = await recordedWork(ctx.db, row.district_id, [row.id], day, day);
  const total = rows.reduce((n, r) => n + r.minutes, 0) + recorded.reduce((n, r) => n + r.minutes, 0);
  if (total > MINUTES_PER_DAY) throw invalid({ field: 'entries', code: 'work_log.day_too_long' });

  await command(ctx, async ({ trx, audit }) => {
    // One writer per worker at a time: two saves of a day never leave both their entries.
    await trx.selectFrom('social_workers').select('id').where('district_id', '=', row.district_id).where('id', '=', row.id).forUpdate().execute();
    const before = await trx
      .deleteFrom('work_log_entries')
      .where('district_id', '=', row.district_id)
      .where('social_worker_id', '=', row.id)
      .where('day', '=', day)
      .returning(['category', 'minutes'])
      .execute();
    if (rows.length) await trx.insertInto('work_log_entries').values(rows).execute();
    const byCategory = (list: { category: WorkCategory; minutes: number }[]) => Object.fromEntries(list.map((r) => [r.category, r.minutes]));
    await audit({ action: 'work_log.update', entityType: 'social_worker', entityId: row.id, districtId: row.district_id, before: { day, minutes: byCategory(before) }, after: { day, minutes: byCategory(rows) } });
  });
  return dayOf(ctx, actor, row, day);
}

/** A worker's week or month: minutes per day, per category and per origin, and the professional share. */
export async function getSummary(ctx: RequestContext, query: SummaryQuery): Promise<WorkSummary> {
  const actor = requireActor(ctx);
  if (query.from > query.to || query.to > nextDate(query.from, MAX_RANGE_DAYS - 1)) throw invalid({ field: 'to', code: 'work_log.range', params: { days: MAX_RANGE_DAYS } });
  const row = await readableWorker(ctx, actor, query.socialWorkerId);
  const [logged, recorded, target] = await Promise.all([
    store.loggedMinutes(ctx.db, row.district_id, row.id, query.from, query.to),
    recordedWork(ctx.db, row.district_id, [row.id], query.from, query.to),
    adminShareTarget(ctx.db, row.district_id),
  ]);
  const origins = new Map<string, { origin: WorkOrigin; unitId: string; department: string | null; minutes: number }>();
  const days = new Map<string, { professional: number; administrative: number }>();
  const categories = new Map<WorkCategory, number>();
  for (let d = query.from; d <= query.to; d = nextDate(d, 1)) days.set(d, { professional: 0, administrative: 0 });
  const add = (day: string, category: WorkCategory, minutes: number) => {
    const admin = isAdministrative(category);
    days.get(day)![admin ? 'administrative' : 'professional'] += minutes;
    categories.set(category, (categories.get(category) ?? 0) + minutes);
  };
  for (const r of logged) {
    const minutes = Number(r.minutes);
    add(r.day, r.category, minutes);
    if (r.origin && r.origin_unit_id) {
      const key = `${r.origin_unit_id}|${r.department ?? ''}`;
      const o = origins.get(key) ?? { origin: r.origin, unitId: r.origin_unit_id, department: r.department, minutes: 0 };
      o.minutes += minutes;
      origins.set(key, o);
    }
  }
  for (const r of recorded) add(r.day, r.category, r.minutes);
  const names = await unitNames(ctx.db, [...origins.values()].map((o) => ({ kind: o.origin, id: o.unitId })));
  const list = [...days].map(([day, m]) => ({ day, ...m }));
  const professional = list.reduce((n, d) => n + d.professional, 0);
  const administrative = list.reduce((n, d) => n + d.administrative, 0);
  return {
    socialWorkerId: row.id,
    name: row.name,
    from: query.from,
    to: query.to,
    days: list,
    byCategory: WORK_CATEGORIES.filter((c) => categories.has(c)).map((category) => ({ category, minutes: categories.get(category)! })),
    byOrigin: [...origins.values()]
      .map((o) => ({ origin: o.origin, unitId: o.unitId, name: originName(names, o.unitId, o.department), minutes: o.minutes }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, 'zh-CN')),
    professional,
    administrative,
    share: professionalShare(professional, administrative),
    adminShareTarget: target,
  };
}
