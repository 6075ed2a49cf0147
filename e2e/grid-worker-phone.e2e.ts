import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, horizontalOverflow, openBrowser, screenshot, type Session, signIn, switchLanguage } from './browser.ts';

interface Unit { id: string; code: string; name: string }
interface Household { id: string; address: string; gridId: string }
interface Page<T> { items: T[] }

/** The part of an address after the community name: what a grid worker would type. */
function searchFragment(address: string): string {
  const i = address.indexOf('社区');
  return i >= 0 ? address.slice(i + 2) : address.slice(-8);
}

describe('grid worker limin on a phone', () => {
  let s: Session;
  let own: Household;
  let other: Household;

  beforeAll(async () => {
    // The community admin knows the whole community: pick a household of grid 3 and one of another grid.
    const zhou = await apiAs('zhou');
    const communities = await zhou<Page<Unit>>('GET', '/communities?limit=200');
    const j = communities.items.find((c) => c.code === 'JB-TS-J')!;
    const grids = await zhou<Page<Unit>>('GET', `/grids?communityId=${j.id}&limit=200`);
    const grid3 = grids.items.find((g) => g.code.endsWith('G03'))!;
    const grid1 = grids.items.find((g) => g.id !== grid3.id)!;
    own = (await zhou<Page<Household>>('GET', `/households?gridId=${grid3.id}&limit=5`)).items[2]!;
    other = (await zhou<Page<Household>>('GET', `/households?gridId=${grid1.id}&limit=5`)).items[0]!;
    s = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('finds a household of grid 3 by address and edits a resident', async () => {
    const { page } = s;
    await signIn(page, 'limin');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-zh-home');

    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: '住户查询' }).click();
    await page.getByTestId('household-search').locator('input').fill(searchFragment(own.address));
    await page.getByTestId('household-search').locator('input').press('Enter');
    const hit = page.getByTestId('household-item').filter({ hasText: own.address });
    await hit.first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-zh-search');
    await hit.first().click();
    await page.waitForURL(new RegExp(`/territory/households/${own.id}$`));
    await page.getByTestId('member-item').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-zh-household');

    await page.getByTestId('member-item').first().click();
    await page.waitForURL(/\/territory\/residents\//);
    await page.getByTestId('edit-resident').click();
    const last4 = String(1000 + (Date.now() % 9000));
    await page.getByTestId('resident-phone').fill(`1380000${last4}`);
    await screenshot(page, 'phone-zh-edit-resident');
    await page.getByTestId('resident-save').click();
    await page.getByTestId('resident-phone-masked').filter({ hasText: `138****${last4}` }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-zh-resident');

    await switchLanguage(page, 'en');
    await page.getByText('Birth date', { exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-en-resident');
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: 'Find a household' }).waitFor();
    await screenshot(page, 'phone-en-menu');
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'zh');
    await page.getByText('出生日期', { exact: true }).waitFor();
  });

  it('cannot find or open a household of another grid', async () => {
    const { page } = s;
    await page.goto(`${BASE_URL}/households`);
    await page.getByTestId('household-search').locator('input').fill(other.address);
    await page.getByTestId('household-search').locator('input').press('Enter');
    await page.getByText('没有找到匹配的住户').waitFor();
    expect(await page.getByTestId('household-item').count()).toBe(0);

    await page.goto(`${BASE_URL}/territory/households/${other.id}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('household-address-title').count()).toBe(0);
    expect(await page.content()).not.toContain(other.address);
    await screenshot(page, 'phone-zh-not-found');
  });
});
