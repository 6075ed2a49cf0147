import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createUser, type TestApp, type ErrorBody } from '../../testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('request validation', () => {
  it('does not coerce JSON body types: a number where text is expected is refused', async () => {
    const res = await new Client(t.app).post('/api/v1/auth/login', { username: 123, password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([
      expect.objectContaining({ field: 'username', code: 'validation.type' }),
    ]);
  });

  it('still reads numbers from query strings', async () => {
    const u = await createUser(t.db, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const c = new Client(t.app);
    await c.login(u.username);
    expect((await c.get('/api/v1/districts?limit=2')).statusCode).toBe(200);
    const bad = await c.get('/api/v1/districts?limit=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'limit', code: 'validation.type' });
  });
});
