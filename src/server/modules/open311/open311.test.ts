import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJsonError, expectXmlError, startGeoReport, jsonList } from './open311.testing.ts';
import { child, parseXml, record, textOf } from './xml.testing.ts';

let g: Awaited<ReturnType<typeof startGeoReport>>;
let base: string;
const get = (...a: Parameters<typeof g.get>) => g.get(...a);

beforeAll(async () => {
  g = await startGeoReport();
  base = g.base;
});
afterAll(async () => g.t.close());

describe('discovery', () => {
  it('lists the endpoint in JSON and XML', async () => {
    const json = JSON.parse((await get('/discovery.json')).body) as Record<string, unknown>;
    expect(json.endpoints).toEqual([
      expect.objectContaining({ specification: 'http://wiki.open311.org/GeoReport_v2', url: base, type: 'production', formats: ['text/xml', 'application/json'] }),
    ]);
    const xml = await get('/discovery.xml');
    expect(xml.type).toContain('text/xml');
    const root = parseXml(xml.body);
    expect(root.name).toBe('discovery');
    const endpoint = child(child(root, 'endpoints')!, 'endpoint')!;
    expect(textOf(endpoint, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(child(endpoint, 'formats')!.children.map((f) => f.text)).toEqual(['text/xml', 'application/json']);
  });
});

describe('services', () => {
  it('lists categories with service codes, in JSON and XML', async () => {
    const res = await get('/services.json');
    expect(res.status).toBe(200);
    const list = jsonList(res);
    const lighting = list.find((s) => s.service_code === 'facility_lighting');
    expect(lighting).toEqual({
      service_code: 'facility_lighting',
      service_name: '楼道照明',
      description: '楼道照明',
      metadata: false,
      type: 'realtime',
      keywords: null,
      group: '物业与设施',
    });
    const root = parseXml((await get('/services.xml')).body);
    expect(root.name).toBe('services');
    expect(root.children.every((c) => c.name === 'service')).toBe(true);
    expect(root.children).toHaveLength(list.length);
    const x = record(root.children.find((c) => textOf(c, 'service_code') === 'facility_lighting')!);
    expect(x).toMatchObject({ service_name: '楼道照明', metadata: 'false', type: 'realtime', group: '物业与设施' });
  });

  it('leaves out categories without a service code and inactive ones', async () => {
    await g.t.db.updateTable('need_categories').set({ open311_code: null }).where('district_id', '=', g.w.district.id).where('code', '=', 'health').execute();
    await g.t.db.updateTable('need_categories').set({ active: false }).where('district_id', '=', g.w.district.id).where('code', '=', 'safety').execute();
    await g.categoriesChanged();
    const codes = jsonList(await get('/services.json')).map((s) => s.service_code);
    expect(codes).not.toContain('health');
    expect(codes).not.toContain('safety');
    expect(codes).toContain('other');
  });

  it('answers a service definition and 404 for an unknown code', async () => {
    expect(jsonList(await get('/services/facility_lighting.json'))).toEqual({ service_code: 'facility_lighting', attributes: [] });
    const root = parseXml((await get('/services/facility_lighting.xml')).body);
    expect(root.name).toBe('service_definition');
    expect(textOf(root, 'service_code')).toBe('facility_lighting');
    expect(child(root, 'attributes')!.children).toEqual([]);
    expectJsonError(await get('/services/nope.json'), 404);
    expectXmlError(await get('/services/nope.xml'), 404);
  });

  it('requires a known jurisdiction_id', async () => {
    expectJsonError(await get('/services.json', { jurisdiction_id: null }), 400);
    expectXmlError(await get('/services.xml', { jurisdiction_id: null }), 400);
    expectJsonError(await get('/services.json', { jurisdiction_id: 'no-such-community' }), 404);
    expectXmlError(await get('/services/facility_lighting.xml', { jurisdiction_id: 'no-such-community' }), 404);
  });

  it('answers 404 in the spec shape for unknown paths and formats', async () => {
    expectJsonError(await get('/services.csv'), 404);
    expectJsonError(await get('/services/facility_lighting.csv'), 404);
    expectXmlError(await get('/nothing.xml'), 404);
  });
});
