import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, createTestApp, createUser, type TestApp } from '../../testing.ts';
import { buildDistrict, buildStreet, type DistrictRef, type StreetRef } from '../territory/testing.ts';
import type { CallDetail } from './calls.schemas.ts';

type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp, plain: TestApp;
let district: DistrictRef, street: StreetRef;
let office: C, otherOffice: C;

beforeAll(async () => {
  t = await createTestApp({ testTimeControls: true });
  plain = await createTestApp();
  district = await buildDistrict(t.db);
  street = await buildStreet(t.db, { district });
  const other = await buildStreet(t.db, { district });
  office = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: district.id }]);
  otherOffice = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: other.id, districtId: district.id }]);
});
afterAll(async () => {
  await t.close();
  await plain.close();
});

async function openCall(): Promise<CallDetail> {
  const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const call = (await office.post('/api/v1/calls', { title: '时间快进', kind: 'venture_philanthropy', streetId: street.id, themes: ['为老服务'], deadline })).json<CallDetail>();
  for (let i = 0; i < 3; i++) {
    const user = await createUser(t.db, [{ role: 'reviewer', scopeType: 'district', scopeId: district.id }]);
    expect((await office.post(`/api/v1/calls/${call.id}/panel`, { userId: user.id, kind: 'expert' })).statusCode).toBe(200);
  }
  expect((await office.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' })).statusCode).toBe(200);
  return call;
}

describe('the test servers\' time control of a round', () => {
  it('is not there unless the server is started with it', async () => {
    const someone = await clientAs(plain, [{ role: 'platform_admin', scopeType: 'platform', scopeId: null }]);
    expect((await someone.post('/api/v1/testing/calls/01a23c73-c181-703f-8f61-6349b71c3408/elapse', { until: 'deadline' })).statusCode).toBe(404);
  });

  it('ends one open call\'s deadline for its issuing office only, after which closing is the usual rule\'s', async () => {
    const call = await openCall();
    expect((await office.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).statusCode).toBe(409);
    // Another street's office reads the published call, and may not move its clock.
    expect((await otherOffice.post(`/api/v1/testing/calls/${call.id}/elapse`, { until: 'deadline' })).statusCode).toBe(403);
    expect((await office.post(`/api/v1/testing/calls/${call.id}/elapse`, { until: 'publicity_end' })).statusCode).toBe(409);
    const moved = await office.post(`/api/v1/testing/calls/${call.id}/elapse`, { until: 'deadline' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(Date.parse(moved.json<CallDetail>().deadline)).toBeLessThanOrEqual(Date.now());
    expect((await office.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).statusCode).toBe(200);
  });
});
