import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { countDueRounds } from '../src/server/modules/participation/index.ts';
import type { DB } from '../src/server/tables.ts';
import type { CallIds } from './demo-calls.ts';
import { J_COMMUNITY } from './demo-territory.ts';

const NEIGHBOUR_COMMUNITY = 'JB-TS-QB';
import { Rng } from './prng.ts';
import { VOLUNTEER_ACCOUNTS } from './demo-volunteers.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YUAN = 100;

/** Beijing 19:00 on the day `days` from now: when J's council meets. */
function eveningIn(now: Date, days: number): Date {
  const beijing = new Date(now.getTime() + 8 * HOUR + days * DAY);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), 11));
}

/**
 * Story 6 ready to walk in J community: 孙's ramp proposal with 31 supports on the agenda of the
 * residents' council (13 members, meeting in two days), and this year's micro-project budget
 * round in draft with three candidates — the council's decision adds the ramp as the fourth.
 * Behind it, what a community with a working council has: last year's round published with
 * 412 online and 37 assisted ballots and its turnout by grid, two earlier decisions with their
 * feedback, and a wish that went into the needs pool.
 */
export async function loadParticipation(db: Kysely<DB>, ids: CallIds & { passwordHash: string }, now: Date): Promise<void> {
  const d = ids.districtId;
  const j = ids.communityIds.get(J_COMMUNITY)!;
  const zhou = ids.userIds.get('zhou')!;
  const rng = new Rng('participation');
  const sunUser = await db.selectFrom('users').select(['id', 'resident_id']).where('username', '=', VOLUNTEER_ACCOUNTS.volunteer).executeTakeFirstOrThrow();
  const residents = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', (jn) => jn.onRef('h.district_id', '=', 'r.district_id').onRef('h.id', '=', 'r.household_id'))
    .select(['r.id', 'r.name', 'r.household_id', 'h.grid_id'])
    .where('r.district_id', '=', d)
    .where('r.community_id', '=', j)
    .where('r.status', '=', 'active')
    .where('r.birth_date', '<=', `${now.getUTCFullYear() - 20}-12-31`)
    .orderBy('r.id')
    .execute();
  const sun = residents.find((r) => r.id === sunUser.resident_id)!;
  // one adult per household, Sun's household aside
  const perHousehold = [...new Map(residents.filter((r) => r.household_id !== sun.household_id).map((r) => [r.household_id, r])).values()];

  await db.insertInto('participation_settings').values({ community_id: j, district_id: d, pool_supports: 10, council_supports: 30, quorum_percent: 50, public_names: 'surname', updated_by: zhou }).execute();

  // The council: thirteen residents — building heads, Party members, a young parent, a retired teacher.
  const titles = ['居民代表', '楼栋长', '党员代表', '楼栋长', '居民代表', '物业代表', '居民代表', '楼栋长', '老年协会', '居民代表', '青年代表', '楼栋长', '居民代表'];
  const members = perHousehold.filter((_, i) => i % 17 === 3).slice(0, 13);
  const memberIds = members.map(() => uuidv7());
  await db
    .insertInto('council_members')
    .values(members.map((m, i) => ({ district_id: d, id: memberIds[i]!, community_id: j, name: m.name, title: titles[i]!, resident_id: m.id, created_at: new Date(now.getTime() - 400 * DAY) })))
    .execute();

  const place = await db.selectFrom('communities').select('street_id').where('id', '=', j).executeTakeFirstOrThrow();
  const street = place.street_id;
  const categories = new Map((await db.selectFrom('need_categories').select(['id', 'code']).where('district_id', '=', d).execute()).map((c) => [c.code, c.id]));
  const category = (code: string) => categories.get(code) ?? categories.get('other')!;

  // 孙's ramp: 31 neighbours support it (six recorded by staff for elderly residents without a phone).
  const proposed = new Date(now.getTime() - 24 * DAY);
  const rampId = uuidv7();
  const topicId = uuidv7();
  const meetingId = uuidv7();
  await db
    .insertInto('proposals')
    .values({
      district_id: d, id: rampId, street_id: street, community_id: j, grid_id: sun.grid_id, household_id: sun.household_id, resident_id: sun.id, proposed_by: sunUser.id, recorded_by: sunUser.id,
      kind: 'project', title: '12号楼单元门口加装无障碍坡道', body: '12号楼单元门口有三级台阶，坐轮椅的邻居和推婴儿车的家长进出都要人抬。建议在台阶旁加装一条带扶手的坡道，方便老人和残疾人出行。',
      place: '12号楼1单元门口', category_id: category('property_facilities'), status: 'on_agenda', support_count: 31, topic_id: topicId, created_at: proposed, updated_at: new Date(now.getTime() - 6 * DAY),
    })
    .execute();
  const supporters = perHousehold.filter((r) => !members.includes(r)).slice(0, 31);
  await db
    .insertInto('proposal_supports')
    .values(supporters.map((r, i) => ({ district_id: d, proposal_id: rampId, resident_id: r.id, household_id: r.household_id, grid_id: r.grid_id, recorded_by: i % 5 === 4 ? zhou : sunUser.id, assisted: i % 5 === 4, created_at: new Date(proposed.getTime() + (i + 1) * 14 * HOUR) })))
    .execute();
  await db.insertInto('council_meetings').values({ district_id: d, id: meetingId, community_id: j, starts_at: eveningIn(now, 2), place: 'J社区党群服务中心二楼议事厅', created_by: zhou, created_at: new Date(now.getTime() - 5 * DAY) }).execute();
  await db
    .insertInto('council_topics')
    .values({
      district_id: d, id: topicId, street_id: street, community_id: j, source: 'proposal', proposal_id: rampId, common_need_id: null, title: '12号楼单元门口加装无障碍坡道',
      subject: '12号楼单元门口有三级台阶，坐轮椅的邻居和推婴儿车的家长进出都要人抬。建议在台阶旁加装一条带扶手的坡道。', proposer: sun.name,
      affected: '12号楼住户，特别是老年人、轮椅使用者和带婴幼儿的家庭', affected_grid_ids: [sun.grid_id], meeting_id: meetingId, created_by: zhou, created_at: new Date(now.getTime() - 6 * DAY),
    })
    .execute();

  // Earlier decisions: the e-bike shelter (done), the noise pact (being put into practice).
  const past = async (o: { title: string; subject: string; proposer: string; daysAgo: number; votes: [number, number, number]; decision: string; feedback: { text: string; done: boolean; daysAgo: number }[] }) => {
    const meeting = uuidv7();
    const topic = uuidv7();
    const held = eveningIn(now, -o.daysAgo);
    const present = memberIds.slice(0, o.votes[0] + o.votes[1] + o.votes[2]);
    await db.insertInto('council_meetings').values({ district_id: d, id: meeting, community_id: j, starts_at: held, place: 'J社区党群服务中心二楼议事厅', status: 'held', attendee_ids: present, minutes: `${o.title}：与会成员充分讨论后表决。`, created_by: zhou }).execute();
    const passed = o.votes[0] * 2 > present.length;
    const status = !passed ? 'rejected' : o.feedback.some((f) => f.done) ? 'done' : o.feedback.length ? 'implementing' : 'passed';
    await db
      .insertInto('council_topics')
      .values({
        district_id: d, id: topic, street_id: street, community_id: j, source: 'staff', proposal_id: null, common_need_id: null, title: o.title, subject: o.subject, proposer: o.proposer, status, meeting_id: meeting,
        votes_for: o.votes[0], votes_against: o.votes[1], votes_abstain: o.votes[2], decision: o.decision, decided_at: new Date(held.getTime() + 2 * HOUR), created_by: zhou, created_at: new Date(held.getTime() - 10 * DAY),
      })
      .execute();
    const choices = (['for', 'against', 'abstain'] as const).flatMap((c, k) => Array.from({ length: o.votes[k] }, () => c));
    await db.insertInto('topic_votes').values(choices.map((choice, i) => ({ district_id: d, topic_id: topic, member_id: present[i]!, choice }))).execute();
    await db.insertInto('topic_opinions').values({ district_id: d, id: uuidv7(), topic_id: topic, meeting_id: meeting, speaker: members[0]!.name, member_id: memberIds[0]!, stance: 'for', text: '大家的意见比较一致，建议尽快落实。', recorded_by: zhou, created_at: held }).execute();
    for (const f of o.feedback) await db.insertInto('topic_feedback').values({ district_id: d, id: uuidv7(), topic_id: topic, text: f.text, done: f.done, by_user: zhou, created_at: new Date(now.getTime() - f.daysAgo * DAY) }).execute();
  };
  await past({
    title: '小区电动自行车集中充电棚', subject: '楼道里给电动车充电有火灾隐患，建议在3号楼东侧空地建集中充电棚。', proposer: members[1]!.name, daysAgo: 120, votes: [11, 1, 1],
    decision: '同意在3号楼东侧建设充电棚，由物业负责施工，社区监督；费用从小区公共收益中列支。',
    feedback: [{ text: '充电棚已开工，预计一个月完工。', done: false, daysAgo: 90 }, { text: '充电棚已建成投用，共48个充电位，楼道充电现象基本消除。', done: true, daysAgo: 60 }],
  });
  await past({
    title: '制定居民文明养犬公约', subject: '近来多起不牵绳遛狗、狗粪未清理的投诉，建议由议事会制定养犬公约。', proposer: '社区居委会', daysAgo: 30, votes: [9, 2, 1],
    decision: '通过《J社区文明养犬公约》，在各楼栋张贴，由楼栋长提醒；三个月后议事会复议执行情况。',
    feedback: [{ text: '公约已在全部楼栋张贴，第一个月投诉减少了一半。', done: false, daysAgo: 5 }],
  });

  // A wish that its supports moved into the needs pool: the needs module records it as any resident need would be.
  const wisher = perHousehold[40]!;
  await db
    .insertInto('proposals')
    .values({
      district_id: d, id: uuidv7(), street_id: street, community_id: j, grid_id: wisher.grid_id, household_id: wisher.household_id, resident_id: wisher.id, proposed_by: null, recorded_by: zhou,
      kind: 'wish', title: '希望社区开一个老年人智能手机课', body: '很多老人不会用手机挂号、付款，希望社区能办一个手机使用课。', category_id: category('culture_activities'), status: 'open', support_count: 0, created_at: new Date(now.getTime() - 3 * DAY),
    })
    .execute();

  // This year's round: three candidates in draft; the window is two weeks from tomorrow.
  const roundId = uuidv7();
  await db
    .insertInto('budget_rounds')
    .values({ district_id: d, id: roundId, street_id: street, community_id: j, title: `${new Date(now.getTime() + 8 * HOUR).getUTCFullYear() + 1}年度J社区居民微项目`, total_budget_fen: 150_000 * YUAN, rule: 'approval', max_choices: 2, opens_at: new Date(now.getTime() + DAY), closes_at: new Date(now.getTime() + 15 * DAY), created_by: zhou, created_at: new Date(now.getTime() - 10 * DAY) })
    .execute();
  const candidates = [
    { title: '更换7至9号楼楼道声控灯', description: '7至9号楼共18个单元楼道灯老化，夜间照明不足。', cost: 38_000, code: 'facility_lighting' },
    { title: '中心广场健身器材维修更新', description: '中心广场12件健身器材有6件损坏，维修并新增2件适老器材。', cost: 52_000, code: 'culture_activities' },
    { title: '社区儿童阅读角', description: '在党群服务中心一楼设立儿童阅读角，配置图书和桌椅，由志愿者值守。', cost: 45_000, code: 'children_youth' },
  ];
  await db
    .insertInto('budget_candidates')
    .values(candidates.map((c, i) => ({ district_id: d, id: uuidv7(), round_id: roundId, title: c.title, description: c.description, cost_fen: c.cost * YUAN, category_id: category(c.code), community_id: j, source: 'staff' as const, source_id: null, created_at: new Date(now.getTime() - (10 - i) * DAY) })))
    .execute();

  // Rounds already published: last year's (412 online, 37 assisted) and this summer's stairwell
  // round in J; 桥北's, where few households take part (story 7: about 9 % engaged in 90 days).
  const year = new Date(now.getTime() + 8 * HOUR).getUTCFullYear();
  const voters = perHousehold.filter((_, i) => i % 4 === 2).slice(0, 449);
  const accountIds = await householdAccounts(db, d, voters.slice(0, 412), ids.passwordHash);
  const accounts = new Map(voters.slice(0, 412).map((v, i) => [v.household_id, accountIds[i]!]));
  const inJ = { d, street, community: j, by: zhou, category, rng };
  await pastRound(db, inJ, {
    title: `${year}年度J社区居民微项目`, daysAgo: 300, budgetYuan: 120_000, voters, accounts,
    items: [
      { title: '小区主干道路灯补装', cost: 46_000, code: 'facility_lighting', weight: 0.62 },
      { title: '老年活动室空调更换', cost: 35_000, code: 'elderly_care', weight: 0.55 },
      { title: '垃圾分类投放点改造', cost: 58_000, code: 'environment_sanitation', weight: 0.41 },
      { title: '社区小菜园', cost: 22_000, code: 'culture_activities', weight: 0.18 },
    ],
  }, now);
  await pastRound(db, inJ, {
    title: '楼道微更新（第二期）', daysAgo: 40, budgetYuan: 60_000, voters: [...voters, ...perHousehold.filter((_, i) => i % 4 === 0).slice(0, 110)], accounts,
    items: [
      { title: '5号楼楼道扶手加装', cost: 18_000, code: 'property_facilities', weight: 0.58 },
      { title: '8号楼楼道墙面翻新', cost: 26_000, code: 'property_facilities', weight: 0.47 },
      { title: '楼道消防器材更新', cost: 21_000, code: 'safety', weight: 0.52 },
    ],
  }, now);
  const qb = ids.communityIds.get(NEIGHBOUR_COMMUNITY)!;
  const qbHouseholds = await db.selectFrom('households').select(['id as household_id', 'grid_id']).where('district_id', '=', d).where('community_id', '=', qb).orderBy('id').execute();
  await pastRound(db, { ...inJ, community: qb, by: ids.userIds.get('qiaobei') ?? zhou }, {
    title: '桥北社区健身角更新', daysAgo: 50, budgetYuan: 40_000, voters: qbHouseholds.filter((_, i) => i % 14 === 5).map((h) => ({ id: '', name: '', ...h })), accounts: new Map(),
    items: [
      { title: '健身角器材更新', cost: 24_000, code: 'culture_activities', weight: 0.7 },
      { title: '健身角遮阳棚', cost: 19_000, code: 'culture_activities', weight: 0.4 },
    ],
  }, now);
}

