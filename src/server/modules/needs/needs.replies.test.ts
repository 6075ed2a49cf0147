/**
 * Internal notes among staff and replies to the resident are kept apart on every action that
 * takes a text: the resident (their household's account) reads replies only, on the need, in
 * its timeline and in their notices; staff read both, each in its own field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { clientAs, createUser, type ErrorBody, type Page, type TestApp, type TestResponse, createTestApp } from '../../testing.ts';
import { buildCommonNeed } from '../commonneeds/commonneeds.testing.ts';
import type { BulkTransitionResponse as BulkTransitionResponseSchema, NeedDetail, NotificationView as NotificationSchema } from './needs.schemas.ts';
import type { NeedsTable } from './needs.tables.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { Updateable } from 'kysely';

type Client = Awaited<ReturnType<typeof clientAs>>;
type BulkTransitionResponse = Static<typeof BulkTransitionResponseSchema>;
type NotificationView = Static<typeof NotificationSchema>;
let t: TestApp;
let w: NeedWorld;
let admin: Client;
let household: Client;
let handlerId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  admin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
  household = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
  handlerId = (await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }])).id;
});
afterAll(() => t.close());

let n = 0;
/** Texts unique to a row, so that finding one anywhere in an answer means it leaked there. */
const texts = () => {
  n++;
  return { internal: `内部备注${n}：请周三前联系物业`, internal2: `转介答复${n}：已派人查看`, reply: `答复居民${n}：周三上门维修` };
};

interface Row {
  name: string;
  state: Updateable<NeedsTable>['state'];
  need?: () => Updateable<NeedsTable>;
  /** The request, given the need and the row's texts. */
  send: (needId: string, x: ReturnType<typeof texts>) => Promise<TestResponse>;
  /** Texts of the row that are internal (beyond `internal`). */
  alsoInternal?: true;
}

const transition = (body: (x: ReturnType<typeof texts>) => Record<string, unknown>) => (id: string, x: ReturnType<typeof texts>) =>
  admin.post(`/api/v1/needs/${id}/transitions`, body(x));
const bulk = (body: (x: ReturnType<typeof texts>) => Record<string, unknown>) => (id: string, x: ReturnType<typeof texts>) =>
  admin.post('/api/v1/needs/bulk-transitions', { needIds: [id], ...body(x) });
const mine = () => ({ handler_user_id: admin.user.id });

const ROWS: Row[] = [
  { name: 'accept', state: 'reported', send: transition((x) => ({ action: 'accept', note: x.internal, reply: x.reply })) },
  { name: 'reject (the reason is the reply)', state: 'reported', send: transition((x) => ({ action: 'reject', reason: x.reply, note: x.internal })) },
  {
    name: 'merge',
    state: 'reported',
    send: async (id, x) => transition((y) => ({ action: 'merge', duplicateOf: survivor, note: y.internal, reply: y.reply }))(id, x),
  },
  {
    name: 'pool',
    state: 'accepted',
    send: async (id, x) => transition((y) => ({ action: 'pool', commonNeedId: group, note: y.internal, reply: y.reply }))(id, x),
  },
  { name: 'assign', state: 'accepted', send: transition((x) => ({ action: 'assign', handlerUserId: handlerId, note: x.internal, reply: x.reply })) },
  {
    name: 'wait (the reason is the reply)',
    state: 'in_progress',
    need: mine,
    send: transition((x) => ({ action: 'wait', reason: x.reply, expectedDate: '2099-01-01', note: x.internal })),
  },
  { name: 'resume', state: 'waiting', need: mine, send: transition((x) => ({ action: 'resume', note: x.internal, reply: x.reply })) },
  {
    name: 'refer',
    state: 'in_progress',
    need: mine,
    send: transition((x) => ({ action: 'refer', referralDepartment: '区住建局', note: x.internal, reply: x.reply })),
  },
  {
    name: 'answer_referral (the answer is internal)',
    state: 'referred',
    need: () => ({ referral_department: '区住建局' }),
    alsoInternal: true,
    send: transition((x) => ({ action: 'answer_referral', answer: x.internal2, note: x.internal, reply: x.reply })),
  },
  {
    name: 'resolve',
    state: 'in_progress',
    need: mine,
    send: transition((x) => ({ action: 'resolve', outcome: 'fully', note: x.internal, reply: x.reply })),
  },
  {
    name: 'resolve as closed_unresolved (the reason is the reply)',
    state: 'in_progress',
    need: mine,
    send: transition((x) => ({ action: 'resolve', outcome: 'closed_unresolved', reason: x.reply, note: x.internal })),
  },
  { name: 'bulk accept', state: 'reported', send: bulk((x) => ({ action: 'accept', note: x.internal, reply: x.reply })) },
  { name: 'bulk reject', state: 'reported', send: bulk((x) => ({ action: 'reject', reason: x.reply, note: x.internal })) },
  { name: 'bulk assign', state: 'accepted', send: bulk((x) => ({ action: 'assign', handlerUserId: handlerId, note: x.internal, reply: x.reply })) },
  {
    name: 'bulk merge',
    state: 'reported',
    send: async (id, x) => bulk((y) => ({ action: 'merge', duplicateOf: survivor, note: y.internal, reply: y.reply }))(id, x),
  },
];

