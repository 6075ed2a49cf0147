import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, horizontalOverflow, screenshot, signedInPages, switchLanguage } from './browser.ts';

interface Item { id: string; code?: string; name?: string; refNo?: string; householdId?: string | null; visitId?: string | null; handlerName?: string | null }
interface PageOf<T> { items: T[] }

const SIZES = [
  { phone: false, size: 'desktop' },
  { phone: true, size: 'phone' },
] as const;

/** How far an element's right edge lies beyond the viewport or the card holding it (≤ 0: in view without scrolling sideways). */
async function cutOff(page: Page, selector: string, card: string): Promise<number> {
  const right = await page.locator(card).evaluate((el) => Math.min(window.innerWidth, el.getBoundingClientRect().right));
  return page.locator(selector).first().evaluate((el, limit) => Math.ceil(el.getBoundingClientRect().right - limit), right);
}

describe('the pages each person works in', () => {
  const as = signedInPages();

  for (const { phone, size } of SIZES) {
    it(`the needs board keeps the due column in view and names the handler (${size}, both languages)`, async () => {
      const page = await as('zhou', phone);
      await page.goto(`${BASE_URL}/needs`);
      for (const lang of ['zh', 'en'] as const) {
        await switchLanguage(page, lang);
        await page.locator('[data-testid="board-list"] tr[data-ref]').first().waitFor();
        await screenshot(page, `board-${size}-${lang}`);
        expect(await page.getByTestId('board-loading').count()).toBe(0);
        expect(await cutOff(page, '[data-testid="board-list"] tr[data-ref] [data-testid="due-time"]', '[data-testid="board-list"]')).toBeLessThanOrEqual(0);
        if (!phone) expect(await page.getByTestId('board-handler').count()).toBeGreaterThan(0);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      await switchLanguage(page, 'zh');
    });

    it(`a need found on a visit says who, where and who handles it (${size}, both languages)`, async () => {
      const zhou = await apiAs('zhou');
      // The demo's history is drawn for the day: take a need from a visit that someone handles, whatever its state today.
      const needs = await zhou<PageOf<Item>>('GET', '/needs?source=visit&limit=200');
      const need = needs.items.find((n) => n.householdId && n.visitId && n.handlerName)!;
      const page = await as('zhou', phone);
      await page.goto(`${BASE_URL}/needs/${need.id}`);
      for (const lang of ['zh', 'en'] as const) {
        await switchLanguage(page, lang);
        await page.getByTestId('need-person').waitFor();
        await page.getByTestId('need-address').waitFor();
        await page.getByTestId('need-grid').waitFor();
        expect((await page.getByTestId('need-handler').textContent())?.trim()).not.toBe('');
        if (need.visitId) await page.getByTestId('need-visit').waitFor();
        await screenshot(page, `need-header-${size}-${lang}`);
        expect(await seriousAxeFindings(page, '[data-testid="need-subject"]')).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      await switchLanguage(page, 'zh');
    });

    it(`a grid lists each household's head and care tags; a household its visits and needs over time (${size})`, async () => {
      const zhou = await apiAs('zhou');
      const communities = await zhou<PageOf<Item>>('GET', '/communities?limit=200');
      const j = communities.items.find((c) => c.code === 'JB-TS-J')!;
      const grids = await zhou<PageOf<Item>>('GET', `/grids?communityId=${j.id}&limit=200`);
      const grid3 = grids.items.find((g) => g.code!.endsWith('G03'))!;
      const page = await as('limin', phone);
      await page.goto(`${BASE_URL}/territory/grids/${grid3.id}`);
      for (const lang of ['zh', 'en'] as const) {
        await switchLanguage(page, lang);
        await page.getByTestId('household-head').first().waitFor();
        // The rows no longer repeat the city, district, street and community.
        expect(await page.getByTestId('household-row-address').first().textContent()).not.toContain('南京市');
        await screenshot(page, `grid-households-${size}-${lang}`);
        expect(await seriousAxeFindings(page, '[data-testid="household-list"]')).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      // A household that has been visited shows the visit on its history.
      const visits = await zhou<PageOf<Item>>('GET', `/visits?gridId=${grid3.id}&limit=1`);
      await page.goto(`${BASE_URL}/territory/households/${visits.items[0]!.householdId}`);
      await page.getByTestId('history-visit').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `household-history-${size}-en`);
      await switchLanguage(page, 'zh');
      await screenshot(page, `household-history-${size}-zh`);
    });

    it(`a grid worker finds a resident by name in their grids, and a miss does not blame the area (${size}, both languages)`, async () => {
      const page = await as('limin', phone);
      await page.goto(`${BASE_URL}/households?by=name`);
      for (const lang of ['zh', 'en'] as const) {
        await switchLanguage(page, lang);
        const input = page.getByTestId('resident-search').locator('input');
        await input.fill('王');
        await input.press('Enter');
        await page.getByTestId('resident-item').first().waitFor();
        await screenshot(page, `name-search-${size}-${lang}`);
        expect(await seriousAxeFindings(page, '[data-testid="resident-list"]')).toEqual([]);
        await input.fill('邬邬邬');
        await input.press('Enter');
        const miss = page.getByTestId('resident-no-match');
        await miss.waitFor();
        const text = (await miss.textContent()) ?? '';
        expect(text).not.toMatch(/范围|辖区|area|scope/i);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      await switchLanguage(page, 'zh');
    });
  }

  it('a resident reads what happens next, who handles it and whom to call, on a phone in both languages', async () => {
    const page = await as('wangjuan', true);
    await page.goto(`${BASE_URL}/my-needs`);
    await page.getByTestId('my-need-row').first().click();
    await page.waitForURL(/\/my-needs\/[0-9a-f-]+$/);
    for (const lang of ['zh', 'en'] as const) {
      await switchLanguage(page, lang);
      await page.getByTestId('resident-words').first().waitFor();
      await page.getByTestId('service-phone').waitFor();
      expect(await page.getByTestId('service-phone').getAttribute('href')).toMatch(/^tel:\d+$/);
      await screenshot(page, `resident-need-phone-${lang}`);
      expect(await seriousAxeFindings(page, '[data-testid="need-next"]')).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }
    await switchLanguage(page, 'zh');
  });
});
