import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../common/identity.ts';
import { auditCount, clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';
import type { ImportReport } from './register.schemas.ts';
import { uploadTo } from './import.testing.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { buildGrid, fakeIdNumber } from './testing.ts';

/**
 * Registers as communities keep them (issue 13): each fixture is built here from the layout
 * people bring — title rows, Excel's GB18030 and UTF-16 text, numbers typed into number cells.
 */


let t: TestApp;
let a: Tree;
let b: Tree;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
  await buildGrid(t.db, { community: a.community, code: 'J-G3' });
});
afterAll(() => t.close());

const admin = () => clientAs(t, [grantIn('community_admin', a)]);
const dryRun = async (content: Buffer, name = 'register.csv', extra: Record<string, string> = {}) => {
  const res = await uploadTo(await admin(), '/api/v1/imports/residents', { communityId: a.community.id, mode: 'dry_run', ...extra }, content, name);
  return res;
};
const commit = async (content: Buffer, name = 'register.csv') =>
  uploadTo(await admin(), '/api/v1/imports/residents', { communityId: a.community.id, mode: 'commit' }, content, name);
const report = (res: { json: <T>() => T }) => res.json<ImportReport>();
const brief = (r: ImportReport) => r.errors.map(({ line, field, code }) => ({ line, field, code }));

const HEADER = ['网格编码', '地址', '楼栋', '户号', '姓名', '身份证号', '手机号', '与户主关系', '标签'];
const xlsx = async (build: (book: ExcelJS.Workbook) => void) => {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
};
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
function idEndingInX(): string {
  for (;;) {
    const id = fakeIdNumber();
    if (idNumberCheckChar(id.slice(0, 17)) === 'X') return id;
  }
}
const hashOf = (id: string) => t.platform.pii.lookupHash(id);
const resident = (id: string) =>
  t.db.selectFrom('residents').select(['name', 'relation', 'tags', 'phone_masked']).where('id_number_hash', '=', hashOf(id)).executeTakeFirstOrThrow();

describe('finding the header', () => {
  it('reads a sheet whose header sits under a merged title and a blank row, beside a 序号 column', async () => {
    const ids = [fakeIdNumber(), fakeIdNumber()];
    const content = await xlsx((book) => {
      const sheet = book.addWorksheet('第3网格');
      sheet.addRow(['J社区第3网格居民信息登记表（2026年11月）']);
      sheet.mergeCells('A1:K1');
      sheet.addRow([]);
      sheet.addRow(['序号', ...HEADER, '备注']);
      sheet.addRow([1, a.grid.code, '江南路1号', '', '', '甲', ids[0], '', '户主', '', '']);
      sheet.addRow([2, a.grid.code, '江南路1号', '', '', '乙', ids[1], '', '配偶', '', '']);
      sheet.addRow([3, a.grid.code, '江南路2号', '', '', '丙', '', '', '户主', '', '']);
    });
    const res = await dryRun(content, 'register.xlsx');
    expect(res.statusCode).toBe(200);
    expect(report(res)).toMatchObject({ sheet: '第3网格', sheets: ['第3网格'], total: 3, valid: 2, wouldCreate: { households: 1, residents: 2 } });
    // rows as numbered in the sheet: title 1, blank 2, header 3
    expect(brief(report(res))).toEqual([{ line: 6, field: 'id_number', code: 'validation.required' }]);
  });

  it('takes the first sheet with a header and reads another on request', async () => {
    const content = await xlsx((book) => {
      book.addWorksheet('填表说明').addRow(['请按模板填写，身份证号列设为文本格式']);
      book.addWorksheet('一网格').addRows([HEADER, [a.grid.code, '江南路3号', '', '', '丁', fakeIdNumber(), '', '户主', '']]);
      book.addWorksheet('二网格').addRows([
        HEADER,
        [a.grid.code, '江南路4号', '', '', '戊', fakeIdNumber(), '', '户主', ''],
        [a.grid.code, '江南路4号', '', '', '己', fakeIdNumber(), '', '配偶', ''],
      ]);
    });
    expect(report(await dryRun(content, 'r.xlsx'))).toMatchObject({ sheet: '一网格', sheets: ['一网格', '二网格'], total: 1, valid: 1 });
    expect(report(await dryRun(content, 'r.xlsx', { sheet: '二网格' }))).toMatchObject({ sheet: '二网格', total: 2, valid: 2 });
    const none = await dryRun(content, 'r.xlsx', { sheet: '三网格' });
    expect([none.statusCode, none.json<ErrorBody>().error.code]).toEqual([400, 'import.unknown_sheet']);
    const notes = await dryRun(content, 'r.xlsx', { sheet: '填表说明' });
    expect(none.statusCode).toBe(400);
    expect(notes.json<ErrorBody>().error.code).toBe('import.missing_columns');
  });
});

