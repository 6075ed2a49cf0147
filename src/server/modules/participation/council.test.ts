import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createTestApp, fieldsOf, type ErrorBody, type TestAppWithPeers } from '../../testing.ts';
import type { Meeting, Member, ProposalDetail, RoundDetail, TopicDetail } from './participation.schemas.ts';
import { addMembers, buildParticipationWorld, buildRound, code, createTopic, heldMeeting, HOUR, putSettings, type World } from './participation.testing.ts';

/**
 * The residents' council (居民议事会, 一事一议): members, topics, meetings with attendance, the
 * members' vote with the community's quorum, and what a passed decision sets going (a budget
 * candidate, a common need), then feedback until done. J's council has 15 active members and one
 * former member; its quorum is 70 %: ceil(15 × 70 / 100) = ceil(10.5) = 11 must attend. A topic
 * passes when those for are more than half of the members present: with 11 present, 6 or more.
 */
let t: TestAppWithPeers;
let w: World;
let members: Member[];
let former: Member;
/** The first eleven active members: those who come to the meetings below. */
let eleven: string[];

const vote = (ids: string[], ...choices: ['for' | 'against' | 'abstain', number][]) => {
  const out: { memberId: string; choice: string }[] = [];
  let i = 0;
  for (const [choice, n] of choices) for (let k = 0; k < n; k++) out.push({ memberId: ids[i++]!, choice });
  return out;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildParticipationWorld(t);
  await putSettings(w.jAdmin, w.j.id, { poolSupports: 10, councilSupports: 2, quorumPercent: 70, publicNames: 'surname' });
  members = await addMembers(w.jAdmin, w.j.id, Array.from({ length: 15 }, (_, i) => `议事员${String(i + 1).padStart(2, '0')}`));
  [former] = await addMembers(w.jAdmin, w.j.id, ['老议事员']);
  eleven = members.slice(0, 11).map((m) => m.id);
});

afterAll(async () => {
  await t?.close();
});

describe('members', () => {
  it('lets J staff keep the council\'s members: a resident of J may be linked, one of elsewhere not', async () => {
    let res = await w.jWorker.post('/api/v1/council-members', { communityId: w.j.id, name: '孙建国', title: '居民代表', residentId: w.sun.resident.id });
    expect([res.statusCode, res.json<Member>().residentId]).toEqual([201, w.sun.resident.id]);
    const linked = res.json<Member>();
    for (const residentId of [w.nResident.resident.id, w.xResident.resident.id, newId()]) {
      res = await w.jWorker.post('/api/v1/council-members', { communityId: w.j.id, name: '外人', residentId });
      expect([res.statusCode, fieldsOf(res).residentId]).toEqual([404, 'resource.not_found']);
    }
    res = await w.jAdmin.post('/api/v1/council-members', { communityId: w.j.id, name: '  ' });
    expect([res.statusCode, fieldsOf(res).name]).toEqual([400, 'participation.blank']);
    // the former member ends their membership; so does the linked one, to keep 15 active
    for (const m of [former, linked]) expect((await w.jAdmin.patch(`/api/v1/council-members/${m.id}`, { active: false })).json<Member>().active).toBe(false);
    const list = (await w.jAdmin.get(`/api/v1/council-members?communityId=${w.j.id}`)).json<{ items: Member[]; canManage: boolean }>();
    expect([list.items.filter((m) => m.active).length, list.items.length, list.canManage]).toEqual([15, 17, true]);
    expect(await auditCount(t.db, 'council.member_add')).toBe(17);
  });
});

