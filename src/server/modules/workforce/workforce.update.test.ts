import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { clientAs, createTestApp, type TestApp, type ErrorBody, fieldsOf } from '../../testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildStreet, fakeIdNumber, type CommunityRef, type DistrictRef } from '../territory/testing.ts';
import { buildSocialWorker, type SocialWorkerRef } from './testing.ts';
import type { SocialWorkerView } from './workforce.schemas.ts';

let t: TestApp;
let dA: DistrictRef;
let cA1: CommunityRef;
let cA2: CommunityRef;
let cB: CommunityRef;
let o1: OrganizationRef;
let o2: OrganizationRef;
let worker: SocialWorkerRef;
let employee: SocialWorkerRef;

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  const sA = await buildStreet(t.db, { district: dA });
  cA1 = await buildCommunity(t.db, { street: sA });
  cA2 = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: dA }) });
  cB = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: await buildDistrict(t.db) }) });
  o1 = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA1, cA2] });
  o2 = await buildOrganization(t.db, t.platform.pii, { district: dA });
});
beforeEach(async () => {
  worker = await buildSocialWorker(t.db, t.platform.pii, { organization: o1, communities: [cA1], idNumber: fakeIdNumber(), phone: '13600001234' });
  employee = await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: cA1, idNumber: fakeIdNumber(), phone: '13700004321' });
});
afterAll(() => t.close());

const officerA = () => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: dA.id }]);
const orgAdmin = (o: { id: string }) => clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: o.id }]);
const communityAdmin = (c: CommunityRef) =>
  clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: c.id, districtId: c.districtId }]);
