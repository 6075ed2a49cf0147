/**
 * Input that PostgreSQL cannot store or that names no real day is refused with a 400 and a
 * stable code before anything is written, on every route (the rules live in the platform's
 * request validation, not in each module).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../../modules/needs/needs.testing.ts';
import { clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';

let t: TestApp;
let w: NeedWorld;
let admin: Awaited<ReturnType<typeof clientAs>>;
let officer: Awaited<ReturnType<typeof clientAs>>;
let staff: Awaited<ReturnType<typeof clientAs>>;
let gridWorker: Awaited<ReturnType<typeof clientAs>>;
let need: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const d = w.district.id;
  admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
  officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d }]);
  staff = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  gridWorker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: d }]);
  need = await buildNeed(t.db, w);
});
afterAll(() => t.close());

type Who = 'admin' | 'officer' | 'staff' | 'gridWorker';
const as = (who: Who) => ({ admin, officer, staff, gridWorker })[who];

/** Every audit record: each command writes one in its transaction, so an unchanged count means nothing committed. */
const auditTotal = async () => Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(t.db)).rows[0]!.n);

/** Write routes with one text field (a dotted path) that the test fills with bad characters. */
const writes: { who: Who; method: string; route: string; url: () => string; body: (text: string) => unknown; field: string }[] = [
  { who: 'admin', method: 'POST', route: 'districts', url: () => '/api/v1/districts', body: (s) => ({ code: 'D-bad-text', name: s }), field: 'name' },
  {
    who: 'staff',
    method: 'POST',
    route: 'needs',
    url: () => '/api/v1/needs',
    body: (s) => ({ source: 'staff', categoryId: w.category('property_facilities'), description: s, householdId: w.household.id }),
    field: 'description',
  },
  { who: 'staff', method: 'PATCH', route: 'households/{id}', url: () => `/api/v1/households/${w.household.id}`, body: (s) => ({ notes: s }), field: 'notes' },
  { who: 'staff', method: 'POST', route: 'needs/{id}/transitions', url: () => `/api/v1/needs/${need}/transitions`, body: (s) => ({ action: 'accept', note: s }), field: 'note' },
  {
    who: 'gridWorker',
    method: 'POST',
    route: 'visits',
    url: () => '/api/v1/visits',
    body: (s) => ({
      householdId: w.household.id,
      kind: 'routine',
      visitedAt: new Date().toISOString(),
      needs: [{ categoryId: w.category('property_facilities'), description: s }],
    }),
    field: 'needs.0.description',
  },
  {
    who: 'staff',
    method: 'POST',
    route: 'residents',
    url: () => '/api/v1/residents',
    body: (s) => ({ householdId: w.household.id, name: '王某', idNumber: '110101199003070011', tags: [s] }),
    field: 'tags.0',
  },
];

const BAD_TEXT: [string, string][] = [
  ['a NUL', '灯\u0000坏了'],
  ['a lone high surrogate', '灯坏了\ud800'],
  ['a lone low surrogate', '\udc00灯坏了'],
];

describe('text PostgreSQL cannot store', () => {
  for (const [label, text] of BAD_TEXT) {
    for (const r of writes) {
      it(`refuses ${label} in ${r.method} ${r.route} ${r.field} with 400 and writes nothing`, async () => {
        const before = await auditTotal();
        const res = await as(r.who).request(r.method, r.url(), r.body(text));
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json<ErrorBody>().error.code).toBe('validation.failed');
        expect(res.json<ErrorBody>().error.details?.fields).toEqual([
          { field: r.field, code: 'validation.invalid_characters', message: '含有无法保存的字符（空字符或不成对的代理项）' },
        ]);
        expect(await auditTotal()).toBe(before);
      });
    }
  }

  it('refuses them in object keys too, in English when asked', async () => {
    const body = JSON.parse('{"code":"D-key","name":"区","\\u0000":1}') as Record<string, unknown>;
    admin.lang = 'en';
    try {
      const res = await admin.post('/api/v1/districts', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().error.details?.fields).toContainEqual({
        field: '\u0000',
        code: 'validation.invalid_characters',
        message: 'Contains characters that cannot be stored (a NUL or an unpaired surrogate)',
      });
    } finally {
      admin.lang = undefined;
    }
  });

  const searches: [Who, string][] = [
    ['staff', '/api/v1/needs?q=%E7%81%AF%00%E5%9D%8F'],
    ['admin', '/api/v1/users?q=a%00'],
    ['staff', '/api/v1/households?q=%00'],
    ['staff', '/api/v1/residents?q=%E7%8E%8B%00'],
    ['officer', '/api/v1/organizations?q=a%00b'],
    ['officer', '/api/v1/social-workers?q=a%00b'],
    ['officer', '/api/v1/resources?q=a%00b'],
    ['officer', '/api/v1/audit?action=a%00b'],
  ];
  for (const [who, url] of searches) {
    it(`refuses a NUL in the query of ${url.split('?')[0]}`, async () => {
      const res = await as(who).get(url);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ code: 'validation.invalid_characters' });
    });
  }

  it('refuses a NUL in a path parameter that is not schema-checked as a uuid', async () => {
    const res = await staff.request('PATCH', '/api/v1/resident-tags/elderly%00', { careIntervalDays: 30 });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'code', code: 'validation.invalid_characters' });
  });
});

