import { sql, type Insertable, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AdministrativeCategory, WorkOrigin } from '../src/common/worklogs.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import { caseSessions } from '../src/server/modules/cases/cases.worklog.ts';
import { activityShifts } from '../src/server/modules/services/services.worklog.ts';
import { supervisionReceived } from '../src/server/modules/workforce/supervision.service.ts';
import type { AdminTasksTable, WorkLogEntriesTable } from '../src/server/modules/workforce/workforce.tables.ts';
import type { DB } from '../src/server/tables.ts';
import type { CallIds } from './demo-calls.ts';
import { J_COMMUNITY } from './demo-territory.ts';

const DAY = 86_400_000;
const WEEKS = 5;
/** A logged working day: seven and a half hours. */
const DAY_MINUTES = 450;

/** 江北区's list of matters the street and departments may hand to communities (社区工作事项准入清单), abridged. */
export const DEMO_ADMITTED_MATTERS = [
  { code: 'JB-01', title: '居民基础信息采集与更新' },
  { code: 'JB-02', title: '社区安全隐患排查' },
  { code: 'JB-03', title: '防汛防台应急值守' },
  { code: 'JB-04', title: '低保及特困对象动态管理' },
  { code: 'JB-05', title: '退役军人信息登记' },
  { code: 'JB-06', title: '征兵宣传与兵役登记' },
  { code: 'JB-07', title: '老年人优待证办理' },
  { code: 'JB-08', title: '残疾人两项补贴初审' },
  { code: 'JB-09', title: '养老服务机构安全检查配合' },
  { code: 'JB-10', title: '社区协商议事组织' },
];

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** The Monday of the week a day falls in. */
const mondayOf = (day: string) => shift(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

interface Origin {
  origin: WorkOrigin;
  unitId: string;
  streetId: string | null;
  department: string | null;
}

/**
 * Story 5's weeks: J社区's social workers logged the last five weeks, Monday to Friday, and about
 * 35 % of their time went to administrative work the community, the street and the district's
 * departments handed them (story 7: above the district's 25 % target); 陈's last week is 78 %
 * professional, four hours of it statistics forms for the community. The tasks behind the
 * administrative time are on the platform, some outside the district's list. Case sessions and
 * activity shifts and supervision already recorded fill the professional part; what is logged by hand tops up
 * each day to its figure.
 */
export async function loadWorkLogs(db: Kysely<DB>, ids: CallIds, now: Date): Promise<void> {
  const d = ids.districtId;
  const j = ids.communityIds.get(J_COMMUNITY)!;
  const zhou = ids.userIds.get('zhou')!;
  const tsjd = ids.userIds.get('tsjd')!;
  const jbmz = ids.userIds.get('jbmz')!;
  await db.insertInto('workforce_settings').values({ district_id: d, admitted_matters: JSON.stringify(DEMO_ADMITTED_MATTERS), admin_share_target: 25 }).execute();

  const workers = await db
    .selectFrom('social_workers')
    .select(['id', 'user_id'])
    .where('district_id', '=', d)
    .where('status', '=', 'active')
    .where(sql<boolean>`community_ids @> array[${j}]::uuid[] or employer_community_id = ${j}`)
    .orderBy('id')
    .execute();
  const chen = workers.find((w) => w.user_id === ids.userIds.get('chen'))!;

  const community: Origin = { origin: 'community', unitId: j, streetId: ids.streetId, department: null };
  const street: Origin = { origin: 'street', unitId: ids.streetId, streetId: ids.streetId, department: null };
  const civilAffairs: Origin = { origin: 'department', unitId: d, streetId: null, department: '区民政局' };
  const health: Origin = { origin: 'department', unitId: d, streetId: null, department: '区卫健委' };

  const thisMonday = mondayOf(localDate(now));
  const firstMonday = shift(thisMonday, -7 * WEEKS);
  const lastFriday = shift(thisMonday, -3);
  const tasks: Insertable<AdminTasksTable>[] = [];
  const task = (workerId: string, o: Origin, assignedBy: string, category: AdministrativeCategory, title: string, expected: number, on: string, matter: { code: string; title: string } | null) => {
    const row: Insertable<AdminTasksTable> = {
      district_id: d, id: uuidv7(), social_worker_id: workerId, street_id: ids.streetId, community_id: j, origin: o.origin, origin_unit_id: o.unitId, department: o.department,
      category, title, expected_minutes: expected, due_on: shift(on, 7), matter_code: matter?.code ?? null, matter_title: matter?.title ?? null,
      status: on < shift(thisMonday, -7) ? 'done' : 'open', assigned_by: assignedBy, created_at: new Date(`${on}T09:00:00+08:00`), updated_at: new Date(`${on}T09:00:00+08:00`),
    };
    tasks.push(row);
    return row;
  };

  const entries: Insertable<WorkLogEntriesTable>[] = [];
  const log = (workerId: string, day: string, category: WorkLogEntriesTable['category'], minutes: number, o: Origin | null = null, taskId: string | null = null) => {
    if (minutes <= 0) return;
    entries.push({
      district_id: d, id: uuidv7(), social_worker_id: workerId, day, category, minutes, task_id: taskId,
      origin: o?.origin ?? null, origin_unit_id: o?.unitId ?? null, origin_street_id: o?.streetId ?? null, department: o?.department ?? null,
    });
  };

  for (const [i, w] of workers.entries()) {
    const recorded = new Map<string, number>();
    for (const r of [...(await caseSessions(db, d, [w.id], firstMonday, lastFriday)), ...(await activityShifts(db, d, [w.id], firstMonday, lastFriday)), ...(await supervisionReceived(db, d, [w.id], firstMonday, lastFriday))]) {
      recorded.set(r.day, (recorded.get(r.day) ?? 0) + r.minutes);
    }
    for (let week = 0; week < WEEKS; week++) {
      const monday = shift(firstMonday, 7 * week);
      const last = week === WEEKS - 1;
      if (w.id === chen.id && last) {
        // 陈's last week: 495 of 2,250 minutes administrative (22 %), 1,755 professional (78 %).
        const forms = task(w.id, community, zhou, 'statistics_forms', '季度居家养老服务对象统计报表', 240, monday, null);
        log(w.id, shift(monday, 1), 'statistics_forms', 120, community, forms.id);
        log(w.id, shift(monday, 3), 'statistics_forms', 120, community, forms.id);
        log(w.id, shift(monday, 0), 'meeting', 120, street);
        log(w.id, shift(monday, 4), 'inspection', 135, civilAffairs);
        const professional = 1755 - [0, 1, 2, 3, 4].reduce((n, k) => n + (recorded.get(shift(monday, k)) ?? 0), 0);
        const split = [0.3, 0.2, 0.2, 0.15, 0.15].map((p) => Math.round(professional * p));
        split[0]! += professional - split.reduce((n, m) => n + m, 0);
        const kinds = ['casework', 'casework', 'group_work', 'community_work', 'supervision_received'] as const;
        split.forEach((m, k) => log(w.id, shift(monday, k), kinds[k]!, m));
        continue;
      }
      // Each week the community, the street or a department hands the worker something; every
      // third one is on no matter of the district's list.
      const n = i + week;
      const weekly = [
        task(w.id, community, zhou, 'statistics_forms', '社区各类台账月报', 360, monday, n % 3 === 0 ? null : DEMO_ADMITTED_MATTERS[0]!),
        task(w.id, n % 2 ? street : civilAffairs, n % 2 ? tsjd : jbmz, n % 2 ? 'campaign' : 'inspection', n % 2 ? '文明城市创建迎检材料' : '养老服务机构安全检查', 240, shift(monday, 1), n % 2 ? null : DEMO_ADMITTED_MATTERS[8]!),
      ];
      for (let k = 0; k < 5; k++) {
        const day = shift(monday, k);
        // 140–175 minutes of 450 administrative: 31–39 %, 35 % over the weeks.
        const admin = 140 + ((n * 7 + k * 11) % 36);
        const parts = k % 2 === 0 ? [admin, 0] : [Math.round(admin * 0.6), admin - Math.round(admin * 0.6)];
        log(w.id, day, 'statistics_forms', parts[0]!, community, k < 3 ? weekly[0]!.id : null);
        if (parts[1]) log(w.id, day, k === 3 ? 'meeting' : weekly[1]!.category, parts[1], k === 3 ? (n % 2 ? health : street) : n % 2 ? street : civilAffairs, k === 3 ? null : weekly[1]!.id);
        const professional = DAY_MINUTES - admin - (recorded.get(day) ?? 0);
        const kind = (['casework', 'community_work', 'group_work', 'casework', 'training'] as const)[(k + i) % 5]!;
        log(w.id, day, kind, professional);
      }
    }
  }
  for (let k = 0; k < tasks.length; k += 500) await db.insertInto('admin_tasks').values(tasks.slice(k, k + 500)).execute();
  for (let k = 0; k < entries.length; k += 500) await db.insertInto('work_log_entries').values(entries.slice(k, k + 500)).execute();
}
