/**
 * Migration 0014 sorts the notes written before internal notes and replies were kept apart:
 * explanations owed to the resident become replies, everything else stays internal, and a
 * notice loses a note that is not a reply.
 */
import { sql } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../platform/db/migrate.ts';
import type { Database } from '../../platform/db/kysely.ts';
import { openTestDatabaseBefore } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';

const MIGRATION = '0014_need_replies.sql';
let database: Database;
let w: NeedWorld;

beforeAll(async () => {
  database = await openTestDatabaseBefore(MIGRATION);
  w = await buildNeedWorld(database.db);
});
afterAll(() => database.close());

/** The action and note of each event written before the migration, and whether it is a reply (literal, not from the code). */
const EVENTS: [action: string, note: string, reply: boolean][] = [
  ['reject', '不属于社区受理范围', true],
  ['wait', '等待配件到货', true],
  ['resolve', '已更换楼道灯', true],
  ['dispute', '灯还是不亮', true],
  ['confirm', '修得很快', true],
  ['pool', '楼道照明集中维修', true],
  ['split', 'N-2025-000002', true],
  ['absorb', 'N-2025-000003', true],
  ['attach', '楼道照片.jpg', true],
  ['accept', '已联系物业经理', false],
  ['assign', '请周三前上门，居民情绪激动', false],
  ['refer', '附上照片三张', false],
  ['answer_referral', '住建局：下周更换线路', false],
  ['resume', '配件已到', false],
  ['merge', '与3号楼同一问题', false],
  ['report', '', false],
];

describe(`migration ${MIGRATION}`, () => {
  it('moves explanations owed to the resident into replies, keeps the rest internal, and strips notices of internal notes', async () => {
    const db = database.db;
    const needId = await buildNeed(db, w);
    const user = newId();
    await sql`insert into users (id, username, display_name, password_hash) values (${user}, ${`u_${user.slice(-8)}`}, '王娟', 'x')`.execute(db);
    for (const [action, note] of EVENTS) {
      await sql`insert into need_events (district_id, id, need_id, action, note) values (${w.district.id}, ${newId()}, ${needId}, ${action}, ${note})`.execute(db);
    }
    const notice = (note: string) =>
      sql`insert into notifications (district_id, id, user_id, need_id, kind, state, note) values (${w.district.id}, ${newId()}, ${user}, ${needId}, 'state_changed', 'accepted', ${note})`.execute(db);
    for (const note of ['不属于社区受理范围', '请周三前上门，居民情绪激动', 'N-2025-000003', '']) await notice(note);

    // Later migrations run after it too.
    expect((await migrate(db))[0]).toBe(MIGRATION);

    const events = await db.selectFrom('need_events').select(['action', 'note', 'reply']).where('need_id', '=', needId).execute();
    for (const [action, text, reply] of EVENTS) {
      expect(events.find((e) => e.action === action), action).toEqual({ action, note: reply ? '' : text, reply: reply ? text : '' });
    }
    const notices = await db.selectFrom('notifications').select('reply').where('need_id', '=', needId).execute();
    expect(notices.map((n) => n.reply).sort()).toEqual(['', '', 'N-2025-000003', '不属于社区受理范围'].sort());
  });
});