type Voter = { id: string; name: string; household_id: string; grid_id: string };

/** Resident accounts for households that vote from their phones (`jmin0001`…, the demo password). */
async function householdAccounts(db: Kysely<DB>, d: string, voters: Voter[], passwordHash: string): Promise<string[]> {
  const accounts = voters.map((v, i) => ({ id: uuidv7(), username: `jmin${String(i + 1).padStart(4, '0')}`, display_name: v.name, password_hash: passwordHash, resident_district_id: d, resident_id: v.id, status: 'active' as const }));
  for (let i = 0; i < accounts.length; i += 200) await db.insertInto('users').values(accounts.slice(i, i + 200)).execute();
  for (let i = 0; i < accounts.length; i += 200)
    await db.insertInto('role_assignments').values(accounts.slice(i, i + 200).map((a, k) => ({ id: uuidv7(), user_id: a.id, role: 'resident' as const, scope_type: 'household' as const, scope_id: voters[i + k]!.household_id, scope_district_id: d }))).execute();
  return accounts.map((a) => a.id);
}

/**
 * A published round of a community that closed `daysAgo`: its candidates, a ballot for each
 * voter (online from the household's account where it has one, else on paper or told to staff),
 * counted by the module's own count, so that the board's figures are the ones the code computes.
 */
