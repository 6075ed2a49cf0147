import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, Client, createTestApp, createUser, type TestApp, type ErrorBody } from '../../testing.ts';
import { buildDistrictFixture, type DistrictFixture } from './accounts.fixtures.ts';
import type { UserView } from './users.schemas.ts';

let t: TestApp;
let d1: DistrictFixture;
let d2: DistrictFixture;
let admin: Awaited<ReturnType<typeof clientAs>>;
let off1: Awaited<ReturnType<typeof clientAs>>;
let worker: Awaited<ReturnType<typeof clientAs>>;

beforeAll(async () => {
  t = await createTestApp();
  d1 = await buildDistrictFixture(t.db);
  d2 = await buildDistrictFixture(t.db);
  admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
  off1 = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d1.districtId }]);
  worker = await clientAs(t, [
    { role: 'community_admin', scopeType: 'community', scopeId: d1.communityId, districtId: d1.districtId },
  ]);
});
afterAll(() => t.close());

const newUser = () => createUser(t.db, []);
async function newD1User() {
  const res = await off1.post('/api/v1/users', {
    username: `r_${Math.random().toString(36).slice(2, 10)}`,
    displayName: '新同事',
    password: 'Secret-pass-42',
  });
  return res.json<UserView>() as { id: string; username: string };
}
const grants = () => auditCount(t.db, 'user.grant_role');
const stored = (userId: string) =>
  t.db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

