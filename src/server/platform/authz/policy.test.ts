import { sql } from 'kysely';
import { newId } from '../db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, ScopeType } from '../../../common/roles.ts';
import { openTestDatabase } from '../../testing.ts';
import type { Database } from '../db/kysely.ts';
import { AppError } from '../errors/app-error.ts';
import '../errors/codes.ts';
import { covers, type Actor, type Assignment, type ScopePath } from './actor.ts';
import { definePolicy, permissionsOf } from './policy.ts';
import { scopeCondition } from './scope-filter.ts';

const [D1, D2, S1, S2, C1, C2, G1, G2, O1, O2, H1, H2] = Array.from({ length: 12 }, () => newId()) as string[] as [
  string, string, string, string, string, string, string, string, string, string, string, string,
];

const as = (role: Role, scopeType: ScopeType, scopeId: string | null, districtId: string | null = null): Assignment => ({
  role, scopeType, scopeId, districtId,
});
const actor = (...assignments: Assignment[]): Actor => ({
  userId: newId(), username: 'u', displayName: 'u', locale: 'zh-CN', sessionId: 's', csrfToken: 'c', assignments,
});

const path: ScopePath = { districtId: D1, streetId: S1, communityId: [C1, C2], gridId: G1, organizationId: [O1], householdId: H1 };

describe('covers', () => {
  it.each<[ScopeType, string | null, boolean]>([
    ['platform', null, true],
    ['district', D1, true],
    ['district', D2, false],
    ['street', S1, true],
    ['street', S2, false],
    ['community', C2, true],
    ['community', newId(), false],
    ['grid', G1, true],
    ['grid', G2, false],
    ['organization', O1, true],
    ['organization', O2, false],
    ['household', H1, true],
    ['household', H2, false],
  ])('%s %s → %s', (scopeType, scopeId, expected) => {
    expect(covers(as('platform_admin', scopeType, scopeId), path)).toBe(expected);
  });

  it('covers nothing when the record lacks the level or the assignment lacks an id', () => {
    expect(covers(as('grid_worker', 'grid', G1), { districtId: D1 })).toBe(false);
    expect(covers(as('grid_worker', 'grid', null), { gridId: null })).toBe(false);
    expect(covers(as('district_officer', 'district', D2), { districtId: [D1, D2] })).toBe(true);
  });
});

interface Need {
  districtId: string;
  communityId: string;
  reporterId: string;
  status: 'open' | 'closed';
}
const needPolicy = definePolicy<Need, 'read' | 'close' | 'reopen' | 'comment'>(
  'test.need',
  (n) => ({ districtId: n.districtId, communityId: n.communityId }),
  {
    read: ['district_officer', 'community_admin', 'community_worker'],
    close: { roles: ['community_admin'], when: (_a, n) => n.status === 'open' },
    reopen: { roles: ['district_officer'], when: (_a, n, assignment) => n.status === 'closed' && assignment.scopeId === n.districtId },
    comment: { roles: ['community_worker', 'resident'], when: (a, n) => a.userId !== n.reporterId },
  },
);
const need: Need = { districtId: D1, communityId: C1, reporterId: newId(), status: 'open' };

describe('definePolicy', () => {
  const admin = actor(as('community_admin', 'community', C1, D1));
  const otherAdmin = actor(as('community_admin', 'community', C2, D1));
  const officer = actor(as('district_officer', 'district', D1, D1));

  it('denies by default: unlisted actions, unlisted roles, no assignments, scopes that do not cover', () => {
    expect(needPolicy.can(admin, 'delete' as 'read', need)).toBe(false);
    expect(needPolicy.can(actor(as('grid_worker', 'grid', G1, D1)), 'read', need)).toBe(false);
    expect(needPolicy.can(actor(), 'read', need)).toBe(false);
    expect(needPolicy.can(otherAdmin, 'read', need)).toBe(false);
    expect(needPolicy.can(actor(as('community_admin', 'street', S1, D1)), 'read', need)).toBe(false);
    expect(needPolicy.can(admin, 'read', need)).toBe(true);
  });

  it('applies `when` to the record, the actor and the granting assignment', () => {
    expect(needPolicy.can(admin, 'close', need)).toBe(true);
    expect(needPolicy.can(admin, 'close', { ...need, status: 'closed' })).toBe(false);
    expect(needPolicy.can(officer, 'reopen', { ...need, status: 'closed' })).toBe(true);
    const worker = actor(as('community_worker', 'community', C1, D1));
    expect(needPolicy.can(worker, 'comment', need)).toBe(true);
    expect(needPolicy.can(worker, 'comment', { ...need, reporterId: worker.userId })).toBe(false);
  });

  it('authorizes with 403 access.forbidden', () => {
    expect(() => needPolicy.authorize(admin, 'close', need)).not.toThrow();
    try {
      needPolicy.authorize(otherAdmin, 'close', need);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('access.forbidden');
      expect((e as AppError).status).toBe(403);
    }
  });

  it('lists allowed actions, grants and roles', () => {
    expect(needPolicy.allowedActions(admin, need)).toEqual(['read', 'close']);
    expect(needPolicy.allowedActions(officer, { ...need, status: 'closed' })).toEqual(['read', 'reopen']);
    expect(needPolicy.allowedActions(otherAdmin, need)).toEqual([]);
    const mixed = actor(as('community_admin', 'community', C1, D1), as('grid_worker', 'grid', G1, D1), as('community_worker', 'community', C2, D1));
    expect(needPolicy.grants(mixed, 'read').map((a) => a.role)).toEqual(['community_admin', 'community_worker']);
    expect(needPolicy.grants(mixed, 'nothing' as 'read')).toEqual([]);
    expect(needPolicy.rolesFor('close')).toEqual(['community_admin']);
    expect(permissionsOf(mixed).filter((p) => p.startsWith('test.need.'))).toEqual(['test.need.read', 'test.need.close', 'test.need.comment']);
  });
});