describe('encodings', () => {
  const rows = (ids: string[]) => [
    HEADER.join(','),
    `${a.grid.code},秦淮路1号,,,龚喆,${ids[0]},,户主,独居老人`,
    `${a.grid.code},秦淮路1号,,,龚小喆,${ids[1]},,子女,外星人`,
  ];

  it('reads a CSV saved by Excel on Chinese Windows (GB18030, CRLF)', async () => {
    const ids = [fakeIdNumber(), fakeIdNumber()];
    const res = await dryRun(iconv.encode(rows(ids).join('\r\n') + '\r\n', 'gb18030'));
    expect(res.statusCode).toBe(200);
    expect(report(res)).toMatchObject({ total: 2, valid: 1 });
    expect(report(res).errors.map((e) => e.message)).toEqual(['未知的标签：外星人']);
    const good = iconv.encode(rows(ids).slice(0, 2).join('\r\n'), 'gb18030');
    expect(report(await commit(good))).toMatchObject({ created: { residents: 1 } });
    expect(await resident(ids[0]!)).toMatchObject({ name: '龚喆', tags: ['elderly_alone'] });
  });

  it("reads Excel's Unicode text (UTF-16 with a byte-order mark, tab-separated) and UTF-16 without one", async () => {
    const tsv = (ids: string[]) => rows(ids).slice(0, 2).map((l) => l.replace(/,/g, '\t').replace('秦淮路1号', '秦淮路9号')).join('\r\n');
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv([fakeIdNumber(), '']), 'utf-16le')]);
    expect(report(await dryRun(withBom, 'r.txt'))).toMatchObject({ total: 1, valid: 1, errors: [] });
    const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tsv([fakeIdNumber(), '']), 'utf-16be')]);
    expect(report(await dryRun(bigEndian, 'r.txt'))).toMatchObject({ total: 1, valid: 1 });
    expect(report(await dryRun(iconv.encode(tsv([fakeIdNumber(), '']), 'utf-16le'), 'r.txt'))).toMatchObject({ total: 1, valid: 1 });
  });

  it('refuses bytes that no supported encoding reads cleanly rather than import them garbled', async () => {
    const res = await dryRun(Buffer.from([...Buffer.from('网格编码,地址\n'), 0x81, 0x20, 0x2c, 0x41, 0x0a]));
    expect(res.statusCode).toBe(415);
    expect(res.json<ErrorBody>().error.code).toBe('import.unsupported_format');
  });
});

describe('normalisation before validation', () => {
  it('says an ID number in a number cell lost its last digits, in XLSX and in CSV saved from it', async () => {
    // What Excel keeps of 320111194501015719 typed into a General cell: the last digits are gone.
    const typed = Number('320111194501015719');
    const content = await xlsx((book) => {
      book.addWorksheet('居民').addRows([HEADER, [a.grid.code, '秦淮路2号', '', '', '数字格', typed, '', '户主', '']]);
    });
    const res = await dryRun(content, 'r.xlsx');
    expect(report(res).errors).toEqual([
      {
        line: 2,
        field: 'id_number',
        code: 'import.id_number_numeric',
        message: '身份证号被 Excel 存成了数字，只保留 15 位有效数字，末几位已丢失：请将该列设为“文本”格式后重新填写',
      },
    ]);
    const csv = [HEADER.join(','), `${a.grid.code},秦淮路2号,,,数字格,3.20111E+17,,户主,`].join('\r\n');
    expect(brief(report(await dryRun(Buffer.from(csv))))).toEqual([{ line: 2, field: 'id_number', code: 'import.id_number_numeric' }]);
  });

  it('accepts full-width digits, spaces and dashes inside numbers, a lowercase x and +86', async () => {
    const [p, q, r, s] = [fakeIdNumber(), fakeIdNumber(), idEndingInX(), fakeIdNumber()];
    const csv = [
      HEADER.join(','),
      `${a.grid.code},秦淮路3号,,,全角,${fullWidth(p)},１３８１２３４５６７８,户主,`,
      `${a.grid.code},秦淮路3号,,,空格,${q.slice(0, 6)} ${q.slice(6, 14)} ${q.slice(14)},138-1234-5679,配偶,`,
      `${a.grid.code},秦淮路3号,,,小写,${r.toLowerCase()},+86 139 1234 5678,子女,`,
      `${a.grid.code},秦淮路3号,,,座机,${s},025-58123456,子女,`,
    ].join('\n');
    const res = await dryRun(Buffer.from(csv));
    expect(report(res)).toMatchObject({ total: 4, valid: 4, errors: [] });
    await commit(Buffer.from(csv));
    expect((await resident(p)).phone_masked).toBe('138****5678');
    expect((await resident(q)).phone_masked).toBe('138****5679');
    expect((await resident(r)).phone_masked).toBe('139****5678');
    expect((await resident(s)).name).toBe('座机');
  });
});

