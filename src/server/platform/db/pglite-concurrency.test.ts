import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../auth/sessions.ts';
import { auditCount, clientAs, createTestApp, createUser, type TestApp } from '../../testing.ts';

/**
 * The embedded database is one Postgres session (DESIGN 6.1): concurrent requests must queue
 * whole transactions, never interleave their statements. Runs on PostgreSQL too, where the
 * same workload goes through the pool.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await sql`create table concurrency_probe (worker int not null, step int not null, unique (worker, step))`.execute(t.db);
});
afterAll(() => t.close());

const N = 60;

describe('concurrent writes', () => {
  it('commits every one of many concurrent writing HTTP requests', async () => {
    const users = await Promise.all(Array.from({ length: N }, () => createUser(t.db, [])));
    const policy = { idleMinutes: 30, absoluteHours: 12 };
    const sessions = await Promise.all(users.map((u) => openSession(t.db, u.id, policy, { ip: '127.0.0.1', userAgent: 'test' })));
    const before = await auditCount(t.db, 'user.update_self');
    const responses = await Promise.all(
      sessions.map((s, i) =>
        t.app.inject({
          method: 'PATCH',
          url: '/api/v1/me',
          payload: { displayName: `并发-${i}`, locale: i % 2 ? 'en' : 'zh-CN' },
          headers: { cookie: `sanshe_session=${s.token}`, 'x-csrf-token': s.csrfToken },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(N).fill(200));
    expect(await auditCount(t.db, 'user.update_self')).toBe(before + N);
    const rows = await t.db.selectFrom('users').select(['id', 'display_name', 'locale']).where('id', 'in', users.map((u) => u.id)).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    users.forEach((u, i) => expect(byId.get(u.id)).toMatchObject({ display_name: `并发-${i}`, locale: i % 2 ? 'en' : 'zh-CN' }));
  });

  it('keeps other requests whole while racing requests collide on a unique key', async () => {
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const body = (i: number) => ({ username: i % 5 === 0 ? 'same_name' : `racer_${i}`, displayName: `r${i}`, password: 'Secret-pass-42' });
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => admin.post('/api/v1/users', body(i))));
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(41);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    expect(codes.filter((c) => c !== 201 && c !== 409)).toEqual([]);
    const created = await t.db.selectFrom('users').select('username').where('username', 'like', 'racer_%').execute();
    expect(created).toHaveLength(40);
    expect(await auditCount(t.db, 'user.create')).toBe(41);
  });

  it('isolates interleaved transactions and leaves nothing of rolled-back ones', async () => {
    const work = Array.from({ length: N }, (_, worker) =>
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('concurrency_probe' as never).values({ worker, step: 1 } as never).execute();
        await sleep(worker % 7);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from concurrency_probe where worker = ${worker}`.execute(trx);
        if (rows[0]!.n !== 1) throw new Error(`worker ${worker} saw ${rows[0]!.n} rows`);
        if (worker % 10 === 3) throw new Error('rolled back on purpose');
        // a failing statement aborts only its own transaction
        if (worker % 10 === 7) await sql`insert into concurrency_probe (worker, step) values (${worker}, 1)`.execute(trx);
        await sleep(worker % 3);
        await trx.insertInto('concurrency_probe' as never).values({ worker, step: 2 } as never).execute();
      }),
    );
    // plain reads between them never see uncommitted rows
    const reads = Array.from({ length: 10 }, () =>
      sql<{ n: number }>`select count(*)::int as n from concurrency_probe where step = 1
        and not exists (select 1 from concurrency_probe p2 where p2.worker = concurrency_probe.worker and p2.step = 2)`.execute(t.db),
    );
    const results = await Promise.allSettled(work);
    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, String(r.reason)] as const] : []));
    expect(failures.map(([i]) => i)).toEqual(Array.from({ length: N }, (_, i) => i).filter((i) => i % 10 === 3 || i % 10 === 7));
    for (const [i, reason] of failures) {
      expect(reason).toMatch(i % 10 === 3 ? /rolled back on purpose/ : /duplicate key/);
      expect(reason).not.toMatch(/current transaction is aborted/);
    }
    expect((await Promise.all(reads)).map((r) => r.rows[0]!.n)).toEqual(Array(10).fill(0));
    const rows = await sql<{ worker: number; step: number }>`select worker, step from concurrency_probe order by worker, step`.execute(t.db);
    const committed = Array.from({ length: N }, (_, i) => i).filter((i) => i % 10 !== 3 && i % 10 !== 7);
    expect(rows.rows).toEqual(committed.flatMap((worker) => [{ worker, step: 1 }, { worker, step: 2 }]));
  });
});
