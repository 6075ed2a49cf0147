import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, Client, createTestApp, createUser, type ErrorBody, type TestApp } from '../../testing.ts';
import type { Preferences } from './accounts.schemas.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn(username: string) {
  const c = new Client(t.app);
  await c.login(username);
  return c;
}

describe('own display preferences (GET/PATCH /me/preferences)', () => {
  it('starts with standard text, keeps large text for the user across sign-ins, and leaves others alone', async () => {
    const u = await createUser(t.db, []);
    const other = await createUser(t.db, []);
    const first = await signedIn(u.username);
    expect((await first.get('/api/v1/me/preferences')).json<Preferences>()).toEqual({ largeText: false });

    const changed = await first.patch('/api/v1/me/preferences', { largeText: true });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Preferences>()).toEqual({ largeText: true });

    // Another device, later: the setting follows the person.
    await first.post('/api/v1/auth/logout');
    const second = await signedIn(u.username);
    expect((await second.get('/api/v1/me/preferences')).json<Preferences>()).toEqual({ largeText: true });
    expect((await (await signedIn(other.username)).get('/api/v1/me/preferences')).json<Preferences>()).toEqual({ largeText: false });

    expect((await second.patch('/api/v1/me/preferences', { largeText: false })).json<Preferences>()).toEqual({ largeText: false });
    expect((await second.get('/api/v1/me/preferences')).json<Preferences>()).toEqual({ largeText: false });
  });

  it('audits each change with what it was and what it became', async () => {
    const u = await createUser(t.db, []);
    const c = await signedIn(u.username);
    const before = await auditCount(t.db, 'user.update_preferences');
    await c.patch('/api/v1/me/preferences', { largeText: true });
    expect(await auditCount(t.db, 'user.update_preferences')).toBe(before + 1);
    const row = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'entity_id', 'before', 'after'])
      .where('action', '=', 'user.update_preferences')
      .where('entity_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actor_user_id: u.id, entity_id: u.id, before: { largeText: false }, after: { largeText: true } });
  });

  it('refuses an empty change, an unknown preference and a wrong type with a 400, writing nothing', async () => {
    const u = await createUser(t.db, []);
    const c = await signedIn(u.username);
    c.lang = 'en';
    const audits = await auditCount(t.db, 'user.update_preferences');
    for (const body of [{}, { fontSize: 30 }, { largeText: 'yes' }, { largeText: true, theme: 'dark' }]) {
      const res = await c.patch('/api/v1/me/preferences', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ErrorBody>().error.code).toMatch(/^validation\./);
      expect(res.json<ErrorBody>().error.message).not.toBe('');
    }
    expect(await auditCount(t.db, 'user.update_preferences')).toBe(audits);
    expect((await c.get('/api/v1/me/preferences')).json<Preferences>()).toEqual({ largeText: false });
  });

  it('needs a session, and the CSRF header to change', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/v1/me/preferences')).statusCode).toBe(401);
    expect((await anonymous.patch('/api/v1/me/preferences', { largeText: true })).statusCode).toBe(401);
    const u = await createUser(t.db, []);
    const c = await signedIn(u.username);
    c.csrf = '';
    const res = await c.patch('/api/v1/me/preferences', { largeText: true });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('auth.csrf');
  });
});
