import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { jsonList, startGeoReport, type GeoRecord } from './open311.testing.ts';
import { fromXmlLikeRails, xmltodictLike } from './xml.testing.ts';

/**
 * Clients turn GeoReport XML into objects with Ruby's Hash.from_xml (or MultiXml) or Python's
 * xmltodict. Every document must give such a client what the JSON gives, lists of one and of
 * none included.
 */
let g: Awaited<ReturnType<typeof startGeoReport>>;
beforeAll(async () => {
  g = await startGeoReport();
});
afterAll(async () => g.t.close());

// The list elements of GeoReport v2 and their items: what a Python client passes as force_list.
const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};
const FORCE_LIST = Object.values(LIST_ITEMS);

/** The discovery document as the specification names its fields. */
interface Discovery {
  contact: string;
  endpoints: { specification: string; url: string; changeset: string; type: string; formats: string[] }[];
}

/** The JSON as xmltodict shows it: each list inside its container element, values as text, nothing as None. */
function asXmltodict(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    const item = LIST_ITEMS[name];
    if (!item) throw new Error(`no item name for list ${name}`);
    return value.length ? { [item]: value.map((v) => asXmltodict(v, item)) } : null;
  }
  if (value === null) return null;
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmltodict(v, k)]));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`no JSON value: ${typeof value}`);
}

/** Fetches a document in both formats; the XML must read, for both helpers, as the JSON does. */
async function expectXmlAsJson<T>(path: string, root: string, query: Record<string, string | null> = {}) {
  const json = await g.get(`${path}.json`, query);
  const xml = await g.get(`${path}.xml`, query);
  expect(xml.status, xml.body).toBe(json.status);
  const value = JSON.parse(json.body) as T;
  expect(fromXmlLikeRails(xml.body)).toEqual({ [root]: value });
  expect(xmltodictLike(xml.body, { forceList: FORCE_LIST, attribs: false })).toEqual({ [root]: asXmltodict(value, root) });
  return { json: value, xml: xml.body };
}

