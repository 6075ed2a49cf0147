import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { clientAs, createTestApp, createUser, type TestApp, type ErrorBody, fieldsOf, type Page } from '../../testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import {
  buildCommunity,
  buildDistrict,
  buildStreet,
  fakeIdNumber,
  type CommunityRef,
  type DistrictRef,
  type StreetRef,
} from '../territory/testing.ts';
import { buildSocialWorker } from './testing.ts';
import type { SocialWorkerView } from './workforce.schemas.ts';

let t: TestApp;
let dA: DistrictRef;
let sA: StreetRef;
let cA1: CommunityRef;
let cA2: CommunityRef;
let cB: CommunityRef;
let o1: OrganizationRef;
let o2: OrganizationRef;

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  const dB = await buildDistrict(t.db);
  sA = await buildStreet(t.db, { district: dA });
  cA1 = await buildCommunity(t.db, { street: sA });
  cA2 = await buildCommunity(t.db, { street: sA });
  cB = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: dB }) });
  o1 = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA1, cA2] });
  o2 = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA1] });
});
afterAll(() => t.close());

const officerA = () => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dA.id }]);
const orgAdmin = (o: { id: string }) => clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: o.id }]);
const communityAdmin = (c: CommunityRef) =>
  clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: c.id, districtId: c.districtId }]);
