import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fieldsOf, type TestAppWithPeers } from '../../testing.ts';
import type { Member, ProposalDetail, PublicBoard, RoundDetail, TopicDetail } from './participation.schemas.ts';
import { addMembers, buildParticipationWorld, buildRound, closeWindow, createTopic, DAY, heldMeeting, putSettings, type World } from './participation.testing.ts';

/**
 * The public notice board (公示栏) of J社区, read without signing in: the council's agenda and
 * decisions, budget rounds (results only once published, with turnout by grid) and the coming
 * activities — and no personal data: no full name, ID number, phone number or household; a
 * resident who proposed appears as 孙某, or not at all when the community chose so.
 */
let t: TestAppWithPeers;
let w: World;
let plannedAt: string;
let openRound: RoundDetail, published: RoundDetail, counted: RoundDetail;

const board = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/board?${query}` });
  return { res, body: res.statusCode === 200 ? res.json<PublicBoard>() : null, text: res.body };
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildParticipationWorld(t);
  await putSettings(w.jAdmin, w.j.id, { poolSupports: 100, councilSupports: 2, quorumPercent: 50, publicNames: 'surname' });
  // the council: three members, one of them 李明 (a resident); quorum ceil(3 × 50 %) = 2
  const [li, m2, m3] = [
    (await w.jAdmin.post('/api/v1/council-members', { communityId: w.j.id, name: '李明', residentId: w.li.resident.id })).json<Member>(),
    ...(await addMembers(w.jAdmin, w.j.id, ['议事员甲', '议事员乙'])),
  ];
  const attendees = [li!.id, m2!.id, m3!.id];

  // 孙建国's ramp: supported by 王, 李 (2: on the agenda) and then 钱 (3), on a planned meeting
  const ramp = (await w.sun.client.post('/api/v1/proposals', { kind: 'project', title: '12号楼加装坡道', body: '台阶太高。' })).json<ProposalDetail>();
  await w.wang.client.post(`/api/v1/proposals/${ramp.id}/supports`);
  const rampTopic = (await w.li.client.post(`/api/v1/proposals/${ramp.id}/supports`)).json<ProposalDetail>().topicId!;
  await w.qian.client.post(`/api/v1/proposals/${ramp.id}/supports`);
  plannedAt = new Date(Date.now() + 3 * DAY).toISOString();
  await w.jAdmin.post('/api/v1/council-meetings', { communityId: w.j.id, startsAt: plannedAt, place: '党群服务中心', topicIds: [rampTopic] });

  // 王娟's parcel lockers: on the agenda, decided 2–1 at a held meeting, being carried out
  const lockers = (await w.wang.client.post('/api/v1/proposals', { kind: 'project', title: '东门增设快递柜', body: '快递堆在门卫室。' })).json<ProposalDetail>();
  await w.sun.client.post(`/api/v1/proposals/${lockers.id}/supports`);
  const lockersTopic = (await w.li.client.post(`/api/v1/proposals/${lockers.id}/supports`)).json<ProposalDetail>().topicId!;
  const meetingId = await heldMeeting(w.jAdmin, w.j.id, [lockersTopic], attendees);
  const decided = await w.jAdmin.post(`/api/v1/council-topics/${lockersTopic}/decision`, { meetingId, votes: [{ memberId: attendees[0], choice: 'for' }, { memberId: attendees[1], choice: 'for' }, { memberId: attendees[2], choice: 'against' }], decision: '同意，由社区协调快递公司' });
  expect(decided.json<TopicDetail>().status).toBe('passed');
  await w.jAdmin.post(`/api/v1/council-topics/${lockersTopic}/feedback`, { text: '已联系快递公司', done: false });

  // staff's own topic, not yet scheduled
  await createTopic(w.jAdmin, w.j.id, '小区停车管理');

  // a published round: 孙 and 王 online, 周大爷 on paper
  published = await buildRound(w.jAdmin, { communityId: w.j.id, title: '2026年微实事', totalBudgetFen: 700_000, candidates: [{ title: '无障碍坡道', costFen: 600_000, categoryId: w.category('property_facilities') }, { title: '健身角', costFen: 300_000, categoryId: w.category('other') }] });
  const [slope, gym] = published.candidates.map((c) => c.id);
  await w.sun.client.post(`/api/v1/budget-rounds/${published.id}/ballots`, { candidateIds: [slope] });
  await w.wang.client.post(`/api/v1/budget-rounds/${published.id}/ballots`, { candidateIds: [slope, gym] });
  await w.jWorker.post(`/api/v1/budget-rounds/${published.id}/ballots`, { householdId: w.zhou.household.id, candidateIds: [slope] });
  await closeWindow(t, published.id);
  await w.jAdmin.post(`/api/v1/budget-rounds/${published.id}/count`);
  published = (await w.jAdmin.post(`/api/v1/budget-rounds/${published.id}/publish`)).json<RoundDetail>();

  // a counted round nobody published yet, and an open round with a ballot in it
  counted = await buildRound(w.jAdmin, { communityId: w.j.id, title: '未发布的轮次', totalBudgetFen: 100, candidates: [{ title: '丙', costFen: 1, categoryId: w.category('other') }, { title: '丁', costFen: 1, categoryId: w.category('other') }] });
  await w.li.client.post(`/api/v1/budget-rounds/${counted.id}/ballots`, { candidateIds: [counted.candidates[0]!.id] });
  await closeWindow(t, counted.id);
  counted = (await w.jAdmin.post(`/api/v1/budget-rounds/${counted.id}/count`)).json<RoundDetail>();
  openRound = await buildRound(w.jAdmin, { communityId: w.j.id, title: '正在投票的轮次', totalBudgetFen: 100, candidates: [{ title: '戊', costFen: 1, categoryId: w.category('other') }, { title: '己', costFen: 1, categoryId: w.category('other') }] });
  await w.li.client.post(`/api/v1/budget-rounds/${openRound.id}/ballots`, { candidateIds: [openRound.candidates[0]!.id] });

  // an activity of J in two days
  const activityId = newId();
  await t.db.insertInto('activities').values({ district_id: w.districtId, id: activityId, street_id: w.street.id, community_id: w.j.id, organization_id: null, title: '长者助餐', method: 'community_activity', capacity: 30, recurrence: 'once', volunteers_needed: 0, venue_note: '党群服务中心一楼', created_by: w.jAdmin.user.id }).execute();
  const startsAt = new Date(Date.now() + 2 * DAY);
  await t.db.insertInto('activity_sessions').values({ district_id: w.districtId, id: newId(), activity_id: activityId, seq: 1, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 2 * 3_600_000), checkin_code: '123456' }).execute();
});

afterAll(async () => {
  await t?.close();
});

describe('the public board', () => {
  it('is read signed out, with a short public cache', async () => {
    const { res, body } = await board(`communityId=${w.j.id}`);
    expect([res.statusCode, res.headers['cache-control'], body!.unit]).toEqual([200, 'public, max-age=60', { kind: 'community', id: w.j.id, name: 'J社区' }]);
  });

  it('shows the agenda and decisions, naming a resident proposer as surname + 某 and staff topics by no one', async () => {
    const { body } = await board(`communityId=${w.j.id}`);
    // newest first: the staff topic, then 孙's ramp (3 supports, meeting planned)
    expect(body!.agenda).toEqual([
      { title: '小区停车管理', community: 'J社区', proposer: '', supportCount: 0, meetingAt: null },
      { title: '12号楼加装坡道', community: 'J社区', proposer: '孙某', supportCount: 3, meetingAt: plannedAt },
    ]);
    expect(body!.decisions.map((d) => [d.title, d.community, d.proposer, d.status, d.votes, d.decision, d.feedback.map((f) => [f.text, f.done])])).toEqual([
      ['东门增设快递柜', 'J社区', '王某', 'implementing', { for: 2, against: 1, abstain: 0 }, '同意，由社区协调快递公司', [['已联系快递公司', false]]],
    ]);
    expect(body!.activities.map((a) => [a.title, a.place])).toEqual([['长者助餐', '党群服务中心一楼']]);
  });

  it('shows results of published rounds only: an open round\'s candidates without votes, a counted one not at all', async () => {
    const { body } = await board(`communityId=${w.j.id}`);
    expect(body!.rounds.map((r) => [r.title, r.status])).toEqual([['正在投票的轮次', 'open'], ['2026年微实事', 'published']]);
    const [open, done] = body!.rounds;
    expect([open!.candidates, open!.turnout]).toEqual([[{ title: '戊', costFen: 1, votes: null, won: null }, { title: '己', costFen: 1, votes: null, won: null }], null]);
    // 坡道 3 votes, 健身角 1; 700,000 fen: 坡道 (600,000) funded, then 健身角 (300,000) does not fit
    expect([done!.unitName, done!.rule, done!.totalBudgetFen, done!.candidates]).toEqual(['J社区', 'approval', 700_000, [{ title: '无障碍坡道', costFen: 600_000, votes: 3, won: true }, { title: '健身角', costFen: 300_000, votes: 1, won: false }]]);
    // 3 of J's 7 households voted, 2 online and 1 on paper: 42.9 %; 一网格 2 of 3 (66.7 %), 二网格 1 of 4 (25 %)
    const turnout = done!.turnout!;
    expect([turnout.households, turnout.online, turnout.assisted, turnout.percent]).toEqual([7, 2, 1, 42.9]);
    expect(Object.fromEntries(turnout.byGrid.map((g) => [g.name, [g.households, g.online, g.assisted, g.percent]]))).toEqual({ 一网格: [3, 2, 0, 66.7], 二网格: [4, 0, 1, 25] });
    expect(body!.rounds.some((r) => r.title === counted.title)).toBe(false);
  });

  it('holds no personal data: no resident\'s full name, ID number, phone number, household or resident id', async () => {
    for (const query of [`communityId=${w.j.id}`, `streetId=${w.street.id}`]) {
      const { res, text } = await board(query);
      expect(res.statusCode).toBe(200);
      for (const p of w.people) {
        const leaks = [p.resident.name, p.resident.idNumber, p.resident.phone ?? '(none)', p.resident.id, p.household.id].filter((s) => text.includes(s));
        expect([p.resident.name, leaks]).toEqual([p.resident.name, []]);
      }
      // any 18-character ID number or mainland mobile number, wherever it came from (ids are hex, so hex neighbours do not count)
      expect(text.match(/(?<![0-9a-fA-F])\d{17}[\dXx](?![0-9a-fA-F])/g)).toBeNull();
      expect(text.match(/(?<![0-9a-fA-F])1[3-9]\d{9}(?![0-9a-fA-F])/g)).toBeNull();
    }
  });

  it('names nobody when the community chose no names', async () => {
    await putSettings(w.jAdmin, w.j.id, { poolSupports: 100, councilSupports: 2, quorumPercent: 50, publicNames: 'none' });
    const { body, text } = await board(`communityId=${w.j.id}`);
    expect([body!.agenda.map((a) => a.proposer), body!.decisions.map((d) => d.proposer)]).toEqual([['', ''], ['']]);
    expect([text.includes('孙某'), text.includes('王某')]).toEqual([false, false]);
    await putSettings(w.jAdmin, w.j.id, { poolSupports: 100, councilSupports: 2, quorumPercent: 50, publicNames: 'surname' });
  });

  it('shows a street\'s board with the affairs of all its communities', async () => {
    const street = await buildRound(w.streetOfficer, { streetId: w.street.id, title: '街道轮次', totalBudgetFen: 100, candidates: [{ title: '街甲', costFen: 1, categoryId: w.category('other'), communityId: w.j.id }, { title: '街乙', costFen: 1, categoryId: w.category('other'), communityId: w.neighbour.id }] });
    await createTopic(w.neighbourAdmin, w.neighbour.id, '桥北的议题');
    const { body } = await board(`streetId=${w.street.id}`);
    expect(body!.unit).toEqual({ kind: 'street', id: w.street.id, name: '泰山街道' });
    expect(body!.agenda.map((a) => a.title).sort()).toEqual(['12号楼加装坡道', '小区停车管理', '桥北的议题'].sort());
    expect(body!.rounds.map((r) => [r.title, r.unitName])).toEqual([[street.title, '泰山街道'], ['正在投票的轮次', 'J社区'], ['2026年微实事', 'J社区']]);
    // 桥北's own board shows the street's round, not J's
    expect((await board(`communityId=${w.neighbour.id}`)).body!.rounds.map((r) => r.title)).toEqual([street.title]);
  });

  it('asks for one unit and answers an unknown one with 404', async () => {
    expect((await board(`communityId=${newId()}`)).res.statusCode).toBe(404);
    expect((await board(`streetId=${newId()}`)).res.statusCode).toBe(404);
    const both = await board(`communityId=${w.j.id}&streetId=${w.street.id}`);
    expect([both.res.statusCode, fieldsOf(both.res).communityId]).toEqual([400, 'participation.unit_required']);
    expect((await board('')).res.statusCode).toBe(400);
  });
});