describe('scopeCondition', () => {
  let database: Database;
  const rows = [
    { id: 'a', district_id: D1, street_id: S1, community_id: C1, grid_id: G1, org_ids: [O1] },
    { id: 'b', district_id: D1, street_id: S1, community_id: C2, grid_id: G2, org_ids: [O1, O2] },
    { id: 'c', district_id: D2, street_id: S2, community_id: C2, grid_id: G2, org_ids: [] },
    { id: 'd', district_id: D2, street_id: S2, community_id: newId(), grid_id: newId(), org_ids: [O2] },
  ];
  beforeAll(async () => {
    database = await openTestDatabase();
    await sql`create table scope_probe (id text primary key, district_id uuid not null, street_id uuid, community_id uuid,
      grid_id uuid, org_ids uuid[] not null)`.execute(database.db);
    for (const r of rows) {
      await sql`insert into scope_probe values (${r.id}, ${r.district_id}, ${r.street_id}, ${r.community_id}, ${r.grid_id},
        ${`{${r.org_ids.join(',')}}`}::uuid[])`.execute(database.db);
    }
  });
  afterAll(() => database.close());

  async function visible(assignments: Assignment[], table?: string): Promise<string[]> {
    const cond = scopeCondition(
      assignments,
      { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id', organization: { array: 'org_ids' } },
      table,
    );
    const res = await sql<{ id: string }>`select id from scope_probe ${sql.raw(table ?? '')} where ${cond} order by id`.execute(database.db);
    return res.rows.map((r) => r.id);
  }

  it('selects the rows inside each kind of scope', async () => {
    expect(await visible([as('platform_admin', 'platform', null)])).toEqual(['a', 'b', 'c', 'd']);
    expect(await visible([as('district_officer', 'district', D2, D2)])).toEqual(['c', 'd']);
    expect(await visible([as('street_officer', 'street', S1, D1)])).toEqual(['a', 'b']);
    expect(await visible([as('community_admin', 'community', C1, D1)])).toEqual(['a']);
    expect(await visible([as('grid_worker', 'grid', G2, D1)])).toEqual(['b']);
    expect(await visible([as('org_admin', 'organization', O2, null)])).toEqual(['b', 'd']);
    expect(await visible([as('grid_worker', 'grid', G1, D1), as('org_admin', 'organization', O2, null)], 'scope_probe')).toEqual(['a', 'b', 'd']);
  });

  it('carries the tenant key: the same community id in another district is not matched', async () => {
    expect(await visible([as('community_admin', 'community', C2, D1)])).toEqual(['b']);
    expect(await visible([as('community_admin', 'community', C2, D2)])).toEqual(['c']);
  });

  it('selects nothing without assignments or for levels the table lacks', async () => {
    expect(await visible([])).toEqual([]);
    expect(await visible([as('resident', 'household', H1, D1)])).toEqual([]);
    expect(await visible([as('grid_worker', 'grid', null, D1)])).toEqual([]);
  });
});

describe('a rule for people linked to the record', () => {
  const shop = definePolicy<{ districtId: string; clerkIds: string[] }, 'confirm'>('test.linked', (r) => ({ districtId: r.districtId }), {
    confirm: { roles: ['community_admin'], when: () => false, linked: (a, r) => r.clerkIds.includes(a.userId) },
  });

  it('grants the linked account whatever roles it holds, even none, and nobody else through it', () => {
    const clerk = actor();
    const stranger = actor();
    const record = { districtId: D1, clerkIds: [clerk.userId] };
    expect([shop.can(clerk, 'confirm', record), shop.can(stranger, 'confirm', record)]).toEqual([true, false]);
    // a role's rule still applies on its own (here: never)
    expect(shop.can(actor(as('community_admin', 'community', C1, D1)), 'confirm', record)).toBe(false);
    // a link is not a scope: it gives no list filter
    expect(shop.grants(clerk, 'confirm')).toEqual([]);
  });
});
