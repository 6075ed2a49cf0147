import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createTestApp, fieldsOf, type TestAppWithPeers } from '../../testing.ts';
import type { Mine, ProposalDetail, ProposalSummary, TopicDetail } from './participation.schemas.ts';
import { buildParticipationWorld, code, putSettings, sameUserOn, type World } from './participation.testing.ts';

/**
 * Proposals (微心愿 / 微项目): a resident proposes for their household or staff record one for a
 * resident without a phone; one support per resident, also with two app processes at once; the
 * community's thresholds move a micro-project onto the council's agenda and a wish into the needs
 * pool; residents read neighbours as 孙某, staff by name. J's thresholds here: a wish goes to the
 * pool at 2 supports, a micro-project to the council at 3.
 */
let t: TestAppWithPeers;
let w: World;

const proposal = (o: Record<string, unknown> = {}) => ({ kind: 'project', title: '12号楼加装无障碍坡道', body: '12号楼门口有三级台阶，轮椅和婴儿车进出困难。', place: '12号楼', ...o });
const count = async (table: 'proposals' | 'proposal_supports', where: Record<string, string> = {}) => {
  let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
  for (const [k, v] of Object.entries(where)) q = q.where(k as never, '=', v as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const png = (bytes = 64) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(bytes)]);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildParticipationWorld(t);
  await putSettings(w.jAdmin, w.j.id, { poolSupports: 2, councilSupports: 3, quorumPercent: 50, publicNames: 'surname' });
});

afterAll(async () => {
  await t?.close();
});

