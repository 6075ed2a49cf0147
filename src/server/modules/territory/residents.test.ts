import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../common/identity.ts';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { buildHousehold, buildResident, fakeIdNumber } from './testing.ts';
import type { ResidentView } from './register.schemas.ts';

let t: TestApp;
let a: Tree;
let b: Tree;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
});
afterAll(() => t.close());

const as = (role: Parameters<typeof grantIn>[0], tree = a) => clientAs(t, [grantIn(role, tree)]);
const residents = async () =>
  Number((await t.db.selectFrom('residents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const auditText = async (entityId: string) =>
  JSON.stringify(await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', entityId).execute());

describe('registering residents', () => {
  it('derives birth date and gender from the ID number and stores identifiers encrypted', async () => {
    const c = await as('grid_worker');
    const id = fakeIdNumber({ birthDate: '1948-05-02', gender: 'female' });
    const res = await c.post('/api/v1/residents', {
      householdId: a.household.id,
      name: '王桂芳',
      idNumber: id.toLowerCase(),
      phone: '138 1234 5678',
      relation: 'spouse',
      tags: ['elderly_alone'],
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<ResidentView>();
    expect(view).toMatchObject({ name: '王桂芳', gender: 'female', birthDate: '1948-05-02', phoneMasked: '138****5678', tags: ['elderly_alone'] });
    expect(view.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(view.age).toBeGreaterThanOrEqual(77);
    const row = await t.db.selectFrom('residents').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(Buffer.from(row.id_number_cipher).toString('latin1')).not.toContain(id);
    expect(t.platform.pii.decrypt(row.id_number_cipher)).toBe(id);
    expect(t.platform.pii.decrypt(row.phone_cipher!)).toBe('13812345678');
    const audit = await auditText(view.id);
    expect(audit).toContain('id_number_masked');
    expect(audit).not.toContain(id);
    expect(audit).not.toContain('13812345678');
  });

  it('refuses a birth date or gender from the client', async () => {
    const c = await as('community_worker');
    const res = await c.post('/api/v1/residents', {
      householdId: a.household.id,
      name: '张三',
      idNumber: fakeIdNumber(),
      birthDate: '2000-01-01',
      gender: 'male',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort()).toEqual([
      'birthDate:validation.unknown_field',
      'gender:validation.unknown_field',
    ]);
  });

  it('reports every bad field at once, translated, and writes nothing', async () => {
    const c = await as('community_admin');
    c.lang = 'en';
    const n = await residents();
    const first17 = '32011119560315123';
    const wrongCheck = first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');
    const cases: [string, string][] = [
      ['3201111956031512', 'resident.id_number_format'],
      ['32011119560230123' + idNumberCheckChar('32011119560230123'), 'resident.id_number_birth_date'],
      [wrongCheck, 'resident.id_number_check_digit'],
    ];
    for (const [idNumber, code] of cases) {
      const res = await c.post('/api/v1/residents', { householdId: a.household.id, name: '李四', idNumber, phone: '12345', tags: ['vip'] });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('validation.failed');
      const fields = res.json<ErrorBody>().error.details?.fields ?? [];
      expect(fields.map((f) => `${f.field}:${f.code}`)).toEqual([
        `idNumber:${code}`,
        'phone:resident.phone_invalid',
        'tags:resident.unknown_tag',
      ]);
      expect(fields[2]?.message).toBe('Unknown tag: vip');
    }
    const long = await c.post('/api/v1/residents', { householdId: a.household.id, name: 'x'.repeat(51), idNumber: fakeIdNumber() });
    expect(long.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'name', code: 'validation.too_long' });
    expect(await residents()).toBe(n);
  });

  it('refuses a second resident with the same ID number in the district', async () => {
    const c = await as('community_admin');
    const n = await residents();
    const res = await c.post('/api/v1/residents', { householdId: a.household.id, name: '重复', idNumber: a.resident.idNumber });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('resident.duplicate_id_number');
    expect(await residents()).toBe(n);
  });

  it('district and street officers may not register or change residents', async () => {
    for (const role of ['district_officer', 'street_officer'] as const) {
      const c = await as(role);
      expect((await c.post('/api/v1/residents', { householdId: a.household.id, name: '某', idNumber: fakeIdNumber() })).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/residents/${a.resident.id}`, { name: '某' })).statusCode).toBe(403);
    }
    const gw = await as('grid_worker');
    const other = await gw.post('/api/v1/residents', { householdId: b.household.id, name: '某', idNumber: fakeIdNumber() });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorBody>().error.details?.fields[0].code).toBe('resource.not_found');
  });
});

describe('one head per household', () => {
  const member = (householdId: string, relation: string, name = '李四') => ({ householdId, name, idNumber: fakeIdNumber(), relation });

  it('refuses a second head, naming the first, on registering, changing and moving a member', async () => {
    const c = await as('community_worker');
    const home = await buildHousehold(t.db, { grid: a.grid });
    const other = await buildHousehold(t.db, { grid: a.grid });
    const first = await c.post('/api/v1/residents', member(home.id, 'head', '赵德明'));
    expect(first.statusCode).toBe(201);

    const second = await c.post('/api/v1/residents', member(home.id, 'head', '赵小明'));
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorBody>().error).toMatchObject({
      code: 'resident.second_head',
      message: '该户已有户主（赵德明），请先修改其与户主关系',
      details: { fields: [{ field: 'relation', code: 'resident.second_head', message: '该户已有户主（赵德明），请先修改其与户主关系' }] },
    });
    const son = (await c.post('/api/v1/residents', member(home.id, 'child', '赵小明'))).json<ResidentView>();
    c.lang = 'en';
    const promoted = await c.patch(`/api/v1/residents/${son.id}`, { relation: 'head' });
    c.lang = 'zh-CN';
    expect(promoted.json<ErrorBody>().error).toMatchObject({ code: 'resident.second_head', message: 'This household already has a head (赵德明); change that member’s relation first' });
    const otherHead = (await c.post('/api/v1/residents', member(other.id, 'head', '钱大'))).json<ResidentView>();
    expect((await c.patch(`/api/v1/residents/${otherHead.id}`, { householdId: home.id })).statusCode).toBe(409);
    const rows = await t.db.selectFrom('residents').select(['name', 'relation']).where('household_id', '=', home.id).orderBy('name').execute();
    expect(rows).toEqual([{ name: '赵小明', relation: 'child' }, { name: '赵德明', relation: 'head' }]);
  });

  it('lets the head be edited, and a new head follow once the old one is not head or not active', async () => {
    const c = await as('community_worker');
    const home = await buildHousehold(t.db, { grid: a.grid });
    const old = (await c.post('/api/v1/residents', member(home.id, 'head', '孙老'))).json<ResidentView>();
    expect((await c.patch(`/api/v1/residents/${old.id}`, { notes: '独居', relation: 'head' })).statusCode).toBe(200);
    const son = (await c.post('/api/v1/residents', member(home.id, 'child', '孙儿'))).json<ResidentView>();
    expect((await c.patch(`/api/v1/residents/${old.id}`, { status: 'deceased' })).statusCode).toBe(200);
    expect((await c.patch(`/api/v1/residents/${son.id}`, { relation: 'head' })).statusCode).toBe(200);
    // The deceased head coming back as "active" would make two.
    expect((await c.patch(`/api/v1/residents/${old.id}`, { status: 'active' })).statusCode).toBe(409);
    expect((await c.patch(`/api/v1/residents/${old.id}`, { status: 'active', relation: 'parent' })).statusCode).toBe(200);
  });
});

describe('changing and reading residents', () => {
  it('answers registering and changing with the resident as written: exactly what opening the record shows', async () => {
    const c = await as('community_worker');
    const res = await c.post('/api/v1/residents', { householdId: a.household.id, name: '赵大爷', idNumber: fakeIdNumber(), tags: ['elderly_alone', 'low_income'] });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<ResidentView>();
    expect(created).toEqual((await c.get(`/api/v1/residents/${created.id}`)).json<ResidentView>());
    // Moved to another household: the answer carries the new address.
    const home = await buildHousehold(t.db, { grid: a.grid });
    const moved = (await c.patch(`/api/v1/residents/${created.id}`, { householdId: home.id, relation: 'head' })).json<ResidentView>();
    expect(moved).toMatchObject({ householdId: home.id, householdAddress: home.address });
    expect(moved).toEqual((await c.get(`/api/v1/residents/${created.id}`)).json<ResidentView>());
  });

  it('a new ID number re-derives birth date and gender; the audit keeps masked values only', async () => {
    const h = await buildHousehold(t.db, { grid: a.grid });
    const r = await buildResident(t.db, t.platform.pii, { household: h, birthDate: '1990-01-01', gender: 'male' });
    const c = await as('community_worker');
    const id = fakeIdNumber({ birthDate: '1985-07-20', gender: 'female' });
    const res = await c.patch(`/api/v1/residents/${r.id}`, { idNumber: id, phone: null, tags: ['veteran'] });
    expect(res.statusCode).toBe(200);
    expect(res.json<ResidentView>()).toMatchObject({ birthDate: '1985-07-20', gender: 'female', phoneMasked: null, tags: ['veteran'] });
    const audit = await auditText(r.id);
    expect(audit).not.toContain(id);
    expect(audit).not.toContain(r.idNumber);
    expect(audit).not.toContain(r.phone!);
    const bad = await c.patch(`/api/v1/residents/${r.id}`, { idNumber: '123' });
    expect(bad.statusCode).toBe(400);
    expect((await t.db.selectFrom('residents').select('birth_date').where('id', '=', r.id).executeTakeFirstOrThrow()).birth_date).toContain('1985-07-20');
    const dup = await c.patch(`/api/v1/residents/${r.id}`, { idNumber: a.resident.idNumber });
    expect(dup.statusCode).toBe(409);
  });

  it('opening a record is audited; out of scope answers like a missing id', async () => {
    const c = await as('street_officer');
    const n = await auditCount(t.db, 'resident.read');
    const res = await c.get(`/api/v1/residents/${a.resident.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<ResidentView>().tags).toEqual(['elderly_alone']);
    expect(res.json<ResidentView>().allowedActions).toEqual(['read']);
    expect(await auditCount(t.db, 'resident.read')).toBe(n + 1);
    const hidden = await c.get(`/api/v1/residents/${b.resident.id}`);
    const missing = await c.get(`/api/v1/residents/${newId()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<ResidentView>()).toEqual(missing.json<ResidentView>());
    expect(await auditCount(t.db, 'resident.read')).toBe(n + 1);
    const me = await as('resident');
    expect((await me.get(`/api/v1/residents/${a.resident.id}`)).json<ResidentView>().tags).toEqual(['elderly_alone', 'low_income']);
  });

  it('reveals the full number to those who visit, audited; 403 for officers, 404 out of scope', async () => {
    const gw = await as('grid_worker');
    const id = await gw.post(`/api/v1/residents/${a.resident.id}/reveal`, { field: 'idNumber' });
    expect(id.statusCode).toBe(200);
    expect(id.json<ResidentView>()).toEqual({ value: a.resident.idNumber });
    expect(await auditCount(t.db, 'resident.reveal_id_number')).toBe(1);
    const phone = await gw.post(`/api/v1/residents/${a.resident.id}/reveal`, { field: 'phone' });
    expect(phone.json<ResidentView>()).toEqual({ value: a.resident.phone });
    expect(await auditCount(t.db, 'resident.reveal_phone')).toBe(1);
    for (const role of ['district_officer', 'street_officer', 'resident'] as const) {
      const res = await (await as(role)).post(`/api/v1/residents/${a.resident.id}/reveal`, { field: 'idNumber' });
      expect([role, res.statusCode]).toEqual([role, 403]);
    }
    const out = await gw.post(`/api/v1/residents/${b.resident.id}/reveal`, { field: 'idNumber' });
    expect(out.statusCode).toBe(404);
    expect((await gw.post(`/api/v1/residents/${a.resident.id}/reveal`, { field: 'name' })).statusCode).toBe(400);
    expect(await auditCount(t.db, 'resident.reveal_id_number')).toBe(1);
  });
});

describe('searching residents', () => {
  it('finds by name prefix, exact ID number and phone number, within scope only', async () => {
    const h = await buildHousehold(t.db, { grid: a.grid });
    const r = await buildResident(t.db, t.platform.pii, { household: h, name: '欧阳明月', phone: '13900001111' });
    await buildResident(t.db, t.platform.pii, { household: b.household, name: '欧阳明日' });
    const c = await as('community_admin');
    const ids = async (q: string) =>
      (await c.get(`/api/v1/residents?q=${encodeURIComponent(q)}`)).json<Page<ResidentView>>().items.map((x: { id: string }) => x.id);
    expect(await ids('欧阳')).toEqual([r.id]);
    expect(await ids('明月')).toEqual([]);
    expect(await ids(r.idNumber)).toEqual([r.id]);
    expect(await ids(r.idNumber.slice(0, 17))).toEqual([]);
    expect(await ids('139 0000 1111')).toEqual([r.id]);
    expect(await ids('%')).toEqual([]);
    expect(await ids(b.resident.idNumber)).toEqual([]);
  });

  it('lists name matches in name order and pages through them without gaps or repeats', async () => {
    const h = await buildHousehold(t.db, { grid: a.grid });
    const names = ['司马五', '司马一', '司马三', '司马二', '司马四'];
    for (const name of names) await buildResident(t.db, t.platform.pii, { household: h, name });
    const c = await as('community_admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (await c.get(`/api/v1/residents?q=${encodeURIComponent('司马')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json<Page<ResidentView>>();
      seen.push(...page.items.map((x: { name: string }) => x.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    const stale = (await c.get(`/api/v1/residents?limit=2`)).json<Page<ResidentView>>().nextCursor;
    expect((await c.get(`/api/v1/residents?q=${encodeURIComponent('司马')}&cursor=${stale}`)).statusCode).toBe(400);
  });

  it('filters by a sensitive tag only where the caller may see it', async () => {
    const gw = await as('grid_worker');
    const so = await as('street_officer');
    const tagged = (c: typeof gw, tag: string) => c.get(`/api/v1/residents?tag=${tag}`).then((r) => r.json<Page<ResidentView>>().items.map((x: { id: string }) => x.id));
    expect(await tagged(gw, 'low_income')).toContain(a.resident.id);
    expect(await tagged(so, 'low_income')).toEqual([]);
    expect(await tagged(so, 'elderly_alone')).toContain(a.resident.id);
  });

  it('pages through all residents of a grid without duplicates', async () => {
    const h = await buildHousehold(t.db, { grid: a.grid });
    for (let i = 0; i < 5; i++) await buildResident(t.db, t.platform.pii, { household: h });
    const c = await as('grid_worker');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/residents?gridId=${a.grid.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json<Page<ResidentView>>().items.map((x: { id: string }) => x.id));
      cursor = res.json<Page<ResidentView>>().nextCursor;
    } while (cursor);
    const all = await t.db.selectFrom('residents').select('id').where('grid_id', '=', a.grid.id).execute();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.map((x) => x.id).sort());
  });

  it('lists the tag definitions', async () => {
    const res = await (await as('grid_worker')).get('/api/v1/resident-tags');
    expect(res.json<ResidentView>()).toContainEqual({ code: 'low_income', name: '低保对象', nameEn: 'Subsistence allowance', sensitive: true, careIntervalDays: 30 });
  });
});