async function counts() {
  const n = async (table: 'social_workers' | 'audit_log') => {
    let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (table === 'audit_log') q = q.where('action', 'like', 'social_worker.%');
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { workers: await n('social_workers'), audits: await n('audit_log') };
}

const orgWorker = (over: Record<string, unknown> = {}) => ({
  name: '陈晓',
  idNumber: fakeIdNumber({ gender: 'female', birthDate: '1990-04-12' }),
  phone: '+86 139 1234 5678',
  employerType: 'organization',
  employerOrganizationId: o1.id,
  certificateLevel: 'intermediate',
  certificateNo: 'Z2020-001',
  certificateDate: '2020-06-21',
  payGrade: '中级三档',
  communityIds: [cA1.id, cA2.id],
  ...over,
});

describe('POST /social-workers', () => {
  it('registers an organization\'s social worker: derives gender, tenant and streets, encrypts identifiers, audits', async () => {
    const c = await officerA();
    const before = await counts();
    const body = orgWorker();
    const res = await c.post('/api/v1/social-workers', body);
    expect(res.statusCode).toBe(201);
    const w = res.json<SocialWorkerView>();
    expect(w).toMatchObject({
      districtId: dA.id,
      gender: 'female',
      phoneMasked: '139****5678',
      employerName: o1.name,
      employerCommunityId: null,
      streetIds: [sA.id],
      certificateLevel: 'intermediate',
      status: 'active',
      allowedActions: ['read', 'update', 'reveal'],
    });
    expect(w.idNumberMasked).toBe(`${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(-4)}`);
    expect(res.body).not.toContain(body.idNumber);
    expect(res.body).not.toContain('13912345678');
    const row = await t.db.selectFrom('social_workers').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
    expect(t.platform.pii.decrypt(row.id_number_cipher!)).toBe(body.idNumber);
    expect(t.platform.pii.decrypt(row.phone_cipher!)).toBe('13912345678');
    expect(await counts()).toEqual({ workers: before.workers + 1, audits: before.audits + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', w.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'social_worker.create', district_id: dA.id });
    expect(JSON.stringify(audit.after)).not.toContain(body.idNumber);
    expect(JSON.stringify(audit.after)).not.toContain('13912345678');
    expect(audit.after).toMatchObject({ idNumberMasked: w.idNumberMasked, phoneMasked: '139****5678' });
  });

  it('lets an organization register its own staff and a community its own employees only', async () => {
    const own = await (await orgAdmin(o1)).post('/api/v1/social-workers', orgWorker({ idNumber: null, certificateLevel: 'none', certificateNo: null, certificateDate: null }));
    expect(own.statusCode).toBe(201);
    expect(own.json<SocialWorkerView>()).toMatchObject({ gender: null, idNumberMasked: null, certificateNo: null });
    const ca = await communityAdmin(cA1);
    const employee = await ca.post('/api/v1/social-workers', {
      name: '社区社工', employerType: 'community', employerCommunityId: cA1.id, communityIds: [], phone: null,
    });
    expect(employee.statusCode).toBe(201);
    expect(employee.json<SocialWorkerView>()).toMatchObject({ districtId: dA.id, employerName: cA1.name, streetIds: [sA.id], allowedActions: ['read', 'update', 'reveal'] });

    const before = await counts();
    const refusals = [
      [await orgAdmin(o2), orgWorker({ idNumber: null })],
      [ca, orgWorker({ idNumber: null })],
      [await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: sA.id, districtId: dA.id }]), orgWorker({ idNumber: null })],
      [await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: cA1.id, districtId: dA.id }]), orgWorker({ idNumber: null })],
      [await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]), orgWorker({ idNumber: null })],
      [await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: cB.districtId }]), orgWorker({ idNumber: null })],
    ] as const;
    for (const [client, body] of refusals) {
      const res = await client.post('/api/v1/social-workers', body);
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    }
    // another community is not the community admin's to read: its id answers like a missing one
    const other = await ca.post('/api/v1/social-workers', { name: 'x', employerType: 'community', employerCommunityId: cA2.id, communityIds: [cA1.id] });
    expect(other.statusCode).toBe(404);
    expect(fieldsOf(other)).toEqual({ employerCommunityId: 'resource.not_found' });
    expect(await counts()).toEqual(before);
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const c = await officerA();
    const user = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: cA1.id, districtId: dA.id }]);
    const before = await counts();
    const good = fakeIdNumber();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ idNumber: '12345' }, { idNumber: 'social_worker.id_number_format' }],
      [{ idNumber: `${good.slice(0, 10)}1399${good.slice(14)}` }, { idNumber: 'social_worker.id_number_birth_date' }],
      [{ idNumber: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') }, { idNumber: 'social_worker.id_number_check_digit' }],
      [{ phone: '12' }, { phone: 'social_worker.phone_format' }],
      [{ employerOrganizationId: undefined }, { employerOrganizationId: 'validation.required' }],
      [{ employerCommunityId: cA1.id }, { employerCommunityId: 'social_worker.employer_mismatch' }],
      [{ employerType: 'community', employerOrganizationId: undefined }, { employerCommunityId: 'validation.required' }],
      [{ communityIds: [] }, { communityIds: 'social_worker.communities_required' }],
      [{ certificateNo: undefined, certificateDate: undefined }, { certificateNo: 'validation.required', certificateDate: 'validation.required' }],
      [{ certificateDate: '2999-01-01' }, { certificateDate: 'social_worker.date_in_future' }],
      [{ certificateLevel: 'none' }, { certificateNo: 'social_worker.certificate_without_level', certificateDate: 'social_worker.certificate_without_level' }],
      [{ certificateLevel: 'expert' }, { certificateLevel: 'validation.not_allowed' }],
      [{ name: ' ' }, { name: 'validation.required' }],
      [{ employerType: undefined }, { employerType: 'validation.required' }],
      [{ status: 'left' }, { status: 'validation.unknown_field' }],
      [{ communityIds: ['nope'] }, { 'communityIds.0': 'validation.format' }],
    ];
    for (const [over, expected] of cases) {
      const res = await c.post('/api/v1/social-workers', orgWorker({ userId: user.id, ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('validation.failed');
      expect(fieldsOf(res), JSON.stringify(over)).toEqual(expected);
    }
    // Ids that name nothing the officer may read (missing, or in district B) answer 404 like an id in the path.
    const unknown: [Record<string, unknown>, string][] = [
      [{ employerOrganizationId: newId() }, 'employerOrganizationId'],
      [{ employerType: 'community', employerOrganizationId: undefined, employerCommunityId: newId() }, 'employerCommunityId'],
      [{ communityIds: [cA1.id, newId()] }, 'communityIds.1'],
      [{ communityIds: [cA1.id, cB.id] }, 'communityIds.1'],
      [{ employerType: 'community', employerOrganizationId: undefined, employerCommunityId: cA1.id, communityIds: [cB.id] }, 'communityIds.0'],
      [{ userId: newId() }, 'userId'],
      [{ userId: (await createUser(t.db, [])).id }, 'userId'],
    ];
    for (const [over, field] of unknown) {
      const res = await c.post('/api/v1/social-workers', orgWorker({ userId: user.id, ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(404);
      expect(fieldsOf(res), JSON.stringify(over)).toEqual({ [field]: 'resource.not_found' });
    }
    // An organization serving communities of two districts names both, but one worker serves one district.
    const both = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA1, cB] });
    const split = await (await orgAdmin(both)).post('/api/v1/social-workers', orgWorker({ employerOrganizationId: both.id, communityIds: [cA1.id, cB.id] }));
    expect(split.statusCode).toBe(400);
    expect(fieldsOf(split)).toEqual({ communityIds: 'social_worker.other_district' });
    expect(await counts()).toEqual(before);
  });

  it('refuses an ID number already registered in the district (409), not one of another district', async () => {
    const c = await officerA();
    const idNumber = fakeIdNumber();
    expect((await c.post('/api/v1/social-workers', orgWorker({ idNumber }))).statusCode).toBe(201);
    const before = await counts();
    const dup = await c.post('/api/v1/social-workers', orgWorker({ idNumber: idNumber.toLowerCase(), employerOrganizationId: o2.id }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('social_worker.duplicate_id_number');
    expect(await counts()).toEqual(before);
    const officerB = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: cB.districtId }]);
    expect((await officerB.post('/api/v1/social-workers', orgWorker({ idNumber, communityIds: [cB.id] }))).statusCode).toBe(201);
  });
});

