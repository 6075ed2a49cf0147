import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, createUser } from '../../testing.ts';
import { buildNeed } from '../needs/needs.testing.ts';
import { expectJsonError, expectXmlError, startGeoReport, jsonList } from './open311.testing.ts';
import { parseXml, record } from './xml.testing.ts';

let g: Awaited<ReturnType<typeof startGeoReport>>;
const day = 24 * 3600_000;
let recent: string;
let older: string;
let elevator: string;

beforeAll(async () => {
  g = await startGeoReport();
  recent = await g.submit();
  elevator = await g.submit({ service_code: 'facility_elevator', address_string: '5号楼', lat: null, long: null });
  older = await g.submit({ service_code: 'safety' });
  await setCreated(older, new Date(Date.now() - 30 * day));
});
afterAll(async () => g.t.close());

async function setCreated(id: string, at: Date) {
  await g.t.db.updateTable('needs').set({ created_at: at }).where('id', '=', id).execute();
}
const ids = async (query: Record<string, string> = {}) => jsonList(await g.get('/requests.json', query)).map((r) => r.service_request_id);

describe('GET requests', () => {
  it('lists Open311 requests of the jurisdiction newest first, in JSON and XML, with the spec fields', async () => {
    const res = await g.get('/requests.json');
    expect(res.status).toBe(200);
    const list = jsonList(res);
    expect(list.map((r) => r.service_request_id)).toEqual([elevator, recent, older]);
    const r = list.find((x) => x.service_request_id === recent)!;
    expect(Object.keys(r).sort()).toEqual(
      ['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode'].sort(),
    );
    expect(r).toMatchObject({ status: 'open', service_code: 'facility_lighting', service_name: '楼道照明', agency_responsible: g.w.community.name, lat: 32.161, long: 118.711 });
    expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const need = await g.t.db.selectFrom('needs').select(['triage_due_at']).where('id', '=', recent).executeTakeFirstOrThrow();
    expect(Date.parse(String(r.expected_datetime))).toBe(Math.floor(new Date(need.triage_due_at).getTime() / 1000) * 1000);
    const byAddress = list.find((x) => x.service_request_id === elevator);
    expect(byAddress).toMatchObject({ address: '5号楼', lat: null, long: null });

    const root = parseXml((await g.get('/requests.xml')).body);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request', 'request', 'request']);
    expect(record(root.children[1]!)).toMatchObject({ service_request_id: recent, status: 'open', lat: '32.161', long: '118.711' });
    expect(record(root.children[0]!)).toMatchObject({ lat: '', address: '5号楼' });
  });

  it('leaves out needs of other sources and other communities', async () => {
    const staff = await buildNeed(g.t.db, g.w);
    const { buildCommunity } = await import('../territory/testing.ts');
    const c2 = await buildCommunity(g.t.db, { street: g.w.street });
    const { buildGrid } = await import('../territory/testing.ts');
    await buildGrid(g.t.db, { community: c2 });
    const elsewhere = await g.submit({ jurisdiction_id: c2.code });
    const mine = await ids();
    expect(mine).not.toContain(staff);
    expect(mine).not.toContain(elsewhere);
    expect(await ids({ jurisdiction_id: c2.code })).toEqual([elsewhere]);
    expectJsonError(await g.get(`/requests/${staff}.json`), 404);
  });

  it('filters by service_request_id (a comma list that overrides every other filter)', async () => {
    expect(await ids({ service_request_id: `${older},${recent},not-a-uuid` })).toEqual([recent, older]);
    expect(await ids({ service_request_id: older, status: 'closed', service_code: 'other', start_date: '2000-01-01' })).toEqual([older]);
  });

  it('filters by service_code (a comma list)', async () => {
    expect(await ids({ service_code: 'facility_lighting' })).toEqual([recent]);
    expect(await ids({ service_code: 'safety,facility_elevator' })).toEqual([elevator, older]);
    expect(await ids({ service_code: 'unknown' })).toEqual([]);
  });

  it('filters by start_date and end_date', async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * day).toISOString();
    expect(await ids({ start_date: tenDaysAgo })).toEqual([elevator, recent]);
    expect(await ids({ end_date: tenDaysAgo })).toEqual([older]);
    const from = new Date(Date.now() - 31 * day).toISOString().replace('Z', '+00:00');
    expect(await ids({ start_date: from, end_date: tenDaysAgo })).toEqual([older]);
    expectJsonError(await g.get('/requests.json', { start_date: 'yesterday' }), 400);
    expectXmlError(await g.get('/requests.xml', { end_date: '2026-13-45T99:00:00Z' }), 400);
    expectJsonError(await g.get('/requests.json', { start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }), 400);
  });

  it('refuses dates that name no real day: the year 0000, February 30th', async () => {
    expectJsonError(await g.get('/requests.json', { start_date: '2026-02-30' }), 400);
    expectXmlError(await g.get('/requests.xml', { end_date: '2026-02-30T10:00:00+08:00' }), 400);
    expectJsonError(await g.get('/requests.json', { start_date: '0000-01-01T00:00:00Z' }), 400);
    expectJsonError(await g.get('/requests.json', { end_date: '0000-12-31' }), 400);
    expect((await g.get('/requests.json', { start_date: '2024-02-29' })).status).toBe(200);
  });

  it('answers 400, not 500, to a NUL in a filter or in a token', async () => {
    expectJsonError(await g.get('/requests.json', { service_code: 'safety\u0000' }), 400);
    expectXmlError(await g.get('/requests.xml', { jurisdiction_id: `${g.jur}\u0000` }), 400);
    const res = await fetch(`${g.base}/tokens/N%00.json?jurisdiction_id=${g.jur}`);
    expectJsonError({ status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() }, 400);
  });

  it('filters by status: open and closed from the lifecycle', async () => {
    await g.t.db.updateTable('needs').set({ state: 'resolved' }).where('id', '=', older).execute();
    expect(await ids({ status: 'open' })).toEqual([elevator, recent]);
    expect(await ids({ status: 'closed' })).toEqual([older]);
    expect(await ids({ status: 'open,closed' })).toEqual([elevator, recent, older]);
    expectJsonError(await g.get('/requests.json', { status: 'pending' }), 400);
    const r = jsonList(await g.get(`/requests/${older}.json`))[0];
    expect(r).toMatchObject({ status: 'closed', status_notes: '已办结', expected_datetime: null });
    await g.t.db.updateTable('needs').set({ state: 'reported' }).where('id', '=', older).execute();
  });

  it('defaults to the last 90 days', async () => {
    const old = await g.submit();
    await setCreated(old, new Date(Date.now() - 91 * day));
    expect(await ids()).not.toContain(old);
    expect(await ids({ start_date: new Date(Date.now() - 100 * day).toISOString() })).toContain(old);
    expect(await ids({ service_request_id: old })).toEqual([old]);
  });

  it('returns at most 1000 requests', async () => {
    const { buildCommunity, buildGrid } = await import('../territory/testing.ts');
    const c = await buildCommunity(g.t.db, { street: g.w.street });
    await buildGrid(g.t.db, { community: c });
    const first = await g.submit({ jurisdiction_id: c.code });
    const need = await g.t.db.selectFrom('needs').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    // 1000 more copies of that need, straight in SQL: only the ids and numbers differ.
    await sql`insert into needs (district_id, id, ref_no, source, category_id, description, street_id, community_id, grid_id, lng, lat, urgency, triage_due_at, resolve_due_at)
      select district_id, gen_random_uuid(), ref_no || '-' || n, source, category_id, description, street_id, community_id, grid_id, lng, lat, urgency, triage_due_at, resolve_due_at
      from needs, generate_series(1, 1000) n where id = ${need.id}`.execute(g.t.db);
    const list = jsonList(await g.get('/requests.json', { jurisdiction_id: c.code }));
    expect(list).toHaveLength(1000);
  });
});

