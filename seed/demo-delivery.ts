import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CallStatus } from '../src/server/modules/calls/calls.lifecycle.ts';
import { DEFAULT_CALL_RULES } from '../src/server/modules/calls/calls.rules.ts';
import type { ProjectStatus } from '../src/server/modules/projects/projects.tables.ts';
import { sessionStarts } from '../src/server/modules/services/activities.service.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import type { DB } from '../src/server/tables.ts';
import type { CallIds } from './demo-calls.ts';
import { J_COMMUNITY } from './demo-territory.ts';
import { Rng } from './prng.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TITLE = '邻里守望·长者助餐（一期）';
const AMOUNT_FEN = 15_000_000;
/** What 启航 brings besides the award: a foundation pays the volunteers' insurance and meals. */
const CO_FUNDING = { co_funding_fen: 2_000_000, co_funding_kind: 'foundation' as const, co_funding_source: '南京市江北慈善基金会' };

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Story 4's pages need a project in delivery: 启航 won 邻里守望·长者助餐（一期） in a street
 * round about four months ago, signed, took the first tranche and has run a weekly lunch and a
 * monthly health talk for ten weeks, with registrations, attendance and feedback; the next
 * sessions are open for registration. 王桂芳 (the story household) came to last week's lunch
 * and has not rated it yet. Rows only, like the rest of the history; times count from `now`.
 */
