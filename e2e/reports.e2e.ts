import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, ARTIFACTS, BASE_URL, screenshot, signedInPages } from './browser.ts';
import { checkBothLanguages, inLanguage } from './steps.ts';

/**
 * Issue 9 on screen: 启航's administrator submits a progress report for the project it delivers
 * from a phone — a narrative, a reason for an indicator short of its target, a photo as
 * evidence, and no figure to type; the street office that funds the project reads it with the
 * figures counted at submission and downloads the photo; 启航's profile shows its track record
 * and funding mix. Every new screen is axe-clean in both languages.
 */
const as = signedInPages();
const PROJECT = '邻里守望·长者助餐（一期）';
const PHOTO = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'photo.png');
const NARRATIVE = `本期长者助餐每周开展，王桂芳等长者反映饭菜合口。${Date.now() % 100000}`;

interface Id { id: string }
let projectId = '';
let organizationId = '';

describe('progress reports and track records', () => {
  it('启航\'s administrator submits a report with a photo on a phone, with no figure to type', async () => {
    const qihang = await apiAs('qihang');
    const projects = await qihang<{ items: (Id & { title: string; contractorOrganizationId?: string | null })[] }>('GET', '/projects?limit=100');
    projectId = projects.items.find((p) => p.title === PROJECT)!.id;
    const page = await as('qihang', true);
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    const card = page.getByTestId('reports-card');
    await card.getByTestId('report-new').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('report-narrative-input').waitFor();
    // The form asks for words and files only: no number can be typed into a report.
    expect(await modal.locator('input[type=number], .ant-input-number').count()).toBe(0);
    await modal.getByTestId('report-narrative-input').fill(NARRATIVE);
    const gaps = modal.locator('[data-testid^="report-gap-"]');
    const explained = (await gaps.count()) > 0 ? ((await gaps.first().getAttribute('data-testid'))!.replace('report-gap-', '')) : null;
    if (explained) await gaps.first().fill('部分长者冬季行动不便，改为送餐上门后将逐步补上。');
    await modal.locator('input[type=file]').setInputFiles(PHOTO);
    await modal.locator('.ant-upload-list-item').filter({ hasText: 'photo.png' }).waitFor();
    expect(await seriousAxeFindings(page, '.ant-modal')).toEqual([]);
    await screenshot(page, 'reports-form-phone-zh-CN', false);
    await page.getByTestId('report-save').click();
    const report = card.getByTestId('report').filter({ hasText: NARRATIVE });
    await report.getByTestId('evidence').first().waitFor();
    expect(await report.getByTestId('evidence-link').first().textContent()).toBe('photo.png');
    if (explained) expect(await report.locator(`[data-testid="report-indicator"][data-measure="${explained}"] [data-testid="report-gap"]`).count()).toBe(1);
    // The figures were counted at submission: the weeks of lunches show in the period's sessions.
    expect(Number(await report.locator('[data-fact="sessionsHeld"]').getAttribute('data-period'))).toBeGreaterThanOrEqual(0);
    // The latest report takes more evidence; the administrator is offered it there.
    await report.getByTestId('evidence-add').waitFor();
    await checkBothLanguages(page, 'report', 'reports-project');
    // The card alone, at a phone's width, to look at closely.
    await card.screenshot({ path: path.join(ARTIFACTS, 'reports-card-phone-zh-CN.png') });
    // The form in English on a desktop: axe-clean too; closed without sending.
    const desktop = await as('qihang', false);
    await desktop.goto(`${BASE_URL}/projects/${projectId}`);
    await inLanguage(desktop, 'en');
    await desktop.getByTestId('report-new').click();
    const form = desktop.locator('.ant-modal:visible');
    await form.getByTestId('report-narrative-input').waitFor();
    expect(await seriousAxeFindings(desktop, '.ant-modal')).toEqual([]);
    await screenshot(desktop, 'reports-form-desktop-en', false);
    await desktop.keyboard.press('Escape');
  });

  it('the street office that funds it reads the report and downloads the photo', async () => {
    const page = await as('tsjd', false);
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    const card = page.getByTestId('reports-card');
    const report = card.getByTestId('report').filter({ hasText: NARRATIVE });
    await report.waitFor();
    // A reader, not the contractor: neither a new report nor more evidence is offered.
    expect(await card.getByTestId('report-new').count()).toBe(0);
    expect(await report.getByTestId('evidence-add').count()).toBe(0);
    const link = report.getByTestId('evidence-link').first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('photo.png');
    const res = await page.context().request.get(`${BASE_URL}${await link.getAttribute('href')}`);
    expect([res.status(), res.headers()['content-type'], res.headers()['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff']);
    await checkBothLanguages(page, 'report', 'reports-project-funder');
  });

  it('启航\'s profile shows its track record and funding mix', async () => {
    const tsjd = await apiAs('tsjd');
    const contract = await tsjd<{ contract: { organizationId: string } | null }>('GET', `/projects/${projectId}/contract`);
    organizationId = contract.contract!.organizationId;
    for (const phone of [false, true]) {
      const page = await as('tsjd', phone);
      await page.goto(`${BASE_URL}/organizations/${organizationId}`);
      const record = page.getByTestId('track-record');
      await record.waitFor();
      expect(Number(await record.getByTestId('track-won').locator('.ant-statistic-content-value').textContent())).toBeGreaterThanOrEqual(1);
      expect(await record.getByTestId('track-project').filter({ hasText: PROJECT }).count()).toBe(1);
      expect(await record.getByTestId('track-government-share').textContent()).toMatch(/^\d+(\.\d)?%$/);
      // The foundation's co-funding of the project in delivery is a source of its own.
      await expect(record.getByTestId('track-funding').textContent()).resolves.toContain('基金会');
      const concentration = Number(await record.getByTestId('track-concentration').textContent());
      expect(concentration > 0.5 && concentration < 1, String(concentration)).toBe(true);
      await checkBothLanguages(page, 'track-record', 'reports-organization');
    }
  });
});
