import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildStreet } from '../territory/testing.ts';
import { buildSocialWorker } from '../workforce/testing.ts';
import { tiedTo, tiesOf } from './calls.reviews.ties.ts';

/** Whom a reviewer works for or with, from each kind of record (story 3: she never sees that application). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a reviewer tied to an applicant', () => {
  it('by a role in it, by employment, or by being on its team; not otherwise', async () => {
    const district = await buildDistrict(t.db);
    const community = await buildCommunity(t.db, { street: await buildStreet(t.db, { district }) });
    const applicant = await buildOrganization(t.db, t.platform.pii, { district });
    const other = await buildOrganization(t.db, t.platform.pii, { district });
    const reviewer = { role: 'reviewer' as const, scopeType: 'district' as const, scopeId: district.id };
    const byRole = await createUser(t.db, [reviewer, { role: 'supervisor', scopeType: 'organization', scopeId: applicant.id }]);
    const byEmployment = await createUser(t.db, [reviewer]);
    await buildSocialWorker(t.db, t.platform.pii, { organization: applicant, communities: [community], userId: byEmployment.id });
    const elsewhere = await createUser(t.db, [reviewer, { role: 'org_admin', scopeType: 'organization', scopeId: other.id }]);
    const onTeam = await createUser(t.db, [reviewer]);
    const teamWorker = await buildSocialWorker(t.db, t.platform.pii, { organization: other, communities: [community], userId: onTeam.id });
    const free = await createUser(t.db, [reviewer]);

    const ties = await tiesOf(t.db, [byRole.id, byEmployment.id, elsewhere.id, onTeam.id, free.id]);
    const app = { organizationId: applicant.id, teamIds: [teamWorker.id] };
    expect([byRole, byEmployment, elsewhere, onTeam, free].map((u) => tiedTo(ties.get(u.id), app))).toEqual([true, true, false, true, false]);
    expect(tiedTo(ties.get(elsewhere.id), { organizationId: other.id, teamIds: [] })).toBe(true);
  });
});