describe('proposing', () => {
  let ramp: ProposalDetail;

  it('lets a resident propose for their household: open, with the threshold, and the first step "proposed"', async () => {
    const res = await w.sun.client.post('/api/v1/proposals', proposal());
    expect(res.statusCode).toBe(201);
    ramp = res.json<ProposalDetail>();
    expect([ramp.status, ramp.kind, ramp.community.id, ramp.supportCount, ramp.threshold, ramp.mine, ramp.supportedByMe]).toEqual(['open', 'project', w.j.id, 0, 3, true, false]);
    expect(ramp.steps.map((s) => s.kind)).toEqual(['proposed']);
    expect(ramp.actions).toEqual(['withdraw']);
    const row = await t.db.selectFrom('proposals').selectAll().where('id', '=', ramp.id).executeTakeFirstOrThrow();
    expect([row.household_id, row.grid_id, row.resident_id, row.proposed_by, row.recorded_by]).toEqual([w.sun.household.id, w.gA.id, w.sun.resident.id, w.sun.client.user.id, w.sun.client.user.id]);
    expect(await auditCount(t.db, 'proposal.create')).toBe(1);
    // the proposer finds it in their list and on their own page
    expect((await w.sun.client.get('/api/v1/proposals')).json<{ items: ProposalSummary[] }>().items.map((p) => p.id)).toEqual([ramp.id]);
    expect((await w.sun.client.get('/api/v1/participation/mine')).json<Mine>().proposals.map((p) => [p.id, p.mine])).toEqual([[ramp.id, true]]);
  });

  it('names the proposer in full to staff and officers, as surname + 某 to residents', async () => {
    const seen: [string, typeof w.jAdmin, string][] = [
      ['J admin', w.jAdmin, '孙建国'],
      ['J worker', w.jWorker, '孙建国'],
      ['street officer', w.streetOfficer, '孙建国'],
      ['district officer', w.districtOfficer, '孙建国'],
      ['a neighbour', w.wang.client, '孙某'],
      ['a neighbour in the other grid', w.li.client, '孙某'],
    ];
    for (const [who, client, name] of seen) {
      const detail = (await client.get(`/api/v1/proposals/${ramp.id}`)).json<ProposalDetail>();
      const listed = (await client.get(`/api/v1/proposals?communityId=${w.j.id}`)).json<{ items: ProposalSummary[] }>().items.find((p) => p.id === ramp.id);
      expect([who, detail.proposer, listed?.proposer]).toEqual([who, name, name]);
    }
    const asNeighbour = (await w.wang.client.get(`/api/v1/proposals/${ramp.id}`)).json<ProposalDetail>();
    expect([asNeighbour.mine, asNeighbour.actions]).toEqual([false, ['support']]);
    expect((await w.jAdmin.get(`/api/v1/proposals/${ramp.id}`)).json<ProposalDetail>().actions).toEqual(['record_support', 'decline']);
    // residents of other places do not read it
    for (const client of [w.nResident.client, w.fResident.client, w.xResident.client]) expect((await client.get(`/api/v1/proposals/${ramp.id}`)).statusCode).toBe(404);
  });

  it('lets community staff record a proposal for a resident without a phone: the first step is "recorded"', async () => {
    const res = await w.jWorker.post('/api/v1/proposals', proposal({ kind: 'wish', title: '希望楼下装一张长椅', body: '老人下楼走不远，想坐一坐。', residentId: w.zhou.resident.id }));
    expect(res.statusCode).toBe(201);
    const p = res.json<ProposalDetail>();
    expect([p.proposer, p.kind, p.threshold, p.steps.map((s) => s.kind), p.mine]).toEqual(['周大爷', 'wish', 2, ['recorded'], false]);
    // the step names who recorded it (the worker's display name is their username here)
    expect(p.steps[0]!.text).toBe(w.jWorker.user.username);
    const row = await t.db.selectFrom('proposals').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect([row.household_id, row.grid_id, row.resident_id, row.proposed_by, row.recorded_by]).toEqual([w.zhou.household.id, w.gB.id, w.zhou.resident.id, null, w.jWorker.user.id]);
  });

  it('refuses a resident the caller does not record for as one that does not exist, writing nothing', async () => {
    const before = await count('proposals');
    const refusals: [string, typeof w.jAdmin, string][] = [
      ['J staff, a resident of 桥北', w.jWorker, w.nResident.resident.id],
      ['J staff, a resident of another district', w.jWorker, w.xResident.resident.id],
      ['J staff, an unknown id', w.jWorker, newId()],
      ['桥北 staff, a resident of J', w.neighbourAdmin, w.zhou.resident.id],
      ['the street officer, a resident of J', w.streetOfficer, w.zhou.resident.id],
      ['a resident, for a neighbour', w.wang.client, w.zhou.resident.id],
    ];
    for (const [who, client, residentId] of refusals) {
      const res = await client.post('/api/v1/proposals', proposal({ residentId }));
      expect([who, res.statusCode, fieldsOf(res).residentId]).toEqual([who, 404, 'resource.not_found']);
    }
    // staff have no household of their own to propose for
    expect(code(await w.jWorker.post('/api/v1/proposals', proposal()))).toBe('participation.not_a_resident');
    expect(await count('proposals')).toBe(before);
  });

  it('answers 400 on the field for blank text and for photos that are not what they claim or over 1 MB, writing nothing', async () => {
    const before = await count('proposals');
    let res = await w.sun.client.post('/api/v1/proposals', proposal({ title: '   ' }));
    expect([res.statusCode, fieldsOf(res).title]).toEqual([400, 'participation.blank']);
    res = await w.sun.client.post('/api/v1/proposals', proposal({ body: ' \n\t ' }));
    expect([res.statusCode, fieldsOf(res).body]).toEqual([400, 'participation.blank']);
    // PNG bytes sent as a JPEG
    res = await w.sun.client.post('/api/v1/proposals', proposal({ photos: [{ mime: 'image/jpeg', data: png().toString('base64') }] }));
    expect([res.statusCode, fieldsOf(res)['photos.0']]).toEqual([400, 'participation.bad_photo']);
    // a JPEG of 1 MB and one byte, second of two
    const big = Buffer.alloc(1_048_577);
    big[0] = 0xff;
    big[1] = 0xd8;
    res = await w.sun.client.post('/api/v1/proposals', proposal({ photos: [{ mime: 'image/png', data: png().toString('base64') }, { mime: 'image/jpeg', data: big.toString('base64') }] }));
    expect([res.statusCode, fieldsOf(res)['photos.1']]).toEqual([400, 'participation.bad_photo']);
    res = await w.sun.client.post('/api/v1/proposals', proposal({ photos: [{ mime: 'image/webp', data: '' }] }));
    expect(res.statusCode).toBe(400);
    expect(await count('proposals')).toBe(before);
  });

  it('keeps good photos and shows them to those who read the proposal', async () => {
    const photo = png(100);
    const res = await w.sun.client.post('/api/v1/proposals', proposal({ title: '小区东门路灯不亮', photos: [{ mime: 'image/png', data: photo.toString('base64') }] }));
    expect(res.statusCode).toBe(201);
    const p = res.json<ProposalDetail>();
    expect(p.photoCount).toBe(1);
    const got = await w.wang.client.get(`/api/v1/proposals/${p.id}/photos/1`);
    expect([got.statusCode, got.headers['content-type'], got.rawPayload.equals(photo)]).toEqual([200, 'image/png', true]);
    expect((await w.wang.client.get(`/api/v1/proposals/${p.id}/photos/2`)).statusCode).toBe(404);
    expect((await w.nResident.client.get(`/api/v1/proposals/${p.id}/photos/1`)).statusCode).toBe(404);
  });
});

