import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settleAnimations } from './accessibility.ts';
import { apiAs, BASE_URL, screenshot, signedInPages, switchLanguage } from './browser.ts';
import { axe, checkBothLanguages, fits, stopAfterFailure } from './steps.ts';

/**
 * Story 6, the volunteer's part: 孙 (account sunli) reads his verified hours, his star and his
 * points on his phone, in Chinese and in English; he spends 150 points on a haircut at the
 * partner shop 巧手理发店, whose clerk (account lifa, no role) confirms it at the counter on her
 * phone; 孙 sees it confirmed; 周书记 verifies the hours 孙 claimed for his last Tuesday duty on
 * the session's roster, and they count in his verified hours.
 *
 * It spends 孙's points and verifies the demo's one waiting claim: no other browser test reads
 * either, so the file shares the server of the others. The steps build on each other: after a
 * failing one the rest are skipped, and every page opened so far is photographed.
 */
const signedIn = signedInPages();
const opened: Page[] = [];
async function as(username: string, phone: boolean) {
  const page = await signedIn(username, phone);
  opened.push(page);
  return page;
}

const HAIRCUT = '理发一次';
const SHOP = '巧手理发店';

interface VolunteerDetail {
  id: string;
  name: string;
  verifiedMinutes: number;
  stars: number;
  points: number;
  hours: { sessionId: string; minutes: number; status: 'claimed' | 'verified' | 'rejected' }[];
}

const walk = {
  /** 孙's phone, signed in from the first step on. */
  sun: undefined as Page | undefined,
  volunteerId: '',
  name: '',
  verifiedMinutes: 0,
  points: 0,
  offerId: '',
  redemptionId: '',
};

stopAfterFailure(opened, 'volunteers');

const sunPhone = () => walk.sun!;

async function mine(): Promise<VolunteerDetail> {
  const sunli = await apiAs('sunli');
  return (await sunli<{ volunteer: VolunteerDetail | null }>('GET', '/volunteers/me')).volunteer!;
}

/** A confirmation dialog of antd, answered with the button `okTestId` once it stopped moving. */
async function confirmWith(page: Page, okTestId: string) {
  const modal = page.locator('.ant-modal-confirm');
  await modal.waitFor();
  await settleAnimations(page);
  await modal.getByTestId(okTestId).click();
  await modal.waitFor({ state: 'detached' });
}

/** Opens an entry of the main menu, behind the menu button on a phone. */
async function fromMenu(page: Page, label: RegExp) {
  if ((page.viewportSize()?.width ?? 0) < 600) await page.getByTestId('menu-button').click();
  await page.getByTestId('main-menu').getByRole('menuitem').filter({ hasText: label }).click();
}

/** The three figures of 我的志愿服务 as the page holds them (minutes, stars, points) and as it shows them. */
async function figures(page: Page) {
  const read = async (id: string) => {
    const figure = page.getByTestId(id);
    return { value: Number(await figure.getAttribute('data-value')), text: (await figure.innerText()).trim() };
  };
  const starsBlock = page.getByTestId('volunteer-stars').locator('xpath=..');
  return { hours: await read('volunteer-hours'), stars: await read('volunteer-stars'), points: await read('volunteer-points'), starsText: (await starsBlock.innerText()).trim() };
}

