/** A GeoReport test world listening on a real port: a community with two grids, and keys of two districts. */
import { expect } from 'vitest';
import type { Static } from 'typebox';
import { referenceChanged } from '../../platform/cache/reference-cache.ts';
import { clientAs, createTestApp } from '../../testing.ts';
import { categoriesKey } from '../needs/index.ts';
import { buildNeedWorld } from '../needs/needs.testing.ts';
import { buildDistrict, buildGrid, squareBoundary } from '../territory/testing.ts';
import { parseXml, textOf } from './xml.testing.ts';
import type { CreatedClientView as CreatedClientSchema } from './open311.schemas.ts';

type CreatedClient = Static<typeof CreatedClientSchema>;

export interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A GeoReport JSON record (a request, a service, an error): the specification's field names, plain values. */
export type GeoRecord = Record<string, string | number | boolean | null>;

/** The JSON body of an answer: a list of records for requests, services and errors. */
export function jsonList(res: Answer): GeoRecord[] {
  return JSON.parse(res.body) as GeoRecord[];
}

export async function startGeoReport() {
  const t = await createTestApp();
  const w = await buildNeedWorld(t.db);
  const jur = w.community.code;
  // Codes sort after the world's grid, which is therefore the community's first grid.
  const grid2 = await buildGrid(t.db, { community: w.community, code: 'ZZ-second', boundary: squareBoundary(118.71, 32.16) });
  const officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]);
  const created = (await officer.post('/api/v1/open311-clients', { districtId: w.district.id, name: '市民通' })).json<CreatedClient>();
  const dB = await buildDistrict(t.db);
  const officerB = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dB.id }]);
  const otherKey: string = (await officerB.post('/api/v1/open311-clients', { districtId: dB.id, name: 'B' })).json<CreatedClient>().apiKey;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/open311/v2`;

  const answer = async (res: Response): Promise<Answer> => ({ status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() });
  /** GET with the jurisdiction filled in unless the query sets it (null leaves it out). */
  const get = async (path: string, query: Record<string, string | null> = {}, lang = 'zh-CN') => {
    const q = new URLSearchParams(
      Object.entries({ jurisdiction_id: jur, ...query }).filter((e): e is [string, string] => e[1] !== null),
    );
    return answer(await fetch(`${base}${path}?${q}`, { headers: { 'accept-language': lang } }));
  };
  const post = async (path: string, form: [string, string][], lang = 'zh-CN') =>
    answer(
      await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang },
        body: new URLSearchParams(form).toString(),
      }),
    );
  const valid = (over: Record<string, string | null> = {}): [string, string][] =>
    Object.entries({
      api_key: created.apiKey,
      jurisdiction_id: jur,
      service_code: 'facility_lighting',
      lat: '32.161',
      long: '118.711',
      description: '3号楼楼道灯不亮',
      ...over,
    }).filter((e): e is [string, string] => e[1] !== null);
  const submit = async (over: Record<string, string | null> = {}): Promise<string> => {
    const res = await post('/requests.json', valid(over));
    expect(res.status, res.body).toBe(200);
    return String(jsonList(res)[0]!.service_request_id);
  };
  /** A test that edits need_categories directly announces it, as the category admin does: the app keeps them in memory. */
  const categoriesChanged = () => referenceChanged(t.platform, t.db, categoriesKey(w.district.id));
  return { t, w, jur, grid2, key: created.apiKey, clientId: created.id, otherKey, officer, base, get, post, valid, submit, categoriesChanged };
}

export function expectJsonError(res: Answer, status: number) {
  expect(res.status, res.body).toBe(status);
  expect(res.type).toContain('application/json');
  const body = jsonList(res);
  expect(body).toHaveLength(1);
  expect(body[0]!.code).toBe(status);
  expect(typeof body[0]!.description).toBe('string');
}

export function expectXmlError(res: Answer, status: number) {
  expect(res.status, res.body).toBe(status);
  expect(res.type).toContain('text/xml');
  const root = parseXml(res.body);
  expect(root.name).toBe('errors');
  expect(root.children.map((c) => c.name)).toEqual(['error']);
  expect(textOf(root.children[0]!, 'code')).toBe(String(status));
  expect(textOf(root.children[0]!, 'description')).not.toBe('');
}
