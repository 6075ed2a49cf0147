import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keepImages, renderPdf } from '../src/server/platform/pdf/render.testing.ts';
import { apiAs, BASE_URL, screenshot, signedInPages } from './browser.ts';
import { axe, checkBothLanguages, confirmModal, fits } from './steps.ts';

/**
 * Story 4's mid-term: the street (tsjd) assigns 明鉴评估中心's evaluator (pinggu) to 启航's
 * project in delivery; he finds it on his home, starts the mid-term, saves a draft, scores 78
 * (合格) and hands it in with one rectification and a deadline; 启航 (qihang) reports the
 * rectification on the project page; the evaluator re-checks it as passed, and the street
 * releases the second tranche that waited for the mid-term. The new pages are axe-clean in
 * both languages on a desktop and a phone.
 *
 * The mid-term happens once to a project, so this file walks it once per demo server (the
 * runner starts a fresh one): it assigns the evaluator itself and takes nothing from other files.
 */
const as = signedInPages();
const PROJECT = '邻里守望·长者助餐（一期）';
const RECTIFICATION = '登记饮食禁忌';
const ANSWER = '已为全部 52 位长者登记饮食禁忌，配餐前逐一核对。';

/** 78 points: every level-3 indicator of the default template, within its maximum, some in halves. */
const SCORES: Record<string, string> = {
  'management.plan.schedule': '6.5', 'management.plan.records': '4', 'management.team.staffing': '5', 'management.team.supervision': '4',
  'outputs.volume.sessions': '8', 'outputs.volume.people': '8.5', 'outputs.reach.beneficiaries': '7', 'outcomes.goals.met': '11',
  'outcomes.satisfaction.residents': '8', 'outcomes.satisfaction.community': '4', 'finance.use.budget': '8', 'finance.use.vouchers': '4',
};
const DRAFT = ['management.plan.schedule', 'management.plan.records', 'management.team.staffing'];

/** A deadline a month ahead, as the day in Beijing the server reckons in. */
const deadline = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

let projectId = '';

async function openProject(page: Page) {
  await page.goto(`${BASE_URL}/projects/${projectId}`);
  await page.getByTestId('project-page').waitFor();
  await page.waitForLoadState('networkidle');
}

const stageIs = (page: Page, stage: string) => page.locator(`[data-testid="evaluation-stage"][data-stage="${stage}"]`).waitFor();
const midterm = (scope: Page | Locator) => scope.locator('[data-testid="evaluation-item"][data-kind="midterm"]');

async function score(page: Page, ids: string[]) {
  for (const id of ids) {
    const input = page.getByTestId(`evaluation-points-${id}`);
    await input.fill(SCORES[id]!);
    await input.blur();
  }
}

beforeAll(async () => {
  const tsjd = await apiAs('tsjd');
  const projects = await tsjd<{ items: { id: string; title: string }[] }>('GET', '/projects?limit=100');
  projectId = projects.items.find((p) => p.title === PROJECT)!.id;
});

