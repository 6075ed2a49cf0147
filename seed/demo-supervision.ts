import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import type { PiiCipher } from '../src/server/platform/crypto/pii.ts';
import { cycleOf, requiredHours, standing } from '../src/server/modules/workforce/ce.service.ts';
import type { CeRecordsTable, SupervisionSessionsTable } from '../src/server/modules/workforce/workforce.tables.ts';
import type { DB } from '../src/server/tables.ts';
import type { CallIds } from './demo-calls.ts';

const DAY = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const COURSES = ['家庭社会工作实务', '老年社会工作评估工具', '社区协商议事方法', '个案督导与自我照顾', '社会工作伦理与法规', '项目评估与成效测量'];

/**
 * 郑督导 meets 启航's workers as a group every other Wednesday and 陈 alone once a month (the
 * sessions fill their logs as supervision received); every certified worker of the district has
 * continuing education in the current cycle, on pace except 刘思雨, who is behind.
 */
export async function loadSupervision(db: Kysely<DB>, pii: PiiCipher, ids: CallIds, now: Date): Promise<void> {
  const d = ids.districtId;
  const today = localDate(now);
  const zhengUser = ids.userIds.get('dudao')!;
  const workers = await db.selectFrom('social_workers').select(['id', 'name', 'user_id', 'supervisor_id', 'certificate_level', 'certificate_date']).where('district_id', '=', d).where('status', '=', 'active').orderBy('id').execute();
  const zheng = workers.find((w) => w.user_id === zhengUser)!;
  const chen = workers.find((w) => w.user_id === ids.userIds.get('chen'))!;
  const supervisees = workers.filter((w) => w.supervisor_id === zheng.id).map((w) => w.id);

  const sessions: Insertable<SupervisionSessionsTable>[] = [];
  const session = (heldOn: string, superviseeIds: string[], functions: SupervisionSessionsTable['functions'], minutes: number, notes: string) =>
    sessions.push({ district_id: d, id: uuidv7(), supervisor_id: zheng.id, supervisee_ids: superviseeIds, form: superviseeIds.length === 1 ? 'individual' : 'group', functions, held_on: heldOn, minutes, notes: pii.encrypt(notes), recorded_by: zhengUser });
  // The Wednesday of this week, and every other one back over eight weeks.
  const wednesday = shift(today, 2 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  for (let k = 1; k <= 4; k++) session(shift(wednesday, -14 * k), supervisees, ['educational', 'supportive'], 90, `第${5 - k}次团体督导：讨论助餐项目中的个案发现与转介，分享服务压力。`);
  for (let k = 1; k <= 2; k++) session(shift(wednesday, -30 * k + 1), [chen.id], ['administrative', 'supportive'], 60, '个别督导：梳理个案负荷与社区交办事项的时间分配。');
  if (sessions.length) await db.insertInto('supervision_sessions').values(sessions).execute();

  const targets = { ceHoursAssistant: 72, ceHoursOther: 90 };
  const records: Insertable<CeRecordsTable>[] = [];
  for (const [i, w] of workers.entries()) {
    const required = requiredHours(w.certificate_level, targets);
    if (!w.certificate_date || required === 0) continue;
    const cycle = cycleOf(w.certificate_date, today);
    const { expectedByNow } = standing(0, required, cycle, today);
    const behind = w.name === '刘思雨';
    const total = behind ? Math.floor(expectedByNow / 2) : Math.min(required, Math.ceil(expectedByNow) + 6);
    const span = (Date.parse(today) - Date.parse(cycle.start)) / DAY;
    for (let k = 0, left = total; left > 0; k++) {
      const hours = Math.min(left, 12 + ((i + k) % 3) * 6);
      left -= hours;
      records.push({ district_id: d, id: uuidv7(), social_worker_id: w.id, completed_on: shift(cycle.start, Math.floor((span * (k + 1)) / (k + 2))), hours, title: COURSES[(i + k) % COURSES.length]!, provider: '南京市社会工作者协会', recorded_by: zhengUser });
    }
  }
  for (let k = 0; k < records.length; k += 500) await db.insertInto('ce_records').values(records.slice(k, k + 500)).execute();
}
