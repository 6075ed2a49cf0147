import { describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, screenshot, signedInPages } from './browser.ts';
import { axe, checkBothLanguages, choose } from './steps.ts';

/**
 * Story 4, delivery that counts itself: 启航's project in delivery shows its indicators with
 * actuals counted from its activities; its administrator publishes a one-off activity starting
 * now; social worker Chen opens it on her phone and shows the sign-in code; 王娟 registers her
 * mother 王桂芳 on her phone, signs her in with the code and rates it; Chen's roster shows her
 * signed in, and Chen ticks someone in at last week's lunch and takes it back. 王娟 also rates
 * last week's lunch. The activity is this test's own (a title no one else uses); every new page
 * is axe-clean in both languages at both sizes.
 */
const as = signedInPages();
const PROJECT = '邻里守望·长者助餐（一期）';
const TITLE = `邻里茶话会 ${Date.now() % 100000}`;

interface Id { id: string }
let projectUrl = '';
let activityUrl = '';
let code = '';

/** The session of the lunch held in the last seven days (王桂芳 came and has not rated it in the demo). */
async function lastLunch(): Promise<{ activityId: string; sessionId: string; startsAt: string }> {
  const qihang = await apiAs('qihang');
  const projects = await qihang<{ items: (Id & { title: string })[] }>('GET', '/projects?limit=100');
  const project = projects.items.find((p) => p.title === PROJECT)!;
  const activities = await qihang<{ items: (Id & { title: string })[] }>('GET', `/activities?projectId=${project.id}`);
  const lunch = activities.items.find((a) => a.title === '长者助餐')!;
  const detail = await qihang<{ sessions: (Id & { startsAt: string })[] }>('GET', `/activities/${lunch.id}`);
  const now = Date.now();
  const session = detail.sessions.find((s) => Date.parse(s.startsAt) < now && Date.parse(s.startsAt) > now - 7 * 86_400_000)!;
  return { activityId: lunch.id, sessionId: session.id, startsAt: session.startsAt };
}

