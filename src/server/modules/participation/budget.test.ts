import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createTestApp, fieldsOf, type TestAppWithPeers } from '../../testing.ts';
import type { Ballot, Candidate, RoundDetail, RoundSummary } from './participation.schemas.ts';
import { buildParticipationWorld, buildRound, closeWindow, code, DAY, sameUserOn, type C, type World } from './participation.testing.ts';

/**
 * Participatory budgeting: rounds of a community (its staff) and of a street (its officer), one
 * ballot per household — also with two app processes at once — assisted ballots recorded by
 * staff and counted in turnout, the count when the window closes, and publishing winners into
 * the project pipeline. J has seven households: 孙, 王, 钱 in 一网格 (3); 李, 赵, 周, 吴 in 二网格 (4).
 */
let t: TestAppWithPeers;
let w: World;
let round: RoundDetail;
/** The candidates of the J round: A 6,000 yuan, B 5,000, C 3,000, in that order. */
let A: string, B: string, Cc: string;

const ballot = (client: C, roundId: string, body: Record<string, unknown>) => client.post(`/api/v1/budget-rounds/${roundId}/ballots`, body);
const get = async (client: C, id: string) => (await client.get(`/api/v1/budget-rounds/${id}`)).json<RoundDetail>();
const byTitle = (r: RoundDetail) => Object.fromEntries(r.candidates.map((c) => [c.title, c])) as Record<string, Candidate>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildParticipationWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('a community round', () => {
  it('is started as a draft and opens with two candidates at least', async () => {
    const tomorrow = new Date(Date.now() + DAY).toISOString();
    let res = await w.jAdmin.post('/api/v1/budget-rounds', { communityId: w.j.id, title: '2026年J社区微实事', totalBudgetFen: 1_000_000, rule: 'approval', maxChoices: 2, opensAt: tomorrow, closesAt: tomorrow });
    expect([res.statusCode, fieldsOf(res).closesAt]).toEqual([400, 'budget.window_order']);
    res = await w.jAdmin.post('/api/v1/budget-rounds', { communityId: w.j.id, title: '  ', totalBudgetFen: 1_000_000, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() });
    expect([res.statusCode, fieldsOf(res).title]).toEqual([400, 'participation.blank']);
    round = await buildRound(w.jAdmin, { communityId: w.j.id, title: '2026年J社区微实事', totalBudgetFen: 1_000_000, maxChoices: 2, candidates: [{ title: '12号楼无障碍坡道', costFen: 600_000, categoryId: w.category('property_facilities') }], draft: true });
    expect([round.status, round.unit, round.actions]).toEqual(['draft', { kind: 'community', id: w.j.id, name: 'J社区' }, ['edit', 'open']]);
    res = await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/open`);
    expect([res.statusCode, code(res)]).toEqual([409, 'budget.too_few_candidates']);
    // a candidate of J's round is J's: not one for 桥北
    res = await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '桥北的项目', costFen: 100, categoryId: w.category('other'), communityId: w.neighbour.id });
    expect([res.statusCode, fieldsOf(res).communityId]).toEqual([404, 'resource.not_found']);
    await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '儿童游乐场翻新', costFen: 500_000, categoryId: w.category('children_youth') });
    await w.jWorker.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '楼道感应灯', costFen: 300_000, categoryId: w.category('facility_lighting') });
    res = await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/open`);
    expect(res.statusCode).toBe(200);
    round = res.json<RoundDetail>();
    [A, B, Cc] = round.candidates.map((c) => c.id);
    expect([round.status, round.candidates.map((c) => [c.title, c.costFen, c.votes, c.won]), round.ballotsSoFar, round.actions]).toEqual([
      'open',
      [['12号楼无障碍坡道', 600_000, null, null], ['儿童游乐场翻新', 500_000, null, null], ['楼道感应灯', 300_000, null, null]],
      { online: 0, assisted: 0 },
      ['record_ballot'],
    ]);
    // an open round no longer changes
    expect(code(await w.jAdmin.patch(`/api/v1/budget-rounds/${round.id}`, { totalBudgetFen: 2_000_000 }))).toBe('budget.not_draft');
    expect(code(await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '晚到的项目', costFen: 1, categoryId: w.category('other') }))).toBe('budget.not_draft');
    expect(await auditCount(t.db, 'budget.round_open')).toBe(1);
  });

  it('does not open a draft whose window has already closed', async () => {
    const old = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 100, opensAt: new Date(Date.now() - 3 * DAY), closesAt: new Date(Date.now() - DAY), candidates: [{ title: '甲', costFen: 1, categoryId: w.category('other') }, { title: '乙', costFen: 1, categoryId: w.category('other') }], draft: true });
    expect(code(await w.jAdmin.post(`/api/v1/budget-rounds/${old.id}/open`))).toBe('budget.window_past');
  });

  it('shows the resident their household may vote, and no running count', async () => {
    const seen = await get(w.wang.client, round.id);
    expect([seen.actions, seen.myBallot, seen.ballotsSoFar, seen.turnout]).toEqual([['vote'], null, null, null]);
    const open = (await w.wang.client.get('/api/v1/budget-rounds')).json<{ items: RoundSummary[] }>().items;
    expect(open.map((r) => r.id)).toEqual([round.id]);
  });
});