describe('GET /social-workers and /social-workers/:id', () => {
  let d: DistrictRef;
  let c1: CommunityRef;
  let c2: CommunityRef;
  let org: OrganizationRef;
  beforeAll(async () => {
    d = await buildDistrict(t.db);
    const s = await buildStreet(t.db, { district: d });
    c1 = await buildCommunity(t.db, { street: s });
    c2 = await buildCommunity(t.db, { street: s });
    org = await buildOrganization(t.db, t.platform.pii, { district: d, communities: [c1] });
    for (let i = 0; i < 5; i++) {
      await buildSocialWorker(t.db, t.platform.pii, { organization: org, communities: [c1], name: `王${i}`, certificateLevel: i < 2 ? 'assistant' : 'none' });
    }
    await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: c2, name: '李社区' });
    await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: c2, communities: [c1], name: '李离职', status: 'left' });
  });

  it('filters by organization, community served, employer type, certificate, status and name prefix', async () => {
    const c = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d.id }]);
    const q = async (qs: string) => (await c.get(`/api/v1/social-workers?limit=200&${qs}`)).json<Page<SocialWorkerView>>().items.map((w: { name: string }) => w.name);
    expect(await q('')).toHaveLength(7);
    expect(await q(`organizationId=${org.id}`)).toHaveLength(5);
    expect(await q(`communityId=${c1.id}`)).toHaveLength(6);
    expect(await q(`communityId=${newId()}`)).toEqual([]);
    expect(await q('employerType=community')).toEqual(['李社区', '李离职']);
    expect(await q('certificateLevel=assistant')).toEqual(['王0', '王1']);
    expect(await q('status=left')).toEqual(['李离职']);
    expect(await q(`q=${encodeURIComponent('李')}`)).toEqual(['李社区', '李离职']);
    expect(await q(`q=${encodeURIComponent('社区')}`)).toEqual([]);
    expect((await c.get('/api/v1/social-workers?employerType=company')).statusCode).toBe(400);
  });

  it('walks every page once with keyset cursors', async () => {
    const c = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d.id }]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/social-workers?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json<Page<SocialWorkerView>>().items.map((w) => w.id));
      cursor = res.json<Page<SocialWorkerView>>().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('lists only what lies in the caller\'s scope and answers 404 outside it', async () => {
    const worker = await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: c2, name: '范围内' });
    const cw = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: c2.id, districtId: d.id }]);
    expect((await cw.get('/api/v1/social-workers')).json<Page<SocialWorkerView>>().items.map((w: { name: string }) => w.name)).toEqual(['李社区', '李离职', '范围内']);
    expect((await cw.get(`/api/v1/social-workers/${worker.id}`)).json<SocialWorkerView>()).toMatchObject({ name: '范围内', allowedActions: ['read'] });
    const other = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: cA1.id, districtId: dA.id }]);
    const hidden = await other.get(`/api/v1/social-workers/${worker.id}`);
    const missing = await other.get(`/api/v1/social-workers/${newId()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<SocialWorkerView>()).toEqual(missing.json<SocialWorkerView>());
    const grid = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: newId(), districtId: d.id }]);
    expect((await grid.get('/api/v1/social-workers')).statusCode).toBe(403);
    expect((await grid.get(`/api/v1/social-workers/${worker.id}`)).statusCode).toBe(404);
  });
});