const url = (w: { id: string }) => `/api/v1/social-workers/${w.id}`;
const row = (w: { id: string }) => t.db.selectFrom('social_workers').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
const audits = (w: { id: string }, action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', w.id).where('action', '=', action).execute();
describe('PATCH /social-workers/:id', () => {
  it('changes a record and audits before/after of the changed fields with masked identifiers', async () => {
    const res = await (await orgAdmin(o1)).patch(url(worker), {
      phone: '13812345678', certificateLevel: 'senior', certificateNo: 'G-1', certificateDate: '2024-01-02', communityIds: [cA1.id, cA2.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<SocialWorkerView>()).toMatchObject({ phoneMasked: '138****5678', certificateLevel: 'senior', communityIds: [cA1.id, cA2.id] });
    expect(res.json<SocialWorkerView>().streetIds.sort()).toEqual([cA1.streetId, cA2.streetId].sort());
    const [a] = await audits(worker, 'social_worker.update');
    expect(a!.before).toEqual({ phoneMasked: '136****1234', certificateLevel: 'none', certificateNo: null, certificateDate: null, communityIds: [cA1.id] });
    expect(a!.after).toMatchObject({ phoneMasked: '138****5678', certificateLevel: 'senior' });
    expect(JSON.stringify([a!.before, a!.after])).not.toMatch(/13812345678|13600001234/);
  });

  it('changes the ID number and the gender with it; clears the certificate when the level goes to none', async () => {
    const idNumber = fakeIdNumber({ gender: 'male' });
    const c = await officerA();
    const res = await c.patch(url(worker), { idNumber, certificateLevel: 'assistant', certificateNo: 'A1', certificateDate: '2021-01-01' });
    expect(res.json<SocialWorkerView>()).toMatchObject({ gender: 'male', certificateNo: 'A1' });
    expect(t.platform.pii.decrypt((await row(worker)).id_number_cipher!)).toBe(idNumber);
    expect((await c.patch(url(worker), { certificateLevel: 'none' })).json<SocialWorkerView>()).toMatchObject({ certificateNo: null, certificateDate: null });
    expect((await c.patch(url(worker), { idNumber: null })).json<SocialWorkerView>()).toMatchObject({ gender: null, idNumberMasked: null });
  });

  it('moves an employee from an organization to a community, clearing the other employer', async () => {
    const res = await (await officerA()).patch(url(worker), { employerType: 'community', employerCommunityId: cA2.id });
    expect(res.statusCode).toBe(200);
    expect(res.json<SocialWorkerView>()).toMatchObject({ employerType: 'community', employerOrganizationId: null, employerCommunityId: cA2.id, employerName: cA2.name });
  });

  it('rejects bad input and changes nothing', async () => {
    const c = await officerA();
    const before = await row(worker);
    for (const [body, expected] of [
      [{ communityIds: [] }, { communityIds: 'social_worker.communities_required' }],
      [{ certificateLevel: 'senior' }, { certificateNo: 'validation.required', certificateDate: 'validation.required' }],
      [{ phone: 'abc' }, { phone: 'social_worker.phone_format' }],
      [{ status: 'retired' }, { status: 'validation.not_allowed' }],
      [{ districtId: cB.districtId }, { districtId: 'validation.unknown_field' }],
    ] as const) {
      const res = await c.patch(url(worker), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual(expected);
    }
    // a community of district B is not the officer's to read: 404, like an id in the path
    for (const [body, field] of [
      [{ communityIds: [cB.id] }, 'communityIds.0'],
      [{ employerType: 'community', employerCommunityId: cB.id }, 'employerCommunityId'],
    ] as const) {
      const res = await c.patch(url(worker), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
      expect(fieldsOf(res)).toEqual({ [field]: 'resource.not_found' });
    }
    expect(await row(worker)).toEqual(before);
    expect(await audits(worker, 'social_worker.update')).toHaveLength(0);
  });

  it('refuses an ID number another social worker of the district has (409)', async () => {
    const res = await (await officerA()).patch(url(worker), { idNumber: t.platform.pii.decrypt((await row(employee)).id_number_cipher!) });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('social_worker.duplicate_id_number');
  });

  it('forbids those who see the record but do not manage it, and handing it out of reach', async () => {
    const before = await row(worker);
    for (const c of [
      await communityAdmin(cA1), // sees the organization's worker serving the community, does not employ them
      await clientAs(t, [{ role: 'supervisor', scopeType: 'organization', scopeId: o1.id }]),
      await clientAs(t, [{ role: 'social_worker', scopeType: 'organization', scopeId: o1.id }]),
      await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]),
    ]) {
      const res = await c.patch(url(worker), { payGrade: 'x' });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    }
    const handOver = await (await orgAdmin(o1)).patch(url(worker), { employerOrganizationId: o2.id });
    expect(handOver.statusCode).toBe(403);
    // another community is not the community admin's to read: 404
    const toOtherCommunity = await (await communityAdmin(cA1)).patch(url(employee), { employerCommunityId: cA2.id });
    expect(toOtherCommunity.statusCode).toBe(404);
    expect(await row(worker)).toEqual(before);
    expect((await (await communityAdmin(cA1)).patch(url(employee), { payGrade: '二档' })).statusCode).toBe(200);
  });

  it('answers 404 outside the read scope exactly like a missing id', async () => {
    const c = await orgAdmin(o2);
    const hidden = await c.patch(url(worker), { payGrade: 'x' });
    const missing = await c.patch(url({ id: newId() }), { payGrade: 'x' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<SocialWorkerView>()).toEqual(missing.json<SocialWorkerView>());
  });
});

describe('POST /social-workers/:id/reveal', () => {
  it('shows ID number and phone to the employer and the district, and audits without the value', async () => {
    const idNumber = t.platform.pii.decrypt((await row(worker)).id_number_cipher!);
    for (const c of [await orgAdmin(o1), await officerA()]) {
      expect((await c.post(`${url(worker)}/reveal`, { field: 'idNumber' })).json<SocialWorkerView>()).toEqual({ value: idNumber });
      expect((await c.post(`${url(worker)}/reveal`, { field: 'phone' })).json<SocialWorkerView>()).toEqual({ value: '13600001234' });
    }
    expect((await (await communityAdmin(cA1)).post(`${url(employee)}/reveal`, { field: 'phone' })).json<SocialWorkerView>()).toEqual({ value: '13700004321' });
    const rows = await audits(worker, 'social_worker.reveal');
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => (r.after as { field: string }).field).sort()).toEqual(['idNumber', 'idNumber', 'phone', 'phone']);
    expect(JSON.stringify(rows)).not.toContain(idNumber);
    expect(JSON.stringify(rows)).not.toContain('13600001234');
  });

  it('forbids readers who are not the employer or the district (403); 404 outside scope; validates the field', async () => {
    for (const c of [
      await communityAdmin(cA1),
      await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: cA1.id, districtId: dA.id }]),
      await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: cA1.streetId, districtId: dA.id }]),
      await clientAs(t, [{ role: 'supervisor', scopeType: 'organization', scopeId: o1.id }]),
      await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]),
    ]) {
      const res = await c.post(`${url(worker)}/reveal`, { field: 'idNumber' });
      expect(res.statusCode).toBe(403);
    }
    expect((await (await orgAdmin(o2)).post(`${url(worker)}/reveal`, { field: 'idNumber' })).statusCode).toBe(404);
    expect((await (await orgAdmin(o1)).post(`${url(worker)}/reveal`, { field: 'name' })).statusCode).toBe(400);
    expect(await audits(worker, 'social_worker.reveal')).toHaveLength(0);
  });
});
