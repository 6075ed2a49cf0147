import { sql, type SqlBool } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { covers, type Actor } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { startOfLocalDay } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { userDisplayNames } from '../accounts/index.ts';
import { socialWorkerPolicy } from './workforce.policy.ts';
import { recordOf } from './workforce.service.ts';
import { communities } from './workforce.store.ts';
import { admittedMatters } from './workforce-settings.service.ts';
import './worklogs.errors.ts';
import { originName, unitNames, type UnitRef } from './worklogs.names.ts';
import { adminLoadPolicy, adminTaskPolicy, originOf, taskReach, type AdminTaskRecord } from './worklogs.policy.ts';
import type { AdminLoad, AdminTaskView, AssignTaskBody, LoadQuery, TaskListQuery } from './worklogs.schemas.ts';
import * as store from './worklogs.store.ts';

const DAY_MS = 86_400_000;
/** A year of load, to compare months and quarters. */
const LOAD_RANGE_DAYS = 366;
const PLACE_COLUMNS = { district: 'district_id', street: 'street_id', community: 'community_id' } as const;

function taskRecord(t: store.TaskRow): AdminTaskRecord {
  return {
    districtId: t.district_id,
    streetIds: t.worker_street_ids,
    communityIds: t.worker_community_ids,
    employerType: t.worker_employer_type,
    employerOrganizationId: t.worker_employer_organization_id,
    employerCommunityId: t.worker_employer_community_id,
    userId: t.worker_user_id,
    supervisorUserId: t.supervisor_user_id,
    taskStreetId: t.street_id,
    taskCommunityId: t.community_id,
    origin: t.origin,
    status: t.status,
  };
}

/** The units a task's view names: the community it reaches and who assigned it. */
export const taskUnits = (rows: store.TaskRow[]): UnitRef[] => rows.flatMap((t) => [{ kind: 'community' as const, id: t.community_id }, { kind: t.origin, id: t.origin_unit_id }]);

/** Tasks as their readers see them, named from the maps given (see taskViews). */
export function presentTasks(actor: Actor, rows: store.TaskRow[], names: ReadonlyMap<string, string>, assigners: ReadonlyMap<string, string>): AdminTaskView[] {
  return rows.map((t) => ({
    id: t.id,
    socialWorkerId: t.social_worker_id,
    workerName: t.worker_name,
    communityId: t.community_id,
    communityName: names.get(t.community_id) ?? '',
    origin: t.origin,
    originUnitId: t.origin_unit_id,
    originName: originName(names, t.origin_unit_id, t.department),
    category: t.category,
    title: t.title,
    expectedMinutes: t.expected_minutes,
    loggedMinutes: Number(t.logged_minutes),
    dueOn: t.due_on,
    listed: t.matter_code !== null,
    matterCode: t.matter_code,
    matterTitle: t.matter_title,
    status: t.status,
    assignedByName: assigners.get(t.assigned_by) ?? '',
    createdAt: new Date(t.created_at).toISOString(),
    allowedActions: adminTaskPolicy.allowedActions(actor, taskRecord(t)).filter((a): a is 'complete' | 'withdraw' => a === 'complete' || a === 'withdraw'),
  }));
}

/** Tasks with the names of their community, origin and assigner (one lookup per kind of unit, one for people). */
export async function taskViews(ctx: RequestContext, actor: Actor, rows: store.TaskRow[]): Promise<AdminTaskView[]> {
  if (rows.length === 0) return [];
  const [names, assigners] = await Promise.all([unitNames(ctx.db, taskUnits(rows)), userDisplayNames(ctx.db, rows.map((t) => t.assigned_by))]);
  return presentTasks(actor, rows, names, assigners);
}

async function loadTask(ctx: RequestContext, actor: Actor, id: string): Promise<store.TaskRow> {
  const t = await store.tasks(ctx.db).where('t.id', '=', id).executeTakeFirst();
  if (!t || !adminTaskPolicy.can(actor, 'read', taskRecord(t))) throw new AppError('resource.not_found');
  return t;
}

async function viewOf(ctx: RequestContext, actor: Actor, id: string): Promise<AdminTaskView> {
  return (await taskViews(ctx, actor, [await loadTask(ctx, actor, id)]))[0]!;
}

/**
 * Administrative work given to a social worker for a community they serve, with the hours it is
 * expected to take. Its origin is the assigner's unit; a task under no matter of the district's
 * list is kept as unlisted, which the street and the district count.
 */
