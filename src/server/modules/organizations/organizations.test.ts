import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { clientAs, Client, type TestApp, createTestApp, type ErrorBody, fieldsOf, type Page, type OpenApiDocument } from '../../testing.ts';
import { buildCommunity, buildDistrict, buildStreet } from '../territory/testing.ts';
import { buildOrganization, fakeUscc } from './testing.ts';
import type { OrganizationView } from './organizations.schemas.ts';

let t: TestApp;
let dA: { id: string };
let dB: { id: string };
let sA: { id: string; districtId: string };
let cA: { id: string; streetId: string; districtId: string };
let cB: { id: string; streetId: string; districtId: string };

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  dB = await buildDistrict(t.db);
  sA = await buildStreet(t.db, { district: dA });
  const sB = await buildStreet(t.db, { district: dB });
  cA = await buildCommunity(t.db, { street: sA });
  cB = await buildCommunity(t.db, { street: sB });
});
afterAll(() => t.close());

const officerA = () => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dA.id }]);
const officerB = () => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dB.id }]);

async function counts() {
  const orgs = await t.db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const audits = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'like', 'organization.%')
    .executeTakeFirstOrThrow();
  return { orgs: Number(orgs.n), audits: Number(audits.n) };
}

function validBody(over: Record<string, unknown> = {}) {
  return {
    name: '启航社工服务中心',
    uscc: fakeUscc('service_institution'),
    type: 'service_institution',
    registrationDate: '2016-05-10',
    registrationAuthority: '南京市江北新区民政局',
    registrationDistrictId: dA.id,
    rating: '4A',
    ratedOn: '2023-07-01',
    serviceFields: ['elderly', 'children_youth'],
    serviceCommunityIds: [cA.id],
    address: '泰山街道 12 号',
    contactName: '陈主任',
    contactPhone: '138 1234 5678',
    ...over,
  };
}

