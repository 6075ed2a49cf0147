import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_CALL_RULES, type CallRules } from '../src/server/modules/calls/calls.rules.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import type { DB } from '../src/server/tables.ts';

const DAY = 86_400_000;

/**
 * The district's open venture-philanthropy round, so organizations, reviewers and officers see
 * a published call with its panel (story 3's panel: three experts and two resident jurors).
 * Story 2's own call for 幸福食堂 is opened by the street in the journey itself.
 */
export async function loadCalls(db: Kysely<DB>, ids: { districtId: string; userIds: Map<string, string> }, now: Date): Promise<number> {
  const officer = ids.userIds.get('jbmz')!;
  const rules: CallRules = { ...DEFAULT_CALL_RULES, bonus: { ...DEFAULT_CALL_RULES.bonus, priorityThemes: [{ theme: '为老服务', points: 2 }] } };
  const callId = uuidv7();
  const year = Number(localDate(now).slice(0, 4));
  const opened = new Date(now.getTime() - 5 * DAY);
  await db
    .insertInto('calls')
    .values({
      district_id: ids.districtId,
      id: callId,
      ref_no: `C-${year}-01`,
      title: `${year + 1} 年度江北新区社区公益创投大赛`,
      kind: 'venture_philanthropy',
      issuer_level: 'district',
      issuer_street_id: null,
      description: '面向全区社会组织征集为老服务、儿童关爱和社区融合类公益项目，单个项目资助不超过 10 万元，鼓励配套资金。',
      themes: ['为老服务', '儿童关爱', '社区融合'],
      deadline: new Date(now.getTime() + 25 * DAY),
      publicity_days: 7,
      rules: JSON.stringify(rules),
      rules_version: 0,
      status: 'open',
      opened_at: opened,
      created_by: officer,
      created_at: new Date(opened.getTime() - 2 * DAY),
    })
    .execute();
  await db.insertInto('call_counters').values({ district_id: ids.districtId, year, last_no: 1 }).execute();
  const panel: [string, 'expert' | 'juror'][] = [['zhuanjia', 'expert'], ['linlaoshi', 'expert'], ['zhaojiaoshou', 'expert'], ['sunbo', 'juror'], ['qianyi', 'juror']];
  await db
    .insertInto('call_panel')
    .values(panel.map(([username, kind]) => ({ district_id: ids.districtId, call_id: callId, user_id: ids.userIds.get(username)!, kind, added_by: officer, added_at: opened })))
    .execute();
  await db
    .insertInto('call_events')
    .values([
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'create', from_status: null, to_status: 'draft', actor_user_id: officer, at: new Date(opened.getTime() - 2 * DAY) },
      { district_id: ids.districtId, id: uuidv7(), call_id: callId, action: 'open', from_status: 'draft', to_status: 'open', actor_user_id: officer, at: opened },
    ])
    .execute();
  return 1;
}
