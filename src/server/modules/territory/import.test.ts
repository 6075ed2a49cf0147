import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody } from '../../testing.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { idNumberCheckChar } from '../../../common/identity.ts';
import { buildCommunity, buildGrid, buildHousehold, buildResident, fakeIdNumber, type GridRef } from './testing.ts';
import type { ImportReport } from './register.schemas.ts';
import { multipart, uploadTo } from './import.testing.ts';

let t: TestApp;
let a: Tree;
let b: Tree;
let g2: GridRef;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
  g2 = await buildGrid(t.db, { community: a.community, code: 'JB-G2' });
});
afterAll(() => t.close());

async function upload(c: Awaited<ReturnType<typeof clientAs>>, mode: string, content: Buffer, communityId = a.community.id, name = 'register.csv') {
  return uploadTo(c, '/api/v1/imports/residents', { communityId, mode }, content, name);
}

const count = async (table: 'households' | 'residents' | 'buildings') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => ({ households: await count('households'), residents: await count('residents'), buildings: await count('buildings') });

const HEADER = '网格编码,地址,楼栋,户号,姓名,身份证号,手机号,与户主关系,标签';
const ids = Array.from({ length: 6 }, () => fakeIdNumber());
const first17 = '32011119560315123';
const wrongCheck = first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');
/** Lines 2-5 are good (two households); 6-10 are bad in one way each. */
const csv = () =>
  '\uFEFF' +
  [
    HEADER,
    `${a.grid.code},江北路1号101室,1栋,H1,王桂芳,${ids[0]},13812345678,户主,独居老人`,
    `${a.grid.code},江北路 1 号 101 室,1栋,H1,王娟,${ids[1]},,子女,志愿者;party_member`,
    `${g2.code},江北路2号202室,,,"赵
大",${ids[2]},,户主,`,
    `${g2.code},江北路2号202室,,,赵小,${ids[3]},,配偶,`,
    `${a.grid.code},江北路3号,,,错号,${wrongCheck},,户主,`,
    `NOPE,江北路4号,,,无网格,${ids[4]},,户主,`,
    `${a.grid.code},江北路5号,,,坏电话,${ids[5]},12345,叔叔,外星人`,
    `${a.grid.code},江北路6号,,,重复,${ids[0]},,户主,`,
    `${a.grid.code},,,,,,,,`,
    `${a.grid.code},,,,无地址,${fakeIdNumber()},,户主,`,
  ].join('\r\n') +
  '\r\n';

const EXPECTED_ERRORS = [
  { line: 7, field: 'id_number', code: 'resident.id_number_check_digit' },
  { line: 8, field: 'grid_code', code: 'import.unknown_grid' },
  { line: 9, field: 'phone', code: 'resident.phone_invalid' },
  { line: 9, field: 'relation', code: 'import.relation_invalid' },
  { line: 9, field: 'tags', code: 'resident.unknown_tag' },
  { line: 10, field: 'id_number', code: 'import.duplicate_in_file' },
  { line: 12, field: 'address', code: 'validation.required' },
];