async function pastRound(
  db: Kysely<DB>,
  o: { d: string; street: string; community: string; by: string; category: (code: string) => string; rng: Rng },
  round: { title: string; daysAgo: number; budgetYuan: number; items: { title: string; cost: number; code: string; weight: number }[]; voters: Voter[]; accounts: Map<string, string> },
  now: Date,
) {
  const roundId = uuidv7();
  const closes = new Date(now.getTime() - round.daysAgo * DAY);
  await db
    .insertInto('budget_rounds')
    .values({ district_id: o.d, id: roundId, street_id: o.street, community_id: o.community, title: round.title, total_budget_fen: round.budgetYuan * YUAN, rule: 'approval', max_choices: 2, opens_at: new Date(closes.getTime() - 14 * DAY), closes_at: closes, status: 'open', created_by: o.by, created_at: new Date(closes.getTime() - 30 * DAY) })
    .execute();
  const ids = round.items.map(() => uuidv7());
  await db.insertInto('budget_candidates').values(round.items.map((c, i) => ({ district_id: o.d, id: ids[i]!, round_id: roundId, title: c.title, description: '', cost_fen: c.cost * YUAN, category_id: o.category(c.code), community_id: o.community, source: 'staff' as const, source_id: null }))).execute();
  const ballots = round.voters.map((v, i) => {
    const chosen = ids.filter((_, c) => o.rng.next() < round.items[c]!.weight).slice(0, 2);
    const account = round.accounts.get(v.household_id);
    return {
      district_id: o.d, round_id: roundId, household_id: v.household_id, community_id: o.community, grid_id: v.grid_id, candidate_ids: chosen.length ? chosen : [ids[0]!],
      channel: account ? ('online' as const) : i % 2 ? ('paper' as const) : ('spoken' as const), cast_by: account ?? o.by, cast_at: new Date(closes.getTime() - (1 + (i % 13)) * DAY),
    };
  });
  for (let i = 0; i < ballots.length; i += 200) await db.insertInto('budget_ballots').values(ballots.slice(i, i + 200)).execute();
  await countDueRounds(db, now);
  await db.updateTable('budget_rounds').set({ status: 'published', published_at: new Date(closes.getTime() + 2 * DAY), published_by: o.by }).where('district_id', '=', o.d).where('id', '=', roundId).execute();
}