describe('ballots', () => {
  it('takes at most maxChoices (2) candidates, of this round only', async () => {
    let res = await ballot(w.wang.client, round.id, { candidateIds: [A, B, Cc] });
    expect([res.statusCode, fieldsOf(res).candidateIds]).toEqual([400, 'budget.too_many_choices']);
    const other = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 100, candidates: [{ title: '别轮甲', costFen: 1, categoryId: w.category('other') }, { title: '别轮乙', costFen: 1, categoryId: w.category('other') }], draft: true });
    for (const stranger of [other.candidates[0]!.id, newId()]) {
      res = await ballot(w.wang.client, round.id, { candidateIds: [A, stranger] });
      expect([res.statusCode, fieldsOf(res)['candidateIds.1']]).toEqual([404, 'resource.not_found']);
    }
    expect(await t.db.selectFrom('budget_ballots').select('household_id').where('round_id', '=', round.id).execute()).toEqual([]);
  });

  it('takes one ballot of a household voting twice at once through two app processes', async () => {
    const peer = await t.peer();
    try {
      const onPeer = await sameUserOn(peer, w.sun.client);
      const answers = await Promise.all([ballot(w.sun.client, round.id, { candidateIds: [A, Cc] }), onPeer.post(`/api/v1/budget-rounds/${round.id}/ballots`, { candidateIds: [A, Cc] })]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(code(answers.find((r) => r.statusCode === 409)!)).toBe('budget.already_voted');
    } finally {
      await peer.close();
    }
    const rows = await t.db.selectFrom('budget_ballots').select(['household_id', 'channel']).where('round_id', '=', round.id).execute();
    expect(rows).toEqual([{ household_id: w.sun.household.id, channel: 'online' }]);
    const seen = await get(w.sun.client, round.id);
    expect([seen.myBallot?.candidateIds, seen.myBallot?.channel, seen.actions]).toEqual([[A, Cc], 'online', []]);
  });

  it('takes the residents\' own ballots online', async () => {
    let res = await ballot(w.wang.client, round.id, { candidateIds: [A, B] });
    expect([res.statusCode, res.json<Ballot>().channel, res.json<Ballot>().candidateIds]).toEqual([201, 'online', [A, B]]);
    res = await ballot(w.li.client, round.id, { candidateIds: [B] });
    expect(res.statusCode).toBe(201);
    expect(code(await ballot(w.li.client, round.id, { candidateIds: [Cc] }))).toBe('budget.already_voted');
  });

  it('lets J staff record paper and spoken ballots for households of J, after which the household\'s own vote is refused', async () => {
    // 周大爷 has no phone: a paper ballot (the default channel)
    let res = await ballot(w.jWorker, round.id, { householdId: w.zhou.household.id, candidateIds: [A, Cc] });
    expect([res.statusCode, res.json<Ballot>().channel]).toEqual([201, 'paper']);
    // 赵丽 tells the community worker her choice on a visit
    res = await ballot(w.jAdmin, round.id, { householdId: w.zhao.household.id, candidateIds: [Cc], channel: 'spoken' });
    expect([res.statusCode, res.json<Ballot>().channel]).toEqual([201, 'spoken']);
    res = await ballot(w.zhao.client, round.id, { candidateIds: [A] });
    expect([res.statusCode, code(res)]).toEqual([409, 'budget.already_voted']);
    expect(code(await ballot(w.jWorker, round.id, { householdId: w.sun.household.id, candidateIds: [B] }))).toBe('budget.already_voted');
    const asked = await w.jWorker.get(`/api/v1/budget-rounds/${round.id}/ballots/household?householdId=${w.zhao.household.id}`);
    expect(asked.json<{ ballot: Ballot }>().ballot).toMatchObject({ candidateIds: [Cc], channel: 'spoken' });
    expect((await w.jWorker.get(`/api/v1/budget-rounds/${round.id}/ballots/household?householdId=${w.wu.household.id}`)).json<{ ballot: null }>().ballot).toBeNull();
    // the running count is for staff: 3 online (孙, 王, 李), 2 assisted (周, 赵)
    expect((await get(w.jWorker, round.id)).ballotsSoFar).toEqual({ online: 3, assisted: 2 });
    expect([await auditCount(t.db, 'budget.ballot'), await auditCount(t.db, 'budget.ballot_assisted')]).toEqual([3, 2]);
  });

  it('refuses ballots for households outside the round, and by those who may not cast them', async () => {
    for (const householdId of [w.nResident.household.id, w.fResident.household.id, w.xResident.household.id, newId()]) {
      const res = await ballot(w.jWorker, round.id, { householdId, candidateIds: [A] });
      expect([res.statusCode, fieldsOf(res).householdId]).toEqual([404, 'resource.not_found']);
    }
    // a resident records no ballot for a neighbour; the street officer records none; staff have no household of their own
    expect((await ballot(w.qian.client, round.id, { householdId: w.wu.household.id, candidateIds: [A] })).statusCode).toBe(403);
    expect((await ballot(w.streetOfficer, round.id, { householdId: w.wu.household.id, candidateIds: [A] })).statusCode).toBe(403);
    expect((await ballot(w.jWorker, round.id, { candidateIds: [A] })).statusCode).toBe(403);
    // residents and staff elsewhere do not find the round
    for (const client of [w.nResident.client, w.xResident.client, w.neighbourAdmin, w.xAdmin]) expect((await ballot(client, round.id, { candidateIds: [A] })).statusCode).toBe(404);
    expect(await t.db.selectFrom('budget_ballots').select('household_id').where('round_id', '=', round.id).execute()).toHaveLength(5);
  });

  it('takes no ballot outside the voting window', async () => {
    const later = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 100, opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 2 * DAY), candidates: [{ title: '明天甲', costFen: 1, categoryId: w.category('other') }, { title: '明天乙', costFen: 1, categoryId: w.category('other') }] });
    expect(later.status).toBe('open');
    let res = await ballot(w.qian.client, later.id, { candidateIds: [later.candidates[0]!.id] });
    expect([res.statusCode, code(res)]).toEqual([409, 'budget.window_closed']);
    res = await ballot(w.jWorker, later.id, { householdId: w.wu.household.id, candidateIds: [later.candidates[0]!.id] });
    expect([res.statusCode, code(res)]).toEqual([409, 'budget.window_closed']);
    // a draft takes none either
    const draft = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 100, candidates: [{ title: '草稿甲', costFen: 1, categoryId: w.category('other') }], draft: true });
    expect(code(await ballot(w.qian.client, draft.id, { candidateIds: [draft.candidates[0]!.id] }))).toBe('budget.not_open');
  });
});

