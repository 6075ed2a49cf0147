import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, horizontalOverflow, openBrowser, screenshot, signIn, type Session } from './browser.ts';

/**
 * Large text and high contrast (remembered per user on the server), and the pages residents and
 * grid workers use at 200 % zoom: nothing cut off, nothing scrolling sideways.
 */
interface Page1<T> { items: T[] }
interface WithId { id: string }

const RESIDENT = 'wangjuan';
const GRID_WORKER = 'limin';

async function setLargeText(username: string, largeText: boolean) {
  await (await apiAs(username))('PATCH', '/me/preferences', { largeText });
}

/** The font size of the page's ordinary text, in CSS pixels. */
async function baseFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app-root')!).fontSize));
}

/** The header's controls whose right edge or middle is hidden (off screen or under an overflow). */
async function clippedHeaderControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = ['menu-button', 'large-text-switch', 'lang-switch', 'sign-out'];
    const problems: string[] = [];
    for (const id of ids) {
      const el = [...document.querySelectorAll<HTMLElement>(`header [data-testid="${id}"]`)][0];
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > window.innerWidth || r.width === 0) {
        problems.push(`${id}: ${Math.round(r.left)}–${Math.round(r.right)} of ${window.innerWidth}`);
        continue;
      }
      // The element must be what is drawn at its middle and near its right edge.
      for (const x of [r.left + r.width / 2, r.right - 3]) {
        const hit = document.elementFromPoint(x, r.top + r.height / 2);
        if (!hit || !el.contains(hit)) problems.push(`${id}: hidden at x=${Math.round(x)}`);
      }
    }
    return problems;
  });
}

let ownGrid: string;
let ownNeed: string;

beforeAll(async () => {
  ownGrid = (await (await apiAs(GRID_WORKER))<Page1<WithId>>('GET', '/grids?limit=1')).items[0]!.id;
  ownNeed = (await (await apiAs(RESIDENT))<Page1<WithId>>('GET', '/needs?limit=1')).items[0]!.id;
});

// The demo users go back to standard text for the other browser tests.
afterAll(async () => {
  await setLargeText(RESIDENT, false);
  await setLargeText(GRID_WORKER, false);
});

describe('the large-text switch', () => {
  it('makes text larger, is kept for the user across sign-ins and devices, and turns off again', async () => {
    await setLargeText(RESIDENT, false);
    const desktop = await openBrowser({ width: 1366, height: 900 });
    let phone: Session | undefined;
    try {
      const { page } = desktop;
      await signIn(page, RESIDENT);
      await page.goto(`${BASE_URL}/my-needs`);
      const toggle = page.getByTestId('large-text-switch');
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
      expect(await baseFontSize(page)).toBe(14);
      await screenshot(page, 'large-text-off-desktop-zh');

      await toggle.click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.largeText)).toBe('true');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await baseFontSize(page)).toBeGreaterThanOrEqual(20);
      await page.waitForLoadState('networkidle');
      expect(await seriousAxeFindings(page, 'body')).toEqual([]);
      await screenshot(page, 'large-text-on-desktop-zh');

      // Signed out, the sign-in page is standard; signed in again, the user's setting is back.
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.largeText)).toBe('false');
      await signIn(page, RESIDENT);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.largeText)).toBe('true');

      // Another device.
      phone = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
      await signIn(phone.page, RESIDENT);
      await expect.poll(() => phone!.page.evaluate(() => document.documentElement.dataset.largeText)).toBe('true');
      expect(await baseFontSize(phone.page)).toBeGreaterThanOrEqual(20);
      await phone.page.getByTestId('large-text-switch').click();
      await expect.poll(() => phone!.page.evaluate(() => document.documentElement.dataset.largeText)).toBe('false');
      await expect.poll(async () => (await (await apiAs(RESIDENT))<{ largeText: boolean }>('GET', '/me/preferences')).largeText).toBe(false);
    } finally {
      await phone?.close();
      await desktop.close();
    }
  });
});

/** 200 % zoom of a 1366×900 window lays pages out in 683×450 CSS pixels; the phone is 390×844. */
const VIEWS = [
  { name: 'zoom200', viewport: { width: 683, height: 450 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

const PAGES: { user: string; url: () => string }[] = [
  { user: RESIDENT, url: () => '/my-household' },
  { user: RESIDENT, url: () => '/my-needs' },
  { user: RESIDENT, url: () => '/my-needs/new' },
  { user: RESIDENT, url: () => `/my-needs/${ownNeed}` },
  { user: GRID_WORKER, url: () => '/field' },
  { user: GRID_WORKER, url: () => `/field/grids/${ownGrid}` },
  { user: GRID_WORKER, url: () => `/field/visit?gridId=${ownGrid}` },
];

describe('resident and grid-worker pages at 200 % zoom and on a phone, standard and large text', () => {
  for (const view of VIEWS) {
    for (const largeText of [false, true]) {
      it(`fit ${view.name} (${view.viewport.width}×${view.viewport.height})${largeText ? ' in large text' : ''}, in zh-CN and en`, async () => {
        const problems: string[] = [];
        for (const user of [RESIDENT, GRID_WORKER]) {
          await setLargeText(user, largeText);
          const s = await openBrowser(view.viewport, { isMobile: view.isMobile });
          try {
            await signIn(s.page, user);
            for (const language of ['zh-CN', 'en'] as const) {
              await s.context.addCookies([{ name: 'sanshe_lang', value: language, url: BASE_URL }]);
              for (const p of PAGES.filter((x) => x.user === user)) {
                const url = p.url();
                await s.page.goto(`${BASE_URL}${url}`);
                await s.page.waitForLoadState('networkidle');
                await s.page.getByTestId('large-text-switch').waitFor();
                expect(await s.page.evaluate(() => document.documentElement.dataset.largeText)).toBe(String(largeText));
                const overflow = await horizontalOverflow(s.page);
                if (overflow > 0) problems.push(`${url} ${language}: ${overflow} px sideways`);
                for (const c of await clippedHeaderControls(s.page)) problems.push(`${url} ${language}: ${c}`);
                const slug = url.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, 'id').replace(/\W+/g, '-');
                await screenshot(s.page, `fit-${view.name}-${largeText ? 'large' : 'standard'}-${language}${slug}`, false);
              }
            }
          } finally {
            await s.close();
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
