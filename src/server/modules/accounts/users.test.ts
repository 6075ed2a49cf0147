import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, Client, createTestApp, createUser, TEST_PASSWORD, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildDistrictFixture, type DistrictFixture } from './accounts.fixtures.ts';
import type { UserView } from './users.schemas.ts';

let t: TestApp;
let d1: DistrictFixture;
let d2: DistrictFixture;
let admin: Awaited<ReturnType<typeof clientAs>>;
let off1: Awaited<ReturnType<typeof clientAs>>;
let off2: Awaited<ReturnType<typeof clientAs>>;
let worker: Awaited<ReturnType<typeof clientAs>>;

beforeAll(async () => {
  t = await createTestApp();
  d1 = await buildDistrictFixture(t.db);
  d2 = await buildDistrictFixture(t.db);
  admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
  off1 = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d1.districtId }]);
  off2 = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d2.districtId }]);
  worker = await clientAs(t, [
    { role: 'community_admin', scopeType: 'community', scopeId: d1.communityId, districtId: d1.districtId },
  ]);
});
afterAll(() => t.close());

const inD1 = () => ({ role: 'community_worker' as const, scopeType: 'community' as const, scopeId: d1.communityId, districtId: d1.districtId });
const inD2 = () => ({ role: 'community_worker' as const, scopeType: 'community' as const, scopeId: d2.communityId, districtId: d2.districtId });
const uniq = (p: string) => `${p}_${Math.random().toString(36).slice(2, 9)}`;

async function auditOf(entityId: string) {
  return t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('at').orderBy('id').execute();
}

describe('POST /users', () => {
  it('creates an account that can sign in, audited without the password', async () => {
    const username = uniq('zhou');
    const res = await admin.post('/api/v1/users', { username, displayName: '周书记', password: 'Secret-pass-42', locale: 'en' });
    expect(res.statusCode).toBe(201);
    const user = res.json<UserView>();
    expect(user).toMatchObject({ username, displayName: '周书记', locale: 'en', status: 'active', assignments: [] });
    expect(user.allowedActions).toEqual(expect.arrayContaining(['read', 'update', 'set_status', 'reset_password', 'grant_role']));
    const [record] = await auditOf(user.id);
    expect(record).toMatchObject({ action: 'user.create', district_id: '00000000-0000-0000-0000-000000000000' });
    expect(JSON.stringify(record)).not.toMatch(/Secret-pass-42|argon2|password/i);
    expect((await new Client(t.app).login(username, 'Secret-pass-42')).statusCode).toBe(200);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await auditCount(t.db, 'user.create');
    const bad = await admin.post('/api/v1/users', { username: 'Bad Name', displayName: '', password: 'x', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.code).toBe('validation.failed');
    const fields = bad.json<ErrorBody>().error.details?.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'extra']));
    const short = await admin.post('/api/v1/users', { username: 'ab', displayName: 'x', password: 'Secret-pass-42' });
    expect(short.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'username', code: 'validation.too_short' });
    const weak = await admin.post('/api/v1/users', { username: uniq('weak'), displayName: 'x', password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().error.code).toBe('auth.weak_password');
    const taken = await admin.post('/api/v1/users', { username: off1.user.username, displayName: 'x', password: 'Secret-pass-42' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().error.code).toBe('user.username_taken');
    const noDistrict = await admin.post('/api/v1/users', {
      username: uniq('nod'), displayName: 'x', password: 'Secret-pass-42', districtId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noDistrict.statusCode).toBe(404);
    expect(await auditCount(t.db, 'user.create')).toBe(before);
  });

  it('lets a district officer create accounts in their own district only', async () => {
    const res = await off1.post('/api/v1/users', { username: uniq('gw'), displayName: '网格员', password: 'Secret-pass-42' });
    expect(res.statusCode).toBe(201);
    const id = res.json<UserView>().id;
    expect((await auditOf(id))[0]!.district_id).toBe(d1.districtId);
    expect((await off1.get(`/api/v1/users/${id}`)).statusCode).toBe(200);
    expect((await off2.get(`/api/v1/users/${id}`)).statusCode).toBe(404);
    const other = await off1.post('/api/v1/users', {
      username: uniq('gw'), displayName: 'x', password: 'Secret-pass-42', districtId: d2.districtId,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'districtId', code: 'resource.not_found' });
  });

  it('is refused to other roles and to anonymous callers', async () => {
    const body = { username: uniq('no'), displayName: 'x', password: 'Secret-pass-42' };
    expect((await worker.post('/api/v1/users', body)).statusCode).toBe(403);
    expect((await new Client(t.app).post('/api/v1/users', body)).statusCode).toBe(401);
  });
});

