import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/common/identity.ts';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, horizontalOverflow, openBrowser, screenshot, signedInPages, signIn, type Session } from './browser.ts';

// Issue 13: a register laid out the way communities keep it — a merged title, a blank row, a 序号
// column, full-width digits, a national relation term and a slip the check report points at.
const serial = String(Date.now() % 1000).padStart(3, '0');
const idOf = (birth: string) => {
  const first17 = `320191${birth}${serial}`;
  return first17 + idNumberCheckChar(first17);
};
const HEAD = idOf('19600202');
const SON = idOf('19880808');
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const ADDRESS = `南京市江北新区泰山街道J社区登记路${Date.now() % 100000}号`;

async function messyRegister(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('第1网格');
  sheet.addRow(['J社区第1网格居民信息登记表（2026年11月）']);
  sheet.mergeCells('A1:H1');
  sheet.addRow([]);
  sheet.addRow(['序号', '网格编码', '地址', '姓名', '身份证号', '手机号', '与户主关系', '标签']);
  sheet.addRow([1, 'JB-TS-J-G01', ADDRESS, '登记户主', fullWidth(HEAD), '138-1234-5679', '户主', '低保']);
  sheet.addRow([2, 'JB-TS-J-G01', ADDRESS, '登记儿子', SON, '', '长了', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('community admin zhou imports a messy register', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the register under its title, downloads the check report, fixes it and imports the corrected file', async () => {
    const { page } = s;
    await signIn(page, 'zhou');
    await page.getByRole('menuitem', { name: '社区网格' }).click();
    await page.getByTestId('scope-shortcut').filter({ hasText: 'J社区' }).first().click();
    await page.getByTestId('import-link').click();
    await page.locator('input[type=file]').setInputFiles({ name: '登记表.xlsx', mimeType: 'application/octet-stream', buffer: await messyRegister() });
    await page.getByTestId('import-dry-run').click();
    // Row 5 of the sheet: title 1, blank 2, header 3, head 4.
    const problem = page.locator('.ant-table-row').filter({ hasText: '与户主关系无法识别（是否为“长子”？）' });
    await problem.waitFor();
    expect(await problem.locator('td').first().textContent()).toBe('5');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'desktop-zh-import-messy-dry-run');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = report.worksheets[0]!;
    expect(sheet.getRow(1).getCell(9).text).toBe('导入问题');
    expect(sheet.getRow(3).getCell(9).text).toBe('与户主关系：与户主关系无法识别（是否为“长子”？）');
    expect(sheet.getRow(2).getCell(9).text).toBe('');

    // The user fixes the cell the report points at and imports the report file itself.
    sheet.getRow(3).getCell(7).value = '长子';
    const corrected = Buffer.from(await report.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: '登记表-改.xlsx', mimeType: 'application/octet-stream', buffer: corrected });
    await page.getByTestId('import-dry-run').click();
    await page.getByText('没有发现问题').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByText('导入完成').waitFor();
    await screenshot(page, 'desktop-zh-import-messy-commit');
  });
});

// A register larger than one batch (the browser tests' server writes 40 at a time) is written by
// a job while the page shows its progress; here on a phone.
describe('a register of 30 households imported on a phone', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is checked at once, then written in batches while the page shows how far it got', async () => {
    const { page } = s;
    const street = `江北新区J社区分批路${Date.now() % 100000}号`;
    const lines = ['网格编码,地址,姓名,身份证号,与户主关系'];
    for (let h = 0; h < 30; h++) {
      for (const [k, relation] of ['户主', '子女'].entries()) {
        const first17 = `320191${1950 + k}${String(1 + (h % 12)).padStart(2, '0')}${String(1 + Math.floor(h / 12)).padStart(2, '0')}${serial}`;
        lines.push(`JB-TS-J-G01,${street}${h + 1}室,分批${h + 1}-${k + 1},${first17}${idNumberCheckChar(first17)},${relation}`);
      }
    }
    const zhou = await apiAs('zhou');
    const j = (await zhou<{ items: { id: string; name: string }[] }>('GET', '/communities?limit=50')).items.find((c) => c.name === 'J社区')!;
    await signIn(page, 'zhou');
    await page.goto(`${new URL(page.url()).origin}/territory/communities/${j.id}/import`);
    await page.locator('input[type=file]').setInputFiles({ name: '登记表.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByTestId('import-dry-run').click();
    await page.getByText('没有发现问题').waitFor();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/imports/residents') && r.request().method() === 'POST'),
      page.getByTestId('import-commit').click(),
    ]);
    // 30 households and 60 residents: 90 writes in three batches.
    expect(await answer.json()).toMatchObject({ mode: 'job', total: 60, valid: 60, job: { writesTotal: 90 } });
    const job = page.getByTestId('import-job');
    await job.getByText('已写入 90 / 90 条').waitFor();
    await page.getByText('导入完成').waitFor();
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    // The community's recent jobs list it, for whoever comes to the page later.
    await page.getByTestId('import-recent-jobs').getByText('已写入 90 / 90 条').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'phone-zh-import-job');
  });
});

describe('the words and the files around the register', () => {
  const as = signedInPages();

  it("the district officer adds the district's own word for a tag on the district page", async () => {
    const page = await as('jbmz', false);
    const jbmz = await apiAs('jbmz');
    const district = (await jbmz<{ items: { id: string }[] }>('GET', '/districts')).items[0]!;
    await page.goto(`${new URL(page.url()).origin}/territory/districts/${district.id}`);
    const field = page.getByTestId('tag-synonyms-low_income');
    await field.locator('input').fill('困难户');
    await field.locator('input').press('Enter');
    await page.getByTestId('tag-synonyms-save').click();
    await page.getByTestId('tag-synonyms').getByRole('status').waitFor();
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'desktop-zh-tag-synonyms');
    const saved = await jbmz<{ synonyms: { synonym: string; tagCode: string }[] }>('GET', `/districts/${district.id}/tag-synonyms`);
    expect(saved.synonyms).toContainEqual({ synonym: '困难户', tagCode: 'low_income' });
  });

  it('the street officer exports the street register, masked, in the import layout', async () => {
    const page = await as('tsjd', false);
    const tsjd = await apiAs('tsjd');
    const street = (await tsjd<{ items: { id: string }[] }>('GET', '/streets')).items[0]!;
    await page.goto(`${new URL(page.url()).origin}/territory/streets/${street.id}`);
    // A street officer may not reveal numbers: nothing offers it.
    expect(await page.getByTestId('export-reveal').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-register').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('网格编码');
    const idColumn = (sheet.getRow(1).values as string[]).indexOf('身份证号');
    // Residents of several communities of the street, every ID number masked.
    expect(sheet.rowCount).toBeGreaterThan(100);
    const ids = Array.from({ length: 20 }, (_, i) => sheet.getRow(i + 2).getCell(idColumn).text);
    expect(ids.filter((id) => id.length !== 18 || !id.includes('*'))).toEqual([]);
  });
});
