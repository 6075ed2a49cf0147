import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/common/identity.ts';
import { BASE_URL, horizontalOverflow, openBrowser, screenshot, type Session, signIn, switchLanguage } from './browser.ts';

// A fictional ID number with a valid check digit (born 1990-01-01, odd sequence → male).
const seq = String(100 + (Date.now() % 800)).padStart(3, '0').replace(/.$/, '7');
const first17 = `32019119900101${seq}`;
const VALID_ID = first17 + idNumberCheckChar(first17);
const WRONG_CHECK = first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');
const second17 = `32019119700303${seq.replace(/.$/, '5')}`;
const SECOND_ID = second17 + idNumberCheckChar(second17);

async function chooseRelation(page: Page, name: string) {
  await page.getByTestId('resident-relation').click();
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${name}$`) }).click();
}
const ADDRESS = `南京市江北新区泰山街道J社区测试路${Date.now() % 100000}号101室`;

describe('community admin zhou registers a household and a resident', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1280, height: 860 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('signs in, adds a household and a resident, sees masked ID, then works in English', async () => {
    const { page } = s;
    await signIn(page, 'zhou');
    await expect(page.getByTestId('user-name').first().textContent()).resolves.toContain('周书记');
    await screenshot(page, 'desktop-zh-home');

    // Drill down: my community → its first grid.
    await page.getByRole('menuitem', { name: '社区网格' }).click();
    await page.getByTestId('scope-shortcut').filter({ hasText: 'J社区' }).first().click();
    await page.getByTestId('grid-list').locator('a').first().click();
    await page.getByTestId('grid-title').waitFor();
    await screenshot(page, 'desktop-zh-grid');

    await page.getByTestId('add-household').click();
    await page.getByTestId('household-address').fill(ADDRESS);
    await page.getByTestId('household-save').click();
    await page.waitForURL(/\/territory\/households\//);
    await expect(page.getByTestId('household-address-title').textContent()).resolves.toBe(ADDRESS);

    await page.getByTestId('add-member').click();
    // Saving an empty form names each missing field; the relation has no guessed default.
    await page.getByTestId('resident-save').click();
    const explain = page.locator('.ant-form-item-explain-error');
    await explain.filter({ hasText: '请选择与户主关系' }).waitFor();
    expect(await explain.allTextContents()).toEqual(['请填写姓名', '请填写身份证号', '请选择与户主关系']);
    // A pasted name over 50 characters is kept and marked, not silently cut.
    await page.getByTestId('resident-name').fill('测'.repeat(51));
    await explain.filter({ hasText: '姓名最多 50 个字' }).waitFor();
    expect(await page.getByTestId('resident-name').inputValue()).toHaveLength(51);
    await page.getByTestId('resident-name').fill('测试居民');
    await page.getByTestId('resident-id-number').fill(VALID_ID);
    await page.getByTestId('resident-phone').fill('13912345678');
    await chooseRelation(page, '户主');
    await page.getByTestId('resident-save').click();
    await page.waitForURL(/\/territory\/residents\//);

    const masked = (await page.getByTestId('resident-id-masked').textContent()) ?? '';
    expect(masked).toMatch(/^3201\*{10}\d{3}[\dX]$/);
    expect(masked.slice(-4)).toBe(VALID_ID.slice(-4));
    expect(masked).not.toContain(VALID_ID.slice(4, 14));
    await expect(page.getByTestId('resident-birth-date').textContent()).resolves.toBe('1990-01-01');
    await expect(page.getByTestId('resident-gender').textContent()).resolves.toBe('男');
    await expect(page.getByTestId('resident-phone-masked').textContent()).resolves.toBe('139****5678');

    // A second head for the same household is refused on the relation field, naming the first.
    await page.goBack();
    await page.getByTestId('add-member').click();
    await page.getByTestId('resident-name').fill('第二户主');
    await page.getByTestId('resident-id-number').fill(SECOND_ID);
    await chooseRelation(page, '户主');
    await page.getByTestId('resident-save').click();
    await explain.filter({ hasText: '该户已有户主（测试居民），请先修改其与户主关系' }).waitFor();
    await screenshot(page, 'desktop-zh-second-head');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.goForward();
    await page.getByTestId('resident-id-masked').waitFor();

    // Reveal is offered to a community admin, shows the full value and says it is audited.
    await page.getByTestId('resident-id-masked-reveal').click();
    await page.getByText(VALID_ID, { exact: true }).waitFor();
    await page.getByText('本次查看已记入审计日志').waitFor();
    await screenshot(page, 'desktop-zh-resident');

    // Switch to English: the page, Ant Design and the server's messages follow.
    await switchLanguage(page, 'en');
    await page.getByText('Birth date', { exact: true }).waitFor();
    await expect(page.getByTestId('resident-gender').textContent()).resolves.toBe('Male');
    await expect(page.getByRole('menuitem', { name: 'Communities & grids' }).count()).resolves.toBe(1);
    const cookies = await s.context.cookies(BASE_URL);
    expect(cookies.find((c) => c.name === 'sanshe_lang')?.value).toBe('en');
    await screenshot(page, 'desktop-en-resident');

    await page.getByTestId('edit-resident').click();
    await page.getByTestId('resident-id-number').fill(WRONG_CHECK);
    await page.getByTestId('resident-save').click();
    const fieldError = page.locator('.ant-form-item-explain-error').filter({ hasText: 'check digit' });
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe('The check digit of the ID number is wrong');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'desktop-en-validation-error');

    // Nothing was changed by the refused edit.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(((await page.getByTestId('resident-id-masked').textContent()) ?? '').slice(-4)).toBe(VALID_ID.slice(-4));

    // The language choice is kept for the account: back to Chinese for the next run of the demo.
    await switchLanguage(page, 'zh');
    await page.getByText('出生日期', { exact: true }).waitFor();
  });
});

describe('community admin zhou imports a register', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1280, height: 860 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sees a dry-run report with line numbers and reasons, then commits the good rows', async () => {
    const { page } = s;
    const good17 = `32019119850505${seq.replace(/.$/, '8')}`;
    const good = good17 + idNumberCheckChar(good17);
    const bad = good17 + (idNumberCheckChar(good17) === '1' ? '2' : '1');
    const csv = [
      '网格编码,地址,姓名,身份证号,与户主关系',
      `JB-TS-J-G01,南京市江北新区泰山街道J社区导入路${Date.now() % 100000}号,导入居民,${good},户主`,
      `JB-TS-J-G01,南京市江北新区泰山街道J社区导入路1号,坏行居民,${bad},户主`,
    ].join('\n');
    await signIn(page, 'zhou');
    await page.getByRole('menuitem', { name: '社区网格' }).click();
    await page.getByTestId('scope-shortcut').filter({ hasText: 'J社区' }).first().click();
    await page.getByTestId('import-link').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`, 'utf8') });
    await page.getByTestId('import-dry-run').click();
    const row = page.locator('.ant-table-row').filter({ hasText: '身份证号校验位不正确' });
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe('3');
    await screenshot(page, 'desktop-zh-import-dry-run');
    await page.getByTestId('import-commit').click();
    await page.getByText('导入完成').waitFor();
    await screenshot(page, 'desktop-zh-import-commit');
  });
});
