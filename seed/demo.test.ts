import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { normalizeIdNumber, parseIdNumber, validateUscc } from '../src/common/identity.ts';
import { maskIdNumber } from '../src/server/platform/crypto/pii.ts';
import { Client, createTestApp, type TestApp } from '../src/server/testing.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { defaultReferenceYear, demoDigest, generateDemo } from './demo-data.ts';
import { EXTRA_ACCOUNTS } from './demo-people.ts';
import { J_COMMUNITY, STORY_GRID } from './demo-territory.ts';
import { seedDemoIfEmpty } from './demo.ts';
import { VOLUNTEER_ACCOUNTS } from './demo-volunteers.ts';
import type { VolunteerDetail } from '../src/server/modules/volunteers/volunteers.schemas.ts';
import { generateHistory } from './demo-needs-load.ts';
import { MEAL_HOUSEHOLDS } from './demo-needs.ts';
import { NEED_STATES } from '../src/server/modules/needs/needs.lifecycle.ts';
import { SOURCES, type NeedDetail } from '../src/server/modules/needs/needs.schemas.ts';
import { OPEN_STATES } from '../src/server/modules/needs/needs.store.ts';
import { autoConfirm, escalateOverdue } from '../src/server/modules/needs/needs.jobs.ts';
import { loadCalendar } from '../src/server/platform/calendar/calendar.store.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import { isAvailableAt, type MatchableResource } from '../src/server/modules/resources/resources.matching.ts';
import { ageOn } from './people.ts';
import { evaluateEligibility, organizationStandings } from '../src/server/modules/organizations/index.ts';
import { migrationDataTables, wipeData } from './reseed.ts';
import { caseSessions } from '../src/server/modules/cases/cases.worklog.ts';
import { activityShifts } from '../src/server/modules/services/services.worklog.ts';
import type { Worklist as WorklistSchema, CoverageView as CoverageViewSchema } from '../src/server/modules/visits/visits.schemas.ts';

type CoverageView = Static<typeof CoverageViewSchema>;
type Worklist = Static<typeof WorklistSchema>;

const YEAR = defaultReferenceYear();
let t: TestApp;
let seeded: boolean;

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemoIfEmpty(t.platform, YEAR);
}, 180_000);
afterAll(() => t.close());

/** A demo account signed in. */
async function as(username: string): Promise<Client> {
  const c = new Client(t.app);
  await c.login(username, DEMO_PASSWORD);
  return c;
}

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