describe('POST /users/:id/roles', () => {
  it('grants a role in each kind of scope, storing the district of the scope', async () => {
    const u = await newUser();
    const cases = [
      { role: 'street_officer', scopeType: 'street', scopeId: d1.streetId },
      { role: 'community_admin', scopeType: 'community', scopeId: d1.communityId },
      { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId },
      { role: 'reviewer', scopeType: 'district', scopeId: d1.districtId },
      { role: 'org_admin', scopeType: 'organization', scopeId: d1.organizationId },
      { role: 'platform_admin', scopeType: 'platform' },
    ];
    for (const body of cases) expect((await admin.post(`/api/v1/users/${u.id}/roles`, body)).statusCode).toBe(201);
    const rows = await stored(u.id);
    expect(rows.map((r) => r.scope_district_id)).toEqual([d1.districtId, d1.districtId, d1.districtId, d1.districtId, null, null]);
    const view = (await admin.get(`/api/v1/users/${u.id}`)).json<UserView>();
    expect(view.assignments.map((a: { scopeName: string }) => a.scopeName)).toEqual([
      expect.stringMatching(/^街道/), expect.stringMatching(/^社区/), expect.stringMatching(/网格/),
      expect.stringMatching(/^区/), expect.stringMatching(/^社工机构/), '',
    ]);
    const records = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.grant_role').where('entity_id', '=', u.id).execute();
    expect(records.map((r) => r.district_id).sort()).toEqual(
      [d1.districtId, d1.districtId, d1.districtId, d1.districtId, d1.districtId, '00000000-0000-0000-0000-000000000000'].sort(),
    );
  });

  it('refuses a role in a scope kind it cannot have, missing scopes and bad input', async () => {
    const u = await newUser();
    const before = await grants();
    const post = (body: object) => admin.post(`/api/v1/users/${u.id}/roles`, body);
    expect((await post({ role: 'community_admin', scopeType: 'street', scopeId: d1.streetId })).json<ErrorBody>().error.code).toBe('user.invalid_scope');
    expect((await post({ role: 'district_officer', scopeType: 'platform' })).json<ErrorBody>().error.code).toBe('user.invalid_scope');
    const missing = await post({ role: 'community_admin', scopeType: 'community', scopeId: d1.streetId });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().error).toMatchObject({ code: 'resource.not_found', details: { fields: [{ field: 'scopeId', code: 'resource.not_found' }] } });
    expect((await post({ role: 'org_admin', scopeType: 'organization', scopeId: d1.streetId })).json<ErrorBody>().error.code).toBe('resource.not_found');
    expect((await post({ role: 'community_admin', scopeType: 'community' })).json<ErrorBody>().error.details?.fields[0]).toMatchObject({
      field: 'scopeId', code: 'validation.required',
    });
    expect((await post({ role: 'platform_admin', scopeType: 'platform', scopeId: d1.districtId })).statusCode).toBe(400);
    expect((await post({ role: 'king', scopeType: 'platform' })).statusCode).toBe(400);
    expect((await post({ role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId, residentId: d1.residentId })).statusCode).toBe(400);
    expect(await grants()).toBe(before);
    expect(await stored(u.id)).toHaveLength(0);
  });

  it('refuses a second identical grant', async () => {
    const u = await newUser();
    const body = { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId };
    expect((await admin.post(`/api/v1/users/${u.id}/roles`, body)).statusCode).toBe(201);
    const again = await admin.post(`/api/v1/users/${u.id}/roles`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('user.role_already_granted');
  });

  it('binds a resident account to a resident of the household', async () => {
    const u = await newUser();
    const wrong = await admin.post(`/api/v1/users/${u.id}/roles`, {
      role: 'resident', scopeType: 'household', scopeId: d1.householdId, residentId: d2.residentId,
    });
    expect(wrong.json<ErrorBody>().error.code).toBe('user.resident_not_found');
    const res = await admin.post(`/api/v1/users/${u.id}/roles`, {
      role: 'resident', scopeType: 'household', scopeId: d1.householdId, residentId: d1.residentId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<UserView>().residentId).toBe(d1.residentId);
    const row = await t.db.selectFrom('users').select(['resident_id', 'resident_district_id']).where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ resident_id: d1.residentId, resident_district_id: d1.districtId });
    await admin.delete(`/api/v1/users/${u.id}/roles/${res.json<UserView>().assignments[0].id}`);
    expect((await admin.get(`/api/v1/users/${u.id}`)).json<UserView>().residentId).toBeNull();
  });

  it('lets a district officer grant only inside their district, never platform_admin', async () => {
    const u = await newD1User();
    const post = (body: object) => off1.post(`/api/v1/users/${u.id}/roles`, body);
    expect((await post({ role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId })).statusCode).toBe(201);
    expect((await post({ role: 'org_admin', scopeType: 'organization', scopeId: d1.organizationId })).statusCode).toBe(201);
    expect((await post({ role: 'district_officer', scopeType: 'district', scopeId: d1.districtId })).statusCode).toBe(201);
    const before = await grants();
    // scopes of another district look like missing ones (404)
    expect((await post({ role: 'grid_worker', scopeType: 'grid', scopeId: d2.gridId })).json<ErrorBody>().error.code).toBe('resource.not_found');
    expect((await post({ role: 'district_officer', scopeType: 'district', scopeId: d2.districtId })).json<ErrorBody>().error.code).toBe(
      'resource.not_found',
    );
    // the organizations register is public: another district's organization is visible, the grant forbidden
    expect((await post({ role: 'org_admin', scopeType: 'organization', scopeId: d2.organizationId })).json<ErrorBody>().error.code).toBe(
      'access.forbidden',
    );
    const top = await post({ role: 'platform_admin', scopeType: 'platform' });
    expect(top.statusCode).toBe(403);
    expect(top.json<ErrorBody>().error.code).toBe('access.forbidden');
    expect(await grants()).toBe(before);
  });

  it('answers 404 for accounts out of reach and 403 to other roles', async () => {
    const outside = await createUser(t.db, [
      { role: 'grid_worker', scopeType: 'grid', scopeId: d2.gridId, districtId: d2.districtId },
    ]);
    const body = { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId };
    expect((await off1.post(`/api/v1/users/${outside.id}/roles`, body)).statusCode).toBe(404);
    expect((await off1.post(`/api/v1/users/${(await newUser()).id}/roles`, body)).statusCode).toBe(404);
    expect((await worker.post(`/api/v1/users/${outside.id}/roles`, body)).statusCode).toBe(403);
    expect((await new Client(t.app).post(`/api/v1/users/${outside.id}/roles`, body)).statusCode).toBe(401);
  });

  it('takes effect on the next request of the user', async () => {
    const u = await newD1User();
    const c = new Client(t.app);
    expect((await c.login(u.username, 'Secret-pass-42')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).json<UserView>().assignments).toEqual([]);
    await off1.post(`/api/v1/users/${u.id}/roles`, { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId });
    expect((await c.get('/api/v1/me')).json<UserView>().assignments[0].role).toBe('grid_worker');
  });
});

