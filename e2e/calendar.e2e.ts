import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, horizontalOverflow, openBrowser, screenshot, type Session, signIn, switchLanguage } from './browser.ts';

describe('the platform admin keeps the working-day calendar', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sees the national days of 2025, adds and removes a local edit, in both languages', async () => {
    const { page } = s;
    await signIn(page, 'admin');
    await page.goto(`${BASE_URL}/need-settings?tab=calendar`);
    await switchLanguage(page, 'zh');
    const year = page.getByTestId('calendar-year');
    await year.fill('2025');
    const row = (date: string) => page.locator(`tr[data-row-key="${date}"]`);
    await row('2025-01-28').waitFor();
    await expect(row('2025-01-28').textContent()).resolves.toMatch(/节假日.*春节.*国家安排/);
    await expect(row('2025-01-26').textContent()).resolves.toMatch(/调休上班.*春节.*国家安排/);
    // A national day cannot be removed, only edited over.
    await expect(row('2025-01-28').getByTestId('calendar-remove').count()).resolves.toBe(0);

    await page.getByTestId('calendar-date').fill('2025-12-31');
    await page.getByPlaceholder('名称').fill('本区调休');
    await page.getByTestId('calendar-add').click();
    await row('2025-12-31').waitFor();
    await expect(row('2025-12-31').textContent()).resolves.toMatch(/节假日.*本区调休.*本地调整.*恢复国家安排/);
    await screenshot(page, 'desktop-zh-calendar');

    await switchLanguage(page, 'en');
    // The national days' names come from the server in the new language.
    await row('2025-01-28').getByText('Spring Festival', { exact: true }).waitFor();
    await expect(row('2025-01-28').textContent()).resolves.toMatch(/Holiday.*Spring Festival.*National calendar/);
    await expect(row('2025-12-31').textContent()).resolves.toMatch(/Holiday.*本区调休.*Local edit.*Back to national calendar/);
    await row('2025-12-31').getByTestId('calendar-remove').click();
    await page.getByRole('button', { name: 'OK' }).click();
    await row('2025-12-31').waitFor({ state: 'detached' });

    // A year the installed national calendar does not have yet says so.
    await year.fill('2027');
    await page.getByTestId('calendar-not-published').waitFor();
    expect(await page.getByTestId('calendar-not-published').textContent()).toContain('2027');
    await screenshot(page, 'desktop-en-calendar-unpublished');
    await switchLanguage(page, 'zh');
    await page.getByText('不在已安装的日历数据中', { exact: false }).waitFor();
  });

  it('fits a phone screen', async () => {
    const phone = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
    try {
      await signIn(phone.page, 'admin');
      await phone.page.goto(`${BASE_URL}/need-settings?tab=calendar`);
      await phone.page.getByTestId('calendar-year').fill('2026');
      await phone.page.locator('tr[data-row-key="2026-10-01"]').waitFor();
      expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
      await screenshot(phone.page, 'phone-zh-calendar');
    } finally {
      await phone.close();
    }
  });
});
