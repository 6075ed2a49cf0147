import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeIdNumber, parseIdNumber, validateUscc } from '../src/common/identity.ts';
import { maskIdNumber } from '../src/server/platform/crypto/pii.ts';
import { Client, createTestApp, type TestApp } from '../src/server/testing.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { defaultReferenceYear, demoDigest, generateDemo } from './demo-data.ts';
import { EXTRA_ACCOUNTS } from './demo-people.ts';
import { J_COMMUNITY, STORY_GRID } from './demo-territory.ts';
import { seedDemoIfEmpty } from './demo.ts';
import { ageOn } from './people.ts';
import { migrationDataTables, wipeData } from './reseed.ts';

const YEAR = defaultReferenceYear();
let t: TestApp;
let seeded: boolean;

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemoIfEmpty(t.platform, YEAR);
}, 180_000);
afterAll(() => t.close());

describe('demo generator', () => {
  it('gives the same data on every run, and other data for another seed', () => {
    const a = generateDemo(YEAR);
    const b = generateDemo(YEAR);
    expect(demoDigest(a)).toBe(demoDigest(b));
    expect(demoDigest(generateDemo(YEAR, 'another seed'))).not.toBe(demoDigest(a));
  });

  it('loads exactly the generated data', async () => {
    const data = generateDemo(YEAR);
    const households = data.communities.flatMap((c) => c.grids.flatMap((g) => g.buildings.flatMap((b) => b.households)));
    const residents = households.flatMap((h) => h.residents);
    const rows = await t.db.selectFrom('residents').select(['name', 'id_number_cipher']).execute();
    const stored = rows.map((r) => `${r.name}|${t.platform.pii.decrypt(r.id_number_cipher)}`).sort();
    expect(stored).toEqual(residents.map((r) => `${r.name}|${r.idNumber}`).sort());
    const addresses = await t.db.selectFrom('households').select('address').execute();
    expect(addresses.map((h) => h.address).sort()).toEqual(households.map((h) => h.address).sort());
  });

  it('seeds only an empty database', async () => {
    expect(seeded).toBe(true);
    expect(await seedDemoIfEmpty(t.platform, YEAR)).toBe(false);
    const districts = await t.db.selectFrom('districts').select(['code', 'name']).execute();
    expect(districts).toEqual([{ code: '320191', name: '江北新区' }]);
  });
});