describe('delivery that counts itself', () => {
  it('the project in delivery shows its indicators against actuals counted from its activities', async () => {
    const page = await as('qihang', false);
    await page.goto(`${BASE_URL}/projects`);
    await page.getByRole('link', { name: PROJECT }).click();
    const card = page.getByTestId('delivery-card');
    await card.getByTestId('indicator').first().waitFor();
    projectUrl = new URL(page.url()).pathname;
    // Weeks of lunches and talks: every count has an actual, the rate one from the ratings.
    for (const measure of ['sessions_held', 'people_served', 'attendances', 'satisfaction_rate']) {
      const actual = await card.locator(`[data-testid="indicator"][data-measure="${measure}"]`).getAttribute('data-actual');
      expect(Number(actual), measure).toBeGreaterThan(0);
    }
    expect(await card.getByTestId('milestone').count()).toBe(2);
    await card.getByTestId('activity-row').filter({ hasText: '长者助餐' }).waitFor();
    await card.getByTestId('activity-row').filter({ hasText: '健康讲座' }).waitFor();
    await checkBothLanguages(page, 'delivery-card', 'delivery-project');
    const phone = await as('qihang', true);
    await phone.goto(`${BASE_URL}${projectUrl}`);
    await checkBothLanguages(phone, 'indicator', 'delivery-project');
  });

  it('启航\'s administrator publishes a one-off activity starting now, staffed by Chen', async () => {
    const page = await as('qihang', false);
    await page.goto(`${BASE_URL}${projectUrl}`);
    await page.getByTestId('publish-activity').click();
    const modal = page.locator('.ant-modal');
    await modal.getByTestId('activity-title-input').fill(TITLE);
    await modal.getByTestId('activity-venue').fill('J社区党群服务中心一楼活动室');
    const chen = await apiAs('chen');
    const me = await chen<{ user: { id: string }; assignments: { scopeId: string }[] }>('GET', '/me');
    const staff = await chen<{ items: { name: string; userId: string | null }[] }>('GET', `/social-workers?organizationId=${me.assignments[0]!.scopeId}&status=active&limit=200`);
    await choose(page, page.getByTestId('activity-staff'), staff.items.find((s) => s.userId === me.user.id)!.name);
    await axe(page, '.ant-modal');
    await screenshot(page, 'delivery-publish-form', false);
    await modal.getByTestId('activity-publish-ok').click();
    await page.getByTestId('activity-page').waitFor();
    await expect(page.getByTestId('activity-title').textContent()).resolves.toBe(TITLE);
    activityUrl = new URL(page.url()).pathname;
    // The organizer may sign people in too: the code of the session at hand is shown to them.
    await expect(page.getByTestId('checkin-code').textContent()).resolves.toMatch(/^\d{6}$/);
    await checkBothLanguages(page, 'activity-page', 'delivery-activity');
    await page.goto(`${BASE_URL}/activities`);
    await page.getByTestId('activity-row').filter({ hasText: TITLE }).waitFor();
    await checkBothLanguages(page, 'activity-list', 'delivery-activities');
  });

  it('Chen opens it from her home on her phone and shows the sign-in code', async () => {
    const page = await as('chen', true);
    await page.goto(`${BASE_URL}/`);
    const home = page.getByTestId('home-sessions');
    await home.getByTestId('home-session').filter({ hasText: TITLE }).waitFor();
    await axe(page, '[data-testid="workbench"]');
    await screenshot(page, 'delivery-home-chen-phone');
    await home.getByTestId('home-session').filter({ hasText: TITLE }).click();
    await page.getByTestId('current-session').waitFor();
    code = (await page.getByTestId('checkin-code').textContent())!;
    expect(code).toMatch(/^\d{6}$/);
    expect(new URL(page.url()).pathname).toBe(activityUrl);
    await checkBothLanguages(page, 'checkin-code', 'delivery-activity');
    await page.goto(`${BASE_URL}/activities`);
    await page.getByTestId('activity-row').filter({ hasText: TITLE }).waitFor();
    await checkBothLanguages(page, 'activity-list', 'delivery-activities');
  });

  it('王娟 registers her mother on her phone, signs her in with the code and rates the session', async () => {
    const page = await as('wangjuan', true);
    await page.goto(`${BASE_URL}/my-household`);
    await page.getByTestId('household-activities').click();
    await page.getByTestId('my-activities').waitFor();
    const session = page.locator(`[data-testid="my-session"][data-title="${TITLE}"]`);
    const mother = session.locator('[data-testid="member-session"][data-member="王桂芳"]');
    await mother.getByTestId('register').click();
    await mother.getByTestId('member-registered').waitFor();
    await mother.getByTestId('start-check-in').click();
    await axe(page);
    await mother.getByTestId('code-input').fill(code);
    await mother.getByTestId('code-submit').click();
    await mother.getByTestId('member-attended').waitFor();
    await screenshot(page, 'delivery-resident-signed-in');
    // Having come, she may rate it: the session waits at the top of the page until she does.
    const rate = page.locator(`[data-testid="rate-session"][data-title="${TITLE}"]`).locator('[data-testid="member-rating"][data-member="王桂芳"]');
    await rate.getByTestId('stars-5').click();
    await rate.getByTestId('rating-comment').fill('茶点很好，邻居们聊得开心');
    await axe(page);
    await rate.getByTestId('rating-submit').click();
    await page.locator(`[data-testid="rate-session"][data-title="${TITLE}"]`).waitFor({ state: 'detached' });
    await checkBothLanguages(page, 'my-activities', 'delivery-my-activities');
  });

  it('王娟 rates last week\'s lunch for her mother, who came and had not rated it', async () => {
    const { startsAt } = await lastLunch();
    const page = await as('wangjuan', true);
    await page.goto(`${BASE_URL}/my-activities`);
    const lunch = page.locator(`[data-testid="rate-session"][data-title="长者助餐"][data-starts="${startsAt}"]`);
    await lunch.getByTestId('stars-4').click();
    await lunch.getByTestId('rating-submit').click();
    await lunch.waitFor({ state: 'detached' });
    const wangjuan = await apiAs('wangjuan');
    const mine = await wangjuan<{ attended: { startsAt: string; title: string; members: { rated: boolean }[] }[] }>('GET', '/my/activities');
    expect(mine.attended.find((s) => s.title === '长者助餐' && s.startsAt === startsAt)!.members.every((m) => m.rated)).toBe(true);
    const desktop = await as('wangjuan', false);
    await desktop.goto(`${BASE_URL}/my-activities`);
    await checkBothLanguages(desktop, 'my-activities', 'delivery-my-activities');
  });

  it('Chen\'s roster shows 王桂芳 signed in with the code; at last week\'s lunch she ticks someone in and takes it back', async () => {
    const page = await as('chen', true);
    await page.goto(`${BASE_URL}${activityUrl}`);
    await page.getByTestId('open-roster').click();
    await page.getByTestId('roster-page').waitFor();
    const entry = page.getByTestId('roster-entry').filter({ hasText: '王桂芳' });
    await expect(entry.getAttribute('data-attended')).resolves.toBe('true');
    // She rated it: the sign-in stays.
    await expect(entry.getByTestId('roster-undo').isDisabled()).resolves.toBe(true);
    await checkBothLanguages(page, 'roster-list', 'delivery-roster');

    const { sessionId } = await lastLunch();
    await page.goto(`${BASE_URL}/activity-sessions/${sessionId}`);
    const absent = page.locator('[data-testid="roster-entry"][data-attended="false"]').first();
    await absent.waitFor();
    const name = (await absent.getAttribute('data-name'))!;
    const counts = page.getByTestId('roster-counts');
    const before = Number(await counts.getAttribute('data-attended'));
    // The name filter narrows the list to the person at the door.
    await page.getByTestId('roster-search').fill(name);
    const row = page.locator(`[data-testid="roster-entry"][data-name="${name}"]`).first();
    await row.getByTestId('roster-sign').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="roster-counts"]')?.getAttribute('data-attended') === String(n), before + 1);
    await expect(row.getAttribute('data-attended')).resolves.toBe('true');
    const box = await row.getByTestId('roster-undo').boundingBox();
    // A thumb-sized target.
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'delivery-roster-ticked-phone');
    await row.getByTestId('roster-undo').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="roster-counts"]')?.getAttribute('data-attended') === String(n), before);
    await expect(row.getAttribute('data-attended')).resolves.toBe('false');
    await axe(page);

    const desktop = await as('chen', false);
    await desktop.goto(`${BASE_URL}/activity-sessions/${sessionId}`);
    await checkBothLanguages(desktop, 'roster-list', 'delivery-roster');
    await desktop.goto(`${BASE_URL}${activityUrl}`);
    await checkBothLanguages(desktop, 'session-list', 'delivery-activity');
  });
});