describe('GET /users', () => {
  it('lists by scope, filters and pages without repeats', async () => {
    const prefix = uniq('lst');
    const a = await createUser(t.db, [inD1()], { username: `${prefix}_a`, displayName: '张三' });
    const b = await createUser(t.db, [inD1(), { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId, districtId: d1.districtId }], { username: `${prefix}_b` });
    const c = await createUser(t.db, [inD2()], { username: `${prefix}_c` });
    const dis = await createUser(t.db, [inD1()], { username: `${prefix}_d` });
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', dis.id).execute();

    const all = await admin.get(`/api/v1/users?q=${prefix}&limit=200`);
    expect(all.json<Page<UserView>>().items.map((u: { id: string }) => u.id)).toEqual([a.id, b.id, c.id, dis.id]);
    const mine = await off1.get(`/api/v1/users?q=${prefix}`);
    expect(mine.json<Page<UserView>>().items.map((u: { id: string }) => u.id)).toEqual([a.id, b.id, dis.id]);
    expect(mine.json<Page<UserView>>().items[0].assignments[0]).toMatchObject({ role: 'community_worker', scopeName: expect.stringMatching(/^社区/) as unknown });
    const grid = await off1.get(`/api/v1/users?q=${prefix}&role=grid_worker`);
    expect(grid.json<Page<UserView>>().items.map((u: { id: string }) => u.id)).toEqual([b.id]);
    const disabled = await off1.get(`/api/v1/users?q=${prefix}&status=disabled`);
    expect(disabled.json<Page<UserView>>().items.map((u: { id: string }) => u.id)).toEqual([dis.id]);
    const byName = await admin.get(`/api/v1/users?q=${encodeURIComponent('张')}&limit=200`);
    expect(byName.json<Page<UserView>>().items.map((u: { id: string }) => u.id)).toContain(a.id);
    // "_" is matched literally, not as a wildcard
    expect((await admin.get(`/api/v1/users?q=${prefix.replace('_', '%5F')}`)).json<Page<UserView>>().items).toHaveLength(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await admin.get(`/api/v1/users?q=${prefix}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json<Page<UserView>>();
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([a.id, b.id, c.id, dis.id]);
  });

  it('refuses bad queries, other roles and anonymous callers', async () => {
    expect((await admin.get('/api/v1/users?limit=500')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/users?role=king')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/users?cursor=nonsense')).json<ErrorBody>().error.code).toBe('validation.invalid_cursor');
    expect((await worker.get('/api/v1/users')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/api/v1/users')).statusCode).toBe(401);
  });
});

describe('GET /users/:id', () => {
  it('shows assignments with scope names and the actions the caller may take', async () => {
    const u = await createUser(t.db, [inD1()]);
    const res = await off1.get(`/api/v1/users/${u.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<UserView>().assignments).toEqual([
      expect.objectContaining({ role: 'community_worker', scopeType: 'community', scopeId: d1.communityId, allowedActions: ['revoke'] }),
    ]);
    expect(res.json<UserView>().allowedActions).toEqual(['read', 'update', 'set_status', 'reset_password', 'grant_role', 'revoke_role']);
  });

  it('answers 404 out of scope and for missing ids, 403 to other roles', async () => {
    const u = await createUser(t.db, [inD2()]);
    expect((await off1.get(`/api/v1/users/${u.id}`)).json<ErrorBody>().error.code).toBe('resource.not_found');
    expect((await off1.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await off1.get(`/api/v1/users/${admin.user.id}`)).statusCode).toBe(404);
    expect((await off1.get('/api/v1/users/not-a-uuid')).statusCode).toBe(400);
    expect((await worker.get(`/api/v1/users/${u.id}`)).statusCode).toBe(403);
  });

  it('lets a district officer see but not change someone who also works in another district', async () => {
    const u = await createUser(t.db, [inD1(), inD2()]);
    const res = await off1.get(`/api/v1/users/${u.id}`);
    expect(res.json<UserView>().allowedActions).toEqual(['read', 'grant_role', 'revoke_role']);
    expect(res.json<UserView>().assignments.map((a: { allowedActions: string[] }) => a.allowedActions)).toEqual([['revoke'], []]);
    const before = await auditCount(t.db, 'user.update');
    expect((await off1.patch(`/api/v1/users/${u.id}`, { displayName: 'x' })).statusCode).toBe(403);
    expect((await off1.post(`/api/v1/users/${u.id}/password`, { newPassword: 'Another-pass-99' })).statusCode).toBe(403);
    expect((await off1.patch(`/api/v1/users/${u.id}`, { status: 'disabled' })).statusCode).toBe(403);
    expect(await auditCount(t.db, 'user.update')).toBe(before);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { displayName: 'x' })).statusCode).toBe(200);
  });
});