describe('the count', () => {
  it('is not done, nor published, while voting runs', async () => {
    expect(code(await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/count`))).toBe('budget.still_open');
    expect(code(await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/publish`))).toBe('budget.not_counted');
  });

  it('counts when the window has closed, for the first reader: approvals, winners by approval, turnout with assisted ballots', async () => {
    await closeWindow(t, round.id);
    // ballots: 孙 A C · 王 A B · 李 B · 周 (paper) A C · 赵 (spoken) C
    // votes: A 3, B 2, C 3. Ranking: C (3, 3,000 yuan) before A (3, 6,000: dearer), then B (2).
    // Budget 10,000: C → 7,000 left; A → 1,000 left; B (5,000) does not fit → winners C and A.
    const counted = await get(w.qian.client, round.id);
    expect(counted.status).toBe('counted');
    expect(counted.candidates.map((c) => [c.title, c.votes, c.won])).toEqual([['12号楼无障碍坡道', 3, true], ['儿童游乐场翻新', 2, false], ['楼道感应灯', 3, true]]);
    // 5 of 7 households voted: 3 online, 2 assisted; 5 / 7 = 71.4 %
    // 一网格: 孙, 王 online of 3 households (66.7 %); 二网格: 李 online, 周 and 赵 assisted, of 4 (75 %)
    const turnout = counted.turnout!;
    expect([turnout.households, turnout.online, turnout.assisted, turnout.percent]).toEqual([7, 3, 2, 71.4]);
    const grid = (id: string) => turnout.byGrid.find((g) => g.gridId === id);
    expect([grid(w.gA.id), grid(w.gB.id), turnout.byGrid.length]).toEqual([
      { gridId: w.gA.id, name: '一网格', community: 'J社区', households: 3, online: 2, assisted: 0, percent: 66.7 },
      { gridId: w.gB.id, name: '二网格', community: 'J社区', households: 4, online: 1, assisted: 2, percent: 75 },
      2,
    ]);
    expect(code(await ballot(w.qian.client, round.id, { candidateIds: [A] }))).toBe('budget.not_open');
    // counted once, whoever reads next
    expect((await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/count`)).json<RoundDetail>().actions).toEqual(['publish']);
    expect(await auditCount(t.db, 'budget.round_count')).toBe(1);
  });

  it('publishes the result: each winner enters the project pipeline as a common need of J, a candidate', async () => {
    expect((await w.streetOfficer.post(`/api/v1/budget-rounds/${round.id}/publish`)).statusCode).toBe(403);
    expect((await w.wang.client.post(`/api/v1/budget-rounds/${round.id}/publish`)).statusCode).toBe(403);
    const res = await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/publish`);
    expect(res.statusCode).toBe(200);
    const published = res.json<RoundDetail>();
    const c = byTitle(published);
    expect([published.status, c['儿童游乐场翻新']!.pipelineId]).toEqual(['published', null]);
    for (const title of ['12号楼无障碍坡道', '楼道感应灯']) {
      const need = await t.db.selectFrom('common_needs').selectAll().where('id', '=', c[title]!.pipelineId!).executeTakeFirstOrThrow();
      expect([need.status, need.community_id, need.title, need.category_id]).toEqual(['candidate', w.j.id, title, c[title]!.categoryId]);
    }
    expect(code(await w.jAdmin.post(`/api/v1/budget-rounds/${round.id}/publish`))).toBe('budget.not_counted');
    expect(await auditCount(t.db, 'budget.round_publish')).toBe(1);
  });

  it('counts a knapsack round by its own rule: the set with the most approvals that fits', async () => {
    const k = await buildRound(w.jAdmin, {
      communityId: w.j.id, title: '背包规则轮', rule: 'knapsack', totalBudgetFen: 100_001,
      candidates: ['甲', '乙', '丙', '丁'].map((title, i) => ({ title, costFen: [60_000, 50_000, 50_000, 1][i]!, categoryId: w.category('other') })),
    });
    const [x, y, z] = k.candidates.map((c) => c.id);
    for (const who of [w.sun, w.wang, w.qian]) expect((await ballot(who.client, k.id, { candidateIds: [x] })).statusCode).toBe(201);
    for (const who of [w.li, w.zhao]) expect((await ballot(who.client, k.id, { candidateIds: [y, z] })).statusCode).toBe(201);
    await closeWindow(t, k.id);
    // votes 甲 3, 乙 2, 丙 2, 丁 0 (cost 1). Approval would fund 甲 alone (3), then stop at 乙.
    // Fitting 100,001: {乙, 丙} 4 approvals for 100,000; {乙, 丙, 丁} also 4 but dearer; {甲, 丁} 3 → 乙 and 丙.
    const counted = await get(w.jAdmin, k.id);
    expect(counted.candidates.map((c) => [c.title, c.votes, c.won])).toEqual([['甲', 3, false], ['乙', 2, true], ['丙', 2, true], ['丁', 0, false]]);
    expect([counted.turnout!.online, counted.turnout!.assisted, counted.turnout!.percent]).toEqual([5, 0, 71.4]);
  });
});

