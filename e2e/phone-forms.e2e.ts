import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, openBrowser, screenshot, type Session, signIn, switchLanguage } from './browser.ts';

/**
 * The phone's light forms (plain HTML, not antd's Form): each required field says by name what
 * is missing, focus goes to the first such field, a message goes as soon as its field is put
 * right, a text over its limit is said before anything is sent, and the server's word on a field
 * lands under that field.
 */

/** The message under a control, as a screen reader reaches it: through aria-describedby. */
async function messageOf(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).evaluate((el) => {
    if (el.getAttribute('aria-invalid') !== 'true') return null;
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ');
    return ids.map((id) => document.getElementById(id)).find((n) => n?.getAttribute('role') === 'alert')?.textContent ?? null;
  });
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

/** Counts what the page sends to `path` with `method`, from now on. */
function countRequests(page: Page, method: string, path: RegExp) {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) n++;
  });
  return () => n;
}

describe('the phone\'s light forms', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a resident\'s report names what is missing, clears each message when put right, and says a text is too long before sending', async () => {
    const { page } = s;
    await signIn(page, 'wangjuan');
    await page.goto(`${BASE_URL}/my-needs/new`);
    await page.getByTestId('report-need-description').waitFor();
    const posts = countRequests(page, 'POST', /^\/api\/v1\/needs$/);

    await page.getByTestId('report-need-submit').click();
    expect(await messageOf(page, 'report-need-category')).toBe('请选择诉求类别');
    expect(await messageOf(page, 'report-need-description')).toBe('请填写诉求内容');
    expect(await focusedTestId(page)).toBe('report-need-category');
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'phone-form-report-missing-zh');

    // Group headings are headings, not choices: the parent is offered as "(其他)" inside its group.
    const groups = await page.getByTestId('report-need-category').locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    const options = await page.getByTestId('report-need-category').locator('option').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    expect(options.filter((o) => groups.includes(o))).toEqual([]);
    expect(options).toContain('物业与设施（其他）');

    await page.getByTestId('report-need-category').selectOption({ label: '楼道照明' });
    expect(await messageOf(page, 'report-need-category')).toBeNull();
    expect(await messageOf(page, 'report-need-description')).toBe('请填写诉求内容');

    await page.getByTestId('report-need-description').fill('灯'.repeat(2001));
    expect(await messageOf(page, 'report-need-description')).toBe('诉求内容最多 2000 个字');
    await page.getByTestId('report-need-submit').click();
    expect(await messageOf(page, 'report-need-description')).toBe('诉求内容最多 2000 个字');

    await switchLanguage(page, 'en');
    await page.getByTestId('report-need-submit').click();
    expect(await messageOf(page, 'report-need-description')).toBe('“What is needed” can have at most 2000 characters');
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'phone-form-report-too-long-en');
    await switchLanguage(page, 'zh');
    expect(posts()).toBe(0);
  });

  it('a grid worker\'s visit finds the household by address, asks for the person on a care visit, checks numbers, and shows the server\'s word under the time', async () => {
    const { page } = s;
    await page.context().clearCookies();
    await signIn(page, 'limin');
    const limin = await apiAs('limin');
    const household = (await limin<{ items: { id: string; address: string }[] }>('GET', '/households?limit=1')).items[0]!;
    await page.goto(`${BASE_URL}/field/visit`);
    await page.getByTestId('visit-household').waitFor();

    await page.getByTestId('visit-submit').click();
    expect(await messageOf(page, 'visit-household')).toBe('请选择住户');
    expect(await focusedTestId(page)).toBe('visit-household');
    expect(await page.getByTestId('visit-resident').isDisabled()).toBe(true);

    // A fragment every address has: eight choices, and a hint to type more.
    await page.getByTestId('visit-household').fill(household.address.slice(0, 3));
    await page.getByText('只显示前 8 户，多输入几个地址字可找到其他住户').waitFor();
    expect(await page.getByTestId('visit-household-choice').count()).toBe(8);

    await page.getByTestId('visit-household').fill(household.address);
    const choice = page.getByTestId('visit-household-choice').filter({ hasText: household.address });
    await choice.first().click();
    expect(await messageOf(page, 'visit-household')).toBeNull();
    await expect.poll(() => page.getByTestId('visit-resident').isEnabled()).toBe(true);

    await page.getByTestId('visit-kind-care').click();
    await page.getByTestId('visit-add-need').click();
    await page.getByTestId('visit-need-beneficiaries').fill('0');
    await page.getByTestId('visit-submit').click();
    expect(await messageOf(page, 'visit-resident')).toBe('关爱走访请选择被关爱人');
    expect(await messageOf(page, 'visit-need-category')).toBe('请选择诉求类别');
    expect(await messageOf(page, 'visit-need-beneficiaries')).toBe('受益人数应为 1 到 100000 的整数');
    expect(await focusedTestId(page)).toBe('visit-resident');
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'phone-form-visit-missing-zh');

    // The form sends; the server refuses a time over 30 days ago and says so under the time.
    await page.getByTestId('visit-remove-need').click();
    await page.getByTestId('visit-kind-routine').click();
    const old = new Date(Date.now() - 40 * 86_400_000);
    const local = new Date(old.getTime() - old.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByTestId('visit-time').fill(local);
    const posts = countRequests(page, 'POST', /^\/api\/v1\/visits$/);
    await page.getByTestId('visit-submit').click();
    await expect.poll(() => messageOf(page, 'visit-time')).toMatch(/30/);
    expect(posts()).toBe(1);
    expect(await page.getByTestId('error-alert').count()).toBe(0);
  });

  it('a resident\'s proposal asks for its kind, what and why, and takes a kind from its card', async () => {
    const { page } = s;
    await page.context().clearCookies();
    await signIn(page, 'sunli');
    await page.goto(`${BASE_URL}/participate/new`);
    await page.getByTestId('proposal-form').waitFor();
    await page.getByTestId('proposal-submit').click();
    expect(await page.getByTestId('proposal-kind').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('proposal-kind').getByText('请选择提什么').waitFor();
    expect(await messageOf(page, 'proposal-title')).toBe('请用一句话说说是什么事');
    expect(await messageOf(page, 'proposal-body')).toBe('请详细说说');
    // Focus is on the first choice of the kind, inside its card.
    expect(await focusedTestId(page)).toBe('proposal-kind-wish');

    await page.getByTestId('proposal-kind-project').click();
    expect(await page.getByRole('radio', { name: /微项目/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('proposal-kind').getAttribute('aria-invalid')).toBeNull();
    await page.getByTestId('proposal-title').fill('字'.repeat(61));
    await page.getByTestId('proposal-submit').click();
    expect(await messageOf(page, 'proposal-title')).toBe('一句话说说是什么事最多 60 个字');
    expect(await seriousAxeFindings(page, 'body')).toEqual([]);
    await screenshot(page, 'phone-form-proposal-zh');
  });
});
