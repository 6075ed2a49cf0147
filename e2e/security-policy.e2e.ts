import type { Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, openBrowser, signIn, type Session } from './browser.ts';

/**
 * Every main page under the server's Content-Security-Policy: the React app (antd styles,
 * ECharts map), the phone pages and the API docs must run with no violation at all.
 */
async function visit(s: Session, path: string, ready: (page: BrowserPage) => Promise<unknown>) {
  const response = await s.page.goto(`${BASE_URL}${path}`);
  expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
  await ready(s.page);
  await s.page.waitForLoadState('networkidle');
  expect(s.cspViolations, path).toEqual([]);
}

const testId = (id: string) => (page: BrowserPage) => page.getByTestId(id).first().waitFor();

describe('the Content-Security-Policy', () => {
  let desktop: Session;
  let phone: Session;
  beforeAll(async () => {
    desktop = await openBrowser({ width: 1366, height: 900 });
    phone = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  it('is enforced: an injected inline script is refused and reported', async () => {
    await visit(desktop, '/login', testId('username'));
    const ran = await desktop.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    // Both channels report it: the page's event and Chromium's console.
    await expect.poll(() => desktop.cspViolations.some((v) => v.includes('script-src-elem blocked inline'))).toBe(true);
    await expect.poll(() => desktop.cspViolations.some((v) => v.startsWith('console:'))).toBe(true);
    // Only this deliberate violation: the session must close clean.
    desktop.cspViolations.length = 0;
  });

  it('lets the staff pages run without a violation, the needs map included', async () => {
    const zhou = await apiAs('zhou');
    const needs = await zhou<{ items: { id: string }[] }>('GET', '/needs?limit=1');
    await signIn(desktop.page, 'zhou');
    await visit(desktop, '/', testId('user-name'));
    await visit(desktop, '/needs', (page) => page.getByTestId('board-map').locator('canvas').first().waitFor());
    await visit(desktop, `/needs/${needs.items[0]!.id}`, testId('need-page'));
    // The action form with its two texts: the reply the resident reads and the internal note.
    const reported = await zhou<{ items: { id: string }[] }>('GET', '/needs?state=reported&limit=1');
    await visit(desktop, `/needs/${reported.items[0]!.id}`, testId('need-action-accept'));
    await desktop.page.getByTestId('need-action-accept').click();
    for (const field of ['action-reply', 'action-note']) await desktop.page.getByTestId('need-form-accept').getByTestId(field).waitFor();
    expect(desktop.cspViolations, 'action form').toEqual([]);
    await desktop.page.keyboard.press('Escape');
    for (const path of ['/inbox', '/three-lists', '/territory', '/households', '/account']) {
      await visit(desktop, path, testId('user-name'));
    }
  });

  it('lets the district and platform pages run without a violation', async () => {
    await desktop.context.clearCookies();
    await signIn(desktop.page, 'jbmz');
    await visit(desktop, '/need-settings', testId('user-name'));
    // The working-day calendar: national days and local edits.
    await visit(desktop, '/need-settings?tab=calendar', testId('calendar-year'));
    await desktop.context.clearCookies();
    await signIn(desktop.page, 'admin');
    await visit(desktop, '/admin/audit', testId('user-name'));
    await visit(desktop, '/admin/users', testId('user-name'));
  });

  it('lets the phone pages of a grid worker and a resident run without a violation', async () => {
    await signIn(phone.page, 'limin');
    await visit(phone, '/field', testId('open-worklist'));
    await phone.page.getByTestId('open-worklist').first().click();
    await phone.page.getByTestId('worklist').waitFor();
    await phone.page.waitForLoadState('networkidle');
    expect(phone.cspViolations, 'worklist').toEqual([]);
    await visit(phone, '/field/visit', testId('visit-household'));
    await phone.context.clearCookies();
    await signIn(phone.page, 'wangjuan');
    await visit(phone, '/my-needs', testId('my-needs-list'));
    // A need of her own with its timeline of replies.
    const mine = await (await apiAs('wangjuan'))<{ items: { id: string }[] }>('GET', '/needs?limit=1');
    await visit(phone, `/my-needs/${mine.items[0]!.id}`, testId('need-ref'));
    await visit(phone, '/my-needs/new', testId('report-need-description'));
  });

  it('lets the API docs (Swagger UI) run without a violation', async () => {
    await visit(desktop, '/api/docs', (page) => page.getByText('Sanshe API').first().waitFor());
    await desktop.page.locator('.opblock').first().waitFor();
  });
});