describe('relations and tags', () => {
  it('maps the national family-relationship terms (GB/T 4761) and their codes onto the platform relations', async () => {
    const cases: [string, string][] = [
      ['户主', 'head'],
      ['之子', 'child'],
      ['户主之女', 'child'],
      ['儿媳', 'child'],
      ['女婿', 'child'],
      ['28', 'child'],
      ['孙媳', 'grandchild'],
      ['外孙', 'grandchild'],
      ['祖父母', 'other'],
      ['兄弟', 'sibling'],
      ['姐妹', 'sibling'],
      ['岳母', 'parent'],
      ['侄子', 'other'],
    ];
    const ids = cases.map(() => fakeIdNumber());
    const csv = [HEADER.join(','), ...cases.map(([term], i) => `${a.grid.code},钟山路1号,,,成员${i},${ids[i]},,${term},`)].join('\n');
    expect(report(await dryRun(Buffer.from(csv)))).toMatchObject({ valid: cases.length, errors: [] });
    await commit(Buffer.from(csv));
    const stored = await Promise.all(ids.map(async (id, i) => [cases[i]![0], (await resident(id)).relation]));
    expect(stored).toEqual(cases);
  });

  it('reads common synonyms of each tag and the words a district adds, and keeps the district setting its own', async () => {
    const officer = await clientAs(t, [grantIn('district_officer', a)]);
    const put = (c: typeof officer, synonyms: { synonym: string; tagCode: string }[], district = a.district.id) =>
      c.request('PUT', `/api/v1/districts/${district}/tag-synonyms`, { synonyms });
    const row = (id: string, tags: string) => `${a.grid.code},钟山路2号,,,标签,${id},,户主,${tags}`;
    const id = fakeIdNumber();
    const before = report(await dryRun(Buffer.from([HEADER.join(','), row(id, '低保、困难户、残疾')].join('\n'))));
    expect(brief(before)).toEqual([{ line: 2, field: 'tags', code: 'resident.unknown_tag' }]);

    expect((await put(officer, [{ synonym: '困难户', tagCode: 'low_income' }])).statusCode).toBe(200);
    expect(await auditCount(t.db, 'resident_tag_synonym.put')).toBe(1);
    const after = await commit(Buffer.from([HEADER.join(','), row(id, '低保、困难户、残疾')].join('\n')));
    expect(report(after)).toMatchObject({ valid: 1, errors: [] });
    expect((await resident(id)).tags.sort()).toEqual(['disabled', 'low_income']);

    const builtIn = await put(officer, [{ synonym: '低保', tagCode: 'veteran' }]);
    expect(builtIn.json<ErrorBody>().error.details?.fields.map((f: { code: string }) => f.code)).toEqual(['import.synonym_built_in']);
    expect((await put(await admin(), [])).statusCode).toBe(403);
    expect((await put(officer, [], b.district.id)).statusCode).toBe(404);
    const other = await (await clientAs(t, [grantIn('district_officer', b)])).request('GET', `/api/v1/districts/${b.district.id}/tag-synonyms`);
    expect(other.json<{ synonyms: unknown[] }>().synonyms).toEqual([]);
  });

  it('suggests the closest known relation, tag and grid code for an unknown one', async () => {
    const csv = [
      HEADER.join(','),
      `${a.grid.code},钟山路3号,,,叔叔,${fakeIdNumber()},,叔叔,独居老`,
      `J-G8,钟山路4号,,,网格,${fakeIdNumber()},,户主,`,
      `${a.grid.code},钟山路5号,,,无缘,${fakeIdNumber()},,火星来客,`,
      `${a.grid.code},钟山路6号,,,之后,${fakeIdNumber()},,户主之儿息,`,
    ].join('\n');
    const r = report(await dryRun(Buffer.from(csv)));
    expect(r.errors.map(({ line, field, suggestion, message }) => ({ line, field, suggestion, message }))).toEqual([
      { line: 2, field: 'relation', suggestion: '叔父', message: '与户主关系无法识别（是否为“叔父”？）' },
      { line: 2, field: 'tags', suggestion: '独居老人', message: '未知的标签：独居老（是否为“独居老人”？）' },
      { line: 3, field: 'grid_code', suggestion: 'J-G3', message: '网格编码不属于本社区（是否为“J-G3”？）' },
      { line: 4, field: 'relation', suggestion: undefined, message: '与户主关系无法识别' },
      { line: 5, field: 'relation', suggestion: '儿媳', message: '与户主关系无法识别（是否为“儿媳”？）' },
    ]);
  });
});