describe('quorum and majority', () => {
  let a: TopicDetail, b: TopicDetail, c: TopicDetail, e: TopicDetail, meetingId: string;

  beforeAll(async () => {
    [a, b, c, e] = await Promise.all(['加装电梯', '停车位重新划线', '周末夜市', '楼顶晾晒区'].map((title) => createTopic(w.jAdmin, w.j.id, title)));
  });

  it('states the quorum on the topic: 15 active members, 11 needed at 70 %', async () => {
    expect(a.quorum).toEqual({ members: 15, needed: 11, percent: 70 });
    expect([a.status, a.source, a.proposer, a.actions]).toEqual(['open', 'staff', w.jAdmin.user.username, ['schedule', 'opinion', 'decide', 'pool']]);
  });

  it('records no vote before the meeting is held', async () => {
    const res = await w.jAdmin.post('/api/v1/council-meetings', { communityId: w.j.id, startsAt: new Date(Date.now() + HOUR).toISOString(), place: '党群服务中心', topicIds: [a.id, b.id, c.id, e.id] });
    expect(res.statusCode).toBe(201);
    meetingId = res.json<Meeting>().id;
    expect(res.json<Meeting>().topics.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id, e.id].sort());
    const early = await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '同意' });
    expect([early.statusCode, code(early)]).toEqual([409, 'council.meeting_not_held']);
  });

  it('refuses a vote when fewer than the quorum attended: 10 members and a former member are 10 present of 11 needed', async () => {
    const attendees = [...eleven.slice(0, 10), former.id];
    expect((await w.jAdmin.patch(`/api/v1/council-meetings/${meetingId}`, { attendeeIds: attendees, held: true })).statusCode).toBe(200);
    const res = await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes: vote(eleven.slice(0, 10), ['for', 10]), decision: '同意' });
    expect([res.statusCode, code(res), res.json<ErrorBody>().error.message]).toEqual([409, 'council.quorum_not_met', '到会成员 10 人，未达到法定人数 11 人，表决无效']);
    expect((await w.jAdmin.get(`/api/v1/council-topics/${a.id}`)).json<TopicDetail>().status).toBe('open');
  });

  it('refuses votes of members who did not attend (400 on the vote)', async () => {
    await w.jAdmin.patch(`/api/v1/council-meetings/${meetingId}`, { attendeeIds: eleven });
    const votes = [...vote(eleven, ['for', 9]), { memberId: members[12]!.id, choice: 'for' }];
    const res = await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes, decision: '同意' });
    expect([res.statusCode, fieldsOf(res)['votes.9.memberId']]).toEqual([400, 'council.not_attending']);
    const twice = await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes: [...vote(eleven, ['for', 2]), { memberId: eleven[0], choice: 'against' }], decision: '同意' });
    expect([twice.statusCode, fieldsOf(twice)['votes.2.memberId']]).toEqual([400, 'council.voted_twice']);
    // the former member attended but no longer votes; someone not on this council is unknown here
    const elsewhere = (await w.neighbourAdmin.post('/api/v1/council-members', { communityId: w.neighbour.id, name: '桥北的议事员' })).json<Member>();
    for (const memberId of [former.id, elsewhere.id, newId()]) {
      const res = await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes: [...vote(eleven, ['for', 9]), { memberId, choice: 'for' }], decision: '同意' });
      expect([res.statusCode, fieldsOf(res)['votes.9.memberId']]).toEqual([404, 'resource.not_found']);
    }
    expect((await w.jAdmin.get(`/api/v1/council-topics/${a.id}`)).json<TopicDetail>().status).toBe('open');
  });

  it('passes 9–2 with 11 present', async () => {
    const res = await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes: vote(eleven, ['for', 9], ['against', 2]), decision: '同意加装电梯，纳入年度预算' });
    expect(res.statusCode).toBe(200);
    const d = res.json<TopicDetail>();
    expect([d.status, d.votes, d.decision, d.memberVotes.length, d.followUp, d.actions]).toEqual(['passed', { for: 9, against: 2, abstain: 0 }, '同意加装电梯，纳入年度预算', 11, null, ['feedback']]);
    expect(code(await w.jAdmin.post(`/api/v1/council-topics/${a.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '再表决' }))).toBe('council.topic_decided');
  });

  it('rejects 5 for, 3 against, 3 abstaining with 11 present: 5 is not more than 5.5', async () => {
    const d = (await w.jAdmin.post(`/api/v1/council-topics/${b.id}/decision`, { meetingId, votes: vote(eleven, ['for', 5], ['against', 3], ['abstain', 3]), decision: '暂不划线' })).json<TopicDetail>();
    expect([d.status, d.votes]).toEqual(['rejected', { for: 5, against: 3, abstain: 3 }]);
  });

  it('counts a majority of those present, not of those voting: 5 for and no other vote is rejected, 6 for passes', async () => {
    let d = (await w.jAdmin.post(`/api/v1/council-topics/${c.id}/decision`, { meetingId, votes: vote(eleven, ['for', 5]), decision: '不办' })).json<TopicDetail>();
    expect([d.status, d.votes]).toEqual(['rejected', { for: 5, against: 0, abstain: 0 }]);
    d = (await w.jAdmin.post(`/api/v1/council-topics/${e.id}/decision`, { meetingId, votes: vote(eleven, ['for', 6]), decision: '同意' })).json<TopicDetail>();
    expect([d.status, d.votes]).toEqual(['passed', { for: 6, against: 0, abstain: 0 }]);
    expect(await auditCount(t.db, 'council.decide')).toBe(4);
  });

  it('keeps the agenda of a held meeting and the topics of one meeting at a time', async () => {
    const other = await createTopic(w.jAdmin, w.j.id, '会后新议题');
    expect(code(await w.jAdmin.patch(`/api/v1/council-meetings/${meetingId}`, { topicIds: [other.id] }))).toBe('council.meeting_held');
    const res = await w.jAdmin.post('/api/v1/council-meetings', { communityId: w.j.id, startsAt: new Date().toISOString(), place: '会议室', topicIds: [a.id] });
    expect([res.statusCode, fieldsOf(res)['topicIds.0']]).toEqual([400, 'council.topic_decided']);
    // a topic not on the meeting is not decided at it
    const notOn = await w.jAdmin.post(`/api/v1/council-topics/${other.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '同意' });
    expect([notOn.statusCode, fieldsOf(notOn).meetingId]).toEqual([400, 'council.topic_not_on_meeting']);
  });

  it('records opinions voiced at the meeting, by a member of this council only', async () => {
    let res = await w.jWorker.post(`/api/v1/council-topics/${e.id}/opinions`, { meetingId, memberId: members[0]!.id, stance: 'for', text: '晾晒区方便老人' });
    expect(res.statusCode).toBe(409);
    const open = await createTopic(w.jAdmin, w.j.id, '垃圾分类亭');
    const m2 = await heldMeeting(w.jAdmin, w.j.id, [open.id], eleven);
    res = await w.jWorker.post(`/api/v1/council-topics/${open.id}/opinions`, { meetingId: m2, memberId: members[0]!.id, stance: 'for', text: '分类亭放在东门' });
    expect([res.statusCode, res.json<TopicDetail>().opinions.map((o) => [o.speaker, o.stance, o.text])]).toEqual([201, [['议事员01', 'for', '分类亭放在东门']]]);
    const elsewhere = (await w.neighbourAdmin.post('/api/v1/council-members', { communityId: w.neighbour.id, name: '桥北议事员' })).json<Member>();
    res = await w.jWorker.post(`/api/v1/council-topics/${open.id}/opinions`, { meetingId: m2, memberId: elsewhere.id, stance: 'against', text: 'x' });
    expect([res.statusCode, fieldsOf(res).memberId]).toEqual([404, 'resource.not_found']);
    res = await w.jWorker.post(`/api/v1/council-topics/${open.id}/opinions`, { meetingId: m2, speaker: '列席居民 李', stance: 'neutral', text: '再听听意见' });
    expect(res.json<TopicDetail>().opinions.map((o) => o.speaker)).toEqual(['议事员01', '列席居民 李']);
  });
});