describe('supports', () => {
  let p: ProposalDetail;

  beforeAll(async () => {
    p = (await w.sun.client.post('/api/v1/proposals', proposal({ title: '健身器材维修', body: '单杠松动。' }))).json<ProposalDetail>();
  });

  it('takes one support per resident; the proposer does not support their own; a support can be withdrawn', async () => {
    let res = await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect(res.statusCode).toBe(201);
    expect([res.json<ProposalDetail>().supportCount, res.json<ProposalDetail>().supportedByMe, res.json<ProposalDetail>().actions]).toEqual([1, true, ['unsupport']]);
    res = await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect([res.statusCode, code(res)]).toEqual([409, 'proposal.already_supported']);
    res = await w.sun.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect([res.statusCode, code(res)]).toEqual([409, 'proposal.own_proposal']);
    // staff recording a support for the proposer is refused the same way
    expect(code(await w.jWorker.post(`/api/v1/proposals/${p.id}/supports`, { residentId: w.sun.resident.id }))).toBe('proposal.own_proposal');
    res = await w.wang.client.post(`/api/v1/proposals/${p.id}/supports/withdraw`);
    expect([res.statusCode, res.json<ProposalDetail>().supportCount, res.json<ProposalDetail>().supportedByMe]).toEqual([200, 0, false]);
    res = await w.wang.client.post(`/api/v1/proposals/${p.id}/supports/withdraw`);
    expect([res.statusCode, code(res)]).toEqual([409, 'proposal.not_supported']);
    expect(await count('proposal_supports', { proposal_id: p.id })).toBe(0);
    expect([await auditCount(t.db, 'proposal.support'), await auditCount(t.db, 'proposal.unsupport')]).toEqual([1, 1]);
  });

  it('lets J staff record a support for a resident of J without a phone, shown to staff as assisted', async () => {
    let res = await w.jWorker.post(`/api/v1/proposals/${p.id}/supports`, { residentId: w.wu.resident.id });
    expect([res.statusCode, res.json<ProposalDetail>().supportCount]).toEqual([201, 1]);
    const supporters = res.json<ProposalDetail>().supporters;
    expect(supporters.map((s) => [s.name, s.grid, s.assisted, s.recordedBy])).toEqual([['吴奶奶', '二网格', true, w.jWorker.user.username]]);
    // residents do not see who supports
    expect((await w.wang.client.get(`/api/v1/proposals/${p.id}`)).json<ProposalDetail>().supporters).toEqual([]);
    // not for a resident elsewhere, not by the street officer, and not without naming someone
    res = await w.jWorker.post(`/api/v1/proposals/${p.id}/supports`, { residentId: w.nResident.resident.id });
    expect([res.statusCode, fieldsOf(res).residentId]).toEqual([404, 'resource.not_found']);
    res = await w.jWorker.post(`/api/v1/proposals/${p.id}/supports`, { residentId: w.xResident.resident.id });
    expect([res.statusCode, fieldsOf(res).residentId]).toEqual([404, 'resource.not_found']);
    expect((await w.streetOfficer.post(`/api/v1/proposals/${p.id}/supports`, { residentId: w.zhou.resident.id })).statusCode).toBe(403);
    expect(code(await w.jWorker.post(`/api/v1/proposals/${p.id}/supports`))).toBe('participation.not_a_resident');
    // a resident of another community does not find it
    expect((await w.nResident.client.post(`/api/v1/proposals/${p.id}/supports`)).statusCode).toBe(404);
    expect(await count('proposal_supports', { proposal_id: p.id })).toBe(1);
  });

  it('counts one support when the same resident supports twice at once through two app processes', async () => {
    const wish = (await w.wang.client.post('/api/v1/proposals', proposal({ kind: 'wish', title: '单元门禁换新', body: '门禁经常坏。' }))).json<ProposalDetail>();
    const peer = await t.peer();
    try {
      const onPeer = await sameUserOn(peer, w.li.client);
      const answers = await Promise.all([w.li.client.post(`/api/v1/proposals/${wish.id}/supports`), onPeer.post(`/api/v1/proposals/${wish.id}/supports`)]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(code(answers.find((r) => r.statusCode === 409)!)).toBe('proposal.already_supported');
    } finally {
      await peer.close();
    }
    const row = await t.db.selectFrom('proposals').select(['support_count', 'status']).where('id', '=', wish.id).executeTakeFirstOrThrow();
    expect([row.support_count, await count('proposal_supports', { proposal_id: wish.id }), row.status]).toEqual([1, 1, 'open']);
  });
});

describe('thresholds', () => {
  it('puts a micro-project on the council agenda at the community\'s council threshold (3), as a topic from the proposal', async () => {
    const p = (await w.sun.client.post('/api/v1/proposals', proposal({ title: '3号楼加装扶手' }))).json<ProposalDetail>();
    expect((await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`)).statusCode).toBe(201);
    let res = await w.li.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect([res.json<ProposalDetail>().status, res.json<ProposalDetail>().supportCount, res.json<ProposalDetail>().threshold]).toEqual(['open', 2, 3]);
    expect(await count('proposals', { id: p.id, status: 'on_agenda' })).toBe(0);
    res = await w.zhao.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect(res.statusCode).toBe(201);
    const moved = res.json<ProposalDetail>();
    expect([moved.status, moved.supportCount, moved.threshold]).toEqual(['on_agenda', 3, null]);
    expect(moved.topicId).not.toBeNull();
    const topics = await t.db.selectFrom('council_topics').selectAll().where('proposal_id', '=', p.id).execute();
    expect(topics.map((x) => [x.id, x.source, x.community_id, x.status, x.title, x.proposer, x.affected_grid_ids])).toEqual([[moved.topicId, 'proposal', w.j.id, 'open', '3号楼加装扶手', '孙建国', [w.gA.id]]]);
    // the proposer reads the way it went
    const mine = (await w.sun.client.get(`/api/v1/proposals/${p.id}`)).json<ProposalDetail>();
    expect(mine.steps.map((s) => [s.kind, s.text])).toEqual([['proposed', ''], ['threshold', '3'], ['on_agenda', '']]);
    // the council's papers name him in full to staff, as 孙某 to a neighbour
    expect((await w.jAdmin.get(`/api/v1/council-topics/${moved.topicId}`)).json<TopicDetail>().proposer).toBe('孙建国');
    expect((await w.wang.client.get(`/api/v1/council-topics/${moved.topicId}`)).json<TopicDetail>().proposer).toBe('孙某');
    // on the agenda it still gathers supports, without a second topic
    res = await w.qian.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect([res.statusCode, res.json<ProposalDetail>().supportCount, res.json<ProposalDetail>().status]).toEqual([201, 4, 'on_agenda']);
    expect(await t.db.selectFrom('council_topics').select('id').where('proposal_id', '=', p.id).execute()).toHaveLength(1);
    expect(await auditCount(t.db, 'proposal.on_agenda')).toBe(1);
  });

  it('puts a wish into the needs pool at the pool threshold (2), as a need of the proposer\'s household reported by a resident', async () => {
    const p = (await w.wang.client.post('/api/v1/proposals', proposal({ kind: 'wish', title: '楼道里加一盏感应灯', body: '晚上楼道太黑。' }))).json<ProposalDetail>();
    let res = await w.li.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect(res.json<ProposalDetail>().status).toBe('open');
    res = await w.jWorker.post(`/api/v1/proposals/${p.id}/supports`, { residentId: w.zhou.resident.id });
    expect(res.statusCode).toBe(201);
    const pooled = res.json<ProposalDetail>();
    expect([pooled.status, pooled.supportCount, pooled.threshold, pooled.topicId]).toEqual(['pooled', 2, null, null]);
    const need = await t.db.selectFrom('needs').selectAll().where('id', '=', pooled.needId!).executeTakeFirstOrThrow();
    expect([need.source, need.household_id, need.community_id, need.grid_id, need.category_id]).toEqual(['resident', w.wang.household.id, w.j.id, w.gA.id, w.category('other')]);
    expect(need.description).toContain('楼道里加一盏感应灯');
    const steps = (await w.wang.client.get(`/api/v1/proposals/${p.id}`)).json<ProposalDetail>().steps;
    expect(steps.map((s) => [s.kind, s.text])).toEqual([['proposed', ''], ['threshold', '2'], ['pooled', need.ref_no]]);
    // in the pool it takes no more supports
    res = await w.zhao.client.post(`/api/v1/proposals/${p.id}/supports`);
    expect([res.statusCode, code(res)]).toEqual([409, 'proposal.not_open']);
  });

  it('pools a wish under the category the resident chose', async () => {
    const p = (await w.li.client.post('/api/v1/proposals', proposal({ kind: 'wish', title: '助餐点增加送餐', body: '腿脚不便。', categoryId: w.category('elderly_meals') }))).json<ProposalDetail>();
    await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`);
    const pooled = (await w.zhao.client.post(`/api/v1/proposals/${p.id}/supports`)).json<ProposalDetail>();
    const need = await t.db.selectFrom('needs').select(['category_id', 'household_id']).where('id', '=', pooled.needId!).executeTakeFirstOrThrow();
    expect([pooled.status, need.category_id, need.household_id]).toEqual(['pooled', w.category('elderly_meals'), w.li.household.id]);
  });
});

describe('withdrawing and declining', () => {
  it('lets only the proposer withdraw an open proposal', async () => {
    const p = (await w.sun.client.post('/api/v1/proposals', proposal({ title: '撤回用' }))).json<ProposalDetail>();
    expect([(await w.wang.client.post(`/api/v1/proposals/${p.id}/withdraw`)).statusCode, code(await w.wang.client.post(`/api/v1/proposals/${p.id}/withdraw`))]).toEqual([403, 'proposal.not_proposer']);
    expect((await w.jAdmin.post(`/api/v1/proposals/${p.id}/withdraw`)).statusCode).toBe(403);
    const res = await w.sun.client.post(`/api/v1/proposals/${p.id}/withdraw`);
    expect([res.statusCode, res.json<ProposalDetail>().status, res.json<ProposalDetail>().steps.map((s) => s.kind)]).toEqual([200, 'withdrawn', ['proposed', 'withdrawn']]);
    expect(code(await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`))).toBe('proposal.not_open');
  });

  it('lets J staff decline an open proposal with a reason the proposer reads', async () => {
    const p = (await w.sun.client.post('/api/v1/proposals', proposal({ title: '小区里建游泳池' }))).json<ProposalDetail>();
    const refusals: [string, typeof w.jAdmin, number][] = [['street officer', w.streetOfficer, 403], ['district officer', w.districtOfficer, 403], ['a resident', w.wang.client, 403], ['the proposer', w.sun.client, 403], ['桥北 admin', w.neighbourAdmin, 404], ['远方 admin', w.farAdmin, 404]];
    for (const [who, client, status] of refusals) expect([who, (await client.post(`/api/v1/proposals/${p.id}/decline`, { reason: '超出社区能力' })).statusCode]).toEqual([who, status]);
    let res = await w.jAdmin.post(`/api/v1/proposals/${p.id}/decline`, { reason: '   ' });
    expect([res.statusCode, fieldsOf(res).reason]).toEqual([400, 'participation.blank']);
    res = await w.jWorker.post(`/api/v1/proposals/${p.id}/decline`, { reason: '场地不足，超出社区能力' });
    expect([res.statusCode, res.json<ProposalDetail>().status]).toEqual([200, 'declined']);
    const seen = (await w.sun.client.get(`/api/v1/proposals/${p.id}`)).json<ProposalDetail>();
    expect([seen.declineReason, seen.steps.map((s) => [s.kind, s.text])]).toEqual(['场地不足，超出社区能力', [['proposed', ''], ['declined', '场地不足，超出社区能力']]]);
    expect(code(await w.jAdmin.post(`/api/v1/proposals/${p.id}/decline`, { reason: '再拒一次' }))).toBe('proposal.not_open');
    expect(code(await w.wang.client.post(`/api/v1/proposals/${p.id}/supports`))).toBe('proposal.not_open');
  });
});

describe('lists', () => {
  it('lists to each reader the proposals of the places they may read only', async () => {
    const jIds = (await t.db.selectFrom('proposals').select('id').where('community_id', '=', w.j.id).execute()).map((r) => r.id).sort();
    const elsewhere = (await w.nResident.client.post('/api/v1/proposals', proposal({ title: '桥北的提议' }))).json<ProposalDetail>();
    const ids = async (client: typeof w.jAdmin, q = '') => (await client.get(`/api/v1/proposals${q}`)).json<{ items: ProposalSummary[] }>().items.map((p) => p.id).sort();
    expect(await ids(w.jAdmin)).toEqual(jIds);
    expect(await ids(w.wang.client)).toEqual(jIds);
    expect(await ids(w.neighbourAdmin)).toEqual([elsewhere.id]);
    expect(await ids(w.streetOfficer)).toEqual([...jIds, elsewhere.id].sort());
    expect(await ids(w.farAdmin)).toEqual([]);
    expect(await ids(w.otherStreetOfficer)).toEqual([]);
    expect(await ids(w.xAdmin)).toEqual([]);
    for (const client of [w.wang.client, w.neighbourAdmin, w.farAdmin, w.xAdmin]) {
      const res = await client.get(`/api/v1/proposals?communityId=${client === w.neighbourAdmin ? w.j.id : w.neighbour.id}`);
      expect([res.statusCode, fieldsOf(res).communityId]).toEqual([404, 'resource.not_found']);
    }
    expect(await ids(w.jAdmin, `?communityId=${w.j.id}&status=pooled`)).toHaveLength(2);
  });
});