describe('PATCH /users/:id', () => {
  it('changes name and language, audited with before and after', async () => {
    const u = await createUser(t.db, [inD1()], { displayName: '旧名' });
    const res = await off1.patch(`/api/v1/users/${u.id}`, { displayName: '新名', locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json<UserView>()).toMatchObject({ displayName: '新名', locale: 'en' });
    const [record] = await auditOf(u.id);
    expect(record).toMatchObject({
      action: 'user.update',
      district_id: d1.districtId,
      actor_user_id: off1.user.id,
      before: { displayName: '旧名', locale: 'zh-CN' },
      after: { displayName: '新名', locale: 'en' },
    });
  });

  it('disabling ends the sessions and refuses sign-in; enabling lets the user back', async () => {
    const u = await createUser(t.db, [inD1()]);
    const c = new Client(t.app);
    await c.login(u.username);
    const res = await off1.patch(`/api/v1/users/${u.id}`, { status: 'disabled' });
    expect(res.json<UserView>().status).toBe('disabled');
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    const open = await t.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).where('ended_at', 'is', null).execute();
    expect(open).toHaveLength(0);
    expect((await new Client(t.app).login(u.username)).statusCode).toBe(401);
    expect((await off1.patch(`/api/v1/users/${u.id}`, { status: 'active' })).statusCode).toBe(200);
    expect((await new Client(t.app).login(u.username)).statusCode).toBe(200);
    const actions = (await auditOf(u.id)).filter((r) => r.action === 'user.update').map((r) => r.after);
    expect(actions).toEqual([{ status: 'disabled', endedSessions: 1 }, { status: 'active' }]);
  });

  it('refuses disabling oneself, bad values, and out-of-scope users', async () => {
    const before = await auditCount(t.db, 'user.update');
    expect((await off1.patch(`/api/v1/users/${off1.user.id}`, { status: 'disabled' })).statusCode).toBe(403);
    expect((await off1.patch(`/api/v1/users/${off1.user.id}`, { displayName: '自己' })).statusCode).toBe(200);
    const u = await createUser(t.db, [inD1()]);
    expect((await off1.patch(`/api/v1/users/${u.id}`, { status: 'deleted' })).statusCode).toBe(400);
    expect((await off1.patch(`/api/v1/users/${u.id}`, { displayName: '   ' })).statusCode).toBe(400);
    expect((await off1.patch(`/api/v1/users/${u.id}`, { username: 'x' })).statusCode).toBe(400);
    expect((await off2.patch(`/api/v1/users/${u.id}`, { displayName: 'x' })).statusCode).toBe(404);
    expect((await worker.patch(`/api/v1/users/${u.id}`, { displayName: 'x' })).statusCode).toBe(403);
    expect(await auditCount(t.db, 'user.update')).toBe(before + 1);
  });
});

describe('POST /users/:id/password', () => {
  it('sets a new password and ends every session of the user', async () => {
    const u = await createUser(t.db, [inD1()]);
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.login(u.username);
    await b.login(u.username);
    const res = await off1.post(`/api/v1/users/${u.id}/password`, { newPassword: 'Reset-pass-2026' });
    expect(res.statusCode).toBe(200);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await new Client(t.app).login(u.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new Client(t.app).login(u.username, 'Reset-pass-2026')).statusCode).toBe(200);
    const record = (await auditOf(u.id)).find((r) => r.action === 'user.reset_password')!;
    expect(record.after).toEqual({ endedSessions: 2 });
    expect(JSON.stringify(record)).not.toContain('Reset-pass-2026');
  });

  it('refuses weak passwords and callers out of reach, writing nothing', async () => {
    const u = await createUser(t.db, [inD1()]);
    const before = await auditCount(t.db, 'user.reset_password');
    expect((await off1.post(`/api/v1/users/${u.id}/password`, { newPassword: 'short' })).json<ErrorBody>().error.code).toBe('auth.weak_password');
    expect((await off1.post(`/api/v1/users/${u.id}/password`, {})).statusCode).toBe(400);
    expect((await off2.post(`/api/v1/users/${u.id}/password`, { newPassword: 'Reset-pass-2026' })).statusCode).toBe(404);
    expect((await off1.post(`/api/v1/users/${admin.user.id}/password`, { newPassword: 'Reset-pass-2026' })).statusCode).toBe(404);
    expect((await worker.post(`/api/v1/users/${u.id}/password`, { newPassword: 'Reset-pass-2026' })).statusCode).toBe(403);
    expect(await auditCount(t.db, 'user.reset_password')).toBe(before);
    expect((await new Client(t.app).login(u.username)).statusCode).toBe(200);
  });
});
