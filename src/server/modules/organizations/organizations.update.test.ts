import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { clientAs, createTestApp, type TestApp, type ErrorBody, fieldsOf } from '../../testing.ts';
import { buildCommunity, buildDistrict, buildStreet, type CommunityRef, type DistrictRef, type StreetRef } from '../territory/testing.ts';
import { buildOrganization, fakeUscc, type OrganizationRef } from './testing.ts';
import type { OrganizationView } from './organizations.schemas.ts';

let t: TestApp;
let dA: DistrictRef;
let dB: DistrictRef;
let sA: StreetRef;
let cA: CommunityRef;
let cB: CommunityRef;
let org: OrganizationRef;

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  dB = await buildDistrict(t.db);
  sA = await buildStreet(t.db, { district: dA });
  cA = await buildCommunity(t.db, { street: sA });
  cB = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: dB }) });
});
beforeEach(async () => {
  org = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA], rating: '3A', ratedOn: '2022-01-10' });
});
afterAll(() => t.close());

const url = () => `/api/v1/organizations/${org.id}`;
const officerA = () => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dA.id }]);
const orgAdmin = (id = org.id) => clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: id }]);
const row = () => t.db.selectFrom('organizations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
const audits = (action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', org.id).where('action', '=', action).execute();
describe('PATCH /organizations/:id', () => {
  it('lets the registration district change the entry and audits before/after of changed fields only', async () => {
    const c = await officerA();
    const res = await c.patch(url(), { name: '新名称', rating: '5A', ratedOn: '2024-02-29', serviceCommunityIds: [cA.id], contactPhone: '025-58123456' });
    expect(res.statusCode).toBe(200);
    expect(res.json<OrganizationView>()).toMatchObject({ name: '新名称', rating: '5A', ratedOn: '2024-02-29', ratingValidUntil: '2029-02-28', contactPhoneMasked: '025*****3456' });
    const [a] = await audits('organization.update');
    expect(a!.before).toMatchObject({ name: org.name, rating: '3A', contactPhoneMasked: '139****1111' });
    expect(a!.after).toMatchObject({ name: '新名称', rating: '5A', contactPhoneMasked: '025*****3456' });
    expect(a!.after).not.toHaveProperty('serviceCommunityIds');
    expect(JSON.stringify([a!.before, a!.after])).not.toMatch(/13900001111|58123456/);
    expect(t.platform.pii.decrypt((await row()).contact_phone_cipher!)).toBe('025-58123456');
  });

  it('a new assessment date moves the end of validity; removing the rating clears its dates', async () => {
    const c = await officerA();
    expect((await c.patch(url(), { ratedOn: '2023-03-01' })).json<OrganizationView>().ratingValidUntil).toBe('2028-02-29');
    expect((await c.patch(url(), { rating: '4A' })).json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'ratedOn', code: 'organization.rating_date_required' });
    const cleared = await c.patch(url(), { rating: null });
    expect(cleared.json<OrganizationView>()).toMatchObject({ rating: null, ratedOn: null, ratingValidUntil: null, ratingStatus: 'none' });
  });

  it('sends nothing to the audit when nothing changes', async () => {
    const c = await officerA();
    const res = await c.patch(url(), { name: org.name, uscc: org.uscc });
    expect(res.statusCode).toBe(200);
    expect(await audits('organization.update')).toHaveLength(0);
  });

  it('rejects bad input and changes nothing', async () => {
    const c = await officerA();
    const before = await row();
    for (const [body, expected] of [
      [{ uscc: '123' }, { uscc: 'organization.uscc_format' }],
      [{ contactPhone: '000' }, { contactPhone: 'organization.phone_format' }],
      [{ ratingValidUntil: '2021-01-01' }, { ratingValidUntil: 'organization.rating_validity_range' }],
      [{ status: 'closed' }, { status: 'validation.not_allowed' }],
      [{ id: newId() }, { id: 'validation.unknown_field' }],
    ] as const) {
      const res = await c.patch(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual(expected);
    }
    const missing = await c.patch(url(), { serviceCommunityIds: [newId()] });
    expect(missing.statusCode).toBe(404);
    expect(fieldsOf(missing)).toEqual({ 'serviceCommunityIds.0': 'resource.not_found' });
    expect(await row()).toEqual(before);
    expect(await audits('organization.update')).toHaveLength(0);
  });

  it('refuses a credit code already used by another organization', async () => {
    const other = await buildOrganization(t.db, t.platform.pii, { district: dA });
    const res = await (await officerA()).patch(url(), { uscc: other.uscc });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('organization.duplicate_uscc');
    expect((await row()).uscc).toBe(org.uscc);
  });

  it('lets the organization\'s administrator change only its contacts and service fields', async () => {
    const c = await orgAdmin();
    const ok = await c.patch(url(), { address: '新地址', contactName: '李四', contactPhone: '13700000000', serviceFields: ['health'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<OrganizationView>()).toMatchObject({ address: '新地址', contactName: '李四', serviceFields: ['health'], allowedActions: ['read', 'read_contacts', 'update_contacts', 'reveal'] });
    // the whole form sent back, unchanged registration fields included, is fine
    const form = ok.json<OrganizationView>();
    const again = await c.patch(url(), { name: form.name, uscc: form.uscc, type: form.type, rating: form.rating, address: '再改' });
    expect(again.statusCode).toBe(200);
    const before = await row();
    const refused = await c.patch(url(), { name: '自封名称', rating: '5A', ratedOn: '2024-01-01', address: '不会保存' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.code).toBe('organization.field_not_editable');
    expect(fieldsOf(refused)).toMatchObject({ name: 'organization.field_not_editable', rating: 'organization.field_not_editable' });
    expect(fieldsOf(refused)).not.toHaveProperty('address');
    expect(await row()).toEqual(before);
  });

  it('forbids visible entries to those who may not change them, and moving an entry out of reach', async () => {
    const before = await row();
    const cases = [
      await orgAdmin(newId()),
      await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dB.id }]),
      await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: cA.id, districtId: dA.id }]),
      await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: newId(), districtId: dA.id }]),
    ];
    for (const c of cases) {
      const res = await c.patch(url(), { address: 'x' });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    }
    // district B is not A's to read: its id answers like a missing one
    const moved = await (await officerA()).patch(url(), { registrationDistrictId: dB.id });
    expect(moved.statusCode).toBe(404);
    expect(await row()).toEqual(before);
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    expect((await admin.patch(url(), { registrationDistrictId: dB.id, serviceCommunityIds: [cA.id, cB.id] })).statusCode).toBe(200);
    expect((await row()).service_street_ids.sort()).toEqual([sA.id, cB.streetId].sort());
  });

  it('answers 404 for a missing id', async () => {
    const res = await (await officerA()).patch(`/api/v1/organizations/${newId()}`, { address: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('resource.not_found');
  });
});