describe('what a passed decision sets going', () => {
  let draft: RoundDetail;

  beforeAll(async () => {
    draft = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 20_000_000, candidates: [], draft: true });
  });

  it('adds a passed topic to a draft budget round as a candidate from the topic', async () => {
    const topic = await createTopic(w.jAdmin, w.j.id, '5号楼屋面防水');
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topic.id], eleven);
    const res = await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/decision`, { meetingId, votes: vote(eleven, ['for', 9], ['against', 2]), decision: '同意纳入预算', followUp: { kind: 'budget', roundId: draft.id, costFen: 3_500_000, categoryId: w.category('property_facilities') } });
    expect(res.statusCode).toBe(200);
    expect(res.json<TopicDetail>().followUp).toEqual({ kind: 'budget', id: draft.id, label: '5号楼屋面防水' });
    const round = (await w.jAdmin.get(`/api/v1/budget-rounds/${draft.id}`)).json<RoundDetail>();
    expect(round.candidates.map((x) => [x.title, x.source, x.sourceId, x.costFen, x.community.id, x.categoryId])).toEqual([['5号楼屋面防水', 'topic', topic.id, 3_500_000, w.j.id, w.category('property_facilities')]]);
  });

  it('adds nothing for a rejected decision', async () => {
    const topic = await createTopic(w.jAdmin, w.j.id, '拆除花坛');
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topic.id], eleven);
    const res = await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/decision`, { meetingId, votes: vote(eleven, ['for', 2], ['against', 9]), decision: '不同意', followUp: { kind: 'budget', roundId: draft.id, costFen: 100_000, categoryId: w.category('other') } });
    expect([res.json<TopicDetail>().status, res.json<TopicDetail>().followUp]).toEqual(['rejected', null]);
    expect((await w.jAdmin.get(`/api/v1/budget-rounds/${draft.id}`)).json<RoundDetail>().candidates).toHaveLength(1);
  });

  it('refuses a follow-up round the caller does not run or that is no longer a draft, deciding nothing', async () => {
    const topic = await createTopic(w.jAdmin, w.j.id, '增设快递柜');
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topic.id], eleven);
    const neighbours = await buildRound(w.neighbourAdmin, { communityId: w.neighbour.id, totalBudgetFen: 1_000_000, candidates: [], draft: true });
    const xRound = await buildRound(w.xAdmin, { communityId: w.x.id, totalBudgetFen: 1_000_000, candidates: [], draft: true });
    const body = (roundId: string) => ({ meetingId, votes: vote(eleven, ['for', 11]), decision: '同意', followUp: { kind: 'budget', roundId, costFen: 100_000, categoryId: w.category('other') } });
    for (const roundId of [neighbours.id, xRound.id, newId()]) {
      const res = await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/decision`, body(roundId));
      expect([res.statusCode, fieldsOf(res)['followUp.roundId']]).toEqual([404, 'resource.not_found']);
    }
    const open = await buildRound(w.jAdmin, { communityId: w.j.id, totalBudgetFen: 1_000_000, candidates: [{ title: '甲', costFen: 1, categoryId: w.category('other') }, { title: '乙', costFen: 1, categoryId: w.category('other') }] });
    const res = await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/decision`, body(open.id));
    expect([res.statusCode, fieldsOf(res)['followUp.roundId']]).toEqual([400, 'budget.not_draft']);
    // nothing was decided, and nobody's round got a candidate
    expect((await w.jAdmin.get(`/api/v1/council-topics/${topic.id}`)).json<TopicDetail>().status).toBe('open');
    expect(await t.db.selectFrom('budget_candidates').select('id').where('round_id', 'in', [neighbours.id, xRound.id]).execute()).toEqual([]);
  });

  it('makes a passed topic with a common-need follow-up a common need of J, a project candidate', async () => {
    const topic = await createTopic(w.jAdmin, w.j.id, '老年食堂扩容');
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topic.id], eleven);
    const res = await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/decision`, { meetingId, votes: vote(eleven, ['for', 10], ['abstain', 1]), decision: '同意立项', followUp: { kind: 'common_need', categoryId: w.category('elderly_meals') } });
    expect(res.statusCode).toBe(200);
    const f = res.json<TopicDetail>().followUp!;
    expect([f.kind, f.label]).toEqual(['common_need', '老年食堂扩容']);
    const need = await t.db.selectFrom('common_needs').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    expect([need.status, need.community_id, need.category_id, need.title]).toEqual(['candidate', w.j.id, w.category('elderly_meals'), '老年食堂扩容']);
  });

  it('tells the proposer of a micro-project each step: supports, agenda, meeting, the vote, the budget round', async () => {
    const p = (await w.sun.client.post('/api/v1/proposals', { kind: 'project', title: '12号楼加装坡道', body: '台阶太高。', place: '12号楼' })).json<ProposalDetail>();
    await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`);
    const topicId = (await w.li.client.post(`/api/v1/proposals/${p.id}/supports`)).json<ProposalDetail>().topicId!;
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topicId], eleven);
    await w.jAdmin.post(`/api/v1/council-topics/${topicId}/decision`, { meetingId, votes: vote(eleven, ['for', 9], ['against', 2]), decision: '同意', followUp: { kind: 'budget', roundId: draft.id, costFen: 4_000_000, categoryId: w.category('property_facilities') } });
    const steps = (await w.sun.client.get(`/api/v1/proposals/${p.id}`)).json<ProposalDetail>().steps;
    expect(steps.map((s) => [s.kind, s.text])).toEqual([['proposed', ''], ['threshold', '2'], ['on_agenda', ''], ['meeting', '党群服务中心二楼'], ['passed', '9–2–0'], ['in_budget', draft.title]]);
    // and once decided it gathers no more supports
    expect(code(await w.zhao.client.post(`/api/v1/proposals/${p.id}/supports`))).toBe('proposal.not_open');
  });
});

