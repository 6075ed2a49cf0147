import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildCommunity, buildDistrict, buildStreet } from '../territory/testing.ts';
import { clientByKey, hashKey } from './open311.clients.ts';
import type { ClientView, CreatedClientView as CreatedClientSchema } from './open311.schemas.ts';

type CreatedClient = Static<typeof CreatedClientSchema>;

let t: TestApp;
let dA: { id: string };
let dB: { id: string };
let cA: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  dB = await buildDistrict(t.db);
  cA = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: dA }) });
});
afterAll(async () => t.close());

const officer = (d: { id: string }) => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d.id }]);

describe('Open311 client apps', () => {
  it('issues a key once, stores only its hash and audits it', async () => {
    const c = await officer(dA);
    const before = await auditCount(t.db, 'open311_client.create');
    const res = await c.post('/api/v1/open311-clients', { districtId: dA.id, name: ' 市民通 App ' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<CreatedClient>();
    expect(body.name).toBe('市民通 App');
    expect(body.apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    expect(body.apiKey.startsWith(body.keyPrefix)).toBe(true);
    expect(body.allowedActions).toEqual(['read', 'deactivate']);
    const row = await t.db.selectFrom('open311_clients').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashKey(body.apiKey));
    expect(JSON.stringify(row)).not.toContain(body.apiKey);
    expect(await auditCount(t.db, 'open311_client.create')).toBe(before + 1);
    const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain(body.apiKey);

    const list = await c.get('/api/v1/open311-clients');
    expect(list.statusCode).toBe(200);
    expect(list.json<Page<ClientView>>().items.map((i) => i.id)).toContain(body.id);
    expect(list.body).not.toContain(body.apiKey);
    expect((await clientByKey(t.db, body.apiKey))?.id).toBe(body.id);
  });

  it('lists only the caller district and filters by active', async () => {
    const a = await officer(dA);
    const b = await officer(dB);
    const mine = (await b.post('/api/v1/open311-clients', { districtId: dB.id, name: 'B app' })).json<ClientView>();
    const ids = (await a.get('/api/v1/open311-clients')).json<Page<ClientView>>().items.map((i) => i.id);
    expect(ids).not.toContain(mine.id);
    await b.post(`/api/v1/open311-clients/${mine.id}/deactivate`);
    expect((await b.get('/api/v1/open311-clients?active=true')).json<Page<ClientView>>().items.map((i) => i.id)).not.toContain(mine.id);
    expect((await b.get('/api/v1/open311-clients?active=false')).json<Page<ClientView>>().items.map((i) => i.id)).toContain(mine.id);
  });

  it('paginates with a cursor', async () => {
    const d = await buildDistrict(t.db);
    const c = await officer(d);
    for (const name of ['one', 'two', 'three']) await c.post('/api/v1/open311-clients', { districtId: d.id, name });
    const p1 = (await c.get('/api/v1/open311-clients?limit=2')).json<Page<ClientView>>();
    expect(p1.items).toHaveLength(2);
    const p2 = (await c.get(`/api/v1/open311-clients?limit=2&cursor=${p1.nextCursor}`)).json<Page<ClientView>>();
    expect(p2.items.map((i) => i.name)).toEqual(['one']);
    expect(p2.nextCursor).toBeNull();
  });

  it('deactivates: the key is refused afterwards, audited once', async () => {
    const c = await officer(dA);
    const created = (await c.post('/api/v1/open311-clients', { districtId: dA.id, name: 'old app' })).json<CreatedClient>();
    const before = await auditCount(t.db, 'open311_client.deactivate');
    const res = await c.post(`/api/v1/open311-clients/${created.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ClientView>().active).toBe(false);
    expect(res.json<ClientView>().allowedActions).toEqual(['read']);
    expect(await clientByKey(t.db, created.apiKey)).toBeUndefined();
    await c.post(`/api/v1/open311-clients/${created.id}/deactivate`);
    expect(await auditCount(t.db, 'open311_client.deactivate')).toBe(before + 1);
  });

  it('is for district officers of that district only', async () => {
    const a = await officer(dA);
    const created = (await a.post('/api/v1/open311-clients', { districtId: dA.id, name: 'x' })).json<ClientView>();
    const b = await officer(dB);
    // district A is not B's to read: its id answers like a missing one
    expect((await b.post('/api/v1/open311-clients', { districtId: dA.id, name: 'x' })).statusCode).toBe(404);
    expect((await b.post(`/api/v1/open311-clients/${created.id}/deactivate`)).json<ErrorBody>().error.code).toBe('resource.not_found');
    const admin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: cA.id, districtId: dA.id }]);
    expect((await admin.get('/api/v1/open311-clients')).statusCode).toBe(403);
    expect((await admin.post('/api/v1/open311-clients', { districtId: dA.id, name: 'x' })).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/open311-clients/${created.id}/deactivate`)).statusCode).toBe(404);
  });

  it('validates the body', async () => {
    const c = await officer(dA);
    const blank = await c.post('/api/v1/open311-clients', { districtId: dA.id, name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'name', code: 'open311.name_required' });
    const unknown = await c.post('/api/v1/open311-clients', { districtId: '00000000-0000-7000-8000-000000000000', name: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'districtId', code: 'resource.not_found' });
    const extra = await c.post('/api/v1/open311-clients', { districtId: dA.id, name: 'x', key: 'mine' });
    expect(extra.statusCode).toBe(400);
  });
});