export async function loadDelivery(db: Kysely<DB>, ids: CallIds, now: Date): Promise<void> {
  const rng = new Rng('delivery');
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const officer = ids.userIds.get('tsjd')!;
  const orgAdmin = ids.userIds.get('qihang')!;
  const organizationId = ids.organizationIds.get('qihang')!;
  const communityId = ids.communityIds.get(J_COMMUNITY)!;
  const d = ids.districtId;

  const projectYear = Number(localDate(at(130)).slice(0, 4));
  const projectNo = await db
    .insertInto('project_counters')
    .values({ district_id: d, year: projectYear, last_no: 1 })
    .onConflict((oc) => oc.columns(['district_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('project_counters.last_no', '+', 1) })))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  const projectId = uuidv7();
  await db
    .insertInto('projects')
    .values({
      district_id: d, id: projectId, ref_no: `P-${projectYear}-${String(projectNo.last_no).padStart(4, '0')}`, title: TITLE,
      objectives: '为 J社区高龄、独居老人提供每周一次的助餐和每月一次的健康讲座，减少独自用餐，提升健康知识。', target_beneficiaries: 50, budget_fen: AMOUNT_FEN,
      funding_source: 'government_purchase', period_start: localDate(at(80)), period_end: localDate(new Date(at(80).getTime() + 364 * DAY)), purchaser_level: 'street', purchaser_street_id: ids.streetId,
      street_ids: [ids.streetId], community_ids: [communityId], status: 'in_delivery', created_by: officer, approved_by: ids.userIds.get('jbmz')!, approved_at: at(140),
      contractor_organization_id: organizationId, created_at: at(145), updated_at: at(75),
    })
    .execute();
  const steps: [string, ProjectStatus | null, ProjectStatus, number, string][] = [
    ['create', null, 'draft', 145, officer], ['approve', 'draft', 'approved', 140, ids.userIds.get('jbmz')!], ['open_call', 'approved', 'open', 130, officer], ['close_call', 'open', 'reviewing', 110, officer],
    ['publicize', 'reviewing', 'publicity', 95, officer], ['contract', 'publicity', 'contracted', 80, officer], ['start_delivery', 'contracted', 'in_delivery', 75, orgAdmin],
  ];
  await db
    .insertInto('project_events')
    .values(steps.map(([action, from, to, days, actor]) => ({ district_id: d, id: uuidv7(), project_id: projectId, action, from_status: from, to_status: to, reason: action === 'contract' ? '启航社工服务中心' : '', actor_user_id: actor, at: at(days) })))
    .execute();

  // The round it was won in, concluded before the contract.
  const callYear = projectYear;
  const callNo = await db
    .insertInto('call_counters')
    .values({ district_id: d, year: callYear, last_no: 1 })
    .onConflict((oc) => oc.columns(['district_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('call_counters.last_no', '+', 1) })))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  const ref = `C-${callYear}-${String(callNo.last_no).padStart(2, '0')}`;
  const callId = uuidv7();
  await db
    .insertInto('calls')
    .values({
      district_id: d, id: callId, ref_no: ref, title: '泰山街道为老服务项目征集', kind: 'government_purchase', issuer_level: 'street', issuer_street_id: ids.streetId,
      description: '购买 J社区长者助餐与健康讲座服务。', themes: [], deadline: at(110), publicity_days: 7, rules: JSON.stringify(DEFAULT_CALL_RULES), rules_version: 0, status: 'concluded',
      opened_at: at(130), publicized_at: at(95), publicity_ends_at: at(88), created_by: officer, created_at: at(132),
    })
    .execute();
  await db.insertInto('call_projects').values({ district_id: d, call_id: callId, project_id: projectId }).execute();
  const callSteps: [string, CallStatus | null, CallStatus, number][] = [['create', null, 'draft', 132], ['open', 'draft', 'open', 130], ['close', 'open', 'closed', 110], ['rank', 'closed', 'ranked', 100], ['publicize', 'ranked', 'publicity', 95], ['conclude', 'publicity', 'concluded', 86]];
  await db.insertInto('call_events').values(callSteps.map(([action, from, to, days]) => ({ district_id: d, id: uuidv7(), call_id: callId, action, from_status: from, to_status: to, actor_user_id: officer, at: at(days) }))).execute();
  const staff = await db.selectFrom('social_workers').select(['id', 'user_id', 'certificate_level']).where('employer_organization_id', '=', organizationId).where('status', '=', 'active').execute();
  const chen = staff.find((w) => w.user_id === ids.userIds.get('chen'))!;
  const team = [chen, ...staff.filter((w) => w !== chen && w.certificate_level !== 'none').slice(0, 1)];
  const applicationId = uuidv7();
  const budget = [{ item: '食材与餐具', amountFen: 7_000_000 }, { item: '社工人力', amountFen: 6_000_000 }, { item: '讲座专家与物料', amountFen: 2_000_000 }, { item: '志愿者保险与误餐补贴', amountFen: CO_FUNDING.co_funding_fen }];
  await db
    .insertInto('applications')
    .values({
      district_id: d, id: applicationId, call_id: callId, ref_no: `${ref}-01`, organization_id: organizationId, project_id: projectId, theme: null, title: TITLE,
      summary: '每周三中午在党群服务中心长者厨房助餐，每月一次健康讲座。', proposal: '社工统筹，低龄老人志愿者协助配餐和送餐。', budget_lines: JSON.stringify(budget), budget_fen: AMOUNT_FEN + CO_FUNDING.co_funding_fen, ...CO_FUNDING,
      status: 'submitted', eligibility: JSON.stringify({ eligible: true, onDate: localDate(at(112)), checks: [] }), submitted_at: at(112), created_by: orgAdmin, created_at: at(120), updated_at: at(112),
    })
    .execute();
  await db.insertInto('application_team').values(team.map((w, j) => ({ district_id: d, application_id: applicationId, social_worker_id: w.id, role: j === 0 ? 'lead' as const : 'member' as const }))).execute();
  await db.insertInto('call_awards').values({ district_id: d, call_id: callId, application_id: applicationId, project_id: projectId, organization_id: organizationId, amount_fen: AMOUNT_FEN, rank: 1 }).execute();

  // The contract: 30% at signing (paid), 40% after the mid-term, 30% after final acceptance;
  // a delivery plan of four indicators and two milestones.
  const contractId = uuidv7();
  const termStart = localDate(at(80));
  const termEnd = localDate(new Date(at(80).getTime() + 364 * DAY));
  await db
    .insertInto('contracts')
    .values({
      district_id: d, id: contractId, project_id: projectId, call_id: callId, application_id: applicationId, organization_id: organizationId, amount_fen: AMOUNT_FEN, ...CO_FUNDING,
      term_start: termStart, term_end: termEnd, status: 'signed', signed_at: at(80), signed_by: officer, created_by: officer, created_at: at(84), updated_at: at(80),
    })
    .execute();
  await db.insertInto('project_indicators').values([
    { district_id: d, project_id: projectId, measure: 'sessions_held', target: 60 },
    { district_id: d, project_id: projectId, measure: 'people_served', target: 50 },
    { district_id: d, project_id: projectId, measure: 'attendances', target: 1200 },
    { district_id: d, project_id: projectId, measure: 'satisfaction_rate', target: 90 },
  ]).execute();
  await db.insertInto('project_milestones').values([
    { district_id: d, id: uuidv7(), project_id: projectId, seq: 1, title: '首批服务 200 人次', due_on: localDate(at(20)), measure: 'attendances', threshold: 200 },
    { district_id: d, id: uuidv7(), project_id: projectId, seq: 2, title: '服务对象达 40 人', due_on: localDate(new Date(now.getTime() + 60 * DAY)), measure: 'people_served', threshold: 40 },
  ]).execute();
  const tranches = [4_500_000, 6_000_000, 4_500_000];
  const conditions = ['signed', 'midterm_passed', 'final_accepted'] as const;
  await db.insertInto('contract_tranches').values(tranches.map((amount_fen, i) => ({ district_id: d, contract_id: contractId, seq: i + 1, amount_fen, precondition: conditions[i]!, milestone_id: null }))).execute();
  await db.insertInto('contract_payments').values({ district_id: d, id: uuidv7(), contract_id: contractId, seq: 1, amount_fen: tranches[0]!, voucher: '泰山街道财政支付凭证', paid_by: officer, paid_at: at(78) }).execute();

  // Who comes: J community's residents of 65 and over, 王桂芳 among them.
  const elders = await db
    .selectFrom('residents')
    .select(['id', 'household_id', 'name'])
    .where('district_id', '=', d)
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('birth_date', '<=', localDate(new Date(now.getTime() - 65 * 365.25 * DAY)))
    .orderBy('id')
    .limit(70)
    .execute();
  // The story household's 王桂芳 comes every week, whoever else is drawn.
  const story = await db
    .selectFrom('residents as r')
    .innerJoin('role_assignments as g', (j) => j.onRef('g.scope_id', '=', 'r.household_id').on('g.user_id', '=', ids.userIds.get('wangjuan')!))
    .select(['r.id', 'r.household_id', 'r.name'])
    .where('r.name', '=', '王桂芳')
    .executeTakeFirstOrThrow();
  if (!elders.some((e) => e.id === story.id)) elders.push(story);
  const kitchen = await db.selectFrom('resources').select('id').where('district_id', '=', d).where('name', '=', 'J社区党群服务中心长者厨房').executeTakeFirst();
  const residentUser = ids.userIds.get('wangjuan')!;
  const chenUser = ids.userIds.get('chen')!;

  // Wednesdays at 11:00 (Asia/Shanghai), from ten weeks ago; the health talk every four weeks at 14:30.
  const weekday = new Date(now.getTime() + 8 * HOUR).getUTCDay();
  const lastWednesday = new Date(`${localDate(at(((weekday - 3 + 7) % 7) || 7))}T00:00:00+08:00`);
  const firstLunch = new Date(lastWednesday.getTime() - 9 * 7 * DAY + 11 * HOUR);
  const activities = [
    { title: '长者助餐', method: 'community_activity' as const, first: firstLunch, recurrence: 'weekly' as const, sessions: 16, minutes: 90, capacity: 30, venue: kitchen?.id ?? null, note: '', audience: '65 岁以上长者，独居、高龄优先' },
    { title: '健康讲座', method: 'training' as const, first: new Date(firstLunch.getTime() + DAY + 3.5 * HOUR), recurrence: 'monthly' as const, sessions: 4, minutes: 60, capacity: 40, venue: null, note: '党群服务中心二楼会议室', audience: '长者及家属' },
  ];
  for (const a of activities) {
    const activityId = uuidv7();
    await db
      .insertInto('activities')
      .values({
        district_id: d, id: activityId, street_id: ids.streetId, community_id: communityId, organization_id: organizationId, project_id: projectId, title: a.title, method: a.method,
        description: a.method === 'training' ? '社区卫生服务中心医生讲解慢病管理与合理膳食，现场测量血压。' : '荤素搭配的午餐，行动不便的长者可由志愿者送餐上门。',
        venue_resource_id: a.venue, venue_note: a.note, capacity: a.capacity, audience: a.audience, volunteers_needed: 4, recurrence: a.recurrence, created_by: orgAdmin, created_at: at(76),
      })
      .execute();
    await db.insertInto('activity_staff').values(team.map((w) => ({ district_id: d, activity_id: activityId, social_worker_id: w.id, user_id: w.user_id }))).execute();
    const starts = sessionStarts(a.first, a.recurrence, a.sessions);
    for (const [k, start] of starts.entries()) {
      const sessionId = uuidv7();
      await db
        .insertInto('activity_sessions')
        .values({ district_id: d, id: sessionId, activity_id: activityId, seq: k + 1, starts_at: start, ends_at: new Date(start.getTime() + a.minutes * 60_000), checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0') })
        .execute();
      if (start.getTime() > now.getTime()) continue;
      // A past session: 60–85% of the places taken, most of those registered came, some rated.
      const taken = shuffled(rng, elders).slice(0, Math.round(a.capacity * (0.6 + 0.25 * rng.next())));
      const lastLunch = a.method !== 'training' && start.getTime() > now.getTime() - 7 * DAY;
      if (lastLunch && !taken.some((r) => r.id === story.id)) taken.push(story);
      const registeredAt = new Date(start.getTime() - 2 * DAY);
      await db.insertInto('activity_registrations').values(taken.map((r) => ({ district_id: d, session_id: sessionId, resident_id: r.id, household_id: r.household_id, registered_by: r.id === story.id ? residentUser : chenUser, registered_at: registeredAt }))).execute();
      const came = taken.filter((r) => r.id === story.id || rng.next() < 0.88);
      await db.insertInto('activity_attendance').values(came.map((r) => ({ district_id: d, session_id: sessionId, resident_id: r.id, method: rng.next() < 0.8 ? 'staff' as const : 'code' as const, recorded_by: chenUser, at: new Date(start.getTime() + rng.int(0, 20) * 60_000) }))).execute();
      const raters = came.filter((r) => r.id !== story.id && rng.next() < 0.45);
      if (raters.length) {
        await db
          .insertInto('activity_feedback')
          .values(raters.map((r) => {
            const roll = rng.next();
            const rating = roll < 0.55 ? 5 : roll < 0.9 ? 4 : 3;
            return { district_id: d, session_id: sessionId, resident_id: r.id, rating, comment: rating === 3 ? '菜有点咸' : rating === 5 && roll < 0.15 ? '社工很耐心，谢谢' : '', given_by: chenUser, at: new Date(start.getTime() + 3 * HOUR) };
          }))
          .execute();
      }
    }
  }
}
