import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, horizontalOverflow, screenshot, signedInPages } from './browser.ts';

/** The credit section of an organization's page: both languages, desktop and phone, axe-clean. */
const as = signedInPages();

async function organizationId(name: string): Promise<string> {
  const api = await apiAs('jbmz');
  const page = await api<{ items: { id: string; name: string }[] }>('GET', `/organizations?q=${encodeURIComponent(name)}`);
  return page.items.find((o) => o.name === name)!.id;
}

async function open(page: Page, id: string, language: 'zh-CN' | 'en') {
  await page.context().addCookies([{ name: 'sanshe_lang', value: language, url: BASE_URL }]);
  await page.goto(`${BASE_URL}/organizations/${id}`);
  await page.getByTestId('credit-standing').waitFor();
  await page.waitForLoadState('networkidle');
}

describe('organization credit', () => {
  for (const phone of [false, true]) {
    const size = phone ? 'phone' : 'desktop';
    it(`shows an organization on the abnormal list with its allowed actions, axe-clean in both languages (${size})`, { timeout: 120_000 }, async () => {
      const leling = await organizationId('乐龄为老服务中心');
      const page = await as('jbmz', phone);
      await open(page, leling, 'zh-CN');
      const entry = page.getByTestId('credit-entry').first();
      await entry.getByText('活动异常名录').waitFor();
      await entry.getByText('在列').waitFor();
      await page.getByTestId('credit-entry-repair').waitFor();
      await page.getByText('列入（自').first().waitFor();
      expect(await page.getByTestId('credit-record').count()).toBeGreaterThan(0);
      expect(await seriousAxeFindings(page, 'body')).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `credit-${size}-zh-listed`);

      await open(page, leling, 'en');
      await page.getByTestId('credit-entry').first().getByText('On the list').waitFor();
      expect(await seriousAxeFindings(page, 'body')).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `credit-${size}-en-listed`);
    });
  }

  it('names the missing field in a credit dialog, and shows a repaired entry as removed', { timeout: 120_000 }, async () => {
    const page = await as('jbmz', false);
    await open(page, await organizationId('阳光助残服务社'), 'zh-CN');
    await page.getByTestId('credit-entry').first().getByText('已移出（信用修复）').waitFor();
    // An internal note of a penalty is for the registering authority.
    await page.getByText('内部备注（仅登记管理机关可见）', { exact: false }).first().waitFor();
    await page.getByTestId('credit-add_record').click();
    await page.getByTestId('credit-dialog-save').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '请填写信息来源' }).waitFor();
    expect(await seriousAxeFindings(page, '.ant-modal')).toEqual([]);
    await screenshot(page, 'credit-desktop-zh-dialog-required');
  });

  it('lets the organization read its own records but not record credit', { timeout: 60_000 }, async () => {
    const page = await as('qihang', true);
    await open(page, await organizationId('启航社工服务中心'), 'zh-CN');
    await page.getByText('未被列入过活动异常名录或严重违法失信名单').waitFor();
    expect(await page.getByTestId('credit-record').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('credit-add_record').count()).toBe(0);
    expect(await page.getByText('内部备注').count()).toBe(0);
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'credit-phone-zh-own');
  });

  // Last: it changes the demo (乐龄 leaves the list), which no other browser test reads.
  it('repairs an entry through its dialog on a phone; the entry stays, shown as removed', { timeout: 120_000 }, async () => {
    const page = await as('jbmz', true);
    await open(page, await organizationId('乐龄为老服务中心'), 'zh-CN');
    await page.getByTestId('credit-entry-repair').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('#reason').fill('已补报年度工作报告并作出信用承诺');
    expect(await seriousAxeFindings(page, '.ant-modal')).toEqual([]);
    await screenshot(page, 'credit-phone-zh-repair-dialog', false);
    await page.getByTestId('credit-dialog-save').click();
    await page.getByTestId('credit-entry').first().getByText('已移出（信用修复）').waitFor();
    await page.getByText('已补报年度工作报告并作出信用承诺', { exact: false }).waitFor();
    await page.getByTestId('credit-standing').getByText('未列入').first().waitFor();
    expect(await page.getByTestId('credit-entry-repair').count()).toBe(0);
  });
});