describe('the mid-term evaluation of 启航\'s project', () => {
  it('the street officer assigns the third-party evaluator on the project page', async () => {
    const page = await as('tsjd', false);
    await openProject(page);
    const card = page.getByTestId('evaluation-card');
    await card.getByTestId('evaluation-evaluator').filter({ hasText: '尚未指派' }).waitFor();
    await checkBothLanguages(page, 'evaluation-assign-select', 'evaluation-card-assign');
    await card.getByTestId('evaluation-assign-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '明鉴评估中心' }).first().click();
    await card.getByTestId('evaluation-assign-submit').click();
    await card.getByTestId('evaluation-evaluator').filter({ hasText: '明鉴评估中心 孙评估师' }).waitFor();
    await card.getByTestId('evaluation-bands').filter({ hasText: '90 分及以上 优秀' }).waitFor();
    expect(await card.getByTestId('evaluation-assign-submit').count()).toBe(0);
    await axe(page);
  });

  it('the evaluator starts the mid-term from his home, saves a draft, scores 78 and asks for one rectification', { timeout: 240_000 }, async () => {
    const page = await as('pinggu', false);
    const home = page.getByTestId('home-evaluations');
    await home.getByTestId('home-evaluation').filter({ hasText: PROJECT }).filter({ hasText: '待开展中期评估' }).waitFor();
    await checkBothLanguages(page, 'home-evaluations', 'evaluation-home');

    await page.getByTestId('main-menu').getByRole('menuitem').filter({ hasText: /^我的评估$/ }).click();
    await page.waitForURL((url) => url.pathname === '/evaluations');
    await page.locator(`[data-testid="evaluation-project"][data-stage="start_midterm"]`).filter({ hasText: PROJECT }).getByRole('link', { name: PROJECT }).click();
    await stageIs(page, 'start_midterm');
    await axe(page);
    await page.getByTestId('evaluation-start-midterm').click();
    await page.getByTestId('evaluation-start-ok').click();
    await stageIs(page, 'scoring_midterm');
    await page.getByTestId('evaluation-form').waitFor();

    // A draft keeps what is filled in, across a reload.
    await score(page, DRAFT);
    await page.locator('[data-testid="evaluation-total"][data-score="15.5"]').waitFor();
    await page.getByTestId('evaluation-save-draft').click();
    await page.getByText('评估草稿已保存').waitFor();
    await page.reload();
    await expect(page.getByTestId('evaluation-points-management.plan.schedule').inputValue()).resolves.toBe('6.5');
    await checkBothLanguages(page, 'evaluation-form', 'evaluation-sheet');
    const phone = await as('pinggu', true);
    await phone.goto(page.url());
    await checkBothLanguages(phone, 'evaluation-form', 'evaluation-sheet');

    // Handing in needs every level-3 indicator.
    await page.getByTestId('evaluation-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '请填写督导按要求开展' }).waitFor();
    await axe(page);
    await score(page, Object.keys(SCORES).filter((id) => !DRAFT.includes(id)));
    await page.getByTestId('evaluation-total').filter({ hasText: '合计：78 / 100 分' }).waitFor();
    await page.getByTestId('evaluation-form').getByTestId('evaluation-grade').filter({ hasText: '合格' }).waitFor();
    await page.getByTestId('evaluation-findings').fill('助餐和讲座按计划开展，服务人数达标；尚未登记长者的饮食禁忌。');
    await fits(page);
    await screenshot(page, 'evaluation-sheet-desktop-zh');

    // A passing score passes or asks for a rectification; it cannot fail.
    await page.getByTestId('evaluation-submit').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '提交中期评估' });
    await dialog.getByText('得分 78 分').waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(2);
    expect(await dialog.getByText('不通过', { exact: true }).count()).toBe(0);
    await dialog.getByText('限期整改', { exact: true }).click();
    await page.getByTestId('evaluation-submit-ok').click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请填写整改要求' }).waitFor();
    await page.getByTestId('evaluation-rectification-input').fill(RECTIFICATION);
    const date = dialog.getByLabel('整改期限');
    await date.click();
    await date.fill(deadline);
    await date.press('Tab');
    await axe(page, '.ant-modal');
    await screenshot(page, 'evaluation-submit-desktop-zh', false);
    await page.getByTestId('evaluation-submit-ok').click();

    await stageIs(page, 'rectifying');
    const result = midterm(page).getByTestId('evaluation-result');
    await result.getByTestId('evaluation-score').filter({ hasText: '78 分' }).waitFor();
    await result.getByTestId('evaluation-grade').filter({ hasText: '合格' }).waitFor();
    await result.getByTestId('evaluation-conclusion').filter({ hasText: '限期整改' }).waitFor();
    await result.getByTestId('evaluation-rectification').filter({ hasText: RECTIFICATION }).waitFor();
    await result.getByTestId('evaluation-rectify-by').filter({ hasText: deadline }).waitFor();
    expect(await page.getByTestId('evaluation-form').count()).toBe(0);
    await checkBothLanguages(page, 'evaluation-page', 'evaluation-submitted');
    await page.goto(`${BASE_URL}/evaluations`);
    await checkBothLanguages(page, 'evaluation-project', 'evaluation-list');
  });

  it('启航 reports the rectification on the project page (phone)', async () => {
    const page = await as('qihang', true);
    await openProject(page);
    const card = page.getByTestId('evaluation-card');
    await midterm(card).getByTestId('evaluation-rectification').filter({ hasText: RECTIFICATION }).waitFor();
    await midterm(card).getByText(`整改期限：${deadline}`).waitFor();
    await checkBothLanguages(page, 'evaluation-answer-form', 'evaluation-card-answer');
    await page.getByTestId('evaluation-answer-submit').click();
    await card.locator('.ant-form-item-explain-error').filter({ hasText: '请填写整改情况' }).waitFor();
    await page.getByTestId('evaluation-answer-note').fill(ANSWER);
    await page.getByTestId('evaluation-answer-submit').click();
    await midterm(card).getByTestId('evaluation-answer').filter({ hasText: ANSWER }).waitFor();
    await midterm(card).getByText('等待评估人员复核').waitFor();
    expect(await page.getByTestId('evaluation-answer-form').count()).toBe(0);
    await axe(page);
    await fits(page);
  });

  it('the evaluator re-checks the rectification as passed (phone)', { timeout: 180_000 }, async () => {
    const page = await as('pinggu', true);
    await page.getByTestId('home-evaluations').getByText('待复核整改').waitFor();
    await checkBothLanguages(page, 'home-evaluations', 'evaluation-home');
    await page.getByTestId('home-evaluations').getByTestId('home-evaluation').filter({ hasText: '待复核整改' }).click();
    await stageIs(page, 'recheck');
    await checkBothLanguages(page, 'evaluation-recheck-form', 'evaluation-recheck');
    const form = page.getByTestId('evaluation-recheck-form');
    await form.getByText('复核通过', { exact: true }).click();
    await page.getByTestId('evaluation-recheck-note').fill('现场抽查 10 位长者，饮食禁忌均已登记。');
    await page.getByTestId('evaluation-recheck-submit').click();
    await midterm(page).locator('[data-testid="evaluation-recheck"][data-result="passed"]').waitFor();
    await stageIs(page, 'start_final');
    expect(await page.getByTestId('evaluation-recheck-form').count()).toBe(0);
    await checkBothLanguages(page, 'evaluation-recheck', 'evaluation-rechecked');
    await page.goto(`${BASE_URL}/evaluations`);
    await checkBothLanguages(page, 'evaluation-project', 'evaluation-list');
  });

  it('the street officer sees the mid-term passed and releases the second tranche', async () => {
    const page = await as('tsjd', false);
    await openProject(page);
    await midterm(page.getByTestId('evaluation-card')).locator('[data-testid="evaluation-recheck"][data-result="passed"]').waitFor();
    const contract = page.getByTestId('contract-card');
    const second = contract.locator('.ant-list-item').filter({ hasText: '第 2 笔' });
    await second.getByText('条件已满足，可以拨付').waitFor();
    await checkBothLanguages(page, 'evaluation-card', 'evaluation-card-funder');
    await second.getByRole('button', { name: /^拨\s*付$/ }).click();
    await confirmModal(page);
    await second.getByText(/已于 .* 拨付/).waitFor();
    await axe(page);
    // The mid-term's report, as the funder files it: a PDF in Chinese, read back and drawn by pdf.js.
    const [download] = await Promise.all([page.waitForEvent('download'), midterm(page).getByTestId('evaluation-report').click()]);
    expect(download.suggestedFilename()).toMatch(/中期评估报告\.pdf$/);
    const pdf = await renderPdf(fs.readFileSync(await download.path()));
    keepImages(pdf, 'e2e/artifacts', 'evaluation-report');
    const text = pdf.pages.map((p) => p.text).join('');
    for (const words of ['项目评估报告', PROJECT, '限期整改', '整改通过']) expect(text).toContain(words);
  });
});