describe('GET requests/{id}', () => {
  it('answers one request in an array, JSON and XML', async () => {
    const json = jsonList(await g.get(`/requests/${recent}.json`));
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ service_request_id: recent, description: '3号楼楼道灯不亮', status_notes: '已收到，等待社区受理' });
    const root = parseXml((await g.get(`/requests/${recent}.xml`)).body);
    expect(root.name).toBe('service_requests');
    expect(root.children).toHaveLength(1);
    expect(record(root.children[0]!)).toMatchObject({ service_request_id: recent, service_code: 'facility_lighting' });
  });

  it('shows status notes in English, the referral target as agency and the waiting date as expected', async () => {
    const en = jsonList(await g.get(`/requests/${recent}.json`, {}, 'en'))[0];
    expect(en).toMatchObject({ status_notes: 'Received; waiting for the community to take it up', service_name: 'Stairwell lighting' });
    await g.t.db.updateTable('needs').set({ state: 'referred', referral_department: '区住建局' }).where('id', '=', recent).execute();
    expect(jsonList(await g.get(`/requests/${recent}.json`))[0]).toMatchObject({ status: 'open', agency_responsible: '区住建局' });
    await g.t.db.updateTable('needs').set({ state: 'waiting', referral_department: null, waiting_until: '2026-12-31' }).where('id', '=', recent).execute();
    expect(jsonList(await g.get(`/requests/${recent}.json`))[0]).toMatchObject({ status: 'open', expected_datetime: '2026-12-31T00:00:00+08:00', agency_responsible: g.w.community.name });
    await g.t.db.updateTable('needs').set({ state: 'merged', waiting_until: null }).where('id', '=', recent).execute();
    expect(jsonList(await g.get(`/requests/${recent}.json`))[0]).toMatchObject({ status: 'closed', expected_datetime: null });
    await g.t.db.updateTable('needs').set({ state: 'reported' }).where('id', '=', recent).execute();
  });

  it('gives in status_notes the reply to the resident of the latest change, never an internal note', async () => {
    const id = await g.submit({ description: '5号楼门禁坏了' });
    const admin = await clientAs(g.t, [{ role: 'community_admin', scopeType: 'community', scopeId: g.w.community.id, districtId: g.w.district.id }]);
    const notes = async (lang = 'zh-CN') => {
      const json = jsonList(await g.get(`/requests/${id}.json`, {}, lang))[0]!.status_notes;
      const xml = record(parseXml((await g.get(`/requests/${id}.xml`, {}, lang)).body).children[0]!).status_notes;
      expect(xml).toBe(json);
      return json;
    };
    await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'accept', note: '物业经理电话13900001111', reply: '已联系物业，明天上门' });
    expect(await notes()).toBe('社区已受理：已联系物业，明天上门');
    expect(await notes('en')).toBe('Accepted by the community: 已联系物业，明天上门');
    const handler = await createUser(g.t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: g.w.community.id, districtId: g.w.district.id }]);
    await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'assign', handlerUserId: handler.id, note: '优先处理，居民情绪激动' });
    // A change with only an internal note shows the state alone, not the earlier reply.
    expect(await notes()).toBe('正在办理');
    const list = (await g.get('/requests.json')).body + (await g.get('/requests.xml')).body;
    expect(list).not.toContain('13900001111');
    expect(list).not.toContain('情绪激动');
  });

  it('answers 404 for unknown ids, other jurisdictions and bad formats; 400 without jurisdiction', async () => {
    expectJsonError(await g.get('/requests/0190d000-0000-7000-8000-000000000000.json'), 404);
    expectXmlError(await g.get('/requests/garbage.xml'), 404);
    expectJsonError(await g.get(`/requests/${recent}.html`), 404);
    expectJsonError(await g.get(`/requests/${recent}.json`, { jurisdiction_id: null }), 400);
    expectJsonError(await g.get(`/requests/${recent}.json`, { jurisdiction_id: 'nowhere' }), 404);
  });
});

describe('GET tokens/{token}', () => {
  it('resolves the reference number from the service notice to the request id', async () => {
    const res = await g.post('/requests.json', g.valid());
    const [answer] = jsonList(res);
    const token = /N-\d{4}-\d{6}/.exec(String(answer.service_notice))![0];
    expect(jsonList(await g.get(`/tokens/${token}.json`))).toEqual([{ service_request_id: answer.service_request_id, token }]);
    const root = parseXml((await g.get(`/tokens/${token}.xml`)).body);
    expect(root.name).toBe('service_requests');
    expect(record(root.children[0]!)).toEqual({ service_request_id: answer.service_request_id, token });
    expectJsonError(await g.get('/tokens/N-1999-000001.json'), 404);
    expectXmlError(await g.get(`/tokens/${token}.xml`, { jurisdiction_id: null }), 400);
  });
});
