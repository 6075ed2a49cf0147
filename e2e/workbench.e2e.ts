import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { horizontalOverflow, screenshot, signedInPages, switchLanguage } from './browser.ts';

/** Each demo role, and the part of the workbench that shows its work (or the line for work not built yet). */
const ROLES: { username: string; role: string; part: string }[] = [
  { username: 'zhou', role: 'community_admin', part: 'workbench-community' },
  { username: 'wu', role: 'community_worker', part: 'workbench-community' },
  { username: 'limin', role: 'grid_worker', part: 'workbench-reported' },
  { username: 'tsjd', role: 'street_officer', part: 'workbench-units' },
  { username: 'jbmz', role: 'district_officer', part: 'workbench-units' },
  { username: 'wangjuan', role: 'resident', part: 'waits-for-you' },
  { username: 'qihang', role: 'org_admin', part: 'home-applications' },
  { username: 'zhuanjia', role: 'reviewer', part: 'home-reviews' },
  { username: 'pinggu', role: 'evaluator', part: 'home-evaluations' },
  { username: 'chen', role: 'social_worker', part: 'home-cases' },
  { username: 'dudao', role: 'supervisor', part: 'home-approvals' },
  { username: 'admin', role: 'platform_admin', part: 'workbench-later' },
];

const WORKBENCH = '[data-testid="workbench"]';

async function countOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).first().getAttribute('data-count'));
}

/** The rows the board lists once loaded (a page holds 50; more behind "load more"). */
async function boardRows(page: Page): Promise<number> {
  await page.getByTestId('board-list').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="board-list"] .ant-spin-spinning'));
  return page.locator('[data-testid="board-list"] tr[data-ref]').count();
}

describe('every role\'s home is its workbench', () => {
  const as = signedInPages();

  for (const phone of [false, true]) {
    for (const { username, role, part } of ROLES) {
      it(`${role} (${username}) on ${phone ? 'a phone' : 'a desktop'}, in Chinese and English`, async () => {
        const page = await as(username, phone);
        await page.goto(new URL('/', page.url()).href);
        const size = phone ? 'phone' : 'desktop';
        for (const lang of ['zh', 'en'] as const) {
          if (lang === 'en') await switchLanguage(page, 'en');
          await page.getByTestId(part).first().waitFor();
          await page.waitForFunction(() => !document.querySelector('[data-testid="workbench"] .ant-spin-spinning'));
          expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
          expect(await seriousAxeFindings(page, WORKBENCH)).toEqual([]);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          await screenshot(page, `workbench-${role}-${size}-${lang}`);
        }
        // Back to Chinese: the choice is kept for the account, and other journeys read Chinese.
        await switchLanguage(page, 'zh');
        await page.getByTestId(part).first().waitFor();
      });
    }
  }

  it('a community admin\'s counts open the lists they count', async () => {
    const page = await as('zhou', false);
    for (const [testId, chip] of [['count-assigned', 'linked-handlerUserId'], ['count-triage', null], ['count-awaiting', null]] as const) {
      await page.goto(new URL('/', page.url()).href);
      await page.getByTestId(testId).waitFor();
      const count = await countOf(page, testId);
      await page.getByTestId(testId).click();
      await page.waitForURL(/\/needs\?/);
      if (chip) await page.getByTestId(chip).waitFor();
      const rows = await boardRows(page);
      expect(rows, testId).toBe(Math.min(count, 50));
    }
  });

  it('a grid worker\'s reported needs open the board with the same filter', async () => {
    const page = await as('limin', true);
    await page.getByTestId('reported-state').first().waitFor();
    const count = Number(await page.getByTestId('reported-state').first().locator('[data-count]').getAttribute('data-count'));
    await page.getByTestId('reported-state').first().click();
    await page.waitForURL(/recordedByUserId=/);
    await page.getByTestId('linked-recordedByUserId').waitFor();
    expect(await boardRows(page)).toBe(Math.min(count, 50));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('a resident\'s "things wait for you" is what their requests page marks as waiting for them', async () => {
    const page = await as('wangjuan', true);
    await page.getByTestId('waits-for-you').waitFor();
    const count = await countOf(page, 'waits-for-you');
    await page.getByTestId('waits-for-you').click();
    await page.waitForURL(/\/my-needs$/);
    await page.getByTestId('my-need-row').first().waitFor();
    expect(await page.getByTestId('awaiting-confirmation').count()).toBe(count);
  });
});
