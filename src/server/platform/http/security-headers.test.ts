import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { Client, clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';

let t: TestApp;
let secure: FastifyInstance;
let webDir: string;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp({}, { webDir });
  // The same database behind a deployment served over HTTPS.
  secure = await buildApp({ platform: { ...t.platform, config: { ...t.platform.config, secureCookies: true } }, webDir });
});
afterAll(async () => {
  await secure.close();
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

function csp(res: LightMyRequestResponse): Record<string, string> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

/** What every response must carry, whatever answered it. */
function expectHardened(res: LightMyRequestResponse, what: string) {
  const policy = csp(res);
  expect(policy['default-src'], what).toBe("'self'");
  expect(policy['script-src'], what).toBe("'self'");
  expect(policy['script-src-attr'], what).toBe("'none'");
  expect(policy['object-src'], what).toBe("'none'");
  expect(policy['base-uri'], what).toBe("'self'");
  expect(policy['frame-ancestors'], what).toBe("'none'");
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on API answers, which no cache may keep', async () => {
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const res = await admin.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expectHardened(res, 'GET /api/v1/me');
    expect(res.headers['cache-control']).toBe('no-store');
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expectHardened(health, 'GET /api/health');
    for (const url of ['/open311/v2/services.json', '/open311/v2/discovery.xml']) {
      const open311 = await t.app.inject({ method: 'GET', url });
      expectHardened(open311, `GET ${url}`);
      expect(open311.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('are on the web app: its index.html at every client-side route, and its files', async () => {
    const pages = ['/', '/needs/0190c4c8-0000-7000-8000-000000000000', '/my-needs/0190c4c8-0000-7000-8000-000000000000', '/need-settings?tab=calendar', '/login'];
    for (const url of pages) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
      expectHardened(res, url);
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expectHardened(asset, '/assets/app.js');
  });

  it('are on the API docs', async () => {
    for (const url of ['/api/docs', '/api/docs/static/index.html', '/api/openapi.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(400);
      expectHardened(res, url);
    }
  });

  it('are on error answers: not found, unauthenticated, invalid, malformed, CSRF refused, bad URL', async () => {
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const anonymous = new Client(t.app);
    const cases: [string, Promise<LightMyRequestResponse>, number][] = [
      ['unknown API route', anonymous.get('/api/v1/no-such-thing'), 404],
      ['unauthenticated', anonymous.get('/api/v1/me'), 401],
      ['schema violation', anonymous.post('/api/v1/auth/login', { username: 1 }), 400],
      [
        'malformed JSON',
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } }),
        400,
      ],
      ['missing CSRF header', admin.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': 'wrong' }), 403],
      ['bad URL encoding', t.app.inject({ method: 'GET', url: '/api/v1/needs/%E0%A4%A' }), 400],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.statusCode, what).toBe(status);
      expect(res.json<ErrorBody>().error.code, what).toMatch(/^[a-z]+\.[a-z_]+$/);
      expectHardened(res, what);
    }
  });

  it('send HSTS only when the deployment is served over HTTPS (SECURE_COOKIES)', async () => {
    for (const url of ['/api/health', '/', '/api/v1/no-such-thing']) {
      const plain = await t.app.inject({ method: 'GET', url });
      expect(plain.headers['strict-transport-security'], url).toBeUndefined();
      expect(csp(plain)['upgrade-insecure-requests'], url).toBeUndefined();
      const https = await secure.inject({ method: 'GET', url });
      expectHardened(https, url);
      expect(https.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(csp(https)['upgrade-insecure-requests'], url).toBe('');
    }
  });
});
