import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, screenshot, signedInPages } from './browser.ts';
import { axe, fits, inLanguage } from './steps.ts';

/**
 * Story 3's panel at work: 高教授 (zhuanjia) finds the street's closed round in his reviews,
 * declares no conflict on one application, reads it, saves a draft, hands his scores in and sees
 * them read-only; on a phone he steps towards the other one. 林老师 has handed in hers already.
 * Both pages axe-clean in both languages at both sizes.
 */
const as = signedInPages();

const CLOSED_CALL = '泰山街道社区服务项目征集（第二批）';
const SCORED = '新市民融入·邻里互助计划';
const OTHER = '四点半课堂·双职工家庭儿童托管';

async function openFromMenu(page: Page, phone: boolean) {
  if (phone) await page.getByTestId('menu-button').click();
  await page.getByTestId('main-menu').getByRole('menuitem').filter({ hasText: /^评审$/ }).click();
  await page.waitForURL((url) => url.pathname === '/reviews');
  await page.getByTestId('review-panel').first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function openClosedCall(page: Page) {
  await page.getByTestId('review-panel').filter({ hasText: CLOSED_CALL }).getByRole('link', { name: CLOSED_CALL }).click();
  await page.getByTestId('review-sheet').waitFor();
  await page.getByTestId('review-item').first().waitFor();
  await page.waitForLoadState('networkidle');
}

const itemOf = (page: Page, title: string) => page.getByTestId('review-item').filter({ hasText: title });

async function stateIs(item: Locator, state: string) {
  await item.getByTestId('review-item-state').filter({ hasText: state }).waitFor();
}

/** The application's drawer, not the phone's menu drawer that stays in the page once opened. */
async function closeReader(page: Page) {
  await page.locator('.ant-drawer-open').filter({ has: page.getByTestId('review-application') }).locator('.ant-drawer-close').click();
  await page.getByTestId('review-application').waitFor({ state: 'detached' });
}

async function score(item: Locator, scores: Record<string, string>) {
  for (const [criterion, points] of Object.entries(scores)) {
    const input = item.getByTestId(`review-score-${criterion}`);
    await input.fill(points);
    await input.blur();
  }
}

describe('the reviewer\'s workspace', () => {
  it('declares no conflict, reads the application, saves a draft, hands the scores in and sees them read-only (desktop)', { timeout: 240_000 }, async () => {
    const page = await as('zhuanjia', false);
    await openFromMenu(page, false);
    const panel = page.getByTestId('review-panel').filter({ hasText: CLOSED_CALL });
    await panel.getByTestId('review-panel-duty').getByText('待完成 2 份').waitFor();
    // The street's open round is on his list too, waiting for its deadline.
    await page.getByTestId('review-panel').getByText('申报截止后开始评审').first().waitFor();
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-desktop-zh-list');

    await openClosedCall(page);
    await page.getByTestId('review-phase').filter({ hasText: '请逐份申报先声明是否存在利益冲突' }).waitFor();
    expect(await page.getByTestId('review-withheld').count()).toBe(0);
    const item = itemOf(page, SCORED);
    await stateIs(item, '待声明');
    // Before declaring he sees who applies for what, and nothing to read or score.
    await item.getByText('申报机构：').waitFor();
    expect(await item.getByTestId('review-read').count()).toBe(0);
    expect(await item.getByTestId('review-form').count()).toBe(0);
    await axe(page);
    await screenshot(page, 'reviews-desktop-zh-undeclared');

    await item.getByTestId('review-no-conflict').click();
    await stateIs(item, '评分中');
    await item.getByTestId('review-read').click();
    const reading = page.getByTestId('review-application');
    await reading.getByText('以楼栋为单位组建互助小组', { exact: false }).waitFor();
    const budget = reading.getByTestId('review-budget-lines');
    await budget.getByText('¥10,000').waitFor();
    await budget.getByText('¥65,000').waitFor();
    await axe(page);
    await screenshot(page, 'reviews-desktop-zh-reading', false);
    await closeReader(page);

    // A draft keeps what is filled in, across a reload.
    await score(item, { need_fit: '24.5', design: '20' });
    await item.getByTestId('review-total').filter({ hasText: '合计：44.5 / 100 分' }).waitFor();
    await item.getByTestId('review-save-draft').click();
    await page.getByText('评分草稿已保存').waitFor();
    await page.reload();
    await stateIs(itemOf(page, SCORED), '评分中');
    await expect(itemOf(page, SCORED).getByTestId('review-score-need_fit').inputValue()).resolves.toBe('24.5');
    await itemOf(page, SCORED).getByTestId('review-total').filter({ hasText: '44.5' }).waitFor();

    // Handing in needs every criterion.
    const again = itemOf(page, SCORED);
    await again.getByTestId('review-submit').click();
    await again.locator('.ant-form-item-explain-error').filter({ hasText: '请填写团队与专业能力' }).waitFor();
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    await axe(page);
    await screenshot(page, 'reviews-desktop-zh-draft-incomplete');

    await score(again, { team: '16', budget: '12.5', sustainability: '8' });
    await again.getByTestId('review-comment').fill('楼栋互助小组的做法可行，建议补充新居民的需求调查。');
    await again.getByTestId('review-total').filter({ hasText: '合计：81 / 100 分' }).waitFor();
    await again.getByTestId('review-submit').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('合计 81 分。提交后评分和意见不能再修改。').waitFor();
    await axe(page, '.ant-modal-confirm');
    await screenshot(page, 'reviews-desktop-zh-confirm', false);
    await page.getByTestId('review-submit-ok').click();

    const done = itemOf(page, SCORED);
    await stateIs(done, '已提交');
    await done.getByTestId('review-scores').getByText('81 / 100 分').waitFor();
    await done.getByTestId('review-scores').getByText('24.5 / 30').waitFor();
    expect(await done.getByTestId('review-form').count()).toBe(0);
    expect(await done.getByTestId('review-submit').count()).toBe(0);
    await stateIs(itemOf(page, OTHER), '待声明');
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-desktop-zh-submitted');

    await inLanguage(page, 'en');
    await stateIs(itemOf(page, SCORED), 'Handed in');
    await itemOf(page, SCORED).getByText('81 / 100 points').waitFor();
    await itemOf(page, OTHER).getByTestId('review-no-conflict').filter({ hasText: 'No conflict of interest: start reviewing' }).waitFor();
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-desktop-en-sheet');
    await page.goto(`${BASE_URL}/reviews`);
    await page.getByTestId('review-panel').filter({ hasText: CLOSED_CALL }).getByText('1 to do').waitFor();
    await axe(page);
    await screenshot(page, 'reviews-desktop-en-list');
  });

  it('fits a phone: the list, the step-out dialog, the score form and the application, in both languages', { timeout: 240_000 }, async () => {
    const page = await as('zhuanjia', true);
    await inLanguage(page, 'zh-CN');
    await openFromMenu(page, true);
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-phone-zh-list');

    await openClosedCall(page);
    const item = itemOf(page, OTHER);
    await stateIs(item, '待声明');
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-phone-zh-undeclared');

    // Stepping out asks why; he thinks better of it and cancels.
    await item.getByTestId('review-recuse').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '回避后您将不再评审这份申报' });
    await page.getByTestId('review-recuse-ok').click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请填写回避理由' }).waitFor();
    await axe(page, '.ant-modal');
    await screenshot(page, 'reviews-phone-zh-recuse', false);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await stateIs(item, '待声明');

    await item.getByTestId('review-no-conflict').click();
    await stateIs(item, '评分中');
    await item.getByTestId('review-form').waitFor();
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-phone-zh-scoring');

    await item.getByTestId('review-read').click();
    await page.getByTestId('review-application').getByText('四点半课堂', { exact: false }).first().waitFor();
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-phone-zh-reading', false);
    await closeReader(page);

    await inLanguage(page, 'en');
    await stateIs(itemOf(page, OTHER), 'Scoring');
    await itemOf(page, OTHER).getByText('Fit with the needs (out of 30)').waitFor();
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-phone-en-sheet');
    await page.goto(`${BASE_URL}/reviews`);
    await page.getByTestId('review-panel').first().waitFor();
    await page.waitForLoadState('networkidle');
    await axe(page);
    await fits(page);
    await screenshot(page, 'reviews-phone-en-list');
  });

  it('shows 林老师 the sheet she handed in, read-only, and counts what she may not see', { timeout: 120_000 }, async () => {
    const linlaoshi = await apiAs('linlaoshi');
    const panels = await linlaoshi<{ items: { callId: string; title: string }[] }>('GET', '/reviews/calls');
    const callId = panels.items.find((p) => p.title === CLOSED_CALL)!.callId;
    const sheet = await linlaoshi<{ withheld: number }>('GET', `/calls/${callId}/review-sheet`);

    const page = await as('linlaoshi', false);
    await inLanguage(page, 'zh-CN');
    await page.goto(`${BASE_URL}/reviews/${callId}`);
    const handedIn = itemOf(page, SCORED);
    await stateIs(handedIn, '已提交');
    await handedIn.getByTestId('review-scores').waitFor();
    expect(await handedIn.getByTestId('review-form').count()).toBe(0);
    await page.getByTestId('review-all-done').waitFor();
    if (sheet.withheld > 0) await page.getByTestId('review-withheld').getByText(`另有 ${sheet.withheld} 份申报因您与申报机构存在关联已自动回避`).waitFor();
    else await stateIs(itemOf(page, OTHER), '已回避');
    await page.waitForLoadState('networkidle');
    await axe(page);
    await screenshot(page, 'reviews-desktop-zh-linlaoshi');
  });
});