describe('import of households and residents', () => {
  it('a dry run reports bad CSV rows by line and reason and writes nothing', async () => {
    const c = await clientAs(t, [grantIn('community_worker', a)]);
    const before = await counts();
    const res = await upload(c, 'dry_run', Buffer.from(csv()));
    expect(res.statusCode).toBe(200);
    const r = res.json<ImportReport>();
    expect(r).toMatchObject({ mode: 'dry_run', total: 10, valid: 4, wouldCreate: { households: 2, residents: 4, buildings: 1 }, wouldUpdate: { residents: 0 } });
    expect(r.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual(
      // the line-11 row is all empty but its grid code: only the missing values are reported, field by field
      expect.arrayContaining(EXPECTED_ERRORS),
    );
    expect(r.errors.filter((e) => e.line === 11).map((e) => e.field).sort()).toEqual(['address', 'id_number', 'name', 'relation']);
    expect(r.errors.find((e) => e.code === 'import.duplicate_in_file')?.message).toBe('身份证号在文件第 2 行已出现');
    expect(await counts()).toEqual(before);
    expect(await auditCount(t.db, 'import.commit')).toBe(0);
  });

  it('a dry run of XLSX reports rows as numbered in the sheet', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('户籍');
    sheet.addRow(['grid_code', 'address', 'name', 'id_number', 'phone', 'relation', 'tags']);
    sheet.addRow([a.grid.code, '浦珠路8号', '钱七', fakeIdNumber(), '025-58123456', 'head', 'veteran']);
    sheet.addRow([]);
    sheet.addRow([a.grid.code, '浦珠路9号', '孙八', '32011119560230123X', '', 'head', '']);
    sheet.addRow(['G-UNKNOWN', '浦珠路10号', '周九', fakeIdNumber(), '', '其他', '']);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    c.lang = 'en';
    const res = await upload(c, 'dry_run', content, a.community.id, 'register.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ total: 3, valid: 1, wouldCreate: { households: 1, residents: 1 } });
    expect(res.json<ImportReport>().errors).toEqual([
      { line: 4, field: 'id_number', code: 'resident.id_number_birth_date', message: 'The birth date in the ID number is not valid' },
      { line: 5, field: 'grid_code', code: 'import.unknown_grid', message: 'No grid of this community has this code' },
    ]);
  });

  it('commit writes the good rows in one go, audited once; a second run creates nothing', async () => {
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const before = await counts();
    const res = await upload(c, 'commit', Buffer.from(csv()));
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ mode: 'commit', total: 10, valid: 4, created: { households: 2, residents: 4, buildings: 1 }, updated: { residents: 0 } });
    expect(await counts()).toEqual({ households: before.households + 2, residents: before.residents + 4, buildings: before.buildings + 1 });
    expect(await auditCount(t.db, 'import.commit')).toBe(1);
    const hh = await t.db.selectFrom('households').selectAll().where('community_id', '=', a.community.id).where('address', '=', '江北路1号101室').executeTakeFirstOrThrow();
    const members = await t.db.selectFrom('residents').selectAll().where('household_id', '=', hh.id).orderBy('name').execute();
    expect(members.map((m) => [m.name, m.relation, m.tags])).toEqual([
      ['王娟', 'child', ['volunteer', 'party_member']],
      ['王桂芳', 'head', ['elderly_alone']],
    ]);
    const zhao = await t.db.selectFrom('residents').select(['name', 'grid_id']).where('id_number_hash', '=', t.platform.pii.lookupHash(ids[2]!)).executeTakeFirstOrThrow();
    expect(zhao).toEqual({ name: '赵\n大', grid_id: g2.id });

    const again = await upload(c, 'commit', Buffer.from(csv()));
    expect(again.json<ImportReport>()).toMatchObject({ created: { households: 0, residents: 0, buildings: 0 }, updated: { residents: 0 }, unchanged: { residents: 4 } });
    expect(await counts()).toEqual({ households: before.households + 2, residents: before.residents + 4, buildings: before.buildings + 1 });

    const changed = csv().replace('王桂芳', '王桂芳芳');
    const dry = await upload(c, 'dry_run', Buffer.from(changed));
    expect(dry.json<ImportReport>()).toMatchObject({ wouldCreate: { households: 0, residents: 0 }, wouldUpdate: { residents: 1 } });
  });

  it('a failure in the middle of a commit writes nothing at all', async () => {
    await sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.name = '爆炸' then raise exception 'boom'; end if; return new; end $$`.execute(t.db);
    await sql`create trigger residents_boom before insert on residents for each row execute function refuse_boom()`.execute(t.db);
    try {
      const body = [HEADER, `${a.grid.code},炸弹路1号,,,先写,${fakeIdNumber()},,户主,`, `${a.grid.code},炸弹路2号,,,爆炸,${fakeIdNumber()},,户主,`].join('\n');
      const c = await clientAs(t, [grantIn('community_worker', a)]);
      const before = await counts();
      const audits = await auditCount(t.db, 'import.commit');
      const res = await upload(c, 'commit', Buffer.from(body));
      expect(res.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
      expect(await auditCount(t.db, 'import.commit')).toBe(audits);
    } finally {
      await sql`drop trigger residents_boom on residents`.execute(t.db);
    }
  });

  it('reports a resident registered in another community instead of moving them', async () => {
    const neighbour = await buildCommunity(t.db, { street: a.street });
    const household = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community: neighbour }) });
    const elsewhere = await buildResident(t.db, t.platform.pii, { household });
    const body = [HEADER, `${a.grid.code},江北路9号,,,外区,${elsewhere.idNumber},,户主,`, `${a.grid.code},江北路9号,,,外区,${b.resident.idNumber},,户主,`].join('\n');
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const res = await upload(c, 'dry_run', Buffer.from(body));
    expect(res.json<ImportReport>().errors).toEqual([expect.objectContaining({ line: 2, field: 'id_number', code: 'import.resident_elsewhere' })]);
    // the same number in another district is another district's register: a new resident here
    expect(res.json<ImportReport>().wouldCreate).toMatchObject({ residents: 1 });
  });

  it('refuses a second head of household, beside the register\'s head or earlier in the file, naming the first', async () => {
    const household = await buildHousehold(t.db, { grid: a.grid, address: '江北路8号801室' });
    await buildResident(t.db, t.platform.pii, { household, name: '钱老', relation: 'head' });
    const body = [
      HEADER,
      `${a.grid.code},江北路8号801室,,,钱二,${fakeIdNumber()},,户主,`,
      `${a.grid.code},江北路7号701室,,,孙大,${fakeIdNumber()},,户主,`,
      `${a.grid.code},江北路7号701室,,,孙二,${fakeIdNumber()},,户主,`,
      `${a.grid.code},江北路7号701室,,,孙三,${fakeIdNumber()},,子女,`,
    ].join('\n');
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const before = await counts();
    const res = await upload(c, 'commit', Buffer.from(body));
    expect(res.json<ImportReport>().errors).toEqual([
      { line: 2, field: 'relation', code: 'resident.second_head', message: '该户已有户主（钱老），请先修改其与户主关系' },
      { line: 4, field: 'relation', code: 'resident.second_head', message: '该户已有户主（孙大），请先修改其与户主关系' },
    ]);
    expect(await counts()).toMatchObject({ residents: before.residents + 2 });
  });

  it('only the community\'s admin and workers import; other communities are hidden', async () => {
    for (const role of ['grid_worker', 'street_officer', 'district_officer'] as const) {
      const res = await upload(await clientAs(t, [grantIn(role, a)]), 'dry_run', Buffer.from(csv()));
      expect([role, res.statusCode]).toEqual([role, 403]);
    }
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    expect((await upload(c, 'dry_run', Buffer.from(csv()), b.community.id)).statusCode).toBe(404);
  });

  it('rejects a missing file, bad fields, unknown formats, missing columns and oversized files', async () => {
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const m = multipart({ communityId: 'x', mode: 'later' });
    const res = await c.request('POST', '/api/v1/imports/residents', m.payload, m.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'communityId:validation.format',
      'mode:validation.not_allowed',
      'file:import.file_required',
    ]);
    const binary = await upload(c, 'dry_run', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42]));
    expect(binary.statusCode).toBe(415);
    expect(binary.json<ErrorBody>().error.code).toBe('import.unsupported_format');
    const columns = await upload(c, 'dry_run', Buffer.from('姓名,身份证号\n张三,1\n'));
    expect(columns.statusCode).toBe(400);
    expect(columns.json<ErrorBody>().error.message).toBe('缺少列：网格编码, 地址, 与户主关系');
    const huge = await upload(c, 'dry_run', Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    expect(huge.statusCode).toBe(413);
    const json = await c.post('/api/v1/imports/residents', { communityId: a.community.id });
    expect(json.statusCode).toBe(415);
  });

  it('refuses more than 50,000 rows', async () => {
    const rows = [HEADER, ...Array.from({ length: 50_001 }, (_, i) => `G,路${i}号,,,某,1,,户主,`)].join('\n');
    const res = await upload(await clientAs(t, [grantIn('community_admin', a)]), 'dry_run', Buffer.from(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('import.too_many_rows');
  });
});
