import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { ROLES, ROLE_SCOPES, type Role, type ScopeType } from '../../../common/roles.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { clientAs, createTestApp, type Page, type TestApp } from '../../testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildStreet } from '../territory/testing.ts';
import { socialWorkerPolicy, type SocialWorkerRecord } from './workforce.policy.ts';
import { SOCIAL_WORKER_ACTIONS, type SocialWorkerAction, type SocialWorkerView } from './workforce.schemas.ts';
import { buildSocialWorker } from './testing.ts';

type Scopes = Record<ScopeType, string | null>;
type Matrix = Record<Role, [SocialWorkerAction[], SocialWorkerAction[]]>;
const ALL = [...SOCIAL_WORKER_ACTIONS];
const MANAGE: SocialWorkerAction[] = ['read', 'create', 'update', 'reveal'];

/** role → [actions in scope, actions out of scope], for a worker an organization employs. */
const ORG_EMPLOYED: Matrix = {
  platform_admin: [['read'], ['read']],
  district_officer: [MANAGE, []],
  street_officer: [['read'], []],
  community_admin: [['read'], []],
  community_worker: [['read'], []],
  grid_worker: [[], []],
  org_admin: [MANAGE, []],
  social_worker: [['read'], []],
  supervisor: [['read'], []],
  evaluator: [[], []],
  reviewer: [[], []],
  resident: [[], []],
};
/** The same for a worker a community employs: the community's administrator manages them. */
const COMMUNITY_EMPLOYED: Matrix = {
  ...ORG_EMPLOYED,
  community_admin: [MANAGE, []],
  org_admin: [[], []],
  supervisor: [[], []],
  social_worker: [['read'], []],
};

function actor(role: Role, scopeId: string | null, districtId: string | null): Actor {
  const scopeType = ROLE_SCOPES[role].at(-1)!;
  return {
    userId: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', sessionId: 's', csrfToken: 'x',
    assignments: [{ role, scopeType, scopeId, districtId }],
  };
}

const D = 'd', S = 's', C = 'c', O = 'o';
const IN: Scopes = { platform: null, district: D, street: S, community: C, grid: 'g', organization: O, household: 'h' };
const OUT: Scopes = { platform: null, district: 'd2', street: 's2', community: 'c2', grid: 'g2', organization: 'o2', household: 'h2' };
const records: [string, SocialWorkerRecord, Matrix][] = [
  ['organization-employed', { districtId: D, streetIds: [S], communityIds: [C], employerType: 'organization', employerOrganizationId: O, employerCommunityId: null }, ORG_EMPLOYED],
  ['community-employed', { districtId: D, streetIds: [S], communityIds: [], employerType: 'community', employerOrganizationId: null, employerCommunityId: C }, COMMUNITY_EMPLOYED],
];

describe('social worker policy matrix', () => {
  it('covers every role', () => records.forEach(([, , m]) => expect(Object.keys(m).sort()).toEqual([...ROLES].sort())));

  const rows = records.flatMap(([kind, record, matrix]) =>
    ROLES.flatMap((role) =>
      ALL.flatMap((action) => [
        { kind, role, action, where: 'in scope', record, scopes: IN, expected: matrix[role][0].includes(action) },
        { kind, role, action, where: 'out of scope', record, scopes: OUT, expected: matrix[role][1].includes(action) },
      ]),
    ),
  );
  it.each(rows)('$kind: $role $action $where → $expected', ({ role, action, record, scopes, expected }) => {
    const scopeType = ROLE_SCOPES[role].at(-1)!;
    expect(socialWorkerPolicy.can(actor(role, scopes[scopeType], D), action, record)).toBe(expected);
  });
});

/**
 * The list query filters by scope in SQL; it must agree with the policy for every role: the
 * same records are listed, readable by id, and 404 outside.
 */
describe('social worker scope through HTTP', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let inScope: Scopes;
  let outScope: Scopes;
  beforeAll(async () => {
    t = await createTestApp();
    const d = await buildDistrict(t.db);
    const s = await buildStreet(t.db, { district: d });
    const c = await buildCommunity(t.db, { street: s });
    const g = await buildGrid(t.db, { community: c });
    const org = await buildOrganization(t.db, t.platform.pii, { district: d, communities: [c] });
    const d2 = await buildDistrict(t.db);
    const s2 = await buildStreet(t.db, { district: d2 });
    const c2 = await buildCommunity(t.db, { street: s2 });
    const org2 = await buildOrganization(t.db, t.platform.pii, { district: d2 });
    ids['organization-employed'] = (await buildSocialWorker(t.db, t.platform.pii, { organization: org, communities: [c] })).id;
    ids['community-employed'] = (await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: c, communities: [] })).id;
    inScope = { platform: null, district: d.id, street: s.id, community: c.id, grid: g.id, organization: org.id, household: newId() };
    outScope = { platform: null, district: d2.id, street: s2.id, community: c2.id, grid: g.id, organization: org2.id, household: newId() };
  });
  afterAll(() => t.close());

  const cases = ROLES.flatMap((role) =>
    (['in scope', 'out of scope'] as const).map((where) => ({ role, where })),
  );
  it.each(cases)('$role $where', async ({ role, where }) => {
    const scopes = where === 'in scope' ? inScope : outScope;
    const scopeType = ROLE_SCOPES[role].at(-1)!;
    const districtId = where === 'in scope' ? inScope.district : outScope.district;
    const c = await clientAs(t, [{ role, scopeType, scopeId: scopes[scopeType], districtId }]);
    const list = await c.get('/api/v1/social-workers?limit=200');
    // The list is open to a role that may read some social worker in its scope.
    const readers = records.some(([, , matrix]) => matrix[role][0].includes('read'));
    expect(list.statusCode).toBe(readers ? 200 : 403);
    const listed = readers ? list.json<Page<SocialWorkerView>>().items.map((w) => w.id) : [];
    for (const [kind, , matrix] of records) {
      const expected = matrix[role][where === 'in scope' ? 0 : 1];
      const res = await c.get(`/api/v1/social-workers/${ids[kind]}`);
      expect(res.statusCode, kind).toBe(expected.includes('read') ? 200 : 404);
      expect(listed.includes(ids[kind]!), kind).toBe(expected.includes('read'));
      if (res.statusCode === 200) expect(res.json<SocialWorkerView>().allowedActions.sort(), kind).toEqual(expected.filter((a) => a !== 'create').sort());
    }
  });
});
