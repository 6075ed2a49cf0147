import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type TestApp } from '../../testing.ts';
import type { ImportReport } from './register.schemas.ts';
import { uploadTo } from './import.testing.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { fakeIdNumber } from './testing.ts';

type Client = Awaited<ReturnType<typeof clientAs>>;

let t: TestApp;
let a: Tree;
let b: Tree;
const ids = Array.from({ length: 4 }, () => fakeIdNumber());
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
  const csv = [
    '网格编码,地址,楼栋,户号,姓名,身份证号,手机号,与户主关系,标签',
    `${a.grid.code},玄武路1号101室,1栋,101,陈一,${ids[0]},13812345678,户主,低保对象、党员`,
    `${a.grid.code},玄武路1号101室,1栋,101,陈二,${ids[1]},025-58123456,配偶,`,
    `${a.grid.code},玄武路1号101室,1栋,101,陈三,${ids[2]},,儿媳,`,
    `${a.grid.code},玄武路2号,,,林四,${ids[3]},,户主,独居老人`,
  ].join('\n');
  const c = await clientAs(t, [grantIn('community_admin', a)]);
  const res = await uploadTo(c, '/api/v1/imports/residents', { communityId: a.community.id, mode: 'commit' }, Buffer.from(csv));
  expect(res.json<ImportReport>()).toMatchObject({ valid: 4 });
});
afterAll(() => t.close());

async function exportAs(c: Client, unit: string, id: string, reveal = false) {
  return c.get(`/api/v1/exports/residents?unit=${unit}&id=${id}${reveal ? '&reveal=true' : ''}`);
}
async function sheetOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return { book, sheet: book.worksheets[0]! };
}
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const out: string[][] = [];
  sheet.eachRow((row) => out.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text)));
  return out;
};
const dryRun = async (c: Client, content: Buffer) =>
  (await uploadTo(c, '/api/v1/imports/residents', { communityId: a.community.id, mode: 'dry_run' }, content, 'r.xlsx')).json<ImportReport>();

