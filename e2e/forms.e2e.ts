import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../src/common/identity.ts';
import { openBrowser, screenshot, signIn, type Session } from './browser.ts';

describe('forms and records that say things in words', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('checks a credit code when the field is left, before anything is saved', async () => {
    const { page } = s;
    await signIn(page, 'jbmz');
    await page.goto(new URL('/organizations/new', page.url()).href);
    const uscc = page.locator('#uscc');
    const first17 = '52320191MJ5765433';
    await uscc.fill(first17 + (usccCheckChar(first17) === 'A' ? 'B' : 'A'));
    // Still typing: nothing is said yet.
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await uscc.press('Tab');
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '统一社会信用代码校验位不正确，请核对是否输错' }).waitFor();
    await screenshot(page, 'desktop-zh-uscc-on-blur');
  });

  it('shows the audit log and the signed-in devices in words', async () => {
    await s.close();
    s = await openBrowser({ width: 1366, height: 900 });
    const { page } = s;
    await signIn(page, 'admin');
    await page.goto(new URL('/admin/audit', page.url()).href);
    const actions = page.getByTestId('audit-action');
    await actions.first().waitFor();
    const words = await actions.allTextContents();
    expect(words.length).toBeGreaterThan(0);
    // "登录 · 登录成功", never "auth.login".
    for (const w of words) expect(w).toMatch(/ · /);
    expect(words.filter((w) => /^[a-z_]+(\.[a-z_]+)+$/.test(w))).toEqual([]);
    expect(words).toContain('登录 · 登录成功');
    await screenshot(page, 'desktop-zh-audit');

    await page.goto(new URL('/account', page.url()).href);
    await page.getByText('Chrome · Linux').first().waitFor();
  });
});
