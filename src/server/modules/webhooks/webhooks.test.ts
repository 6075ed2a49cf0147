import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { startReceiver, type Receiver } from '../../platform/webhooks/testing.ts';
import { enqueueEvent, verifySignature } from '../../platform/webhooks/webhooks.ts';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type OpenApiDocument, type Page, type TestApp } from '../../testing.ts';
import { buildCommunity, buildDistrict, buildStreet } from '../territory/testing.ts';
import type { CreatedWebhookView, DeliveryView, WebhookView } from './webhooks.schemas.ts';

type CreatedWebhook = Static<typeof CreatedWebhookView>;

let t: TestApp;
let receiver: Receiver;
let dA: { id: string };
let dB: { id: string };
let cA: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  receiver = await startReceiver();
  dA = await buildDistrict(t.db);
  dB = await buildDistrict(t.db);
  cA = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: dA }) });
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.script.length = 0;
});

const officer = (d: { id: string }) => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d.id }]);
const admin = () => clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
async function counts() {
  const n = async (table: 'webhook_subscriptions' | 'webhook_deliveries') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const audits = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'like', 'webhook.%')
    .executeTakeFirstOrThrow();
  return { subs: await n('webhook_subscriptions'), deliveries: await n('webhook_deliveries'), audits: Number(audits.n) };
}

async function create(c: Awaited<ReturnType<typeof officer>>, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/webhooks', { districtId: dA.id, url: receiver.url, events: ['need.created'], ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedWebhook>();
}