export async function assignTask(ctx: RequestContext, body: AssignTaskBody): Promise<AdminTaskView> {
  const actor = requireActor(ctx);
  if (!body.title.trim()) throw invalid({ field: 'title', code: 'validation.required' });
  const assigning = adminTaskPolicy.grants(actor, 'assign');
  if (assigning.length === 0) throw new AppError('access.forbidden');
  const worker = await store.workerById(ctx.db, body.socialWorkerId);
  if (!worker || !socialWorkerPolicy.can(actor, 'read', recordOf(worker))) throw notFoundAt('socialWorkerId');
  const community = (await communities(ctx.db, [body.communityId])).get(body.communityId);
  if (!community) throw notFoundAt('communityId');
  const record: AdminTaskRecord = {
    ...recordOf(worker),
    userId: worker.user_id,
    supervisorUserId: worker.supervisor_user_id,
    taskStreetId: community.street_id,
    taskCommunityId: body.communityId,
    origin: 'community',
    status: 'open',
  };
  // A community outside the assigner's place names nothing to them; one inside that the worker does not serve is a mistake to explain.
  const place = { districtId: community.district_id, streetId: community.street_id, communityId: community.id };
  if (!assigning.some((a) => covers(a, place))) throw notFoundAt('communityId');
  if (!store.servedCommunities(worker).includes(body.communityId)) throw invalid({ field: 'communityId', code: 'admin_task.community_not_served' });
  adminTaskPolicy.authorize(actor, 'assign', record);
  if (worker.status !== 'active') throw new AppError('admin_task.worker_left');
  const department = body.department?.trim() || null;
  const origin = originOf(actor, record, department);
  if (!origin) throw new AppError('admin_task.department_by_district');
  let matter: { code: string; title: string } | null = null;
  if (body.matterCode !== null) {
    matter = (await admittedMatters(ctx.db, worker.district_id)).find((m) => m.code === body.matterCode) ?? null;
    if (!matter) throw invalid({ field: 'matterCode', code: 'admin_task.unknown_matter' });
  }
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('admin_tasks')
      .values({
        district_id: worker.district_id,
        id,
        social_worker_id: worker.id,
        street_id: community.street_id,
        community_id: body.communityId,
        origin: origin.origin,
        origin_unit_id: origin.unitId,
        department,
        category: body.category,
        title: body.title.trim(),
        expected_minutes: body.expectedMinutes,
        due_on: body.dueOn ?? null,
        matter_code: matter?.code ?? null,
        matter_title: matter?.title ?? null,
        assigned_by: actor.userId,
      })
      .execute();
    await audit({
      action: 'admin_task.assign',
      entityType: 'admin_task',
      entityId: id,
      districtId: worker.district_id,
      after: { socialWorkerId: worker.id, communityId: body.communityId, origin: origin.origin, category: body.category, expectedMinutes: body.expectedMinutes, listed: matter !== null },
    });
  });
  return viewOf(ctx, actor, id);
}

export async function listTasks(ctx: RequestContext, q: TaskListQuery): Promise<{ items: AdminTaskView[] }> {
  const actor = requireActor(ctx);
  const reach = taskReach(actor);
  const branches = [
    scopeCondition(reach.place, PLACE_COLUMNS, 't'),
    sql<SqlBool>`w.user_id = ${reach.userId}`,
    sql<SqlBool>`s.user_id = ${reach.userId}`,
    ...(reach.organizations.length ? [sql<SqlBool>`w.employer_organization_id in (${sql.join(reach.organizations)})`] : []),
  ];
  let query = store.tasks(ctx.db).where(sql<SqlBool>`(${sql.join(branches, sql` or `)})`);
  if (q.socialWorkerId) query = query.where('t.social_worker_id', '=', q.socialWorkerId);
  if (q.communityId) query = query.where('t.community_id', '=', q.communityId);
  if (q.status) query = query.where('t.status', '=', q.status);
  const rows = await query.orderBy('t.created_at', 'desc').orderBy('t.id').limit(200).execute();
  return { items: await taskViews(ctx, actor, rows.filter((t) => adminTaskPolicy.can(actor, 'read', taskRecord(t)))) };
}

export async function getTask(ctx: RequestContext, id: string): Promise<AdminTaskView> {
  return viewOf(ctx, requireActor(ctx), id);
}