describe('DELETE /users/:id/roles/:assignmentId', () => {
  it('revokes an assignment, audited with what it was', async () => {
    const u = await newD1User();
    const granted = (await off1.post(`/api/v1/users/${u.id}/roles`, { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId })).json<UserView>();
    const assignmentId = granted.assignments[0].id;
    const res = await off1.delete(`/api/v1/users/${u.id}/roles/${assignmentId}`);
    expect(res.statusCode).toBe(200);
    expect(await stored(u.id)).toEqual([]);
    const record = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.revoke_role').where('entity_id', '=', u.id).executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      district_id: d1.districtId,
      before: { assignmentId, role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId },
    });
    // still visible to the officer: the account was created in the district
    expect((await off1.get(`/api/v1/users/${u.id}`)).statusCode).toBe(200);
  });

  it('refuses assignments of another district, of oneself, and of another user', async () => {
    const u = await createUser(t.db, [
      { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId, districtId: d1.districtId },
      { role: 'grid_worker', scopeType: 'grid', scopeId: d2.gridId, districtId: d2.districtId },
    ]);
    const [inD1, inD2] = await stored(u.id);
    const other = await createUser(t.db, [{ role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId, districtId: d1.districtId }]);
    const before = await auditCount(t.db, 'user.revoke_role');
    expect((await off1.delete(`/api/v1/users/${u.id}/roles/${inD2!.id}`)).statusCode).toBe(403);
    expect((await off1.delete(`/api/v1/users/${other.id}/roles/${inD1!.id}`)).statusCode).toBe(404);
    expect((await off1.delete(`/api/v1/users/${u.id}/roles/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const own = (await stored(off1.user.id))[0]!;
    expect((await off1.delete(`/api/v1/users/${off1.user.id}/roles/${own.id}`)).statusCode).toBe(403);
    const ownAdmin = (await stored(admin.user.id))[0]!;
    expect((await admin.delete(`/api/v1/users/${admin.user.id}/roles/${ownAdmin.id}`)).statusCode).toBe(403);
    expect((await worker.delete(`/api/v1/users/${u.id}/roles/${inD1!.id}`)).statusCode).toBe(403);
    expect(await auditCount(t.db, 'user.revoke_role')).toBe(before);
    expect(await stored(u.id)).toHaveLength(2);
    expect((await off1.delete(`/api/v1/users/${u.id}/roles/${inD1!.id}`)).statusCode).toBe(200);
    // with only the other district's role left, the account is out of the officer's reach
    expect((await off1.get(`/api/v1/users/${u.id}`)).statusCode).toBe(404);
  });

  it('lets only a platform admin revoke platform_admin', async () => {
    const u = await createUser(t.db, [
      { role: 'platform_admin', scopeType: 'platform' },
      { role: 'grid_worker', scopeType: 'grid', scopeId: d1.gridId, districtId: d1.districtId },
    ]);
    const [top] = await stored(u.id);
    expect((await off1.delete(`/api/v1/users/${u.id}/roles/${top!.id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/users/${u.id}/roles/${top!.id}`)).statusCode).toBe(200);
  });
});