describe('feedback', () => {
  it('follows a passed decision only, marks it implementing, and done closes the topic', async () => {
    const [passed, rejected, open] = await Promise.all(['路灯更换', '小区改名', '未上会议题'].map((title) => createTopic(w.jAdmin, w.j.id, title)));
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [passed.id, rejected.id], eleven);
    await w.jAdmin.post(`/api/v1/council-topics/${passed.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '同意' });
    await w.jAdmin.post(`/api/v1/council-topics/${rejected.id}/decision`, { meetingId, votes: vote(eleven, ['against', 11]), decision: '不同意' });
    for (const topic of [open, rejected]) {
      const res = await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/feedback`, { text: '已处理', done: true });
      expect([res.statusCode, code(res)]).toEqual([409, 'council.topic_not_decided']);
    }
    expect((await w.streetOfficer.post(`/api/v1/council-topics/${passed.id}/feedback`, { text: 'x', done: false })).statusCode).toBe(403);
    expect((await w.sun.client.post(`/api/v1/council-topics/${passed.id}/feedback`, { text: 'x', done: false })).statusCode).toBe(403);
    let res = await w.jWorker.post(`/api/v1/council-topics/${passed.id}/feedback`, { text: '已联系供电所，下周施工', done: false });
    expect([res.statusCode, res.json<TopicDetail>().status]).toEqual([201, 'implementing']);
    res = await w.jWorker.post(`/api/v1/council-topics/${passed.id}/feedback`, { text: '18盏路灯已更换完毕', done: true });
    expect([res.statusCode, res.json<TopicDetail>().status, res.json<TopicDetail>().feedback.map((f) => [f.text, f.done])]).toEqual([201, 'done', [['已联系供电所，下周施工', false], ['18盏路灯已更换完毕', true]]]);
    res = await w.jWorker.post(`/api/v1/council-topics/${passed.id}/feedback`, { text: '补充', done: false });
    expect([res.statusCode, code(res)]).toEqual([409, 'council.topic_closed']);
    expect(await auditCount(t.db, 'council.report_back')).toBe(2);
  });
});