let survivor = '';
let group = '';

describe('an action\'s internal note reaches staff only, its reply the resident too', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    survivor = await buildNeed(t.db, w, { state: 'accepted', household: w.neighbour });
    group = await buildCommonNeed(t.db, w, admin.user.id);
    const id = await buildNeed(t.db, w, { state: row.state, ...row.need?.() });
    const x = texts();
    const res = await row.send(id, x);
    expect(res.statusCode, res.body).toBeLessThan(300);
    if (res.body.includes('"results"')) expect(res.json<BulkTransitionResponse>().results[0]?.ok, res.body).toBe(true);

    // Staff read both, each in its own field of the timeline entry.
    const staff = (await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>();
    const entry = staff.timeline.at(-1)!;
    expect(entry.reply).toBe(x.reply);
    expect(entry.note).toBe(row.alsoInternal ? `${x.internal2}\n${x.internal}` : x.internal);

    // The household's account reads the need, its timeline and its notices: the reply, never the note.
    const seen = await household.get(`/api/v1/needs/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<NeedDetail>().timeline.at(-1)).toMatchObject({ action: entry.action, note: '', reply: x.reply, data: null });
    const notices = await household.get('/api/v1/notifications');
    expect(notices.json<Page<NotificationView>>().items.filter((i) => i.needId === id).map((i) => i.reply)).toContain(x.reply);
    for (const text of [x.internal, x.internal2]) {
      expect(seen.body).not.toContain(text);
      expect(notices.body).not.toContain(text);
    }
  });
});

describe('what the resident writes is a reply; residents have no internal notes', () => {
  it('shows a dispute reason and a rating comment as replies, and refuses a resident\'s note', async () => {
    const id = await buildNeed(t.db, w, { state: 'resolved', reporter_user_id: household.user.id });
    const withNote = await household.post(`/api/v1/needs/${id}/transitions`, { action: 'dispute', reason: '灯还是不亮', note: '给自己的备注' });
    expect(withNote.statusCode).toBe(400);
    expect(withNote.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'note', code: 'validation.not_allowed' })]);
    expect((await household.post(`/api/v1/needs/${id}/transitions`, { action: 'dispute', reason: '灯还是不亮' })).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>().timeline.at(-1)).toMatchObject({ action: 'dispute', reply: '灯还是不亮', note: '' });

    const done = await buildNeed(t.db, w, { state: 'resolved', reporter_user_id: household.user.id });
    expect((await household.post(`/api/v1/needs/${done}/transitions`, { action: 'confirm', rating: 5, comment: '修得很快' })).statusCode).toBe(200);
    expect((await household.get(`/api/v1/needs/${done}`)).json<NeedDetail>().timeline.at(-1)).toMatchObject({ action: 'confirm', reply: '修得很快' });
  });

  it('shows the resident the outcome note (a reply) and not the referral answer (internal)', async () => {
    const id = await buildNeed(t.db, w, { state: 'referred', referral_department: '区住建局' });
    await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'answer_referral', answer: '住建局：下周更换线路' });
    await t.db.updateTable('needs').set({ handler_user_id: admin.user.id }).where('id', '=', id).execute();
    await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'resolve', outcome: 'fully', reply: '已更换楼道灯', note: '费用走维修基金' });
    expect((await admin.get(`/api/v1/needs/${id}`)).json()).toMatchObject({ referralAnswer: '住建局：下周更换线路', outcomeNote: '已更换楼道灯' });
    const seen = await household.get(`/api/v1/needs/${id}`);
    expect(seen.json()).toMatchObject({ referralAnswer: null, outcomeNote: '已更换楼道灯' });
    expect(seen.body).not.toContain('住建局：下周更换线路');
    expect(seen.body).not.toContain('费用走维修基金');
    const listed = await household.get('/api/v1/needs');
    expect(listed.body).not.toContain('住建局：下周更换线路');
  });
});