describe('dates that name no real day', () => {
  const cases: [Who, string, string, () => unknown, string][] = [
    ['staff', 'POST', `transition wait with expectedDate 0000-01-01`, () => ({ action: 'wait', reason: '等配件', expectedDate: '0000-01-01' }), 'expectedDate'],
    ['staff', 'POST', `transition wait with expectedDate 2026-02-30`, () => ({ action: 'wait', reason: '等配件', expectedDate: '2026-02-30' }), 'expectedDate'],
  ];
  for (const [who, method, label, body, field] of cases) {
    it(`refuses ${label}`, async () => {
      const before = await auditTotal();
      const res = await as(who).request(method, `/api/v1/needs/${need}/transitions`, body());
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field, code: 'validation.format' })]);
      expect(await auditTotal()).toBe(before);
    });
  }

  it('refuses the year 0000 in a date-time field of a body', async () => {
    const res = await gridWorker.post('/api/v1/visits', { householdId: w.household.id, kind: 'routine', visitedAt: '0000-01-01T10:00:00Z' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'visitedAt', code: 'validation.format' })]);
  });

  const filters: [Who, string, string][] = [
    ['gridWorker', '/api/v1/visits?from=0000-01-01', 'from'],
    ['gridWorker', '/api/v1/visits?to=0000-12-31', 'to'],
    ['gridWorker', '/api/v1/visits?from=2026-02-30', 'from'],
    // Local midnight of 0001-01-01 in Asia/Shanghai is still in year 0 in UTC.
    ['gridWorker', '/api/v1/visits?from=0001-01-01', 'from'],
    ['officer', '/api/v1/audit?from=0000-01-01T00:00:00Z', 'from'],
    ['officer', '/api/v1/audit?to=2026-02-30T00:00:00Z', 'to'],
    ['officer', '/api/v1/audit?from=2026-12-31T23:59:60Z', 'from'],
    ['officer', `/api/v1/resources?availableAt=0000-06-01T10:00:00%2B08:00`, 'availableAt'],
  ];
  for (const [who, url, field] of filters) {
    it(`refuses the filter ${url}`, async () => {
      const res = await as(who).get(url);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field, code: 'validation.format' })]);
    });
  }

  it('still takes real dates, leap days included', async () => {
    expect((await gridWorker.get('/api/v1/visits?from=2024-02-29&to=2026-12-31')).statusCode).toBe(200);
    expect((await officer.get('/api/v1/audit?from=2024-02-29T23:59:59%2B08:00')).statusCode).toBe(200);
  });
});

describe('uuids that PostgreSQL does not read', () => {
  it('refuses the urn:uuid: form in a path and in a body', async () => {
    const urn = `urn:uuid:${need}`;
    const res = await staff.get(`/api/v1/needs/${encodeURIComponent(urn)}`);
    expect(res.statusCode, res.body).toBe(400);
    const body = await staff.post('/api/v1/needs/bulk-transitions', { needIds: [urn], action: 'accept' });
    expect(body.statusCode, body.body).toBe(400);
    expect(body.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'needIds.0', code: 'validation.format' })]);
  });
});

describe('cursors of the wrong shape', () => {
  // Cursors are opaque to clients but easy to forge: base64url of any JSON.
  const encodeCursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
  const forged = [
    ['one text value', encodeCursor(['x'])],
    ['two text values', encodeCursor(['x', 'y'])],
    ['a number', encodeCursor([1])],
    ['two numbers', encodeCursor([1, 2])],
    ['a NUL', encodeCursor(['\u0000', '\u0000'])],
    ['year 0000 and a uuid', encodeCursor(['0000-01-01T00:00:00.000Z', '018f0000-0000-7000-8000-000000000000'])],
  ] as const;
  const lists: [Who, string][] = [
    ['admin', '/api/v1/users'],
    ['admin', '/api/v1/districts'],
    ['admin', '/api/v1/streets'],
    ['admin', '/api/v1/communities'],
    ['admin', '/api/v1/grids'],
    ['admin', '/api/v1/buildings'],
    ['staff', '/api/v1/households'],
    ['staff', '/api/v1/residents'],
    ['staff', `/api/v1/residents?q=%E7%8E%8B`],
    ['officer', '/api/v1/organizations'],
    ['officer', '/api/v1/social-workers'],
    ['staff', '/api/v1/needs'],
    ['staff', '/api/v1/notifications'],
    ['staff', '/api/v1/common-needs'],
    ['officer', '/api/v1/resources'],
    ['officer', '/api/v1/webhooks'],
    ['officer', '/api/v1/open311-clients'],
    ['gridWorker', '/api/v1/visits'],
    ['officer', '/api/v1/audit'],
  ];
  for (const [who, url] of lists) {
    it(`${url} answers 400 validation.invalid_cursor for every forged cursor`, async () => {
      const statuses: string[] = [];
      for (const [label, cursor] of forged) {
        const res = await as(who).get(`${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`);
        // A forged cursor of the right shape is just a position: it may answer a page.
        const ok = res.statusCode === 200 || (res.statusCode === 400 && res.json<ErrorBody>().error.code === 'validation.invalid_cursor');
        if (!ok) statuses.push(`${label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      expect(statuses).toEqual([]);
    });
  }

  it('a cursor of the wrong shape is refused, not read as a position', async () => {
    for (const cursor of [encodeCursor(['x']), encodeCursor([1]), encodeCursor(['not-a-uuid'])]) {
      const res = await staff.get(`/api/v1/needs?cursor=${cursor}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('validation.invalid_cursor');
    }
  });
});