describe('a street round', () => {
  let s: RoundDetail;

  it('is run by the street\'s officer, with candidates of its communities, and open to every household of the street', async () => {
    s = await buildRound(w.streetOfficer, {
      streetId: w.street.id, title: '泰山街道微实事', totalBudgetFen: 400_000,
      candidates: [{ title: 'J社区健身角', costFen: 200_000, categoryId: w.category('other'), communityId: w.j.id }, { title: '桥北路灯', costFen: 200_000, categoryId: w.category('facility_lighting'), communityId: w.neighbour.id }],
    });
    expect([s.unit, s.candidates.map((c) => c.community.name)]).toEqual([{ kind: 'street', id: w.street.id, name: '泰山街道' }, ['J社区', '桥北社区']]);
    const res = await w.streetOfficer.post('/api/v1/budget-rounds', { streetId: w.street.id, communityId: w.j.id, title: 'x', totalBudgetFen: 1, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() });
    expect([res.statusCode, fieldsOf(res).communityId]).toEqual([400, 'participation.unit_required']);
    const [gym, lamp] = s.candidates.map((c) => c.id);
    expect((await ballot(w.li.client, s.id, { candidateIds: [gym] })).statusCode).toBe(201);
    expect((await ballot(w.nResident.client, s.id, { candidateIds: [lamp] })).statusCode).toBe(201);
    expect((await ballot(w.jWorker, s.id, { householdId: w.wu.household.id, candidateIds: [gym, lamp], channel: 'spoken' })).statusCode).toBe(201);
    expect((await ballot(w.fResident.client, s.id, { candidateIds: [gym] })).statusCode).toBe(404);
    // J lists its own rounds and its street's
    const listed = (await w.jAdmin.get(`/api/v1/budget-rounds?communityId=${w.j.id}`)).json<{ items: RoundSummary[] }>().items;
    expect(listed.some((r) => r.id === s.id)).toBe(true);
    expect((await w.neighbourAdmin.get(`/api/v1/budget-rounds?communityId=${w.neighbour.id}`)).json<{ items: RoundSummary[] }>().items.map((r) => r.id)).toEqual([s.id]);
  });

  it('counts turnout over the grids of all its communities and publishes into each winner\'s community', async () => {
    await closeWindow(t, s.id);
    // 李 (J 二网格, online), 郑 (桥北, online), 吴 (J 二网格, spoken): 3 of 8 households (7 in J, 1 in 桥北) = 37.5 %
    const counted = (await w.streetOfficer.post(`/api/v1/budget-rounds/${s.id}/count`)).json<RoundDetail>();
    expect([counted.status, counted.turnout!.households, counted.turnout!.online, counted.turnout!.assisted, counted.turnout!.percent]).toEqual(['counted', 8, 2, 1, 37.5]);
    expect(counted.turnout!.byGrid.map((g) => [g.name, g.households, g.online, g.assisted]).sort()).toEqual([['一网格', 3, 0, 0], ['二网格', 4, 1, 1], ['桥北一网格', 1, 1, 0]].sort());
    // 健身角 2 votes, 路灯 2 votes, 200,000 each: both fit 400,000
    expect(counted.candidates.map((c) => [c.votes, c.won])).toEqual([[2, true], [2, true]]);
    expect((await w.jAdmin.post(`/api/v1/budget-rounds/${s.id}/publish`)).statusCode).toBe(403);
    const published = (await w.streetOfficer.post(`/api/v1/budget-rounds/${s.id}/publish`)).json<RoundDetail>();
    const needs = await t.db.selectFrom('common_needs').select(['community_id', 'status']).where('id', 'in', published.candidates.map((c) => c.pipelineId!)).execute();
    expect(needs.map((n) => [n.community_id, n.status]).sort()).toEqual([[w.j.id, 'candidate'], [w.neighbour.id, 'candidate']].sort());
  });
});