/** The worker marks the task done, or an assigner of its place withdraws it; time logged against it stays. */
export async function closeTask(ctx: RequestContext, id: string, action: 'complete' | 'withdraw'): Promise<AdminTaskView> {
  const actor = requireActor(ctx);
  const t = await loadTask(ctx, actor, id);
  if (t.status !== 'open') throw new AppError('admin_task.not_open');
  adminTaskPolicy.authorize(actor, action, taskRecord(t));
  const status = action === 'complete' ? 'done' : 'withdrawn';
  await command(ctx, async ({ trx, audit }) => {
    const changed = await trx
      .updateTable('admin_tasks')
      .set({ status, updated_at: new Date() })
      .where('district_id', '=', t.district_id)
      .where('id', '=', t.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw new AppError('admin_task.not_open');
    await audit({ action: `admin_task.${action}`, entityType: 'admin_task', entityId: t.id, districtId: t.district_id, before: { status: 'open' }, after: { status } });
  });
  return viewOf(ctx, actor, id);
}

/**
 * The administrative load on communities over a period: the tasks that reached each community
 * by origin (unlisted ones counted apart) with the time logged against them, and the
 * administrative minutes logged by who assigned them.
 */
export async function adminLoad(ctx: RequestContext, q: LoadQuery): Promise<AdminLoad> {
  const actor = requireActor(ctx);
  if (q.from > q.to || Date.parse(q.to) - Date.parse(q.from) >= LOAD_RANGE_DAYS * DAY_MS) throw invalid({ field: 'to', code: 'work_log.range', params: { days: LOAD_RANGE_DAYS } });
  const grants = adminLoadPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  const start = startOfLocalDay(q.from);
  const end = new Date(startOfLocalDay(q.to).getTime() + DAY_MS);

  let tasks = ctx.db
    .selectFrom('admin_tasks as t')
    .select([
      't.district_id',
      't.community_id',
      't.origin',
      't.origin_unit_id',
      't.department',
      sql<string>`count(*)`.as('tasks'),
      sql<string>`count(*) filter (where t.matter_code is null)`.as('unlisted'),
      sql<string>`sum(t.expected_minutes)`.as('expected'),
      sql<string>`coalesce(sum(l.minutes), 0)`.as('logged'),
    ])
    .leftJoin(
      (eb) => eb.selectFrom('work_log_entries').select(['district_id', 'task_id', sql<string>`sum(minutes)`.as('minutes')]).where('task_id', 'is not', null).groupBy(['district_id', 'task_id']).as('l'),
      (j) => j.onRef('l.district_id', '=', 't.district_id').onRef('l.task_id', '=', 't.id'),
    )
    .where(scopeCondition(grants, PLACE_COLUMNS, 't'))
    .where('t.created_at', '>=', start)
    .where('t.created_at', '<', end);
  if (q.streetId) tasks = tasks.where('t.street_id', '=', q.streetId);
  if (q.communityId) tasks = tasks.where('t.community_id', '=', q.communityId);

  let hours = ctx.db
    .selectFrom('work_log_entries as e')
    .select(['e.origin', 'e.origin_unit_id', 'e.department', sql<string>`sum(e.minutes)`.as('minutes'), sql<string>`count(distinct e.social_worker_id)`.as('workers')])
    .where(scopeCondition(grants, { district: 'district_id', street: 'origin_street_id', community: 'origin_unit_id' }, 'e'))
    .where('e.origin_unit_id', 'is not', null)
    .where('e.day', '>=', q.from)
    .where('e.day', '<=', q.to);
  if (q.streetId) hours = hours.where('e.origin_street_id', '=', q.streetId);
  if (q.communityId) hours = hours.where('e.origin', '=', 'community').where('e.origin_unit_id', '=', q.communityId);

  const [taskRows, hourRows] = await Promise.all([
    tasks.groupBy(['t.district_id', 't.community_id', 't.origin', 't.origin_unit_id', 't.department']).execute(),
    hours.groupBy(['e.origin', 'e.origin_unit_id', 'e.department']).execute(),
  ]);
  const names = await unitNames(ctx.db, [
    ...taskRows.flatMap((r) => [{ kind: 'community' as const, id: r.community_id }, { kind: r.origin, id: r.origin_unit_id }]),
    ...hourRows.map((r) => ({ kind: r.origin!, id: r.origin_unit_id! })),
  ]);
  return {
    from: q.from,
    to: q.to,
    tasks: taskRows
      .map((r) => ({
        communityId: r.community_id,
        communityName: names.get(r.community_id) ?? '',
        origin: r.origin,
        originUnitId: r.origin_unit_id,
        originName: originName(names, r.origin_unit_id, r.department),
        tasks: Number(r.tasks),
        unlisted: Number(r.unlisted),
        expectedMinutes: Number(r.expected),
        loggedMinutes: Number(r.logged),
      }))
      .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN') || b.tasks - a.tasks),
    hours: hourRows
      .map((r) => ({ origin: r.origin!, originUnitId: r.origin_unit_id!, originName: originName(names, r.origin_unit_id!, r.department), minutes: Number(r.minutes), workers: Number(r.workers) }))
      .sort((a, b) => b.minutes - a.minutes),
  };
}