describe('demo credit', () => {
  it('gives story 3 a clean 启航, one organization on the abnormal list since this year, one repaired, the filed one eligible where filed ones are accepted', async () => {
    const orgs = await t.db.selectFrom('organizations').select(['id', 'name']).execute();
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    const today = localDate(new Date());
    const standing = await organizationStandings(t.db, orgs.map((o) => o.id), today);
    const call = { minRating: '3A' as const, excludeAbnormalList: true, excludeDishonestList: true };
    const qihang = standing.get(id('启航社工服务中心'))!;
    expect(qihang).toMatchObject({ rating: '4A', ratingValid: true, onAbnormalList: false, onDishonestList: false });
    expect(qihang.annualReportFiledFor).toEqual([YEAR - 3, YEAR - 2, YEAR - 1]);
    expect(evaluateEligibility(qihang, { ...call, requireAnnualReport: true }).eligible).toBe(true);

    const leling = standing.get(id('乐龄为老服务中心'))!;
    expect(leling.abnormalSince!.slice(0, 4)).toBe(String(YEAR));
    expect(evaluateEligibility(leling, { excludeAbnormalList: true, excludeDishonestList: true }).checks.find((c) => !c.pass)?.reason).toBe('on_abnormal_list');

    const yangguang = standing.get(id('阳光助残服务社'))!;
    expect(yangguang.onAbnormalList).toBe(false);
    const entries = await t.db.selectFrom('organization_list_entries').select(['organization_id', 'removal_kind']).execute();
    expect(entries.filter((e) => e.organization_id === id('阳光助残服务社'))).toEqual([{ organization_id: id('阳光助残服务社'), removal_kind: 'repair' }]);

    const linli = standing.get(id('泰山街道邻里守望互助社'))!;
    expect(linli).toMatchObject({ filedOnly: true, registered: true });
    expect(linli.registeredOn.slice(0, 4)).toBe(String(YEAR - 1));
    const community = { excludeAbnormalList: true, excludeDishonestList: true, requireAnnualReport: false };
    expect(evaluateEligibility(linli, { ...community, acceptsFiledCommunityOrgs: true }).eligible).toBe(true);
    expect(evaluateEligibility(linli, community).eligible).toBe(false);
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

  it('starts story 5: the case of 陈 from a family-conflict need waits for 郑 to approve its plan; community staff see it without notes', async () => {
    const dudao = await as('dudao');
    const waiting = (await dudao.get('/api/v1/cases?view=review')).json<{ items: { id: string; worker: { name: string }; supervisor: { name: string }; needId: string | null; status: string }[] }>().items;
    expect(waiting.map((c) => [c.worker.name.slice(0, 1), c.supervisor.name.slice(0, 1), c.status])).toEqual([['陈', '郑', 'plan_review']]);
    const detail = (await dudao.get(`/api/v1/cases/${waiting[0]!.id}`)).json<{ allowedActions: string[]; notes: { goals: unknown[]; assessment: { domains: { family: { score: number } } } } }>();
    expect(detail.allowedActions).toEqual(['approve_plan', 'return_plan', 'transfer']);
    expect([detail.notes.goals.length, detail.notes.assessment.domains.family.score]).toEqual([3, 1]);
    const need = await t.db.selectFrom('needs').select(['state', 'description']).where('id', '=', waiting[0]!.needId!).executeTakeFirstOrThrow();
    expect(need.state).toBe('referred');
    expect(need.description).toContain('儿子');
    const zhou = (await (await as('zhou')).get(`/api/v1/cases/${waiting[0]!.id}`)).json<{ status: string; notes: unknown }>();
    expect(zhou).toMatchObject({ status: 'plan_review', notes: null });
    // Every social worker of 启航 but 郑 is supervised by her.
    const qihang = await t.db.selectFrom('social_workers').innerJoin('organizations', 'organizations.id', 'social_workers.employer_organization_id').select(['social_workers.id', 'social_workers.name', 'supervisor_id']).where('organizations.name', '=', '启航社工服务中心').execute();
    const zheng = qihang.find((w) => w.name.startsWith('郑'))!;
    expect(qihang.filter((w) => w.supervisor_id !== zheng.id).map((w) => w.name)).toEqual([zheng.name]);
  });

  it('gives story 5 weeks of logs: 陈’s last week is 78 % professional; J社区’s social workers spend about 35 % on administrative work, some of it unlisted', async () => {
    const today = localDate(new Date());
    const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const monday = shift(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    const week = (await (await as('chen')).get(`/api/v1/work-summary?from=${shift(monday, -7)}&to=${shift(monday, -1)}`)).json<{ share: number; professional: number; administrative: number; byCategory: { category: string; minutes: number }[] }>();
    // 1,755 professional of 2,250 minutes; the four hours of statistics forms the community asked for.
    expect([week.professional, week.administrative, week.share]).toEqual([1755, 495, 78]);
    expect(week.byCategory.find((c) => c.category === 'statistics_forms')?.minutes).toBe(240);

    // Over the five weeks, J社区's workers: administrative minutes over everything logged and recorded.
    const from = shift(monday, -35);
    const to = shift(monday, -1);
    const j = await t.db.selectFrom('communities').select('id').where('code', '=', J_COMMUNITY).executeTakeFirstOrThrow();
    const workers = (await t.db.selectFrom('social_workers').select('id').where(sql<boolean>`community_ids @> array[${j.id}]::uuid[]`).execute()).map((w) => w.id);
    const districtId = (await t.db.selectFrom('districts').select('id').executeTakeFirstOrThrow()).id;
    const logged = await t.db.selectFrom('work_log_entries').select(sql<string>`sum(minutes)`.as('m')).where('social_worker_id', 'in', workers).where('day', '>=', from).where('day', '<=', to).executeTakeFirstOrThrow();
    const recorded = [...(await caseSessions(t.db, districtId, workers, from, to)), ...(await activityShifts(t.db, districtId, workers, from, to))].reduce((n, r) => n + r.minutes, 0);
    const byDepartment = (await (await as('jbmz')).get(`/api/v1/admin-load?from=${from}&to=${to}`)).json<{ hours: { originName: string; minutes: number }[] }>().hours;
    const share = byDepartment.reduce((n, h) => n + h.minutes, 0) / (Number(logged.m) + recorded);
    expect(share).toBeGreaterThan(0.32);
    expect(share).toBeLessThan(0.38);
    const load = (await (await as('tsjd')).get(`/api/v1/admin-load?from=${from}&to=${to}`)).json<{ tasks: { communityId: string; originName: string; unlisted: number }[] }>();
    expect(byDepartment.map((h) => h.originName)).toEqual(expect.arrayContaining(['区民政局', '区卫健委', '泰山街道']));
    expect(load.tasks.filter((r) => r.communityId === j.id && r.unlisted > 0).map((r) => r.originName)).toEqual(expect.arrayContaining(['泰山街道']));
  });

  it('has 郑督导 meeting her supervisees, continuing education on pace except 刘思雨, and J社区’s workforce at about 65 % professional', async () => {
    const sessions = (await (await as('dudao')).get('/api/v1/supervision-sessions')).json<{ items: { form: string; supervisees: unknown[] }[] }>().items;
    expect(sessions.filter((s) => s.form === 'group')).toHaveLength(4);
    expect(sessions.filter((s) => s.form === 'individual')).toHaveLength(2);
    const qihang = await as('qihang');
    const staff = await t.db.selectFrom('social_workers').select(['id', 'name', 'user_id']).where('certificate_level', '<>', 'none').where('employer_organization_id', 'is not', null).execute();
    const ce = async (name: string) => (await qihang.get(`/api/v1/social-workers/${staff.find((w) => w.name === name)!.id}/continuing-education`)).json<{ cycle: { behind: boolean } | null }>();
    expect((await ce('刘思雨')).cycle?.behind).toBe(true);
    const chenId = (await t.db.selectFrom('users').select('id').where('username', '=', 'chen').executeTakeFirstOrThrow()).id;
    expect((await qihang.get(`/api/v1/social-workers/${staff.find((w) => w.user_id === chenId)!.id}/continuing-education`)).json<{ cycle: { behind: boolean } }>().cycle.behind).toBe(false);

    const today = localDate(new Date());
    const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const monday = shift(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    const j = await t.db.selectFrom('communities').select('id').where('code', '=', J_COMMUNITY).executeTakeFirstOrThrow();
    const view = (await (await as('zhou')).get(`/api/v1/workforce-view?unit=community&id=${j.id}&from=${shift(monday, -35)}&to=${shift(monday, -1)}`)).json<{ totals: { share: number; openCases: number }; communities: { per10k: number | null }[] }>();
    expect(view.totals.share).toBeGreaterThan(62);
    expect(view.totals.share).toBeLessThan(68);
    expect(view.totals.openCases).toBeGreaterThanOrEqual(1);
    expect(view.communities[0]!.per10k).toBeGreaterThan(0);
    const district = await t.db.selectFrom('districts').select('id').executeTakeFirstOrThrow();
    const whole = (await (await as('jbmz')).get(`/api/v1/workforce-view?unit=district&id=${district.id}&from=${shift(monday, -35)}&to=${shift(monday, -1)}`)).json<{ totals: { ceBehind: number } }>();
    expect(whole.totals.ceBehind).toBe(1);
  });

  it('starts story 6’s volunteering: 孙 has about 120 verified hours, one star, a haircut confirmed by the partner shop and points left; his last duty waits for the community to verify', async () => {
    const sun = await as(VOLUNTEER_ACCOUNTS.volunteer);
    const me = (await sun.get('/api/v1/volunteers/me')).json<{ volunteer: VolunteerDetail }>().volunteer;
    expect(me.verifiedMinutes / 60).toBeGreaterThanOrEqual(115);
    expect(me.verifiedMinutes / 60).toBeLessThan(125);
    expect(me.stars).toBe(1);
    // 10 points a verified hour, 150 spent on the haircut
    expect(me.points).toBe((me.verifiedMinutes / 60) * 10 - 150);
    expect(me.hours.filter((h) => h.status === 'claimed')).toHaveLength(1);
    const redemptions = (await sun.get(`/api/v1/time-bank/redemptions?volunteerId=${me.id}`)).json<{ items: { status: string; offer: { provider: string } }[] }>().items;
    expect(redemptions.map((r) => [r.status, r.offer.provider])).toEqual([['confirmed', '巧手理发店']]);
    const offers = (await sun.get('/api/v1/time-bank/offers')).json<{ items: { points: number }[] }>().items;
    expect(offers.filter((o) => o.points <= me.points).length).toBeGreaterThanOrEqual(2);
    expect((await sun.get('/api/v1/volunteer-opportunities')).json<{ items: { mine: boolean; startsAt: string }[] }>().items.some((o) => o.mine && Date.parse(o.startsAt) > Date.now())).toBe(true);
    const shop = (await (await as(VOLUNTEER_ACCOUNTS.clerk)).get('/api/v1/time-bank/partners/mine')).json<{ items: { name: string }[] }>().items;
    expect(shop.map((p) => p.name)).toEqual(['巧手理发店']);
    const claimed = me.hours.find((h) => h.status === 'claimed')!;
    const session = (await (await as('zhou')).get(`/api/v1/activity-sessions/${claimed.sessionId}/volunteers`)).json<{ canVerify: boolean; items: { volunteerId: string; status: string }[] }>();
    expect(session.canVerify).toBe(true);
    expect(session.items.find((i) => i.volunteerId === me.id)?.status).toBe('claimed');
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

describe('demo history: visits, needs, common needs and resources', () => {
  const DAY = 24 * 3600_000;
  const wangHousehold = () =>
    t.db
      .selectFrom('residents')
      .innerJoin('grids', 'grids.id', 'residents.grid_id')
      .select(['residents.id', 'residents.household_id', 'residents.grid_id'])
      .where('residents.name', '=', '王桂芳')
      .where('grids.code', '=', STORY_GRID)
      .executeTakeFirstOrThrow();

  it('gives the same history for the same day, and loads exactly that many rows', async () => {
    const data = generateDemo(YEAR);
    const calendar = await loadCalendar(t.db);
    const now = new Date();
    const a = generateHistory(data, now, calendar);
    const b = generateHistory(data, new Date(now.getTime()), calendar);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.needs.length).toBeGreaterThanOrEqual(1500);
    expect(a.needs.length).toBeLessThanOrEqual(3000);
    const count = async (table: 'needs' | 'visits' | 'need_events' | 'common_needs' | 'resources') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('needs')).toBe(a.needs.length);
    expect(await count('visits')).toBe(a.visits.length);
    expect(await count('need_events')).toBe(a.needs.reduce((s, n) => s + n.events.length, 0));
    expect(await count('common_needs')).toBe(a.commonNeeds.length);
    expect(await count('resources')).toBe(a.resources.length);
  });

  it('has needs in every state and from every source, with what each state carries', async () => {
    const rows = await t.db.selectFrom('needs').selectAll().execute();
    const by = (k: (r: (typeof rows)[number]) => string) => rows.reduce((m, r) => m.set(k(r), (m.get(k(r)) ?? 0) + 1), new Map<string, number>());
    expect([...by((r) => r.state).keys()].sort()).toEqual([...NEED_STATES].sort());
    expect([...by((r) => r.source).keys()].sort()).toEqual([...SOURCES].sort());
    const states = by((r) => r.state);
    // Mostly closed; most closed needs carry a rating of 3 to 5 or were auto-confirmed.
    expect(states.get('closed')! / rows.length).toBeGreaterThan(0.7);
    const closed = rows.filter((r) => r.state === 'closed');
    expect(closed.every((r) => r.closed_at && r.resolved_at && r.outcome && (r.auto_confirmed ? r.rating === null : r.rating !== null))).toBe(true);
    const rated = closed.filter((r) => r.rating !== null);
    expect(rated.filter((r) => r.rating! >= 3).length / rated.length).toBeGreaterThan(0.9);
    expect(closed.some((r) => r.auto_confirmed)).toBe(true);
    expect(new Set(closed.map((r) => r.outcome))).toEqual(new Set(['fully', 'partly', 'closed_unresolved']));
    expect(rows.filter((r) => r.outcome === 'closed_unresolved').every((r) => (r.outcome_note ?? '').length > 0)).toBe(true);
    expect(rows.filter((r) => r.state === 'rejected').every((r) => (r.outcome_note ?? '').length > 0 && r.closed_at)).toBe(true);
    const ids = new Map(rows.map((r) => [r.id, r]));
    const merged = rows.filter((r) => r.state === 'merged');
    expect(merged.every((r) => r.merged_into_id && ids.get(r.merged_into_id)!.created_at < r.created_at)).toBe(true);
    const today = localDate(new Date());
    expect(rows.filter((r) => r.state === 'waiting').every((r) => r.waiting_until! >= today && r.waiting_reason)).toBe(true);
    const qihang = await t.db.selectFrom('organizations').select('id').where('name', '=', '启航社工服务中心').executeTakeFirstOrThrow();
    expect(rows.some((r) => r.referral_org_id === qihang.id && r.referral_answer)).toBe(true);
    expect(rows.filter((r) => r.state === 'referred').every((r) => r.referral_org_id || r.referral_department)).toBe(true);
    const resolved = rows.filter((r) => r.state === 'resolved');
    // Awaiting the resident: resolved less than the seven auto-confirm days ago.
    expect(resolved.every((r) => Date.now() - new Date(r.resolved_at!).getTime() < 7 * DAY)).toBe(true);
    const users = new Map((await t.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.id, u.username]));
    const jHandlers = new Set(rows.filter((r) => r.state === 'in_progress' && r.handler_user_id).map((r) => users.get(r.handler_user_id!)));
    expect(jHandlers).toContain('zhou');
    expect(jHandlers).toContain('wu');
    const staff = rows.filter((r) => r.source === 'staff');
    expect(new Set(staff.map((r) => r.intake_channel))).toEqual(new Set(['phone', 'walk_in']));
    expect(staff.every((r) => r.recorded_by_user_id)).toBe(true);
    expect(rows.filter((r) => r.source === 'visit').every((r) => r.visit_id && r.household_id)).toBe(true);
    expect(rows.filter((r) => r.source === 'resident').every((r) => r.reporter_user_id)).toBe(true);
    const j = await t.db.selectFrom('communities').select('id').where('code', '=', J_COMMUNITY).executeTakeFirstOrThrow();
    const overdue = rows.filter((r) => r.state === 'reported' && r.community_id === j.id && new Date(r.triage_due_at).getTime() < Date.now());
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.every((r) => r.escalation_level > 0)).toBe(true);
    // Followers of merged needs' survivors, and notices for residents' own needs.
    expect(Number((await t.db.selectFrom('need_followers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  });

  it('places needs without a household inside their grid', async () => {
    const rows = await t.db
      .selectFrom('needs')
      .innerJoin('grids', 'grids.id', 'needs.grid_id')
      .select(['needs.lng', 'needs.lat', 'needs.household_id', 'grids.boundary'])
      .where('needs.household_id', 'is', null)
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const ring = (r.boundary as { coordinates: number[][][] }).coordinates[0]!;
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      expect(r.lng! > Math.min(...xs) && r.lng! < Math.max(...xs) && r.lat! > Math.min(...ys) && r.lat! < Math.max(...ys)).toBe(true);
    }
  });

  it('numbers needs uniquely in reporting order, and the app continues the sequence', async () => {
    const rows = await t.db.selectFrom('needs').select(['ref_no', 'created_at']).orderBy('created_at').orderBy('ref_no').execute();
    expect(new Set(rows.map((r) => r.ref_no)).size).toBe(rows.length);
    const last = new Map<string, number>();
    for (const r of rows) {
      const m = /^N-(\d{4})-(\d{6})$/.exec(r.ref_no)!;
      expect(m[1]).toBe(localDate(new Date(r.created_at)).slice(0, 4));
      expect(Number(m[2])).toBe((last.get(m[1]!) ?? 0) + 1);
      last.set(m[1]!, Number(m[2]));
    }
    const year = localDate(new Date()).slice(0, 4);
    const wu = new Client(t.app);
    expect((await wu.login('wu', DEMO_PASSWORD)).statusCode).toBe(200);
    const category = await t.db.selectFrom('need_categories').select('id').where('code', '=', 'facility_lighting').executeTakeFirstOrThrow();
    const grid = await t.db.selectFrom('grids').select('id').where('code', '=', 'JB-TS-J-G02').executeTakeFirstOrThrow();
    const res = await wu.post('/api/v1/needs', {
      source: 'staff', intakeChannel: 'phone', categoryId: category.id, description: '5栋2单元楼道灯不亮', gridId: grid.id, point: { lng: 118.68, lat: 32.15 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<NeedDetail>().refNo).toBe(`N-${year}-${String((last.get(year) ?? 0) + 1).padStart(6, '0')}`);
  });

  it('keeps every timeline in order, from the report to the need’s state', async () => {
    const needs = new Map((await t.db.selectFrom('needs').select(['id', 'state', 'created_at', 'updated_at']).execute()).map((n) => [n.id, n]));
    const events = await t.db
      .selectFrom('need_events')
      .select(['need_id', 'at', 'action', 'from_state', 'to_state', 'actor_user_id', 'actor_name'])
      .orderBy('need_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const byNeed = new Map<string, typeof events>();
    for (const e of events) (byNeed.get(e.need_id) ?? byNeed.set(e.need_id, []).get(e.need_id)!).push(e);
    expect(byNeed.size).toBe(needs.size);
    const now = Date.now();
    for (const [id, list] of byNeed) {
      const need = needs.get(id)!;
      expect(list[0]!.action).toBe('report');
      expect(new Date(list[0]!.at).getTime()).toBe(new Date(need.created_at).getTime());
      let state = 'reported';
      for (const e of list.slice(1)) {
        expect(e.from_state, `${id} ${e.action}`).toBe(state);
        state = e.to_state!;
        // People are named; only jobs and outside systems act without an account.
        if (e.actor_user_id) expect(e.actor_name.length).toBeGreaterThan(0);
        else expect(['escalate', 'auto_confirm']).toContain(e.action);
      }
      expect(state).toBe(need.state);
      expect(new Date(list.at(-1)!.at).getTime()).toBeLessThan(now);
    }
  });

  it('keeps staff\'s internal notes apart from replies, and tells residents only replies', async () => {
    const events = await t.db.selectFrom('need_events').select(['district_id', 'need_id', 'action', 'note', 'reply']).execute();
    // Written as the app writes them: instructions with assignments and referral answers are internal; reasons, outcomes and the resident's words are replies.
    const internal = new Set(events.filter((e) => e.note !== '').map((e) => e.action));
    expect([...internal].sort()).toEqual(['answer_referral', 'assign']);
    expect(events.filter((e) => e.action === 'assign' && e.note !== '').length).toBeGreaterThan(10);
    for (const action of ['reject', 'resolve', 'wait', 'dispute', 'pool', 'absorb']) {
      expect(events.filter((e) => e.action === action).every((e) => e.reply !== ''), action).toBe(true);
    }
    expect(events.filter((e) => ['assign', 'answer_referral'].includes(e.action)).every((e) => e.reply === '')).toBe(true);
    // Every notice carries a reply of its need's timeline, or nothing.
    const replies = new Set(events.filter((e) => e.reply !== '').map((e) => `${e.need_id} ${e.reply}`));
    const notices = await t.db.selectFrom('notifications').select(['need_id', 'reply']).where('reply', '!=', '').execute();
    expect(notices.length).toBeGreaterThan(100);
    expect(notices.filter((x) => !replies.has(`${x.need_id} ${x.reply}`))).toEqual([]);
    const notes = new Set(events.filter((e) => e.note !== '').map((e) => e.note));
    expect(notices.filter((x) => notes.has(x.reply))).toEqual([]);
  });

  it('escalates and auto-confirms nothing when the jobs run right after seeding', async () => {
    const now = new Date();
    expect(await escalateOverdue(t.db, now)).toBe(0);
    expect(await autoConfirm(t.db, now)).toBe(0);
  });

  it('story 1: no open need for Wang Guifang’s household, older closed ones, and she is overdue on Li Min’s worklist', async () => {
    const wang = await wangHousehold();
    const own = await t.db.selectFrom('needs').select(['state']).where('household_id', '=', wang.household_id).execute();
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((n) => [...OPEN_STATES, 'resolved'].includes(n.state))).toEqual([]);
    const limin = new Client(t.app);
    expect((await limin.login('limin', DEMO_PASSWORD)).statusCode).toBe(200);
    const worklist = await limin.get(`/api/v1/visit-worklist?gridId=${wang.grid_id}`);
    expect(worklist.statusCode).toBe(200);
    const item = worklist.json<Worklist>().items.find((i) => i.residentId === wang.id);
    expect(item).toMatchObject({ residentName: '王桂芳', careIntervalDays: 7 });
    expect(item?.daysOverdue).toBeGreaterThan(0);
    // Most of grid 3 was visited in the last 90 days, not all of it.
    const coverage = (await limin.get(`/api/v1/grids/${wang.grid_id}/visit-coverage`)).json<CoverageView>();
    expect(coverage.share90).toBeGreaterThan(0.7);
    expect(coverage.share90).toBeLessThan(1);
    // Her daughter has a few unread notices about the household's last need.
    const wangjuan = await t.db.selectFrom('users').select('id').where('username', '=', 'wangjuan').executeTakeFirstOrThrow();
    const unread = await t.db.selectFrom('notifications').select('id').where('user_id', '=', wangjuan.id).where('read_at', 'is', null).execute();
    expect(unread.length).toBeGreaterThan(0);
  });

  it('story 2: 37 households in J and 22 in its neighbour asked for meals in the last three months, accepted and not pooled', async () => {
    const rows = await t.db
      .selectFrom('needs')
      .innerJoin('need_categories as c', 'c.id', 'needs.category_id')
      .innerJoin('communities', 'communities.id', 'needs.community_id')
      .select(['communities.code', 'needs.household_id', 'needs.created_at', 'needs.common_need_id', 'needs.reporter_user_id'])
      .where('c.code', '=', 'elderly_meals')
      .where('needs.state', '=', 'accepted')
      .execute();
    for (const [code, households] of Object.entries(MEAL_HOUSEHOLDS)) {
      const own = rows.filter((r) => r.code === code);
      expect(own).toHaveLength(households);
      // Some reported it on the app themselves: they are told when their need joins a project.
      expect(own.filter((r) => r.reporter_user_id !== null).length).toBeGreaterThanOrEqual(2);
      expect(new Set(own.map((r) => r.household_id)).size).toBe(households);
      expect(own.every((r) => r.common_need_id === null && Date.now() - new Date(r.created_at).getTime() < 90 * DAY)).toBe(true);
    }
    const groups = await t.db.selectFrom('common_needs').select(['id', 'status', 'project_ref']).execute();
    expect(groups.map((g) => g.status).sort()).toEqual(['open', 'projected']);
    // One project already on its way: drafted by the street, awaiting the district's approval.
    const projects = await t.db.selectFrom('projects').selectAll().where('contractor_organization_id', 'is', null).orderBy('status').execute();
    // …and the street's 四点半课堂（二期）, awarded to 启航 by a concluded round, awaiting its contract.
    expect(projects.map((p) => [p.status, p.purchaser_level])).toEqual([['publicity', 'street'], ['submitted', 'district']]);
    const drafted = projects.find((p) => p.status === 'submitted')!;
    // Past rounds delivered by organizations: the facts behind track records and eligibility.
    const delivered = await t.db.selectFrom('projects').innerJoin('organizations as o', 'o.id', 'projects.contractor_organization_id').select(['o.name', 'outcome']).where('outcome', 'is not', null).orderBy('o.name').orderBy('outcome').execute();
    expect(delivered.map((d) => [d.name, d.outcome])).toEqual([
      ['启航社工服务中心', 'accepted'],
      ['启航社工服务中心', 'accepted_with_conditions'],
      ['江北新区社会工作协会', 'accepted'],
      ['阳光助残服务社', 'failed'],
    ]);
    expect(drafted.ref_no).toMatch(/^P-\d{4}-0001$/);
    expect(groups.find((g) => g.status === 'projected')!.project_ref).toBe(drafted.ref_no);
    const links = await t.db.selectFrom('project_common_needs').select('common_need_id').execute();
    expect(links.map((l) => l.common_need_id)).toEqual([groups.find((g) => g.status === 'projected')!.id]);
    const events = await t.db.selectFrom('project_events').select(['action', 'to_status']).where('project_id', '=', drafted.id).orderBy('id').execute();
    expect(events).toEqual([{ action: 'create', to_status: 'draft' }, { action: 'submit', to_status: 'submitted' }]);
    for (const g of groups) {
      const members = await t.db.selectFrom('needs').select('state').where('common_need_id', '=', g.id).execute();
      expect(members.length).toBeGreaterThan(3);
      expect(members.every((m) => m.state === 'pooled')).toBe(true);
    }
  });

  it('lists resources tagged with need category codes; J’s kitchen is free at noon on working days', async () => {
    const codes = new Set((await t.db.selectFrom('need_categories').select('code').execute()).map((c) => c.code));
    const resources = await t.db.selectFrom('resources').selectAll().execute();
    expect(new Set(resources.map((r) => r.kind))).toEqual(new Set(['venue', 'fund', 'enterprise', 'volunteer_team', 'goods', 'professional_service']));
    for (const r of resources) for (const c of r.categories) expect(codes.has(c), `${r.name}: ${c}`).toBe(true);
    const kitchen = resources.find((r) => r.name.includes('长者厨房'))!;
    expect(kitchen.categories).toContain('elderly_meals');
    const windows = (typeof kitchen.weekly_windows === 'string' ? JSON.parse(kitchen.weekly_windows) : kitchen.weekly_windows) as MatchableResource['weeklyWindows'];
    // A Wednesday noon and a Sunday noon in Shanghai.
    expect(isAvailableAt({ weeklyWindows: windows, availableFrom: null, availableUntil: null }, new Date('2026-07-01T04:00:00Z'))).toBe(true);
    expect(isAvailableAt({ weeklyWindows: windows, availableFrom: null, availableUntil: null }, new Date('2026-07-05T04:00:00Z'))).toBe(false);
    const fund = resources.find((r) => r.name === 'J社区基金')!;
    expect(fund).toMatchObject({ kind: 'fund', owner_type: 'community' });
    expect(Number(fund.capacity)).toBeGreaterThan(0);
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
    // The audit log's guard was off for the re-seed's own transaction only.
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/audit records cannot be changed/);
  }, 180_000);
});

describe('demo calls for proposals', () => {
  it('has the district’s venture-philanthropy round open, with story 3’s panel of three experts and two resident jurors', async () => {
    const jbmz = new Client(t.app);
    await jbmz.login('jbmz', DEMO_PASSWORD);
    const list = (await jbmz.get('/api/v1/calls?status=open')).json<{ items: { id: string; kind: string; issuerLevel: string }[] }>().items;
    expect(list.map((c) => [c.kind, c.issuerLevel])).toEqual([['venture_philanthropy', 'district']]);
    const call = (await jbmz.get(`/api/v1/calls/${list[0]!.id}`)).json<{ panel: { displayName: string; kind: string }[]; allowedActions: string[]; deadline: string }>();
    expect(call.panel.map((p) => p.kind).sort()).toEqual(['expert', 'expert', 'expert', 'juror', 'juror']);
    expect(call.panel.map((p) => p.displayName)).toContain('评审专家 林老师（启航兼职督导）');
    expect(call.allowedActions).toEqual(['panel', 'close', 'cancel']);
    expect(new Date(call.deadline).getTime()).toBeGreaterThan(Date.now());
    // Organizations anywhere read the published call.
    const qihang = new Client(t.app);
    await qihang.login('qihang', DEMO_PASSWORD);
    expect((await qihang.get(`/api/v1/calls/${list[0]!.id}`)).statusCode).toBe(200);
    const mine = (await qihang.get('/api/v1/applications')).json<{ items: { status: string; callId: string }[] }>().items;
    expect(mine.map((a) => [a.status, a.callId === list[0]!.id]).sort()).toEqual([['draft', true], ['submitted', false], ['submitted', false], ['submitted', false]]);
  });

  it('has the street’s second round under review: 林老师 stepped out of 启航’s application, 高教授 still owes both sheets', async () => {
    const tsjd = new Client(t.app);
    await tsjd.login('tsjd', DEMO_PASSWORD);
    const closed = (await tsjd.get('/api/v1/calls?status=closed')).json<{ items: { id: string }[] }>().items;
    expect(closed).toHaveLength(1);
    const progress = (await tsjd.get(`/api/v1/calls/${closed[0]!.id}/review-progress`)).json<{ outstanding: number; panel: { displayName: string; conflict: number; undeclared: number; submitted: number }[] }>();
    expect(progress.outstanding).toBe(2);
    expect(progress.panel.map((p) => [p.displayName, p.undeclared, p.conflict, p.submitted])).toEqual([
      ['评审专家 高教授', 2, 0, 0],
      ['评审专家 林老师（启航兼职督导）', 0, 1, 1],
      ['评审专家 赵教授', 0, 0, 2],
      ['大众评委 孙伯（J社区居民）', 0, 0, 2],
    ]);
    const zhuanjia = new Client(t.app);
    await zhuanjia.login('zhuanjia', DEMO_PASSWORD);
    const sheet = (await zhuanjia.get(`/api/v1/calls/${closed[0]!.id}/review-sheet`)).json<{ items: { state: string }[] }>();
    expect(sheet.items.map((i) => i.state)).toEqual(['undeclared', 'undeclared']);
  });

  it('has the street’s first round concluded: 启航 awarded 四点半课堂（二期）, its contract ready to draft, the result on the public board', async () => {
    const tsjd = new Client(t.app);
    await tsjd.login('tsjd', DEMO_PASSWORD);
    const projects = (await tsjd.get('/api/v1/projects?status=publicity')).json<{ items: { id: string; title: string }[] }>().items;
    expect(projects.map((p) => p.title)).toEqual(['J社区四点半课堂（二期）']);
    const contract = (await tsjd.get(`/api/v1/projects/${projects[0]!.id}/contract`)).json<{ contract: unknown; canDraft: boolean; award: { organizationName: string; amountFen: number; callStatus: string } }>();
    expect(contract).toMatchObject({ contract: null, canDraft: true, award: { organizationName: '启航社工服务中心', amountFen: 9_600_000, callStatus: 'concluded' } });
    const streets = (await tsjd.get('/api/v1/streets?limit=1')).json<{ items: { id: string }[] }>().items;
    const board = (await new Client(t.app).get(`/api/v1/public/publicity?streetId=${streets[0]!.id}`)).json<{ items: { title: string; awards: { organizationName: string }[] }[] }>();
    expect(board.items.map((i) => [i.title, i.awards.map((a) => a.organizationName)])).toEqual([['泰山街道社区服务项目征集（第一批）', ['启航社工服务中心']]]);
  });
});

describe('demo delivery (story 4)', () => {
  const login = async (username: string) => {
    const c = new Client(t.app);
    await c.login(username, DEMO_PASSWORD);
    return c;
  };

  it('has 启航 delivering 邻里守望·长者助餐（一期）: weeks of lunches and talks counted into its indicators, the first tranche paid', async () => {
    const qihang = await login('qihang');
    const projects = (await qihang.get('/api/v1/projects?status=in_delivery')).json<{ items: { id: string; title: string }[] }>().items;
    expect(projects.map((p) => p.title)).toEqual(['邻里守望·长者助餐（一期）']);
    const id = projects[0]!.id;
    const delivery = (await qihang.get(`/api/v1/projects/${id}/delivery`)).json<{ facts: { sessionsHeld: number; peopleServed: number; attendances: number; ratings: number }; indicators: { measure: string; actual: number | null }[]; milestones: { reachedOn: string | null }[] }>();
    // Ten weekly lunches and two or three monthly talks have been held.
    expect(delivery.facts.sessionsHeld).toBeGreaterThanOrEqual(12);
    expect(delivery.facts.attendances).toBeGreaterThan(200);
    expect(delivery.facts.ratings).toBeGreaterThan(50);
    expect(delivery.indicators.map((i) => i.measure)).toEqual(['sessions_held', 'people_served', 'attendances', 'satisfaction_rate']);
    expect(delivery.indicators[3]!.actual).toBeGreaterThan(80);
    expect(delivery.milestones[0]!.reachedOn).not.toBeNull();
    const contract = (await qihang.get(`/api/v1/projects/${id}/contract`)).json<{ contract: { organizationId: string; paidFen: number; tranches: { blockedBy: string | null; paidAt: string | null }[] } }>();
    expect(contract.contract.paidFen).toBe(4_500_000);
    expect(contract.contract.tranches.map((t) => t.blockedBy)).toEqual([null, 'precondition_not_met', 'earlier_tranche_pending']);
    // 启航's record: 四点半课堂（一期） accepted on first try, 桥北社区邻里节 with conditions, this one delivering.
    const record = (await qihang.get(`/api/v1/organizations/${contract.contract.organizationId}/track-record`)).json<{ won: number; acceptedFirstTry: number; inDelivery: number; fundingMix: { totalFen: number; governmentShare: number; bySource: Record<string, number> } }>();
    expect(record).toMatchObject({ won: 3, acceptedFirstTry: 1, inDelivery: 1 });
    // Government money, and the 20,000 yuan a foundation pledged with this project.
    const { totalFen, governmentShare, bySource } = record.fundingMix;
    expect(bySource).toMatchObject({ foundation: 2_000_000, enterprise: 0, other: 0 });
    expect(governmentShare).toBeCloseTo(1 - 2_000_000 / totalFen, 3);
    const chen = await login('chen');
    const staffed = (await chen.get('/api/v1/activities?staffedByMe=true')).json<{ items: { title: string; nextStartsAt: string | null }[] }>().items;
    expect(staffed.map((a) => a.title).sort()).toEqual(['健康讲座', '长者助餐']);
    expect(staffed.every((a) => a.nextStartsAt !== null)).toBe(true);
  });

  it('lets wangjuan find the next lunches and rate the one her mother came to last week', async () => {
    const wangjuan = await login('wangjuan');
    const mine = (await wangjuan.get('/api/v1/my/activities')).json<{ members: { id: string; name: string }[]; upcoming: { title: string; nearest: boolean }[]; attended: { title: string; members: { attended: boolean; rated: boolean }[] }[] }>();
    expect(mine.members.map((m) => m.name)).toEqual(['王桂芳']);
    expect(mine.upcoming.filter((s) => s.title === '长者助餐').length).toBeGreaterThanOrEqual(4);
    expect(mine.upcoming.every((s) => s.nearest)).toBe(true);
    const lastLunch = mine.attended.find((s) => s.title === '长者助餐')!;
    expect(lastLunch.members).toEqual([expect.objectContaining({ attended: true, rated: false })]);
  });
});