describe('staff, publishing and the count at the close', () => {
  // In a street round a community's staff record assisted ballots for their own households: a
  // household of another community of the street is outside their scope and answers 404.
  it('keeps J staff to J\'s households in a street round', async () => {
    const s2 = await buildRound(w.streetOfficer, { streetId: w.street.id, title: '第二轮街道微实事', totalBudgetFen: 100, candidates: [{ title: '甲', costFen: 1, categoryId: w.category('other'), communityId: w.j.id }, { title: '乙', costFen: 1, categoryId: w.category('other'), communityId: w.neighbour.id }] });
    const asked = await w.jWorker.get(`/api/v1/budget-rounds/${s2.id}/ballots/household?householdId=${w.nResident.household.id}`);
    const res = await ballot(w.jWorker, s2.id, { householdId: w.nResident.household.id, candidateIds: [s2.candidates[0]!.id] });
    expect([asked.statusCode, res.statusCode]).toEqual([404, 404]);
    expect(await t.db.selectFrom('budget_ballots').select('household_id').where('round_id', '=', s2.id).execute()).toEqual([]);
  });

  // Publishing puts the winners into the project pool as common needs: the community's
  // administrator (or the street's officer for a street round) does it; a worker runs the round.
  it('offers publishing to the administrator, not to a community worker, who gets 403', async () => {
    const r = await buildRound(w.jWorker, { communityId: w.j.id, title: '社工发布的轮次', totalBudgetFen: 100, candidates: [{ title: '甲', costFen: 50, categoryId: w.category('other') }, { title: '乙', costFen: 50, categoryId: w.category('other') }] });
    expect((await ballot(w.qian.client, r.id, { candidateIds: [r.candidates[0]!.id] })).statusCode).toBe(201);
    await closeWindow(t, r.id);
    expect((await get(w.jWorker, r.id)).actions).toEqual([]);
    expect((await get(w.jAdmin, r.id)).actions).toEqual(['publish']);
    const res = await w.jWorker.post(`/api/v1/budget-rounds/${r.id}/publish`);
    expect([res.statusCode, code(res)]).toEqual([403, 'access.forbidden']);
    const done = await w.jAdmin.post(`/api/v1/budget-rounds/${r.id}/publish`);
    expect([done.statusCode, done.json<RoundDetail>().status]).toEqual([200, 'published']);
  });

  // The first readers after the close all try to count; one does, the others read its result.
  it('answers "counted" to every one of several first readers after the window closes', async () => {
    const r = await buildRound(w.jAdmin, { communityId: w.j.id, title: '并发读取', totalBudgetFen: 100, candidates: [{ title: '甲', costFen: 50, categoryId: w.category('other') }, { title: '乙', costFen: 50, categoryId: w.category('other') }] });
    await ballot(w.qian.client, r.id, { candidateIds: [r.candidates[0]!.id] });
    await closeWindow(t, r.id);
    const peer = await t.peer();
    try {
      const onPeer = await sameUserOn(peer, w.jAdmin);
      const answers = await Promise.all([w.jAdmin.get(`/api/v1/budget-rounds/${r.id}`), onPeer.get(`/api/v1/budget-rounds/${r.id}`), w.jWorker.get(`/api/v1/budget-rounds/${r.id}`)]);
      expect(answers.map((a) => a.json<RoundDetail>().status)).toEqual(['counted', 'counted', 'counted']);
    } finally {
      await peer.close();
    }
    expect(await t.db.selectFrom('budget_turnout').select('grid_id').where('round_id', '=', r.id).execute()).toHaveLength(2);
  });
});