describe('demo territory', () => {
  it('has one street with at least five communities of 3–6 grids, each 300–500 households', async () => {
    const streets = await t.db.selectFrom('streets').select('name').execute();
    expect(streets.map((s) => s.name)).toEqual(['泰山街道']);
    const communities = await t.db.selectFrom('communities').select(['id', 'code', 'name']).execute();
    expect(communities.length).toBeGreaterThanOrEqual(5);
    expect(communities.map((c) => c.name)).toContain('J社区');
    const grids = await t.db
      .selectFrom('grids')
      .leftJoin('households', (j) => j.onRef('households.grid_id', '=', 'grids.id').onRef('households.district_id', '=', 'grids.district_id'))
      .select(['grids.community_id', 'grids.boundary', 'grids.code', (eb) => eb.fn.count<number>('households.id').as('n')])
      .groupBy(['grids.community_id', 'grids.boundary', 'grids.code'])
      .execute();
    for (const c of communities) {
      const own = grids.filter((g) => g.community_id === c.id);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.length).toBeLessThanOrEqual(6);
    }
    for (const g of grids) {
      expect(Number(g.n)).toBeGreaterThanOrEqual(300);
      expect(Number(g.n)).toBeLessThanOrEqual(500);
    }
    // Boundaries are closed rectangles near Jiangbei that never overlap.
    const boxes = grids.map((g) => {
      const b = g.boundary as { type: string; coordinates: number[][][] };
      expect(b.type).toBe('Polygon');
      const ring = b.coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      return { w: Math.min(...xs), e: Math.max(...xs), s: Math.min(...ys), n: Math.max(...ys) };
    });
    for (const b of boxes) {
      expect(b.w).toBeGreaterThan(118.6);
      expect(b.e).toBeLessThan(118.8);
      expect(b.s).toBeGreaterThan(32.1);
      expect(b.n).toBeLessThan(32.2);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a.w < b.e - 1e-9 && b.w < a.e - 1e-9 && a.s < b.n - 1e-9 && b.s < a.n - 1e-9;
        expect(overlap, `${grids[i]!.code} overlaps ${grids[j]!.code}`).toBe(false);
      }
    }
  });

  it('stores valid, encrypted ID numbers whose birth date and gender match the record', async () => {
    const rows = await t.db
      .selectFrom('residents')
      .select(['name', 'gender', 'birth_date', 'id_number_cipher', 'id_number_hash', 'id_number_masked', 'phone_cipher', 'phone_masked', 'relation', 'household_id'])
      .execute();
    expect(rows.length).toBeGreaterThan(20_000);
    for (const r of rows) {
      const id = t.platform.pii.decrypt(r.id_number_cipher);
      const parsed = parseIdNumber(id);
      expect(parsed, `${r.name} ${id}`).toEqual({ birthDate: r.birth_date, gender: r.gender });
      expect(Buffer.from(r.id_number_hash).equals(t.platform.pii.lookupHash(normalizeIdNumber(id)))).toBe(true);
      expect(r.id_number_masked).toBe(maskIdNumber(id));
      expect(r.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      if (ageOn(r.birth_date, `${YEAR}-07-01`) < 18) expect(r.phone_cipher).toBeNull();
    }
    const heads = new Map<string, number>();
    for (const r of rows) if (r.relation === 'head') heads.set(r.household_id, (heads.get(r.household_id) ?? 0) + 1);
    const households = await t.db.selectFrom('households').select('id').execute();
    // Every household has exactly one head and 1–5 members.
    expect(households.every((h) => heads.get(h.id) === 1)).toBe(true);
    const sizes = await sql<{ n: number }>`select count(*)::int as n from residents group by household_id`.execute(t.db);
    expect(sizes.rows.every((s) => s.n >= 1 && s.n <= 5)).toBe(true);
  });

  it('derives age tags from the birth date', async () => {
    const rows = await t.db.selectFrom('residents').select(['birth_date', 'tags']).execute();
    const asOf = `${YEAR}-07-01`;
    for (const r of rows) {
      const age = ageOn(r.birth_date, asOf);
      expect(r.tags.includes('minor')).toBe(age < 18);
      expect(r.tags.includes('elderly_80')).toBe(age >= 80);
    }
    const tags = new Set(rows.flatMap((r) => r.tags));
    for (const tag of ['elderly_alone', 'elderly_80', 'disabled', 'low_income', 'veteran', 'minor', 'party_member']) {
      expect(tags.has(tag)).toBe(true);
    }
  });
});

describe('story 1: Wang Guifang in grid 3 of J community', () => {
  it('lives alone, is 78 and tagged elderly_alone; her daughter’s account is bound to the household', async () => {
    const wang = await t.db
      .selectFrom('residents')
      .innerJoin('grids', 'grids.id', 'residents.grid_id')
      .innerJoin('communities', 'communities.id', 'residents.community_id')
      .select(['residents.id', 'residents.household_id', 'residents.birth_date', 'residents.gender', 'residents.tags', 'grids.code as grid', 'communities.code as community'])
      .where('residents.name', '=', '王桂芳')
      .where('grids.code', '=', STORY_GRID)
      .executeTakeFirstOrThrow();
    expect(wang.community).toBe(J_COMMUNITY);
    expect(wang.gender).toBe('female');
    expect(ageOn(wang.birth_date, `${YEAR}-07-01`)).toBe(78);
    expect(wang.tags).toContain('elderly_alone');
    const members = await t.db
      .selectFrom('residents')
      .select(['id', 'name', 'status', 'relation'])
      .where('household_id', '=', wang.household_id)
      .execute();
    expect(members.filter((m) => m.status === 'active').map((m) => m.name)).toEqual(['王桂芳']);
    const daughter = members.find((m) => m.name === '王娟')!;
    expect(daughter).toMatchObject({ relation: 'child', status: 'moved_out' });

    const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'wangjuan').executeTakeFirstOrThrow();
    expect(user.resident_id).toBe(daughter.id);
    const grants = await t.db.selectFrom('role_assignments').selectAll().where('user_id', '=', user.id).execute();
    expect(grants.map((g) => [g.role, g.scope_type, g.scope_id])).toEqual([['resident', 'household', wang.household_id]]);
  });

  it('Li Min is grid worker of grid 3 only', async () => {
    const grants = await t.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .innerJoin('grids', 'grids.id', 'role_assignments.scope_id')
      .select(['role_assignments.role', 'grids.code'])
      .where('users.username', '=', 'limin')
      .execute();
    expect(grants).toEqual([{ role: 'grid_worker', code: STORY_GRID }]);
  });
});