describe('POST /organizations/:id/reveal', () => {
  it('shows the full phone to allowed roles in scope and audits each reveal without the value', async () => {
    const allowed = [
      await orgAdmin(),
      await officerA(),
      await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: sA.id, districtId: dA.id }]),
      await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: cA.id, districtId: dA.id }]),
      await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: cA.id, districtId: dA.id }]),
      await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]),
    ];
    for (const c of allowed) {
      const res = await c.post(`${url()}/reveal`, { field: 'contactPhone' });
      expect(res.statusCode).toBe(200);
      expect(res.json<OrganizationView>()).toEqual({ value: '13900001111' });
    }
    const rows = await audits('organization.reveal');
    expect(rows).toHaveLength(allowed.length);
    expect(rows[0]).toMatchObject({ district_id: dA.id, entity_type: 'organization', after: { field: 'contactPhone' } });
    expect(JSON.stringify(rows)).not.toContain('13900001111');
  });

  it('forbids other roles and scopes (403), answers 404 for a missing id, validates the field', async () => {
    const refused = [
      await orgAdmin(newId()),
      await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dB.id }]),
      await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: cB.id, districtId: dB.id }]),
      await clientAs(t, [{ role: 'social_worker', scopeType: 'organization', scopeId: org.id }]),
      await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: newId(), districtId: dA.id }]),
    ];
    for (const c of refused) {
      const res = await c.post(`${url()}/reveal`, { field: 'contactPhone' });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    }
    const c = await officerA();
    expect((await c.post(`/api/v1/organizations/${newId()}/reveal`, { field: 'contactPhone' })).statusCode).toBe(404);
    expect((await c.post(`${url()}/reveal`, { field: 'name' })).statusCode).toBe(400);
    expect(await audits('organization.reveal')).toHaveLength(0);
  });
});

describe('uscc normalisation', () => {
  it('stores the code in upper case without spaces', async () => {
    const code = fakeUscc();
    const res = await (await officerA()).patch(url(), { uscc: `${code.slice(0, 9).toLowerCase()} ${code.slice(9)}` });
    expect(res.json<OrganizationView>().uscc).toBe(code);
  });
});