describe('POST /organizations', () => {
  it('registers an organization, derives the rating validity, masks and encrypts the phone, audits', async () => {
    const c = await officerA();
    const before = await counts();
    const res = await c.post('/api/v1/organizations', validBody({ uscc: ` ${fakeUscc().toLowerCase()} ` }));
    expect(res.statusCode).toBe(201);
    const org = res.json<OrganizationView>();
    expect(org.uscc).toMatch(/^[0-9A-Z]{18}$/);
    expect(org.ratingValidUntil).toBe('2028-06-30');
    expect(org.ratingStatus).toBe('valid');
    expect(org.contactPhoneMasked).toBe('138****5678');
    expect(org.allowedActions).toEqual(['read', 'read_contacts', 'update', 'update_contacts', 'reveal']);
    expect(res.body).not.toContain('13812345678');
    const row = await t.db.selectFrom('organizations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(row.service_street_ids).toEqual([sA.id]);
    expect(Buffer.from(row.contact_phone_cipher!).toString('utf8')).not.toContain('13812345678');
    expect(t.platform.pii.decrypt(row.contact_phone_cipher!)).toBe('13812345678');
    const after = await counts();
    expect(after).toEqual({ orgs: before.orgs + 1, audits: before.audits + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', org.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('organization.create');
    expect(audit.district_id).toBe(dA.id);
    expect(JSON.stringify(audit.after)).not.toContain('13812345678');
    expect(JSON.stringify(audit.after)).toContain('138****5678');
  });

  it('accepts an explicit end of validity and a rating without assessment date', async () => {
    const c = await officerA();
    const res = await c.post('/api/v1/organizations', validBody({ ratedOn: undefined, ratingValidUntil: '2020-12-31', rating: '3A' }));
    expect(res.statusCode).toBe(201);
    expect(res.json<OrganizationView>()).toMatchObject({ rating: '3A', ratedOn: null, ratingValidUntil: '2020-12-31', ratingStatus: 'expired' });
    const none = await c.post('/api/v1/organizations', validBody({ rating: null, ratedOn: undefined, type: 'community_based' }));
    expect(none.statusCode).toBe(201);
    expect(none.json<OrganizationView>()).toMatchObject({ rating: null, ratingValidUntil: null, ratingStatus: 'none' });
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const c = await officerA();
    const before = await counts();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ uscc: '91350100M000100I43' }, { uscc: 'organization.uscc_format' }],
      [{ uscc: '91350100M000100Y44' }, { uscc: 'organization.uscc_check_char' }],
      [{ contactPhone: '12345' }, { contactPhone: 'organization.phone_format' }],
      [{ ratedOn: undefined }, { ratedOn: 'organization.rating_date_required' }],
      [{ rating: null }, { rating: 'organization.rating_required' }],
      [{ ratingValidUntil: '2030-01-01' }, { ratingValidUntil: 'organization.rating_validity_range' }],
      [{ ratingValidUntil: '2023-06-30' }, { ratingValidUntil: 'organization.rating_validity_range' }],
      [{ ratedOn: '2999-01-01' }, { ratedOn: 'organization.date_in_future' }],
      [{ registrationDate: '2999-01-01' }, { registrationDate: 'organization.date_in_future' }],
      [{ name: '   ' }, { name: 'validation.required' }],
      [{ serviceFields: ['elderly', 'astrology'] }, { 'serviceFields.1': 'validation.not_allowed' }],
      [{ type: 'company' }, { type: 'validation.not_allowed' }],
      [{ rating: '6A' }, { rating: 'validation.not_allowed' }],
      [{ extra: 1 }, { extra: 'validation.unknown_field' }],
      [{ name: undefined }, { name: 'validation.required' }],
    ];
    for (const [over, expected] of cases) {
      const res = await c.post('/api/v1/organizations', validBody(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('validation.failed');
      expect(fieldsOf(res), JSON.stringify(over)).toMatchObject(expected);
    }
    // ids that name nothing answer 404 like an id in the path
    for (const [over, field] of [
      [{ serviceCommunityIds: [cA.id, newId()] }, 'serviceCommunityIds.1'],
      [{ registrationDistrictId: newId() }, 'registrationDistrictId'],
    ] as const) {
      const res = await c.post('/api/v1/organizations', validBody(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(404);
      expect(fieldsOf(res)).toEqual({ [field]: 'resource.not_found' });
    }
    expect(await counts()).toEqual(before);
  });

  it('reports several field errors at once, in the caller\'s language', async () => {
    const c = await officerA();
    c.lang = 'en';
    const res = await c.post('/api/v1/organizations', validBody({ uscc: 'X', contactPhone: 'abc' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().error.details?.fields ?? [];
    expect(fields.map((f) => f.field).sort()).toEqual(['contactPhone', 'uscc']);
    expect(fields.find((f) => f.field === 'uscc')?.message).toMatch(/18 digits/);
  });

  it('refuses a second organization with the same credit code (409)', async () => {
    const c = await officerA();
    const uscc = fakeUscc();
    expect((await c.post('/api/v1/organizations', validBody({ uscc }))).statusCode).toBe(201);
    const before = await counts();
    const dup = await c.post('/api/v1/organizations', validBody({ uscc: uscc.toLowerCase() }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('organization.duplicate_uscc');
    expect(await counts()).toEqual(before);
  });

  it('lets a district officer register only in their own district; other roles not at all', async () => {
    const before = await counts();
    const b = await officerB();
    // district A is not B's to read: its id answers like a missing one
    expect((await b.post('/api/v1/organizations', validBody())).statusCode).toBe(404);
    const noDistrict = await (await officerA()).post('/api/v1/organizations', validBody({ registrationDistrictId: null }));
    expect(noDistrict.statusCode).toBe(403);
    for (const grant of [
      { role: 'community_admin', scopeType: 'community', scopeId: cA.id, districtId: dA.id },
      { role: 'street_officer', scopeType: 'street', scopeId: sA.id, districtId: dA.id },
    ] as const) {
      const c = await clientAs(t, [grant]);
      const res = await c.post('/api/v1/organizations', validBody());
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    }
    expect(await counts()).toEqual(before);
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    expect((await admin.post('/api/v1/organizations', validBody({ registrationDistrictId: null }))).statusCode).toBe(201);
  });

  it('requires a signed-in user', async () => {
    const res = await new Client(t.app).post('/api/v1/organizations', validBody());
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /organizations and /organizations/:id', () => {
  let d: { id: string };
  let c1: { id: string; streetId: string };
  beforeAll(async () => {
    d = await buildDistrict(t.db);
    const s = await buildStreet(t.db, { district: d });
    c1 = await buildCommunity(t.db, { street: s });
    for (let i = 0; i < 7; i++) {
      await buildOrganization(t.db, t.platform.pii, { name: `列表组织${i}`, district: d, communities: [c1], rating: i % 2 ? '4A' : null });
    }
    await buildOrganization(t.db, t.platform.pii, { name: '列表基金会', type: 'foundation', district: d, status: 'deregistered' });
    await buildOrganization(t.db, t.platform.pii, { name: '列表过期', district: d, rating: '5A', ratedOn: '2015-01-01' });
  });

  it('filters by district, community, type, rating, rating status, status and text', async () => {
    const c = await officerA();
    const q = async (qs: string) => (await c.get(`/api/v1/organizations?districtId=${d.id}&limit=200&${qs}`)).json<Page<OrganizationView>>().items.map((o: { name: string }) => o.name);
    expect(await q('')).toHaveLength(9);
    expect(await q(`communityId=${c1.id}`)).toHaveLength(7);
    expect(await q('type=foundation')).toEqual(['列表基金会']);
    expect(await q('rating=4A')).toHaveLength(3);
    expect(await q('ratingStatus=expired')).toEqual(['列表过期']);
    expect(await q('ratingStatus=valid')).toHaveLength(3);
    expect(await q('ratingStatus=none')).toHaveLength(5);
    expect(await q('status=deregistered')).toEqual(['列表基金会']);
    expect(await q(`q=${encodeURIComponent('组织3')}`)).toEqual(['列表组织3']);
    const one = await t.db.selectFrom('organizations').select('uscc').where('name', '=', '列表组织5').executeTakeFirstOrThrow();
    expect(await q(`q=${one.uscc.toLowerCase()}`)).toEqual(['列表组织5']);
    const bad = await c.get('/api/v1/organizations?rating=9A');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual({ rating: 'validation.not_allowed' });
  });

  it('walks every page once with keyset cursors', async () => {
    const c = await officerA();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await c.get(
        `/api/v1/organizations?districtId=${d.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      seen.push(...res.json<Page<OrganizationView>>().items.map((o) => o.id));
      cursor = res.json<Page<OrganizationView>>().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(9);
    expect((await c.get('/api/v1/organizations?cursor=garbage')).json<ErrorBody>().error.code).toBe('validation.invalid_cursor');
    expect((await c.get('/api/v1/organizations?limit=201')).statusCode).toBe(400);
  });

  it('is public to every role, but residents see no contacts', async () => {
    const org = await buildOrganization(t.db, t.platform.pii, { district: dB, communities: [cB] });
    const grid = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: newId(), districtId: dA.id }]);
    const g = await grid.get(`/api/v1/organizations/${org.id}`);
    expect(g.statusCode).toBe(200);
    expect(g.json<OrganizationView>()).toMatchObject({ contactName: '张联系', contactPhoneMasked: '139****1111', allowedActions: ['read', 'read_contacts'] });
    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: newId(), districtId: dA.id }]);
    const r = await resident.get(`/api/v1/organizations/${org.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json<OrganizationView>()).not.toHaveProperty('contactName');
    expect(r.json<OrganizationView>()).not.toHaveProperty('contactPhoneMasked');
    expect(r.json<OrganizationView>().allowedActions).toEqual(['read']);
    const list = await resident.get(`/api/v1/organizations?districtId=${dB.id}`);
    expect(list.json<Page<OrganizationView>>().items.length).toBeGreaterThan(0);
    expect(list.json<Page<OrganizationView>>().items.every((o: object) => !('contactName' in o))).toBe(true);
  });

  it('answers 404 for a missing id, and for a user without any role like for a missing one', async () => {
    const org = await buildOrganization(t.db, t.platform.pii, { district: dA });
    const c = await officerA();
    const missing = await c.get(`/api/v1/organizations/${newId()}`);
    expect(missing.statusCode).toBe(404);
    const nobody = await clientAs(t, []);
    const hidden = await nobody.get(`/api/v1/organizations/${org.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<OrganizationView>()).toEqual(missing.json<OrganizationView>());
    expect((await nobody.get('/api/v1/organizations')).statusCode).toBe(403);
    expect((await c.get('/api/v1/organizations/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the organizations and social workers endpoints', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
    for (const path of ['/api/v1/organizations', '/api/v1/organizations/{id}', '/api/v1/organizations/{id}/reveal', '/api/v1/social-workers', '/api/v1/social-workers/{id}', '/api/v1/social-workers/{id}/reveal']) {
      expect(doc.paths[path], path).toBeDefined();
      for (const op of Object.values(doc.paths[path]!)) {
        expect(op.summary, path).toBeTruthy();
        expect(op.tags?.length, path).toBeGreaterThan(0);
      }
    }
  });
});
