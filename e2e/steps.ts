import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { seriousAxeFindings, settleAnimations } from './accessibility.ts';
import { BASE_URL, horizontalOverflow, screenshot } from './browser.ts';

/** The steps browser tests take on every page: language, accessibility, fit, and antd's pickers. */

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export async function axe(page: Page, selector = 'body') {
  expect(await seriousAxeFindings(page, selector)).toEqual([]);
}

/** No sideways scroll: the page fits its viewport. */
export async function fits(page: Page, label?: string) {
  expect(await horizontalOverflow(page), label).toBeLessThanOrEqual(0);
}

/** Reloads the page in a language, as the language cookie a person's choice sets. */
export async function inLanguage(page: Page, language: Language) {
  await page.context().addCookies([{ name: 'sanshe_lang', value: language, url: BASE_URL }]);
  await page.reload();
  await page.waitForLoadState('networkidle');
}

/**
 * The page in Chinese and in English, once `ready` shows and nothing spins: no serious axe
 * finding, no sideways scroll, a screenshot `${name}-${desktop|phone}-${language}`; back in Chinese after.
 */
export async function checkBothLanguages(page: Page, ready: string, name: string) {
  const size = (page.viewportSize()?.width ?? 0) < 600 ? 'phone' : 'desktop';
  for (const language of LANGUAGES) {
    await inLanguage(page, language);
    await page.getByTestId(ready).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    expect(await seriousAxeFindings(page, 'body'), `${name} ${size} ${language}`).toEqual([]);
    await fits(page, `${name} ${size} ${language}`);
    await screenshot(page, `${name}-${size}-${language}`);
  }
  await inLanguage(page, 'zh-CN');
}

/** The select (antd's root element) that `field` is or is inside: a label finds its input. */
function selectOf(field: Locator): Locator {
  return field.locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
}

/**
 * Picks the first option matching `text` in an antd select, single or multiple, and waits until
 * the select shows it. Clicks while a dialog or the dropdown still moved in were seen to be lost,
 * leaving the field empty and a later step failing far from the cause: so the animations settle
 * first, and a pick that did not take is tried again.
 */
export async function choose(page: Page, field: Locator, text: string | RegExp) {
  const select = selectOf(field);
  for (let attempt = 1; ; attempt++) {
    await settleAnimations(page);
    await field.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
    await option.waitFor();
    await settleAnimations(page);
    const label = (await option.getAttribute('title')) ?? (await option.innerText()).trim();
    await option.click();
    // antd 6 shows a single choice in -content-value (or, searchable, as the text of
    // -content-has-value), each of several in a -selection-item.
    const shown = select.locator('.ant-select-content-value, .ant-select-content-has-value, .ant-select-selection-item').filter({ hasText: label });
    const took = await shown.first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (took) {
      if ((await select.getAttribute('class'))?.includes('ant-select-multiple')) await page.keyboard.press('Escape');
      return;
    }
    if (attempt === 3) throw new Error(`choosing ${String(text)}: the select does not show "${label}" after ${attempt} tries`);
  }
}

/** Confirms antd's confirmation dialog, once it has stopped zooming in. */
export async function confirmModal(page: Page) {
  const modal = page.locator('.ant-modal-confirm');
  await modal.waitFor();
  await settleAnimations(page);
  await modal.locator('.ant-btn-primary').click();
  await modal.waitFor({ state: 'detached' });
}

/**
 * For a walk whose steps each stand on the one before: after a failure the rest are skipped
 * (they would only fail again, slowly) and every open page is photographed as `<name>-failed-N`.
 */
export function stopAfterFailure(opened: readonly Page[], name: string) {
  let broken = false;
  beforeEach((ctx) => {
    if (broken) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    broken = true;
    for (const [i, page] of opened.entries()) if (!page.isClosed()) await screenshot(page, `${name}-failed-${i}`, false).catch(() => undefined);
  });
}