describe('tenancy', () => {
  // DESIGN 2: an id outside the caller's scope answers 404, exactly as one that does not exist.
  it('answers a topic or meeting of another community named by J staff as one that does not exist', async () => {
    const theirs = await createTopic(w.neighbourAdmin, w.neighbour.id, '桥北的议题');
    const unknown = await w.jAdmin.post('/api/v1/council-meetings', { communityId: w.j.id, startsAt: new Date().toISOString(), place: '会议室', topicIds: [newId()] });
    expect([unknown.statusCode, fieldsOf(unknown)['topicIds.0']]).toEqual([404, 'resource.not_found']);
    const res = await w.jAdmin.post('/api/v1/council-meetings', { communityId: w.j.id, startsAt: new Date().toISOString(), place: '会议室', topicIds: [theirs.id] });
    expect([res.statusCode, fieldsOf(res)['topicIds.0']]).toEqual([404, 'resource.not_found']);
    const theirMeeting = await heldMeeting(w.neighbourAdmin, w.neighbour.id, [theirs.id], []);
    const mine = await createTopic(w.jAdmin, w.j.id, '本社区议题');
    const opinion = await w.jAdmin.post(`/api/v1/council-topics/${mine.id}/opinions`, { meetingId: theirMeeting, speaker: '某人', stance: 'for', text: '同意' });
    expect([opinion.statusCode, fieldsOf(opinion).meetingId]).toEqual([404, 'resource.not_found']);
    // a member of 桥北 is not someone who attended J's meeting
    const theirMember = (await w.neighbourAdmin.post('/api/v1/council-members', { communityId: w.neighbour.id, name: '桥北成员' })).json<Member>();
    const mineMeeting = await heldMeeting(w.jAdmin, w.j.id, [mine.id], eleven);
    const attendance = await w.jAdmin.patch(`/api/v1/council-meetings/${mineMeeting}`, { attendeeIds: [eleven[0], theirMember.id] });
    expect([attendance.statusCode, fieldsOf(attendance)['attendeeIds.1']]).toEqual([404, 'resource.not_found']);
    // nor do J's staff change 桥北's members, meetings or topics by their ids
    expect((await w.jAdmin.patch(`/api/v1/council-members/${theirMember.id}`, { active: false })).statusCode).toBe(404);
    expect((await w.jAdmin.patch(`/api/v1/council-meetings/${theirMeeting}`, { minutes: '改' })).statusCode).toBe(404);
    expect((await w.jAdmin.post(`/api/v1/council-topics/${theirs.id}/feedback`, { text: '改', done: true })).statusCode).toBe(404);
    expect((await w.jAdmin.get(`/api/v1/council-topics/${theirs.id}`)).statusCode).toBe(404);
    expect((await w.jAdmin.get(`/api/v1/council-meetings/${theirMeeting}`)).statusCode).toBe(404);
  });
});

