import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, fieldsOf, type TestAppWithPeers, type TestResponse } from '../../testing.ts';
import { buildCommunity, buildGrid, buildStreet } from '../territory/testing.ts';
import type { Engagement, Member, ProposalDetail, RoundDetail, Settings, TopicDetail } from './participation.schemas.ts';
import { buildParticipationWorld, buildRound, DAY, putSettings, residentIn, residentWithAccount, type C, type World } from './participation.testing.ts';

/**
 * Who may do what in resident participation, as a hand-made role × action table over J社区's
 * proposal, council, rounds, engagement and settings — in scope and out of it (another
 * community of the street, another street, another district) — then the settings themselves and
 * the engagement figures on a small hand-counted community.
 */
let t: TestAppWithPeers;
let w: World;
let platformAdmin: C;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildParticipationWorld(t);
  platformAdmin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
  // high thresholds: nothing here moves on by its supports
  await putSettings(w.jAdmin, w.j.id, { poolSupports: 100, councilSupports: 100, quorumPercent: 50, publicNames: 'surname' });
});

afterAll(async () => {
  await t?.close();
});

describe('authorization', () => {
  const ACTIONS = ['read', 'propose', 'support', 'record_proposal', 'record_support', 'decline', 'council_read', 'council_manage', 'round_create', 'street_round_create', 'round_read', 'round_manage', 'street_round_manage', 'vote', 'record_ballot', 'engagement', 'settings_read', 'settings_update'] as const;
  type Action = (typeof ACTIONS)[number];

  /**
   * Expected status of each action, per caller. Reads answer 200, creations 201; 409 for staff
   * who propose or support "as themselves" (they have no resident behind their account). `null`:
   * not asserted here — a resident creating a round of a place whose rounds they read is below
   * (403, as a record the caller reads but may not change).
   */
  const _ = null;
  const TABLE: [string, () => C, (number | null)[]][] = [
    //                                   read prop sup  recP recS decl cRd  cMg  rNew sNew rRd  rMg  sMg  vote recB eng  setR setU
    ['platform admin',       () => platformAdmin,          [200, 409, 409, 404, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 403, 200, 200, 403]],
    ['district officer',     () => w.districtOfficer,      [200, 409, 409, 404, 403, 403, 200, 403, 403, 403, 200, 403, 403, 403, 403, 200, 200, 403]],
    ['street officer',       () => w.streetOfficer,        [200, 409, 409, 404, 403, 403, 200, 403, 403, 201, 200, 403, 201, 403, 403, 200, 200, 403]],
    ['other street officer', () => w.otherStreetOfficer,   [404, 409, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
    ['J community admin',    () => w.jAdmin,               [200, 409, 409, 201, 201, 200, 200, 201, 201, 403, 200, 201, 403, 403, 201, 200, 200, 200]],
    ['J community worker',   () => w.jWorker,              [200, 409, 409, 201, 201, 200, 200, 201, 201, 403, 200, 201, 403, 403, 201, 200, 200, 403]],
    ['桥北 admin (same street)', () => w.neighbourAdmin,   [404, 409, 404, 404, 404, 404, 404, 404, 404, 403, 404, 404, 403, 404, 404, 404, 404, 404]],
    ['远方 admin (other street)', () => w.farAdmin,        [404, 409, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
    ['外区 admin (other district)', () => w.xAdmin,        [404, 409, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
    ['J grid worker',        () => w.gridWorker,           [404, 409, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
    ['organization admin',   () => w.orgAdmin,             [404, 409, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
    ['J resident',           () => w.wang.client,          [200, 201, 201, 404, 403, 403, 200, 403, _,   _,   200, 403, 403, 201, 403, 404, 200, 403]],
    ['桥北 resident',         () => w.nResident.client,     [404, 201, 404, 404, 404, 404, 404, 404, 404, _,   404, 404, 403, 404, 404, 404, 404, 404]],
    ['外区 resident',         () => w.xResident.client,     [404, 201, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ];

  let proposal: string, topic: string, draft: string, streetDraft: string, open: RoundDetail;
  const fresh = async () => (await w.sun.client.post('/api/v1/proposals', { kind: 'wish', title: '路灯', body: '东门路灯不亮' })).json<ProposalDetail>().id;
  const settings = { poolSupports: 100, councilSupports: 100, quorumPercent: 50, publicNames: 'surname' };
  /** Households the two J staff record ballots for, one each. */
  const assisted = new Map<C, string>();

  beforeAll(async () => {
    proposal = await fresh();
    topic = (await w.jAdmin.post('/api/v1/council-topics', { communityId: w.j.id, title: '加装电梯', subject: '6号楼加装电梯' })).json<TopicDetail>().id;
    draft = (await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 100, candidates: [], draft: true })).id;
    streetDraft = (await buildRound(w.streetOfficer, { streetId: w.street.id, totalBudgetFen: 100, candidates: [], draft: true })).id;
    open = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 100, candidates: [{ title: '甲', costFen: 1, categoryId: w.category('other') }, { title: '乙', costFen: 1, categoryId: w.category('other') }] });
    assisted.set(w.jAdmin, w.wu.household.id).set(w.jWorker, w.zhou.household.id);
  });

  const call = async (client: C, action: Action): Promise<TestResponse> => {
    const candidate = { title: '候选', costFen: 1, categoryId: w.category('other') };
    const newRound = { title: '新轮次', totalBudgetFen: 100, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() };
    switch (action) {
      case 'read': return client.get(`/api/v1/proposals/${proposal}`);
      case 'propose': return client.post('/api/v1/proposals', { kind: 'project', title: '我的提议', body: '内容' });
      case 'support': return client.post(`/api/v1/proposals/${proposal}/supports`);
      case 'record_proposal': return client.post('/api/v1/proposals', { kind: 'wish', title: '代录', body: '内容', residentId: w.zhou.resident.id });
      case 'record_support': return client.post(`/api/v1/proposals/${await fresh()}/supports`, { residentId: w.zhou.resident.id });
      case 'decline': return client.post(`/api/v1/proposals/${await fresh()}/decline`, { reason: '不可行' });
      case 'council_read': return client.get(`/api/v1/council-topics/${topic}`);
      case 'council_manage': return client.post('/api/v1/council-topics', { communityId: w.j.id, title: '新议题', subject: '说明' });
      case 'round_create': return client.post('/api/v1/budget-rounds', { communityId: w.j.id, ...newRound });
      case 'street_round_create': return client.post('/api/v1/budget-rounds', { streetId: w.street.id, ...newRound });
      case 'round_read': return client.get(`/api/v1/budget-rounds/${open.id}`);
      case 'round_manage': return client.post(`/api/v1/budget-rounds/${draft}/candidates`, candidate);
      case 'street_round_manage': return client.post(`/api/v1/budget-rounds/${streetDraft}/candidates`, { ...candidate, communityId: w.j.id });
      case 'vote': return client.post(`/api/v1/budget-rounds/${open.id}/ballots`, { candidateIds: [open.candidates[0]!.id] });
      case 'record_ballot': return client.post(`/api/v1/budget-rounds/${open.id}/ballots`, { householdId: assisted.get(client) ?? w.wu.household.id, candidateIds: [open.candidates[0]!.id] });
      case 'engagement': return client.get(`/api/v1/engagement?communityId=${w.j.id}`);
      case 'settings_read': return client.get(`/api/v1/participation-settings?communityId=${w.j.id}`);
      case 'settings_update': return client.put(`/api/v1/participation-settings?communityId=${w.j.id}`, settings);
    }
  };

  it('answers each caller as the table says, for every action', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [who, client, expected] of TABLE) {
      for (const [i, action] of ACTIONS.entries()) {
        if (expected[i] === null) continue;
        const res = await call(client(), action);
        got.push(`${who} · ${action} → ${res.statusCode}`);
        want.push(`${who} · ${action} → ${expected[i]}`);
      }
    }
    expect(got).toEqual(want);
  });

  it('sends with each record the actions its reader may take', async () => {
    const p = await fresh();
    const actions = async (client: C) => (await client.get(`/api/v1/proposals/${p}`)).json<ProposalDetail>().actions;
    expect([await actions(w.sun.client), await actions(w.wang.client), await actions(w.jWorker), await actions(w.streetOfficer)]).toEqual([['withdraw'], ['support'], ['record_support', 'decline'], []]);
    const topicActions = async (client: C) => (await client.get(`/api/v1/council-topics/${topic}`)).json<TopicDetail>().actions;
    expect([await topicActions(w.jWorker), await topicActions(w.streetOfficer), await topicActions(w.wang.client)]).toEqual([['schedule', 'opinion', 'decide'], [], []]);
    const roundActions = async (client: C, id: string) => (await client.get(`/api/v1/budget-rounds/${id}`)).json<RoundDetail>().actions;
    expect([await roundActions(w.jAdmin, draft), await roundActions(w.streetOfficer, draft), await roundActions(w.streetOfficer, streetDraft), await roundActions(w.jAdmin, streetDraft)]).toEqual([['edit', 'open'], [], ['edit', 'open'], []]);
    const settingsOf = async (client: C) => (await client.get(`/api/v1/participation-settings?communityId=${w.j.id}`)).json<Settings>().canEdit;
    expect([await settingsOf(w.jAdmin), await settingsOf(w.jWorker), await settingsOf(w.streetOfficer)]).toEqual([true, false, false]);
  });
});

describe('settings', () => {
  it('starts at the defaults and keeps what the community\'s administrator sets', async () => {
    const defaults = (await w.neighbourAdmin.get(`/api/v1/participation-settings?communityId=${w.neighbour.id}`)).json<Settings>();
    expect(defaults).toEqual({ communityId: w.neighbour.id, poolSupports: 10, councilSupports: 30, quorumPercent: 50, publicNames: 'surname', canEdit: true });
    const before = await auditCount(t.db, 'participation.settings');
    const res = await w.neighbourAdmin.put(`/api/v1/participation-settings?communityId=${w.neighbour.id}`, { poolSupports: 5, councilSupports: 20, quorumPercent: 60, publicNames: 'none' });
    expect(res.json<Settings>()).toEqual({ communityId: w.neighbour.id, poolSupports: 5, councilSupports: 20, quorumPercent: 60, publicNames: 'none', canEdit: true });
    expect((await w.streetOfficer.get(`/api/v1/participation-settings?communityId=${w.neighbour.id}`)).json<Settings>()).toEqual({ communityId: w.neighbour.id, poolSupports: 5, councilSupports: 20, quorumPercent: 60, publicNames: 'none', canEdit: false });
    expect(await auditCount(t.db, 'participation.settings')).toBe(before + 1);
    // J's stay J's
    expect((await w.jAdmin.get(`/api/v1/participation-settings?communityId=${w.j.id}`)).json<Settings>().publicNames).toBe('surname');
  });

  it('refuses values out of range', async () => {
    const url = `/api/v1/participation-settings?communityId=${w.neighbour.id}`;
    const ok = { poolSupports: 5, councilSupports: 20, quorumPercent: 60, publicNames: 'none' };
    for (const bad of [{ quorumPercent: 0 }, { quorumPercent: 101 }, { poolSupports: 0 }, { councilSupports: 10001 }, { publicNames: 'full' }]) {
      expect((await w.neighbourAdmin.put(url, { ...ok, ...bad })).statusCode).toBe(400);
    }
  });
});

describe('engagement', () => {
  /**
   * E社区 (a street of its own): 东一网格 with 甲 (proposed), 乙 (supported 甲's proposal) and
   * 戊 (proposed 100 days ago); 东二网格 with 丙 (voted) and 丁 (did nothing). Five households.
   */
  let e: { id: string; street: string; east1: string; east2: string };
  let eAdmin: C;

  beforeAll(async () => {
    const street = await buildStreet(t.db, { district: w.district, name: '沿江街道' });
    const community = await buildCommunity(t.db, { street: { id: street.id, districtId: w.districtId }, name: 'E社区' });
    const east1 = await buildGrid(t.db, { community, name: '东一网格' });
    const east2 = await buildGrid(t.db, { community, name: '东二网格' });
    e = { id: community.id, street: street.id, east1: east1.id, east2: east2.id };
    eAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: community.id, districtId: w.districtId }]);
    const jia = await residentWithAccount(t, east1, '甲居民');
    const yi = await residentWithAccount(t, east1, '乙居民');
    const wu = await residentWithAccount(t, east1, '戊居民');
    const bing = await residentWithAccount(t, east2, '丙居民');
    await residentIn(t, east2, '丁居民');
    const p = (await jia.client.post('/api/v1/proposals', { kind: 'wish', title: '加装晾衣架', body: '内容' })).json<ProposalDetail>();
    expect((await yi.client.post(`/api/v1/proposals/${p.id}/supports`)).statusCode).toBe(201);
    const old = (await wu.client.post('/api/v1/proposals', { kind: 'wish', title: '旧提议', body: '内容' })).json<ProposalDetail>();
    await t.db.updateTable('proposals').set({ created_at: new Date(Date.now() - 100 * DAY) }).where('id', '=', old.id).execute();
    const r = await buildRound(eAdmin, { communityId: community.id, totalBudgetFen: 100, candidates: [{ title: '甲项', costFen: 1, categoryId: w.category('other') }, { title: '乙项', costFen: 1, categoryId: w.category('other') }] });
    expect((await bing.client.post(`/api/v1/budget-rounds/${r.id}/ballots`, { candidateIds: [r.candidates[0]!.id] })).statusCode).toBe(201);
  });

  it('counts the households engaged in the last 90 days per grid and community, as counted by hand', async () => {
    const res = await eAdmin.get(`/api/v1/engagement?communityId=${e.id}`);
    expect(res.statusCode).toBe(200);
    const g = res.json<Engagement>();
    // 东一: 甲 and 乙 of 3 (戊's proposal is older than 90 days) = 66.7 %; 东二: 丙 of 2 = 50 %; E: 3 of 5 = 60 %
    expect([g.households, g.engaged, g.percent]).toEqual([5, 3, 60]);
    expect(g.kinds).toEqual({ reported: 0, proposed: 1, supported: 1, voted: 1, attended: 0, volunteered: 0 });
    expect(g.communities.map((c) => [c.id, c.name, c.households, c.engaged, c.percent])).toEqual([[e.id, 'E社区', 5, 3, 60]]);
    const grids = Object.fromEntries(g.communities[0]!.grids.map((x) => [x.id, [x.name, x.households, x.engaged, x.percent]]));
    expect(grids).toEqual({ [e.east1]: ['东一网格', 3, 2, 66.7], [e.east2]: ['东二网格', 2, 1, 50] });
    // the same for the street, which has E alone
    const street = (await w.districtOfficer.get(`/api/v1/engagement?streetId=${e.street}`)).json<Engagement>();
    expect([street.households, street.engaged, street.percent, street.communities.length]).toEqual([5, 3, 60, 1]);
  });

  it('asks for one unit, and answers units the caller does not read as unknown', async () => {
    expect(fieldsOf(await eAdmin.get('/api/v1/engagement')).communityId).toBe('participation.unit_required');
    expect(fieldsOf(await eAdmin.get(`/api/v1/engagement?communityId=${e.id}&streetId=${e.street}`)).communityId).toBe('participation.unit_required');
    for (const client of [w.jAdmin, w.streetOfficer]) {
      const res = await client.get(`/api/v1/engagement?communityId=${e.id}`);
      expect([res.statusCode, fieldsOf(res).communityId]).toEqual([404, 'resource.not_found']);
    }
  });

  // Known defect (fails until fixed) — engagement.service.ts engagementOf(): the window is
  // "the 90 days up to `until`", but only `since` is passed to the helpers (proposingHouseholds,
  // votingHouseholds, reportingHouseholds, attendingHouseholds, volunteeringResidents), none of
  // which has an upper bound, so a past `until` still counts everything done after it.
  it('counts only what was done in the 90 days up to a past day (known defect: fails until fixed)', async () => {
    // until = 95 days ago: 戊's proposal (100 days ago) is in; what 甲, 乙 and 丙 did today is after it
    const until = new Date(Date.now() - 95 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    const g = (await eAdmin.get(`/api/v1/engagement?communityId=${e.id}&until=${until}`)).json<Engagement>();
    expect([g.until, g.households, g.engaged, g.percent, g.kinds.proposed, g.kinds.supported, g.kinds.voted]).toEqual([until, 5, 1, 20, 1, 0, 0]);
  });
});

describe('a record the caller reads but may not change', () => {
  // DESIGN 2: "A known resource the caller may see but not change answers 403."
  it('answers 403, not 404, to callers who read the council or rounds of J but may not change them', async () => {
    const member = (await w.jAdmin.post('/api/v1/council-members', { communityId: w.j.id, name: '议事员' })).json<Member>();
    expect((await w.streetOfficer.get(`/api/v1/council-members?communityId=${w.j.id}`)).statusCode).toBe(200);
    expect((await w.wang.client.get(`/api/v1/budget-rounds?communityId=${w.j.id}`)).statusCode).toBe(200);
    const answers = [
      (await w.streetOfficer.patch(`/api/v1/council-members/${member.id}`, { title: '组长' })).statusCode,
      (await w.wang.client.patch(`/api/v1/council-members/${member.id}`, { title: '组长' })).statusCode,
      (await w.wang.client.post('/api/v1/budget-rounds', { communityId: w.j.id, title: '居民建的轮次', totalBudgetFen: 1, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() })).statusCode,
      (await w.wang.client.post('/api/v1/budget-rounds', { streetId: w.street.id, title: '居民建的轮次', totalBudgetFen: 1, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + DAY).toISOString() })).statusCode,
    ];
    expect(answers).toEqual([403, 403, 403, 403]);
  });
});
