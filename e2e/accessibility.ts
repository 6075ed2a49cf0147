import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Waits (at most 3 s) for the page's finite transitions and animations to end: a button that has
 * just stopped loading fades back to its colours, and axe would measure the contrast mid-fade; a
 * dialog zooming in moves its fields under a click, which then lands beside them.
 */
export async function settleAnimations(page: Page) {
  await page.evaluate(async () => {
    const running = () =>
      document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    const deadline = Date.now() + 3000;
    while (running().length > 0 && Date.now() < deadline) {
      await Promise.race([Promise.all(running().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 250))]);
    }
  });
}

/**
 * Serious and critical axe findings (WCAG 2 A and AA) in the part of the page that `selector`
 * names, as readable lines. axe is evaluated through the browser's debugging channel, so the
 * page's Content-Security-Policy stays as strict as it is for people.
 */
export async function seriousAxeFindings(page: Page, selector: string): Promise<string[]> {
  // The part may still be on its way (a dialog whose file is fetched on first use).
  await page.locator(selector).first().waitFor();
  await settleAnimations(page);
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ include: [include] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  }, selector);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