describe('who may put a decision into the project pool', () => {
  // A common-need follow-up makes a common need of the community: its administrator decides
  // that (as she keeps its common needs); a community worker records votes and budget follow-ups.
  it('refuses a community worker a common-need follow-up (403, nothing decided) and offers it the administrator only', async () => {
    const topic = await createTopic(w.jAdmin, w.j.id, '社区菜园');
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topic.id], eleven);
    const seen = (await w.jWorker.get(`/api/v1/council-topics/${topic.id}`)).json<TopicDetail>().actions;
    expect(seen).toContain('decide');
    expect(seen).not.toContain('pool');
    expect((await w.jAdmin.get(`/api/v1/council-topics/${topic.id}`)).json<TopicDetail>().actions).toContain('pool');
    const res = await w.jWorker.post(`/api/v1/council-topics/${topic.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '同意', followUp: { kind: 'common_need', categoryId: w.category('culture_activities') } });
    expect([res.statusCode, code(res)]).toEqual([403, 'access.forbidden']);
    expect((await w.jWorker.get(`/api/v1/council-topics/${topic.id}`)).json<TopicDetail>().status).toBe('open');
    const plain = await w.jWorker.post(`/api/v1/council-topics/${topic.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '同意' });
    expect([plain.statusCode, plain.json<TopicDetail>().status]).toEqual([200, 'passed']);
  });
});

describe('a meeting\'s record after a vote', () => {
  it('keeps the attendance of a meeting at which a topic was voted on (409), so the quorum it met stays true', async () => {
    const topic = await createTopic(w.jAdmin, w.j.id, '楼顶防水');
    const meetingId = await heldMeeting(w.jAdmin, w.j.id, [topic.id], eleven);
    expect((await w.jAdmin.post(`/api/v1/council-topics/${topic.id}/decision`, { meetingId, votes: vote(eleven, ['for', 11]), decision: '同意' })).statusCode).toBe(200);
    const res = await w.jAdmin.patch(`/api/v1/council-meetings/${meetingId}`, { attendeeIds: eleven.slice(0, 3) });
    expect([res.statusCode, code(res)]).toEqual([409, 'council.attendance_decided']);
    const kept = await w.jAdmin.get(`/api/v1/council-meetings/${meetingId}`);
    expect(kept.json<Meeting>().attendees.map((a) => a.id).sort()).toEqual([...eleven].sort());
    expect((await w.jAdmin.patch(`/api/v1/council-meetings/${meetingId}`, { minutes: '会后补记' })).statusCode).toBe(200);
  });
});
