import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_DISTRICT, writeAudit } from '../../platform/audit/audit.ts';
import { clientAs, Client, createTestApp, type TestApp, type ErrorBody } from '../../testing.ts';
import { buildDistrictFixture, type DistrictFixture } from '../accounts/accounts.fixtures.ts';
import type { AuditRecordView } from './audit.schemas.ts';

let t: TestApp;
let d1: DistrictFixture;
let d2: DistrictFixture;
let admin: Awaited<ReturnType<typeof clientAs>>;
let off1: Awaited<ReturnType<typeof clientAs>>;
let worker: Awaited<ReturnType<typeof clientAs>>;

type Page = { items: { id: string; districtId: string; action: string; at: string; entityId: string | null }[]; nextCursor: string | null };

beforeAll(async () => {
  t = await createTestApp();
  d1 = await buildDistrictFixture(t.db);
  d2 = await buildDistrictFixture(t.db);
  admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
  off1 = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d1.districtId }]);
  worker = await clientAs(t, [
    { role: 'community_admin', scopeType: 'community', scopeId: d1.communityId, districtId: d1.districtId },
  ]);
  // one transaction: all these records share the same `at`
  await t.db.transaction().execute(async (trx) => {
    for (const [districtId, n] of [[d1.districtId, 7], [d2.districtId, 4]] as const) {
      for (let i = 0; i < n; i++) {
        await writeAudit(trx, { actor: { userId: admin.user.id, displayName: 'A' }, ip: '10.0.0.1' }, {
          action: 'test.batch', entityType: 'probe', entityId: `${districtId}:${i}`, districtId, after: { i },
        });
      }
    }
  });
});
afterAll(() => t.close());

async function all(c: Client, query: string, limit = 3): Promise<Page['items']> {
  const out: Page['items'] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/v1/audit?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<Page>();
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('GET /audit', () => {
  it('shows a platform admin every district, newest first, paging records of the same instant exactly once', async () => {
    const items = await all(admin, 'action=test.batch');
    expect(items).toHaveLength(11);
    expect(new Set(items.map((i) => i.id)).size).toBe(11);
    const ids = items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const signIns = await all(admin, 'action=auth.login', 50);
    expect(signIns.every((i) => i.districtId === PLATFORM_DISTRICT)).toBe(true);
  });

  it('shows a district officer only their district', async () => {
    const items = await all(off1, 'entityType=probe');
    expect(items).toHaveLength(7);
    expect(items.every((i) => i.districtId === d1.districtId)).toBe(true);
    expect(await all(off1, `districtId=${d2.districtId}`)).toEqual([]);
    expect(await all(off1, 'action=auth.login')).toEqual([]);
    // records written by their own commands in the district appear
    const created = await off1.post('/api/v1/users', { username: `aud_${Date.now()}`, displayName: 'x', password: 'Secret-pass-42' });
    const mine = await all(off1, `entityId=${created.json<AuditRecordView>().id}`);
    expect(mine.map((i) => i.action)).toEqual(['user.create']);
  });

  it('filters by action, entity, actor, district and time', async () => {
    const one = await all(admin, `entityType=probe&entityId=${encodeURIComponent(`${d2.districtId}:2`)}`);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ action: 'test.batch', districtId: d2.districtId, after: { i: 2 }, actorName: 'A', ip: '10.0.0.1' });
    expect(await all(admin, `actorUserId=${admin.user.id}&action=test.batch`)).toHaveLength(11);
    expect(await all(admin, `actorUserId=${off1.user.id}&action=test.batch`)).toHaveLength(0);
    expect(await all(admin, `districtId=${d2.districtId}&action=test.batch`)).toHaveLength(4);
    const at = one[0]!.at;
    const later = new Date(Date.parse(at) + 1000).toISOString();
    const earlier = new Date(Date.parse(at) - 1000).toISOString();
    expect(await all(admin, `action=test.batch&from=${earlier}&to=${later}`)).toHaveLength(11);
    expect(await all(admin, `action=test.batch&from=${later}`)).toHaveLength(0);
    expect(await all(admin, `action=test.batch&to=${earlier}`)).toHaveLength(0);
  });

  it('refuses bad filters and cursors', async () => {
    expect((await admin.get('/api/v1/audit?from=yesterday')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/audit?actorUserId=1')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/audit?limit=201')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/audit?color=red')).statusCode).toBe(400);
    const bad = Buffer.from(JSON.stringify(['not a time', 'x'])).toString('base64url');
    expect((await admin.get(`/api/v1/audit?cursor=${bad}`)).json<ErrorBody>().error.code).toBe('validation.invalid_cursor');
  });

  it('is closed to other roles (403) and to anonymous callers (401)', async () => {
    expect((await worker.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await worker.get('/api/v1/audit')).json<ErrorBody>().error.code).toBe('access.forbidden');
    expect((await new Client(t.app).get('/api/v1/audit')).statusCode).toBe(401);
  });
});

describe('audit records cannot be changed', () => {
  it('has no route that changes or deletes them', async () => {
    const [record] = await all(admin, 'action=test.batch', 1);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const url of ['/api/v1/audit', `/api/v1/audit/${record!.id}`]) {
        const res = await admin.request(method, url, method === 'DELETE' ? undefined : { action: 'x' });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json<ErrorBody>().error.code).toBe('route.not_found');
      }
    }
  });

  it('is refused by the database itself', async () => {
    await expect(sql`update audit_log set action = 'x' where action = 'test.batch'`.execute(t.db)).rejects.toThrow(
      /audit records cannot be changed/,
    );
    await expect(sql`delete from audit_log where action = 'test.batch'`.execute(t.db)).rejects.toThrow(/audit records cannot be changed/);
    // TRUNCATE fires no row trigger: a statement trigger refuses it.
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/audit records cannot be changed/);
    await expect(sql`truncate login_failures, audit_log`.execute(t.db)).rejects.toThrow(/audit records cannot be changed/);
    expect(await all(admin, 'action=test.batch', 50)).toHaveLength(11);
  });
});
