import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, BASE_URL, horizontalOverflow, screenshot, signedInPages, switchLanguage } from './browser.ts';

const PHOTO = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'photo.png');
const as = signedInPages();
/** Zhou's desktop page, signed in by the triage step and reused to read the timeline. */
let zhouPage: Page;

/**
 * Story 1: a need found on a visit travels the whole loop — grid worker on a phone, community
 * admin triage and assignment (with the meal part split off and pooled), the worker resolves it
 * partly, the daughter bound to the household confirms with a rating — and the timeline tells
 * every step in Chinese and in English.
 */
/** An instruction among staff, what the resident is told with the assignment, and the outcome she reads. */
const INTERNAL = '老人独居，请周三前上门并叫上网格员';
const REPLY = '已安排吴社工跟进，本周内联系您';
const OUTCOME = '志愿者每周上门协助洗澡一次；暂无付费护理员';

describe('story 1: a need found on a visit, through to the resident\'s rating', () => {
  let ref = '';
  let bathingUrl = '';
  let mealId = '';

  it('limin records a care visit to 王桂芳 with a need on her phone', async () => {
    const page = await as('limin', true);
    await page.goto(`${BASE_URL}/field`);
    const card = page.locator('[data-testid$=G03]').first();
    await card.getByTestId('open-worklist').click();
    const row = page.getByTestId('worklist-row').filter({ hasText: '王桂芳' });
    await row.first().waitFor();
    await screenshot(page, 'story1-phone-worklist');
    await row.first().getByTestId('record-visit').click();
    await page.getByTestId('visit-notes').fill('老人独居，洗澡困难，女儿周末来');
    await page.getByTestId('visit-add-need').click();
    await page.getByTestId('visit-need-category').selectOption({ label: '居家照护' });
    await page.getByTestId('visit-need-description').fill('没人帮忙洗澡，想要送餐上门');
    await page.getByTestId('visit-need-photo-input').setInputFiles(PHOTO);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('visit-submit').click();
    const created = page.getByTestId('visit-created-need').first();
    await created.waitFor();
    ref = (await created.getAttribute('data-ref')) ?? '';
    expect(ref).toMatch(/^N-\d{4}-\d{6}$/);
    await screenshot(page, 'story1-phone-visit-done');
  });

  it('zhou accepts it on the board, splits the meal part off and assigns the bathing help to wu', async () => {
    const page = (zhouPage = await as('zhou', false));
    await page.goto(`${BASE_URL}/needs`);
    const row = page.getByTestId(`board-row-${ref}`);
    await row.waitFor();
    await page.getByTestId('board-map').waitFor();
    await screenshot(page, 'story1-board');
    await row.getByTestId('board-link').click();
    await page.getByTestId('need-ref').filter({ hasText: ref }).waitFor();
    bathingUrl = page.url();
    await page.getByTestId('need-action-accept').click();
    await page.getByTestId('need-action-submit').click();
    await page.getByTestId('need-action-split').click();
    await page.getByTestId('split-category').click();
    // Group headings are headings, not choices: a need is filed under a category that holds needs.
    const groups = await page.locator('.ant-select-item-group').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    const choices = await page.locator('.ant-select-item-option').allTextContents();
    expect(choices.filter((c) => groups.includes(c))).toEqual([]);
    await page.keyboard.type('助餐');
    await page.keyboard.press('Enter');
    await page.getByTestId('split-description').fill('希望有人送餐上门');
    await page.getByTestId('need-action-submit').click();
    await page.waitForURL((u) => u.href !== bathingUrl);
    mealId = new URL(page.url()).pathname.split('/').pop()!;
    await page.goto(bathingUrl);
    // The form says which text the resident reads and which stays among staff, in both languages.
    await switchLanguage(page, 'en');
    await page.getByTestId('need-action-assign').click();
    const form = page.getByTestId('need-form-assign');
    for (const text of ['Reply to the resident (the resident sees it)', 'Internal note (staff only)']) await form.getByText(text).waitFor();
    await screenshot(page, 'story1-assign-form-en');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await switchLanguage(page, 'zh');
    await page.getByTestId('need-action-assign').click();
    for (const text of ['答复居民（居民可见）', '内部备注（仅工作人员可见）']) await form.getByText(text).waitFor();
    await page.getByTestId('assign-handler').click();
    await page.keyboard.type('吴');
    await page.keyboard.press('Enter');
    await page.getByTestId('action-reply').fill(REPLY);
    await page.getByTestId('action-note').fill(INTERNAL);
    await screenshot(page, 'story1-assign-form-zh');
    await page.getByTestId('need-action-submit').click();
    await page.locator('[data-testid=need-state][data-state=in_progress]').waitFor();
    await page.getByTestId('timeline-note').filter({ hasText: INTERNAL }).waitFor();
    await screenshot(page, 'story1-assigned');

    // The meal part joins the community's meal needs as a common need (story 2 takes it on).
    const zhou = await apiAs('zhou');
    const meal = await zhou<{ communityId: string; categoryId: string; state: string }>('GET', `/needs/${mealId}`);
    expect(meal.state).toBe('accepted');
    await zhou('POST', '/common-needs', { communityId: meal.communityId, categoryId: meal.categoryId, title: '老年人助餐', needIds: [mealId] });
  });

  it('wu resolves it partly', async () => {
    const page = await as('wu', false);
    await page.goto(bathingUrl);
    await page.getByTestId('need-action-resolve').click();
    await page.getByTestId('outcome-partly').click();
    await page.getByTestId('action-reply').fill(OUTCOME);
    await page.getByTestId('need-action-submit').click();
    await page.locator('[data-testid=need-state][data-state=resolved]').waitFor();
  });

  it('王娟, bound to the household, confirms it on her phone with a rating of 4', async () => {
    const page = await as('wangjuan', true);
    await page.goto(`${BASE_URL}/my-needs`);
    const row = page.getByTestId('my-need-row').filter({ hasText: ref });
    await row.first().waitFor();
    await row.first().click();
    await page.getByTestId('confirm-need').click();
    await page.getByTestId('rating').locator('li').nth(3).click();
    await page.getByTestId('confirm-submit').click();
    await page.locator('[data-testid=need-state][data-state=closed]').waitFor();
    // She reads what she was told and the outcome; the instruction among staff never reaches her.
    const timeline = page.getByTestId('timeline');
    await timeline.getByText(REPLY).waitFor();
    await page.getByText(OUTCOME).first().waitFor();
    expect(await page.content()).not.toContain(INTERNAL);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'story1-phone-confirmed');
  });

  it('ends closed as partly resolved with the meal need pooled, and the timeline tells every step in both languages', async () => {
    const zhou = await apiAs('zhou');
    const id = new URL(bathingUrl).pathname.split('/').pop()!;
    const bathing = await zhou<{ state: string; outcome: string; rating: number; timeline: { action: string }[] }>('GET', `/needs/${id}`);
    expect(bathing).toMatchObject({ state: 'closed', outcome: 'partly', rating: 4 });
    expect(bathing.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['report', 'accept', 'split', 'assign', 'resolve', 'confirm']));
    expect((await zhou<{ state: string }>('GET', `/needs/${mealId}`)).state).toBe('pooled');

    const page = zhouPage;
    await page.goto(bathingUrl);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    for (const text of ['受理', '拆分', '指派', '办结', '确认办结', '李敏', '周书记', '吴社工']) await timeline.getByText(text).first().waitFor();
    await screenshot(page, 'story1-timeline-zh');
    await switchLanguage(page, 'en');
    for (const text of ['Accept', 'Split', 'Assign', 'Resolve', 'Confirm']) await timeline.getByText(text, { exact: false }).first().waitFor();
    await screenshot(page, 'story1-timeline-en');
    await switchLanguage(page, 'zh');
  });
});