describe('demo organizations and people', () => {
  it('registers at least six organizations with valid codes; 启航 is 4A and serves J and its neighbours', async () => {
    const orgs = await t.db.selectFrom('organizations').selectAll().execute();
    expect(orgs.length).toBeGreaterThanOrEqual(6);
    for (const o of orgs) expect(validateUscc(o.uscc), o.name).toBeNull();
    expect(new Set(orgs.map((o) => o.type))).toEqual(new Set(['association', 'service_institution', 'foundation', 'community_based']));
    const qihang = orgs.find((o) => o.name === '启航社工服务中心')!;
    expect(qihang).toMatchObject({ type: 'service_institution', rating: '4A' });
    expect(qihang.uscc.slice(0, 2)).toBe('52');
    expect(qihang.rating_valid_until! > `${YEAR}-12-31`).toBe(true);
    const j = await t.db.selectFrom('communities').select('id').where('code', '=', J_COMMUNITY).executeTakeFirstOrThrow();
    expect(qihang.service_community_ids).toContain(j.id);
    expect(qihang.service_community_ids.length).toBeGreaterThan(1);
    const fresh = orgs.find((o) => o.type === 'community_based' && o.registration_date.startsWith(String(YEAR - 1)));
    expect(fresh?.rating).toBeNull();
  });

  it('has at least twenty social workers; 启航 has three certified ones including 陈 and supervisor 郑', async () => {
    const workers = await t.db
      .selectFrom('social_workers')
      .leftJoin('organizations', 'organizations.id', 'social_workers.employer_organization_id')
      .leftJoin('users', 'users.id', 'social_workers.user_id')
      .select(['social_workers.name', 'social_workers.certificate_level', 'organizations.name as org', 'users.username'])
      .execute();
    expect(workers.length).toBeGreaterThanOrEqual(20);
    const qihang = workers.filter((w) => w.org === '启航社工服务中心');
    expect(qihang.filter((w) => w.certificate_level !== 'none')).toHaveLength(3);
    expect(qihang.find((w) => w.username === 'chen')?.name).toMatch(/^陈/);
    expect(qihang.find((w) => w.username === 'dudao')?.name).toMatch(/^郑/);
  });

  it('grants every demo account its role in the right kind of scope', async () => {
    const rows = await t.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['users.username', 'users.display_name', 'role_assignments.role', 'role_assignments.scope_type', 'role_assignments.scope_district_id'])
      .execute();
    const expected: Record<string, string> = {
      admin: 'platform', jbmz: 'district', tsjd: 'street', zhou: 'community', wu: 'community', limin: 'grid',
      qihang: 'organization', chen: 'organization', dudao: 'organization', pinggu: 'organization',
      zhuanjia: 'street', wangjuan: 'household',
    };
    for (const a of DEMO_ACCOUNTS) {
      const row = rows.find((r) => r.username === a.username);
      expect(row, a.username).toMatchObject({ role: a.role, scope_type: expected[a.username], display_name: a.name });
      const hasDistrict = !['platform', 'organization'].includes(expected[a.username]!);
      expect(row!.scope_district_id !== null).toBe(hasDistrict);
    }
    for (const a of EXTRA_ACCOUNTS) expect(rows.find((r) => r.username === a.username)?.role).toBe(a.role);
  });

  it('lets every demo account sign in with the demo password', async () => {
    for (const username of [...DEMO_ACCOUNTS.map((a) => a.username), ...EXTRA_ACCOUNTS.map((a) => a.username)]) {
      const res = await new Client(t.app).login(username, DEMO_PASSWORD);
      expect(res.statusCode, username).toBe(200);
    }
  });
});

describe('re-seed', () => {
  it('empties the data tables (the audit log too) but keeps rows that migrations insert', async () => {
    expect(migrationDataTables()).toContain('resident_tags');
    const tags = await t.db.selectFrom('resident_tags').select('code').execute();
    await wipeData(t.db);
    expect(await t.db.selectFrom('districts').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('resident_tags').select('code').execute()).toEqual(tags);
    expect(await seedDemoIfEmpty(t.platform, YEAR)).toBe(true);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'wangjuan').execute()).toHaveLength(1);
  }, 180_000);
});
