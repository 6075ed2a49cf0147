import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, horizontalOverflow, screenshot, signedInPages } from './browser.ts';
import type { NeedMap } from '../src/server/modules/needs/needs.schemas.ts';

/**
 * The board map at scale: run.mjs starts the server with MAP_POINTS_MAX=40, under the open
 * needs of J社区 (about 90) and above those of any one of its grids, so the community's map
 * answers per-grid counts and a chosen grid answers its points.
 */
const MAP_CARD = '[data-testid="board-map-card"]';
const as = signedInPages();

async function gridButtons(page: Page) {
  const buttons = page.getByTestId('map-grid');
  await buttons.first().waitFor();
  const all = await buttons.all();
  return Promise.all(all.map(async (b) => ({ gridId: (await b.getAttribute('data-grid-id'))!, count: Number(await b.getAttribute('data-count')) })));
}

describe('board map with many needs', () => {
  it('shows counts per grid, and a chosen grid its needs, on a desktop', async () => {
    const zhou = await apiAs('zhou');
    const whole = await zhou<NeedMap>('GET', '/needs/map');
    expect(whole.mode).toBe('grids');
    const page = await as('zhou', false);
    await page.goto(`${BASE_URL}/needs`);
    const map = page.getByTestId('board-map');
    await page.locator('[data-testid="board-map"][data-mode="grids"]').waitFor();
    const shown = await gridButtons(page);
    expect(shown).toEqual(whole.mode === 'grids' ? whole.grids.map((g) => ({ gridId: g.gridId, count: g.count })) : []);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.reduce((s, g) => s + g.count, 0)).toBe(whole.total);
    expect(Number(await map.getAttribute('data-grids'))).toBe(shown.length);
    expect(await seriousAxeFindings(page, MAP_CARD)).toEqual([]);
    await screenshot(page, 'board-map-grids');

    // By keyboard: the first grid's button, then Enter.
    const first = shown[0]!;
    await page.locator(`[data-testid="map-grid"][data-grid-id="${first.gridId}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('gridId') === first.gridId);
    await page.locator(`[data-testid="board-map"][data-mode="points"][data-points="${first.count}"]`).waitFor();
    expect(await page.getByTestId('map-grid').count()).toBe(0);
    expect(await seriousAxeFindings(page, MAP_CARD)).toEqual([]);
    await screenshot(page, 'board-map-grid-points');

    await page.getByTestId('map-whole-view').click();
    await page.locator('[data-testid="board-map"][data-mode="grids"]').waitFor();
    expect(new URL(page.url()).searchParams.get('gridId')).toBeNull();
  });

  it('fits a phone, counts and drill-down included', async () => {
    const page = await as('zhou', true);
    await page.goto(`${BASE_URL}/needs`);
    await page.getByTestId('toggle-map').click();
    await page.locator('[data-testid="board-map"][data-mode="grids"]').waitFor();
    const shown = await gridButtons(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeFindings(page, MAP_CARD)).toEqual([]);
    await screenshot(page, 'board-map-grids-phone');
    const last = shown[shown.length - 1]!;
    await page.locator(`[data-testid="map-grid"][data-grid-id="${last.gridId}"]`).click();
    await page.locator(`[data-testid="board-map"][data-mode="points"][data-points="${last.count}"]`).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
