import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs } from '../../testing.ts';
import { expectJsonError, expectXmlError, startGeoReport, jsonList } from './open311.testing.ts';
import { parseXml, record } from './xml.testing.ts';
import type { CreatedClientView as CreatedClientSchema } from './open311.schemas.ts';

type CreatedClient = Static<typeof CreatedClientSchema>;

let g: Awaited<ReturnType<typeof startGeoReport>>;
beforeAll(async () => {
  g = await startGeoReport();
});
afterAll(async () => g.t.close());

const needOf = (id: string) => g.t.db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const extraOf = (id: string) => g.t.db.selectFrom('open311_requests').selectAll().where('need_id', '=', id).executeTakeFirstOrThrow();

describe('POST requests', () => {
  it('creates a need from a form body, in the grid containing the point, audited and timed', async () => {
    const before = await auditCount(g.t.db, 'need.create');
    const res = await g.post('/requests.json', g.valid({ account_id: 'acc-7' }));
    expect(res.status, res.body).toBe(200);
    expect(res.type).toContain('application/json');
    const [answer] = jsonList(res);
    expect(Object.keys(answer).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(answer.account_id).toBe('acc-7');
    const need = await needOf(String(answer.service_request_id));
    expect(answer.service_notice).toContain(need.ref_no);
    expect(need).toMatchObject({ source: 'open311', state: 'reported', grid_id: g.grid2.id, community_id: g.w.community.id, lat: 32.161, lng: 118.711, description: '3号楼楼道灯不亮' });
    expect(need.category_id).toBe(g.w.category('facility_lighting'));
    expect(new Date(need.triage_due_at).getTime()).toBeGreaterThan(Date.now());
    expect(await auditCount(g.t.db, 'need.create')).toBe(before + 1);
    expect((await extraOf(need.id)).client_id).toBe(g.clientId);
    const event = await g.t.db.selectFrom('need_events').selectAll().where('need_id', '=', need.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'report', to_state: 'reported', actor_user_id: null, actor_name: 'Open311: 市民通' });
  });

  it('answers in XML', async () => {
    const res = await g.post('/requests.xml', g.valid());
    expect(res.status, res.body).toBe(200);
    expect(res.type).toContain('text/xml');
    const root = parseXml(res.body);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request']);
    const r = record(root.children[0]!);
    expect(r.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.account_id).toBe('');
    expect((await needOf(r.service_request_id!)).source).toBe('open311');
  });

  it('places a point outside every grid in the first grid, and an address in the first grid centre', async () => {
    const outside = await needOf(await g.submit({ lat: '31.0', long: '121.0' }));
    expect(outside.grid_id).toBe(g.w.grid.id);
    expect([outside.lat, outside.lng]).toEqual([31, 121]);
    const byAddress = await needOf(await g.submit({ lat: null, long: null, address_string: '测试路1号' }));
    expect(byAddress.grid_id).toBe(g.w.grid.id);
    expect(byAddress.lng).toBeCloseTo(118.701);
    expect(byAddress.lat).toBeCloseTo(32.151);
    expect(await extraOf(byAddress.id)).toMatchObject({ located_by_point: false, address_string: '测试路1号' });
    const byId = await needOf(await g.submit({ lat: null, long: null, address_id: 'addr-42' }));
    expect((await extraOf(byId.id)).address_id).toBe('addr-42');
  });

  it('accepts attribute[..] and repeated keys, uses the service name without a description', async () => {
    const form: [string, string][] = [...g.valid({ description: null }), ['attribute[WHISPER]', 'yes'], ['attribute[MULTI]', 'a'], ['attribute[MULTI]', 'b']];
    const res = await g.post('/requests.json', form);
    expect(res.status, res.body).toBe(200);
    expect((await needOf(String(jsonList(res)[0]!.service_request_id))).description).toBe('楼道照明');
  });

  it('keeps contact details only encrypted and never returns them', async () => {
    const id = await g.submit({ first_name: '小明', last_name: '王', phone: '13912345678', email: 'wang@example.cn', device_id: 'dev-1', media_url: 'https://img.example.cn/a.jpg' });
    const extra = await extraOf(id);
    expect(extra.contact_cipher).not.toBeNull();
    expect(JSON.parse(g.t.platform.pii.decrypt(extra.contact_cipher!))).toEqual({ firstName: '小明', lastName: '王', phone: '13912345678', email: 'wang@example.cn' });
    expect(JSON.stringify(extra)).not.toContain('13912345678');
    const audits = await g.t.db.selectFrom('audit_log').select(['after']).where('entity_id', '=', id).execute();
    expect(JSON.stringify(audits)).not.toMatch(/13912345678|wang@example|小明/);
    for (const path of [`/requests/${id}.json`, `/requests/${id}.xml`, '/requests.json', '/requests.xml']) {
      const res = await g.get(path);
      expect(res.status).toBe(200);
      expect(res.body).toContain(id);
      expect(res.body).not.toMatch(/13912345678|wang@example|小明|dev-1/);
    }
    expect(jsonList(await g.get(`/requests/${id}.json`))[0].media_url).toBe('https://img.example.cn/a.jpg');
  });

  it('refuses a missing, unknown, deactivated or foreign api_key with 403', async () => {
    const count = async () => Number((await g.t.db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expectJsonError(await g.post('/requests.json', g.valid({ api_key: null })), 403);
    expectXmlError(await g.post('/requests.xml', g.valid({ api_key: 'o311_wrong' })), 403);
    expectJsonError(await g.post('/requests.json', g.valid({ api_key: g.otherKey })), 403);
    const created = (await g.officer.post('/api/v1/open311-clients', { districtId: g.w.district.id, name: 'gone' })).json<CreatedClient>();
    expect((await g.post('/requests.json', g.valid({ api_key: created.apiKey }))).status).toBe(200);
    await g.officer.post(`/api/v1/open311-clients/${created.id}/deactivate`);
    expectJsonError(await g.post('/requests.json', g.valid({ api_key: created.apiKey })), 403);
    expect(await count()).toBe(before + 1);
  });

  it('answers 400 for missing or invalid fields and 404 for an unknown jurisdiction', async () => {
    expectJsonError(await g.post('/requests.json', g.valid({ jurisdiction_id: null })), 400);
    expectXmlError(await g.post('/requests.xml', g.valid({ jurisdiction_id: 'nowhere' })), 404);
    expectJsonError(await g.post('/requests.json', g.valid({ service_code: null })), 400);
    expectXmlError(await g.post('/requests.xml', g.valid({ service_code: 'no_such' })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ lat: null, long: null })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ long: null })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ lat: '95' })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ long: 'east' })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ media_url: 'javascript:alert(1)' })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ email: 'not-an-email' })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ description: 'x'.repeat(4001) })), 400);
  });

  it('answers 403 in the spec shape, not 500, to a staff session cookie without the CSRF header, and writes nothing', async () => {
    const count = async () => Number((await g.t.db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const staff = await clientAs(g.t, [{ role: 'community_admin', scopeType: 'community', scopeId: g.w.community.id, districtId: g.w.district.id }]);
    staff.csrf = '';
    const form = new URLSearchParams(g.valid()).toString();
    for (const format of ['json', 'xml'] as const) {
      const res = await staff.request('POST', `/open311/v2/requests.${format}`, form, { 'content-type': 'application/x-www-form-urlencoded' });
      const answer = { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
      (format === 'json' ? expectJsonError : expectXmlError)(answer, 403);
    }
    expect(await count()).toBe(before);
  });

  it('answers 400, not 500, to a NUL in a field, and writes nothing', async () => {
    const count = async () => Number((await g.t.db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expectJsonError(await g.post('/requests.json', g.valid({ description: '灯\u0000坏了' })), 400);
    expectXmlError(await g.post('/requests.xml', g.valid({ address_string: '\u0000', lat: null, long: null })), 400);
    expectJsonError(await g.post('/requests.json', g.valid({ first_name: '\u0000' })), 400);
    expect(await count()).toBe(before);
  });

  it('refuses to place an address-only request when the first grid has no boundary', async () => {
    const { buildCommunity, buildGrid } = await import('../territory/testing.ts');
    const c = await buildCommunity(g.t.db, { street: g.w.street });
    await buildGrid(g.t.db, { community: c, boundary: null });
    expectJsonError(await g.post('/requests.json', g.valid({ jurisdiction_id: c.code, lat: null, long: null, address_string: '某路1号' })), 400);
    const empty = await buildCommunity(g.t.db, { street: g.w.street });
    expectJsonError(await g.post('/requests.json', g.valid({ jurisdiction_id: empty.code })), 400);
  });
});