describe('XML read by XML-to-object helpers', () => {
  it('discovery: one endpoint is a list of one, with its list of formats and a contact', async () => {
    const { json, xml } = await expectXmlAsJson<Discovery>('/discovery', 'discovery');
    expect(json.endpoints).toHaveLength(1);
    expect(json.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    expect(json.contact).toEqual(expect.stringMatching(/\S/));
    // Python: with force_list the one endpoint is a list, as in the specification's examples.
    const py = xmltodictLike(xml, { forceList: ['endpoint'], attribs: false }) as { discovery: { endpoints: { endpoint: unknown[] } } };
    expect(py.discovery.endpoints.endpoint).toHaveLength(1);
  });

  it('services: many, booleans as booleans', async () => {
    const { json } = await expectXmlAsJson<GeoRecord[]>('/services', 'services');
    expect(json.length).toBeGreaterThan(1);
    expect(json.find((s) => s.service_code === 'facility_lighting')).toMatchObject({ metadata: false, keywords: null });
  });

  it('service definition: an empty list of attributes', async () => {
    const { json } = await expectXmlAsJson<unknown>('/services/facility_lighting', 'service_definition');
    expect(json).toEqual({ service_code: 'facility_lighting', attributes: [] });
  });

  it('requests: many, one and none; numbers as numbers, nothing as null', async () => {
    const first = await g.submit();
    await g.submit({ service_code: 'facility_elevator', lat: null, long: null, address_string: '5号楼' });
    const many = await expectXmlAsJson<GeoRecord[]>('/requests', 'service_requests');
    expect(many.json).toHaveLength(2);
    expect(many.json[1]).toMatchObject({ lat: 32.161, long: 118.711, zipcode: null, media_url: null });
    expect(many.json[0]).toMatchObject({ lat: null, long: null, address: '5号楼' });
    const one = await expectXmlAsJson<GeoRecord[]>(`/requests/${first}`, 'service_requests');
    expect(one.json).toHaveLength(1);
    const filtered = await expectXmlAsJson<GeoRecord[]>('/requests', 'service_requests', { service_code: 'facility_lighting' });
    expect(filtered.json).toHaveLength(1);
    const none = await expectXmlAsJson<GeoRecord[]>('/requests', 'service_requests', { service_code: 'no_such_code' });
    expect(none.json).toEqual([]);
  });

  it('tokens and a submitted request: a list of one', async () => {
    const post = (format: string) => g.post(`/requests.${format}`, g.valid());
    const json = jsonList(await post('json'));
    const xml = (await post('xml')).body;
    expect(json).toHaveLength(1);
    expect(json[0]!.account_id).toBeNull();
    const fromXml = fromXmlLikeRails(xml) as { service_requests: Record<string, unknown>[] };
    expect(fromXml.service_requests).toHaveLength(1);
    expect(Object.keys(fromXml.service_requests[0]!).sort()).toEqual(Object.keys(json[0]!).sort());
    expect(fromXml.service_requests[0]!.account_id).toBeNull();
    const token = /N-\d{4}-\d{6}/.exec(String(json[0]!.service_notice))![0];
    const { json: tokens } = await expectXmlAsJson<GeoRecord[]>(`/tokens/${token}`, 'service_requests');
    expect(tokens).toEqual([{ service_request_id: json[0]!.service_request_id, token }]);
  });

  it('errors: a list of one with the status as a number', async () => {
    const { json } = await expectXmlAsJson<GeoRecord[]>('/services/nope', 'errors');
    expect(json).toEqual([{ code: 404, description: 'service_code nope was not found' }]);
    await expectXmlAsJson<GeoRecord[]>('/services', 'errors', { jurisdiction_id: null });
  });

  it('writes only characters XML allows, whatever a stored text holds', async () => {
    const id = await g.submit({ description: 'ok' });
    await g.t.db.updateTable('needs').set({ description: 'bell\u0007 and escape\u001b' }).where('id', '=', id).execute();
    const xml = await g.get(`/requests/${id}.xml`);
    const read = fromXmlLikeRails(xml.body) as { service_requests: { description: string }[] };
    expect(read.service_requests[0]!.description).toBe('bell\uFFFD and escape\uFFFD');
  });
  it('services: one and none', async () => {
    const categories = () => g.t.db.updateTable('need_categories').where('district_id', '=', g.w.district.id);
    await categories().set({ open311_code: null }).where('code', '!=', 'facility_lighting').execute();
    await g.categoriesChanged();
    const one = await expectXmlAsJson<GeoRecord[]>('/services', 'services');
    expect(one.json.map((s) => s.service_code)).toEqual(['facility_lighting']);
    await categories().set({ open311_code: null }).execute();
    await g.categoriesChanged();
    const none = await expectXmlAsJson<GeoRecord[]>('/services', 'services');
    expect(none.json).toEqual([]);
  });

});

describe('content types', () => {
  it('are text/xml and application/json with charset=utf-8, as in the specification, on answers and errors', async () => {
    for (const path of ['/discovery', '/services', '/services/facility_lighting', '/requests', '/services/nope', '/nothing']) {
      expect((await g.get(`${path}.xml`)).type, path).toBe('text/xml; charset=utf-8');
      expect((await g.get(`${path}.json`)).type, path).toBe('application/json; charset=utf-8');
    }
    expect((await g.post('/requests.xml', g.valid())).type).toBe('text/xml; charset=utf-8');
    expect((await g.post('/requests.json', g.valid({ api_key: null }))).type).toBe('application/json; charset=utf-8');
    const xml = await g.get('/discovery.xml');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });
});

describe('discovery contact', () => {
  it('is the deployment setting OPEN311_CONTACT, in both formats', async () => {
    expect(loadConfig({ OPEN311_CONTACT: ' 江北新区民政局 025-12345678 ' }).open311Contact).toBe('江北新区民政局 025-12345678');
    expect(loadConfig({ OPEN311_CONTACT: ' ' }).open311Contact).toBeUndefined();
    // The running app reads the configuration object it was given on each request.
    g.t.platform.config.open311Contact = '江北新区民政局 025-12345678 open311@jbxq.example.cn';
    try {
      const json = JSON.parse((await g.get('/discovery.json')).body) as Discovery;
      expect(json.contact).toBe('江北新区民政局 025-12345678 open311@jbxq.example.cn');
      expect(fromXmlLikeRails((await g.get('/discovery.xml')).body)).toEqual({ discovery: json });
    } finally {
      g.t.platform.config.open311Contact = undefined;
    }
  });

  it('says whom to ask when the deployment has not set one, in the language asked for', async () => {
    const zh = JSON.parse((await g.get('/discovery.json')).body) as Discovery;
    const en = JSON.parse((await g.get('/discovery.json', {}, 'en')).body) as Discovery;
    expect(zh.contact).toBe('请联系为您的应用签发 API 密钥的区民政部门。');
    expect(en.contact).toBe('Contact the district civil affairs office that issued your API key.');
  });
});