describe('story 6: 孙 volunteers, spends points at the barber\'s and has his hours verified', () => {
  it('孙 opens 我的志愿服务 on his phone: about 120 verified hours, one star, his points, in Chinese and in English', async () => {
    const before = await mine();
    walk.volunteerId = before.id;
    walk.name = before.name;
    walk.verifiedMinutes = before.verifiedMinutes;
    walk.points = before.points;
    expect(before.verifiedMinutes / 60).toBeGreaterThanOrEqual(117);
    expect(before.verifiedMinutes / 60).toBeLessThanOrEqual(120);
    expect(before.stars).toBe(1);
    expect(before.points).toBeGreaterThan(150);

    const phone = await as('sunli', true);
    walk.sun = phone;
    await fromMenu(phone, /^志愿服务$/);
    await phone.waitForURL((url) => url.pathname === '/volunteer');
    await phone.getByTestId('volunteer-figures').waitFor();
    await phone.getByRole('heading', { level: 3, name: '我的志愿服务' }).waitFor();
    const zh = await figures(phone);
    expect(zh.hours.value).toBe(before.verifiedMinutes);
    expect(Number(zh.hours.text)).toBeCloseTo(before.verifiedMinutes / 60, 1);
    expect(zh.stars.value).toBe(1);
    expect(zh.starsText).toContain('1 星');
    expect(zh.points.value).toBe(before.points);
    expect(zh.points.text).toBe(String(before.points));
    // His claim of the last Tuesday duty waits for the community.
    await phone.locator('[data-testid="hours-item"][data-status="claimed"]').filter({ hasText: '邻里守望·为老服务值班' }).first().waitFor();
    await fits(phone, 'my volunteering zh-CN');
    await screenshot(phone, 'volunteers-switched-phone-zh');

    // The language switch, as 孙 would use it: the same figures, in English.
    await switchLanguage(phone, 'en');
    await phone.getByRole('heading', { level: 3, name: 'My volunteering' }).waitFor();
    const en = await figures(phone);
    expect([en.hours, en.stars.value, en.points]).toEqual([zh.hours, zh.stars.value, zh.points]);
    expect(en.starsText).toContain('1 star');
    await fits(phone, 'my volunteering en');
    await screenshot(phone, 'volunteers-switched-phone-en');
    await switchLanguage(phone, 'zh');
    await phone.getByRole('heading', { level: 3, name: '我的志愿服务' }).waitFor();

    // Each of his three pages: no serious axe finding and no sideways scroll, in both languages.
    await checkBothLanguages(phone, 'volunteer-figures', 'volunteers-mine');
    await phone.getByTestId('to-opportunities').click();
    await phone.locator('[data-testid^="opportunity-"]').first().waitFor();
    await checkBothLanguages(phone, 'opportunities-page', 'volunteers-opportunities');
    await phone.goto(`${BASE_URL}/volunteer`);
    await phone.getByTestId('to-redeem').click();
    await phone.getByTestId('points-balance').waitFor();
    await checkBothLanguages(phone, 'points-balance', 'volunteers-redeem');
  });

  it('孙 redeems 理发一次 at 巧手理发店: 150 points are held and the redemption waits for the shop', async () => {
    const phone = sunPhone();
    await phone.goto(`${BASE_URL}/volunteer/redeem`);
    const balance = phone.getByTestId('points-balance');
    await expect.poll(() => balance.getAttribute('data-value')).toBe(String(walk.points));
    const offer = phone.locator('li[data-testid^="offer-"]').filter({ hasText: HAIRCUT }).filter({ hasText: SHOP });
    // The offers are a read of their own: the balance may be drawn before them.
    await offer.first().waitFor();
    await expect(offer.count()).resolves.toBe(1);
    walk.offerId = (await offer.getAttribute('data-testid'))!.slice('offer-'.length);
    expect(await offer.getAttribute('data-points')).toBe('150');
    await offer.getByTestId(`redeem-${walk.offerId}`).click();
    await axe(phone, '.ant-modal-confirm');
    await screenshot(phone, 'volunteers-redeem-confirm-phone', false);
    await confirmWith(phone, `confirm-redeem-${walk.offerId}`);

    await expect.poll(() => balance.getAttribute('data-value')).toBe(String(walk.points - 150));
    const waiting = phone.locator('li[data-testid^="redemption-"][data-status="requested"]').filter({ hasText: HAIRCUT });
    await waiting.waitFor();
    await expect(waiting.count()).resolves.toBe(1);
    walk.redemptionId = (await waiting.getAttribute('data-testid'))!.slice('redemption-'.length);
    await phone.getByTestId('points-held').filter({ hasText: '150' }).waitFor();
    expect((await mine()).points).toBe(walk.points - 150);
    await fits(phone, 'redeem page after redeeming');
    await screenshot(phone, 'volunteers-redeemed-phone');
  });

  it('the clerk of 巧手理发店 opens 兑换核销 on her phone and confirms 孙\'s haircut', async () => {
    const clerk = await as('lifa', true);
    await fromMenu(clerk, /^兑换核销$/);
    await clerk.waitForURL((url) => url.pathname === '/time-bank/confirm');
    await clerk.getByTestId('time-bank-confirm-page').getByText(SHOP).first().waitFor();
    const row = clerk.getByTestId('confirm-waiting-list').getByTestId(`redemption-row-${walk.redemptionId}`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('requested');
    await expect(row.innerText()).resolves.toContain(HAIRCUT);
    await expect(row.innerText()).resolves.toContain(walk.name);
    await checkBothLanguages(clerk, 'confirm-waiting-list', 'volunteers-shop-confirm');

    await row.getByTestId(`confirm-${walk.redemptionId}`).click();
    await axe(clerk, '.ant-modal-confirm');
    await confirmWith(clerk, 'confirm-ok');
    await clerk.getByTestId('confirm-recent-list').locator(`[data-testid="redemption-row-${walk.redemptionId}"][data-status="confirmed"]`).waitFor();
    await clerk.getByTestId('confirm-waiting-list-empty').waitFor();
    await screenshot(clerk, 'volunteers-shop-confirmed-phone');
  });

  it('孙 reloads his redemptions and sees the haircut confirmed; the points stay spent', async () => {
    const phone = sunPhone();
    await phone.reload();
    await phone.locator(`li[data-testid="redemption-${walk.redemptionId}"][data-status="confirmed"]`).waitFor();
    await expect(phone.getByTestId(`cancel-redemption-${walk.redemptionId}`).count()).resolves.toBe(0);
    await expect.poll(() => phone.getByTestId('points-balance').getAttribute('data-value')).toBe(String(walk.points - 150));
    await screenshot(phone, 'volunteers-redemption-confirmed-phone');
  });

  it('周书记 verifies 孙\'s claimed duty hours on the session\'s roster; his verified hours grow by them', async () => {
    const zhou = await apiAs('zhou');
    const me = await zhou<{ assignments: { role: string; scopeId: string | null }[] }>('GET', '/me');
    const communityId = me.assignments.find((a) => a.role === 'community_admin')!.scopeId!;
    const list = await zhou<{ items: { id: string }[] }>('GET', `/volunteers?communityId=${communityId}`);
    expect(list.items.map((v) => v.id)).toContain(walk.volunteerId);
    const sun = await zhou<VolunteerDetail>('GET', `/volunteers/${walk.volunteerId}`);
    const claimed = sun.hours.filter((h) => h.status === 'claimed');
    expect(claimed).toHaveLength(1);
    const { sessionId, minutes } = claimed[0]!;

    const desk = await as('zhou', false);
    await desk.goto(`${BASE_URL}/activity-sessions/${sessionId}`);
    const card = desk.getByTestId('session-volunteers');
    await card.waitFor();
    const row = card.getByTestId(`session-volunteer-${walk.volunteerId}`);
    expect(await row.getAttribute('data-status')).toBe('claimed');
    await expect(row.innerText()).resolves.toContain(walk.name);
    // Only 孙's hours are open at this session: saving verifies them as claimed and nothing else.
    await expect(card.locator('[data-testid^="session-volunteer-"][data-status="claimed"], [data-testid^="session-volunteer-"][data-status="none"]').count()).resolves.toBe(1);
    await checkBothLanguages(desk, 'session-volunteers', 'volunteers-roster');

    // A rejection needs its reason, said under the reason's box before anything is sent; he
    // changes his mind and verifies them after all.
    const decision = card.getByTestId(`verify-decision-${walk.volunteerId}`);
    await decision.getByText('不通过', { exact: true }).click();
    expect(await decision.getByRole('radio', { name: '不通过', exact: true }).isChecked()).toBe(true);
    await card.getByTestId('verify-hours-save').click();
    const reason = card.getByTestId(`verify-reason-${walk.volunteerId}`);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const said = await reason.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(said).toBe('请填写不通过的原因');
    await expect(desk.locator('.ant-modal-confirm').count()).resolves.toBe(0);
    await decision.getByText('核实', { exact: true }).click();
    expect(await reason.count()).toBe(0);
    expect(await row.getAttribute('data-status')).toBe('claimed');

    await card.getByTestId('verify-hours-save').click();
    await axe(desk, '.ant-modal-confirm');
    await confirmWith(desk, 'verify-hours-confirm');
    await card.locator(`[data-testid="session-volunteer-${walk.volunteerId}"][data-status="verified"]`).waitFor();
    await expect(card.getByTestId('verify-hours-save').count()).resolves.toBe(0);
    await screenshot(desk, 'volunteers-roster-verified-desktop');

    const after = await mine();
    expect(after.verifiedMinutes).toBe(walk.verifiedMinutes + minutes);
    expect(after.hours.filter((h) => h.status === 'claimed')).toHaveLength(0);
    // Verified hours earn points too.
    expect(after.points).toBeGreaterThan(walk.points - 150);

    const phone = sunPhone();
    await phone.goto(`${BASE_URL}/volunteer`);
    const hours = phone.getByTestId('volunteer-hours');
    await expect.poll(() => hours.getAttribute('data-value')).toBe(String(walk.verifiedMinutes + minutes));
    expect(Number((await hours.innerText()).trim())).toBeCloseTo((walk.verifiedMinutes + minutes) / 60, 1);
    await phone.locator(`[data-testid="hours-item"][data-session="${sessionId}"][data-status="verified"]`).waitFor();
    await screenshot(phone, 'volunteers-hours-verified-phone');
  });
});