describe('register export', () => {
  it('round trip: export with full numbers, edit one cell, and the dry run shows exactly one update', async () => {
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const res = await exportAs(c, 'community', a.community.id, true);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { book, sheet } = await sheetOf(res.rawPayload);
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(['网格编码', '地址', '楼栋', '户号', '姓名', '身份证号', '手机号', '与户主关系', '标签']);
    expect(rows.find((r) => r[4] === '陈一')).toEqual([a.grid.code, '玄武路1号101室', '1栋', '101', '陈一', ids[0], '13812345678', '户主', '低保对象、党员']);
    expect(rows.find((r) => r[4] === '陈三')?.slice(5, 8)).toEqual([ids[2], '', '子女']);
    const residents = rows.length - 1;

    const unchanged = await dryRun(c, res.rawPayload);
    expect(unchanged).toMatchObject({ errors: [], wouldCreate: { households: 0, residents: 0, buildings: 0 }, wouldUpdate: { residents: 0 }, unchanged: { residents: residents } });

    const at = rows.findIndex((r) => r[4] === '陈二') + 1;
    sheet.getRow(at).getCell(5).value = '陈贰';
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    expect(await dryRun(c, edited)).toMatchObject({
      errors: [],
      wouldCreate: { households: 0, residents: 0, buildings: 0 },
      wouldUpdate: { residents: 1 },
      unchanged: { residents: residents - 1 },
    });

    const stored = () =>
      t.db.selectFrom('residents').select(['name', 'phone_masked', 'relation', 'household_id']).where('id_number_hash', '=', t.platform.pii.lookupHash(ids[1]!)).executeTakeFirstOrThrow();
    const before = await stored();
    const done = await uploadTo(c, '/api/v1/imports/residents', { communityId: a.community.id, mode: 'commit' }, edited, 'r.xlsx');
    expect(done.json<ImportReport>()).toMatchObject({ updated: { residents: 1 }, unchanged: { residents: residents - 1 } });
    expect(await stored()).toEqual({ ...before, name: '陈贰' });
  });

  it('masks the numbers unless asked, and a masked file cannot be imported over the register', async () => {
    const c = await clientAs(t, [grantIn('community_worker', a)]);
    const before = await auditCount(t.db, 'register.export');
    const res = await exportAs(c, 'community', a.community.id);
    const rows = rowsOf((await sheetOf(res.rawPayload)).sheet).slice(1);
    expect(rows.every((r) => r[5]!.includes('*'))).toBe(true);
    expect(rows.find((r) => r[4] === '陈一')?.[6]).toBe('138****5678');
    expect(await auditCount(t.db, 'register.export')).toBe(before + 1);
    const r = await dryRun(c, res.rawPayload);
    expect(new Set(r.errors.map((e) => e.code))).toEqual(new Set(['import.id_number_masked']));
    expect(r).toMatchObject({ valid: 0, wouldUpdate: { residents: 0 } });
  });

  it('who exports what: the unit\'s staff; full numbers only for those who may reveal; sensitive tags only for those who read them', async () => {
    const cases: [role: Parameters<typeof grantIn>[0], unit: string, reveal: boolean, status: number][] = [
      ['community_admin', 'community', true, 200],
      ['community_worker', 'community', true, 200],
      ['grid_worker', 'grid', true, 200],
      ['grid_worker', 'community', false, 403],
      ['street_officer', 'street', false, 200],
      ['street_officer', 'street', true, 403],
      ['district_officer', 'community', false, 200],
      ['district_officer', 'community', true, 403],
      ['social_worker', 'community', false, 403],
    ];
    const unitId = (unit: string) => (unit === 'street' ? a.street.id : unit === 'grid' ? a.grid.id : a.community.id);
    const got: typeof cases = [];
    for (const [role, unit, reveal] of cases) {
      const res = await exportAs(await clientAs(t, [grantIn(role, a)]), unit, unitId(unit), reveal);
      got.push([role, unit, reveal, res.statusCode]);
    }
    expect(got).toEqual(cases);

    const street = await exportAs(await clientAs(t, [grantIn('street_officer', a)]), 'street', a.street.id);
    const chen = rowsOf((await sheetOf(street.rawPayload)).sheet).find((r) => r[4] === '陈一');
    expect(chen?.[8]).toBe('党员');
    const other = await exportAs(await clientAs(t, [grantIn('district_officer', b)]), 'community', a.community.id);
    expect(other.statusCode).toBe(404);
  });
});

describe('dry-run report as XLSX', () => {
  it('gives back the user\'s rows with a problems column; the corrected file imports cleanly', async () => {
    const good = fakeIdNumber();
    const csv = [
      '居民登记表',
      '序号,网格编码,地址,姓名,身份证号,手机号,与户主关系,标签',
      `1,${a.grid.code},鼓楼路1号,周一,${good},,户主,`,
      `2,${a.grid.code},鼓楼路1号,周二,${fakeIdNumber()},12345,叔叔,`,
    ].join('\r\n');
    const c = await clientAs(t, [grantIn('community_admin', a)]);
    const commits = await auditCount(t.db, 'import.commit');
    const res = await uploadTo(c, '/api/v1/imports/residents/report', { communityId: a.community.id }, Buffer.from(csv));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const { book, sheet } = await sheetOf(res.rawPayload);
    const rows = rowsOf(sheet);
    expect(rows).toEqual([
      ['序号', '网格编码', '地址', '姓名', '身份证号', '手机号', '与户主关系', '标签', '导入问题'],
      ['1', a.grid.code, '鼓楼路1号', '周一', good, '', '户主', '', ''],
      expect.arrayContaining(['周二']),
    ]);
    expect(rows[2]![8]).toBe('手机号：电话号码格式不正确；与户主关系：与户主关系无法识别（是否为“叔父”？）');
    expect(await auditCount(t.db, 'import.commit')).toBe(commits);

    sheet.getRow(3).getCell(6).value = '13912345678';
    sheet.getRow(3).getCell(7).value = '叔父';
    const fixed = await dryRun(c, Buffer.from(await book.xlsx.writeBuffer()));
    expect(fixed).toMatchObject({ total: 2, valid: 2, errors: [], wouldCreate: { residents: 2 } });
  });
});
