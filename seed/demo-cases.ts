import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PiiCipher } from '../src/server/platform/crypto/pii.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import type { DB } from '../src/server/tables.ts';
import type { CallIds } from './demo-calls.ts';
import { J_COMMUNITY } from './demo-territory.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Story 5 starts ready: 郑督导 supervises 启航's other social workers; an older man of J社区
 * told the office about repeated quarrels with his son, the community referred the need to
 * 启航 and 陈社工 opened a case on it (all in the needs history), assessed the family and
 * submitted a plan that waits for 郑's approval. Rows only, like the rest of the history; the
 * notes are encrypted as the cases module writes them.
 */
export async function loadCases(db: Kysely<DB>, pii: PiiCipher, ids: CallIds, now: Date): Promise<void> {
  const d = ids.districtId;
  const organizationId = ids.organizationIds.get('qihang')!;
  const communityId = ids.communityIds.get(J_COMMUNITY)!;
  const staff = await db.selectFrom('social_workers').select(['id', 'user_id']).where('employer_organization_id', '=', organizationId).execute();
  const zheng = staff.find((w) => w.user_id === ids.userIds.get('dudao'))!;
  const chen = staff.find((w) => w.user_id === ids.userIds.get('chen'))!;
  await db.updateTable('social_workers').set({ supervisor_id: zheng.id }).where('employer_organization_id', '=', organizationId).where('id', '<>', zheng.id).execute();

  // The need the history referred to 启航, on which 陈 opened the case: its client is the
  // household's older man.
  const opened = await db
    .selectFrom('need_events')
    .innerJoin('needs', (j) => j.onRef('needs.district_id', '=', 'need_events.district_id').onRef('needs.id', '=', 'need_events.need_id'))
    .select(['needs.id', 'needs.household_id', 'need_events.at'])
    .where('need_events.district_id', '=', d)
    .where('need_events.action', '=', 'open_case')
    .executeTakeFirstOrThrow();
  const client = await db
    .selectFrom('residents')
    .select(['id', 'name', 'household_id'])
    .where('district_id', '=', d)
    .where('household_id', '=', opened.household_id!)
    .where('gender', '=', 'male')
    .where('status', '=', 'active')
    .orderBy('birth_date')
    .executeTakeFirstOrThrow();
  const chenUser = ids.userIds.get('chen')!;
  const openedAt = new Date(opened.at);
  // Assessed two days after opening, the plan submitted a day before now.
  const assessedAt = new Date(Math.min(openedAt.getTime() + 2 * DAY, now.getTime() - 2 * DAY));
  const plannedAt = new Date(Math.max(assessedAt.getTime() + HOUR, now.getTime() - DAY));

  const caseId = uuidv7();
  await db
    .insertInto('cases')
    .values({
      district_id: d, id: caseId, ref_no: `GA${localDate(openedAt).slice(0, 4)}-0001`, organization_id: organizationId, street_id: ids.streetId, community_id: communityId,
      client_resident_id: client.id, household_id: client.household_id, need_id: opened.id, worker_id: chen.id, supervisor_id: zheng.id, status: 'plan_review',
      opened_by: chenUser, opened_at: openedAt, updated_at: plannedAt,
    })
    .execute();
  const seal = (body: unknown) => pii.encrypt(JSON.stringify(body));
  const record = (when: Date, kind: 'intake' | 'assessment' | 'plan', body: unknown) => ({ district_id: d, id: uuidv7(), case_id: caseId, kind, body: seal(body), author_user_id: chenUser, worker_id: chen.id, created_at: when });
  await db
    .insertInto('case_records')
    .values([
      record(openedAt, 'intake', { source: 'need', summary: `${client.name}与儿子同住，双方因赡养费和房屋使用多次争吵，${client.name}自述失眠、不愿出门。` }),
      record(assessedAt, 'assessment', {
        domains: {
          living: { score: 4, note: '住房稳定，与儿子一家同住' },
          health: { score: 3, note: '高血压，近期失眠' },
          family: { score: 1, note: '父子沟通中断，多次争吵' },
          finances: { score: 3, note: '养老金可维持基本生活，赡养费有争议' },
          safety: { score: 4, note: '无肢体冲突' },
        },
        summary: '主要问题为家庭关系紧张和情绪低落，社会支持较弱。',
      }),
      record(plannedAt, 'plan', {
        goals: [
          { goal: 1, title: '改善父子沟通', measure: '每周至少一次平和交流' },
          { goal: 2, title: '缓解情绪、恢复社交', measure: '每周参加一次社区活动' },
          { goal: 3, title: '明确赡养安排', measure: '达成书面家庭协议' },
        ],
      }),
    ])
    .execute();
}