describe('POST /webhooks', () => {
  it('registers a webhook, shows the secret once and keeps it out of the audit record', async () => {
    const c = await officer(dA);
    const before = await counts();
    const res = await c.post('/api/v1/webhooks', {
      districtId: dA.id,
      url: receiver.url,
      events: ['need.created', 'need.closed', 'need.created'],
      description: ' 12345 热线 ',
    });
    expect(res.statusCode).toBe(201);
    const hook = res.json<CreatedWebhook>();
    expect(hook).toMatchObject({
      districtId: dA.id,
      url: receiver.url,
      events: ['need.created', 'need.closed'],
      description: '12345 热线',
      active: true,
      allowedActions: ['read', 'update', 'delete', 'test'],
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(await counts()).toEqual({ ...before, subs: before.subs + 1, audits: before.audits + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', hook.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('webhook.create');
    expect(audit.district_id).toBe(dA.id);
    expect(JSON.stringify(audit)).not.toContain(hook.secret);
    const row = await t.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();
    expect(Buffer.from(row.secret_cipher).toString('utf8')).not.toContain(hook.secret);
    expect(t.platform.pii.decrypt(row.secret_cipher)).toBe(hook.secret);

    const again = await c.get(`/api/v1/webhooks/${hook.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json<Partial<CreatedWebhook>>().secret).toBeUndefined();
    expect(again.body).not.toContain(hook.secret);
  });

  it('lets the platform admin register for any district', async () => {
    const hook = await create(await admin(), { districtId: dB.id });
    expect(hook.districtId).toBe(dB.id);
  });

  it('answers 400 with field codes and writes nothing', async () => {
    const c = await officer(dA);
    const before = await counts();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ url: 'ftp://example.com/x' }, { url: 'webhook.url_scheme' }],
      [{ url: 'https://user:pw@example.com/x' }, { url: 'webhook.url_scheme' }],
      [{ url: 'not a url' }, { url: 'webhook.url_invalid' }],
      [{ events: [] }, { events: 'validation.too_short' }],
      [{ events: ['NeedCreated'] }, { 'events.0': 'validation.format' }],
      [{ secret: 'mine' }, { secret: 'validation.unknown_field' }],
    ];
    for (const [over, fields] of cases) {
      const res = await c.post('/api/v1/webhooks', { districtId: dA.id, url: receiver.url, events: ['need.created'], ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('validation.failed');
      expect(fieldsOf(res)).toEqual(fields);
    }
    const missing = await c.post('/api/v1/webhooks', { districtId: '0190c4c8-0000-7000-8000-000000000000', url: receiver.url, events: ['need.created'] });
    expect(missing.statusCode).toBe(404);
    expect(fieldsOf(missing)).toEqual({ districtId: 'resource.not_found' });
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for another district (like a missing one) and 403 for roles without the permission, writing nothing', async () => {
    const before = await counts();
    const res = await (await officer(dB)).post('/api/v1/webhooks', { districtId: dA.id, url: receiver.url, events: ['need.created'] });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('resource.not_found');
    const worker = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: cA.id, districtId: dA.id }]);
    const res2 = await worker.post('/api/v1/webhooks', { districtId: dA.id, url: receiver.url, events: ['need.created'] });
    expect(res2.statusCode).toBe(403);
    expect((await worker.get('/api/v1/webhooks')).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('POST /webhooks where private receivers are not allowed', () => {
  // What the server's resolver (hosts file, then DNS) answers for these names.
  const hosts: Record<string, string[]> = {
    'hooks.example.org': ['93.184.216.34'],
    'intranet-box': ['127.0.1.1'],
    'localhost.': ['127.0.0.1'],
    'office.example.org': ['93.184.216.34', '10.0.0.8'],
    'nat64.example.org': ['64:ff9b::a9fe:a9fe'],
  };
  const lookup = async (name: string) => (hosts[name] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  let guarded: TestApp;
  beforeAll(async () => {
    guarded = await createTestApp({ webhookPrivateTargets: false }, { lookup });
  });
  afterAll(() => guarded.close());

  it('refuses private, local and reserved destinations, decided by the addresses a name resolves to', async () => {
    const d = await buildDistrict(guarded.db);
    const c = await clientAs(guarded, [{ role: 'district_officer', scopeType: 'district', scopeId: d.id }]);
    const register = (url: string) => c.post('/api/v1/webhooks', { districtId: d.id, url, events: ['need.created'] });
    const before = await guarded.db.selectFrom('webhook_subscriptions').select('id').execute();
    for (const url of [
      'http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'https://localhost/hook', 'http://10.0.0.8/x', 'http://169.254.169.254/latest',
      'http://192.168.1.20/x', 'http://[::ffff:127.0.0.1]/x', 'http://[::127.0.0.1]/x', 'http://[2002:7f00:1::]/x', 'http://localhost./x',
      'http://intranet-box/x', 'http://office.example.org/x', 'http://nat64.example.org/x', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x',
    ]) {
      const res = await register(url);
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res), url).toEqual({ url: 'webhook.url_private' });
    }
    const unknown = await register('https://nowhere.example.org/hook');
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual({ url: 'webhook.url_unresolved' });
    expect(await guarded.db.selectFrom('webhook_subscriptions').select('id').execute()).toEqual(before);

    const ok = await register('https://hooks.example.org/sanshe');
    expect(ok.statusCode).toBe(201);
    // Changing the address is held to the same rule.
    const { id } = ok.json<CreatedWebhook>();
    const moved = await c.patch(`/api/v1/webhooks/${id}`, { url: 'http://[::127.0.0.1]/x' });
    expect(moved.statusCode).toBe(400);
    expect(fieldsOf(moved)).toEqual({ url: 'webhook.url_private' });
    expect((await c.get(`/api/v1/webhooks/${id}`)).json<WebhookView>().url).toBe('https://hooks.example.org/sanshe');
  });
});

describe('GET /webhooks and /webhooks/:id', () => {
  it('lists only the webhooks of the caller\'s districts, newest first, with pages', async () => {
    const a = await officer(dA);
    const mine = [await create(a), await create(a), await create(a)];
    await create(await admin(), { districtId: dB.id });
    const first = await a.get('/api/v1/webhooks?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json<Page<WebhookView>>().items.map((w) => w.id)).toEqual([mine[2].id, mine[1].id]);
    const all = [...first.json<Page<WebhookView>>().items];
    let cursor = first.json<Page<WebhookView>>().nextCursor;
    while (cursor) {
      const page = (await a.get(`/api/v1/webhooks?limit=2&cursor=${cursor}`)).json<Page<WebhookView>>();
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(all.every((w) => w.districtId === dA.id)).toBe(true);
    expect(all.map((w) => w.id)).toContain(mine[0].id);
    const adminList = (await (await admin()).get(`/api/v1/webhooks?districtId=${dB.id}`)).json<Page<WebhookView>>();
    expect(adminList.items.length).toBeGreaterThan(0);
    expect(adminList.items.every((w) => w.districtId === dB.id)).toBe(true);
  });

  it('answers 404 for a webhook of another district, like a missing one', async () => {
    const hook = await create(await officer(dA));
    const b = await officer(dB);
    for (const [method, url, body] of [
      ['GET', `/api/v1/webhooks/${hook.id}`],
      ['PATCH', `/api/v1/webhooks/${hook.id}`, { active: false }],
      ['DELETE', `/api/v1/webhooks/${hook.id}`],
      ['GET', `/api/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/api/v1/webhooks/${hook.id}/test`, {}],
      ['GET', '/api/v1/webhooks/0190c4c8-0000-7000-8000-000000000000'],
    ] as const) {
      const res = await b.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json<ErrorBody>().error.code).toBe('resource.not_found');
    }
    expect((await t.db.selectFrom('webhook_subscriptions').select('active').where('id', '=', hook.id).executeTakeFirstOrThrow()).active).toBe(true);
  });
});

describe('PATCH and DELETE /webhooks/:id', () => {
  it('changes url, events and active state, auditing only what changed and never the secret', async () => {
    const c = await officer(dA);
    const hook = await create(c);
    const res = await c.patch(`/api/v1/webhooks/${hook.id}`, { events: ['need.closed'], url: `${receiver.url}?v=2` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ events: ['need.closed'], url: `${receiver.url}?v=2`, active: true });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', hook.id)
      .where('action', '=', 'webhook.update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ events: ['need.created'], url: receiver.url });
    expect(audit.after).toEqual({ events: ['need.closed'], url: `${receiver.url}?v=2` });
    expect(JSON.stringify(audit)).not.toContain(hook.secret);

    const before = await counts();
    const same = await c.patch(`/api/v1/webhooks/${hook.id}`, { events: ['need.closed'] });
    expect(same.statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('answers 400 for a bad address and leaves the webhook as it was', async () => {
    const c = await officer(dA);
    const hook = await create(c);
    const before = await counts();
    const res = await c.patch(`/api/v1/webhooks/${hook.id}`, { url: 'javascript:alert(1)', events: ['need.closed'] });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({ url: 'webhook.url_scheme' });
    expect((await c.get(`/api/v1/webhooks/${hook.id}`)).json<WebhookView>().events).toEqual(['need.created']);
    expect(await counts()).toEqual(before);
  });

  it('deactivates on DELETE: the webhook stays listed with its log but receives no more events', async () => {
    const c = await officer(dA);
    const hook = await create(c, { events: ['need.closed'] });
    const mine = () => t.db.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', hook.id).execute();
    // The app's subscriptions of the district, as events see them, are loaded before the change.
    const publish = () => t.db.transaction().execute((trx) => enqueueEvent(t.platform, trx, dA.id, 'need.closed', {}));
    await publish();
    expect(await mine()).toHaveLength(1);
    const audits = await auditCount(t.db, 'webhook.deactivate');
    const res = await c.delete(`/api/v1/webhooks/${hook.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<WebhookView>().active).toBe(false);
    expect(await auditCount(t.db, 'webhook.deactivate')).toBe(audits + 1);
    await publish();
    expect(await mine()).toHaveLength(1);
    const test = await c.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(test.statusCode).toBe(409);
    expect(test.json<ErrorBody>().error.code).toBe('webhook.inactive');
  });
});

describe('POST /webhooks/:id/test and GET /webhooks/:id/deliveries', () => {
  it('sends a signed ping now, reports the outcome and logs it', async () => {
    const c = await officer(dA);
    const hook = await create(c);
    const audits = await auditCount(t.db, 'webhook.test');
    const res = await c.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ eventType: 'webhook.ping', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(await auditCount(t.db, 'webhook.test')).toBe(audits + 1);
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(headers['x-sanshe-event']).toBe('webhook.ping');
    expect(verifySignature(hook.secret, String(headers['x-sanshe-timestamp']), body, String(headers['x-sanshe-signature']))).toBe(true);
    expect((JSON.parse(body) as { data: unknown }).data).toEqual({ webhookId: hook.id });
  });

  it('shows each delivery with every attempt, newest first, filtered by status', async () => {
    const c = await officer(dA);
    const hook = await create(c);
    receiver.script.push(500);
    const failed = (await c.post(`/api/v1/webhooks/${hook.id}/test`)).json<DeliveryView>();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(failed.nextAttemptAt).not.toBeNull();
    const ok = (await c.post(`/api/v1/webhooks/${hook.id}/test`)).json<DeliveryView>();

    const log = await c.get(`/api/v1/webhooks/${hook.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    const items = log.json<Page<DeliveryView>>().items;
    expect(items.map((d) => d.id)).toEqual([ok.id, failed.id]);
    expect(items[1].attemptLog).toEqual([
      { attempt: 1, attemptedAt: expect.any(String) as unknown, statusCode: 500, error: 'HTTP 500', durationMs: expect.any(Number) as unknown },
    ]);
    expect(items[0].payload).toMatchObject({ type: 'webhook.ping', districtId: dA.id });
    const pending = (await c.get(`/api/v1/webhooks/${hook.id}/deliveries?status=pending`)).json<Page<DeliveryView>>();
    expect(pending.items.map((d) => d.id)).toEqual([failed.id]);
    const bad = await c.get(`/api/v1/webhooks/${hook.id}/deliveries?status=lost`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual({ status: 'validation.not_allowed' });
  });
});

describe('OpenAPI', () => {
  it('documents the resources and webhooks endpoints with tags and summaries', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
    const paths = [
      '/api/v1/resources',
      '/api/v1/resources/{id}',
      '/api/v1/webhooks',
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/deliveries',
      '/api/v1/webhooks/{id}/test',
    ];
    for (const path of paths) {
      expect(doc.paths[path], path).toBeDefined();
      for (const op of Object.values(doc.paths[path]!)) {
        expect(op.summary, path).toBeTruthy();
        expect(op.tags?.length, path).toBeGreaterThan(0);
      }
    }
    expect(doc.paths['/api/v1/webhooks']?.post?.responses['201']?.content?.['application/json']?.schema.properties?.secret).toBeDefined();
  });
});
