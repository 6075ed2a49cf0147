import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './accessibility.ts';
import { apiAs, BASE_URL, openBrowser, screenshot, signIn, type Session } from './browser.ts';

/**
 * axe on the open dialogs — the forms that only exist once a button is pressed, which the
 * route-by-route check never sees — in both languages at the desktop size: 0 serious or
 * critical findings. Each page opens its dialogs one after another and closes each with Escape.
 */
interface Scene {
  user: string;
  url: (ids: Ids) => string;
  /** Buttons that open a dialog, in order; a function finds them on the page when they depend on the record. */
  openers: string[] | ((page: Page) => Promise<string[]>);
  /** What to do on the page first (select rows, say). */
  prepare?: (page: Page) => Promise<void>;
}

interface Ids {
  reported: string;
  accepted: string;
  household: string;
  grid: string;
}

/** Every action button the need offers (each opens its form). */
const needActions = async (page: Page) => {
  await page.getByTestId('need-actions').waitFor();
  const ids = await page.locator('[data-testid="need-actions"] [data-testid^="need-action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  return ids;
};

const SCENES: Record<string, Scene> = {
  'need actions (reported)': { user: 'zhou', url: (i) => `/needs/${i.reported}`, openers: needActions },
  'need actions (accepted)': { user: 'zhou', url: (i) => `/needs/${i.accepted}`, openers: needActions },
  'bulk actions': {
    user: 'zhou',
    url: () => '/needs?state=reported',
    prepare: async (page) => {
      // The first row's own box (the header's box selects all).
      await page.locator('tr.ant-table-row .ant-checkbox').first().click();
      await page.getByTestId('bulk-actions').waitFor();
    },
    // Reported needs can be rejected (assigning waits for acceptance).
    openers: ['bulk-reject'],
  },
  'household and member forms': { user: 'zhou', url: (i) => `/territory/households/${i.household}`, openers: ['edit-household', 'add-member'] },
  'new household form': { user: 'zhou', url: (i) => `/territory/grids/${i.grid}`, openers: ['add-household'] },
  'three lists forms': { user: 'zhou', url: () => '/three-lists', openers: ['add-resource', 'create-common-need'] },
  'category form': { user: 'jbmz', url: () => '/need-settings?tab=categories', openers: ['add-category'] },
  'webhook form': { user: 'jbmz', url: () => '/need-settings?tab=webhooks', openers: ['add-webhook'] },
  'new user form': { user: 'admin', url: () => '/admin/users', openers: ['add-user'] },
};

const LANGUAGES = ['zh-CN', 'en'] as const;

interface Page1<T> { items: T[] }
interface WithId { id: string }

async function demoIds(): Promise<Ids> {
  const zhou = await apiAs('zhou');
  const first = async (url: string) => (await zhou<Page1<WithId>>('GET', url)).items[0]!.id;
  return {
    reported: await first('/needs?state=reported&limit=1'),
    accepted: await first('/needs?state=accepted&limit=1'),
    household: await first('/households?limit=1'),
    grid: await first('/grids?limit=1'),
  };
}

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

/** The one dialog on screen, once its opening animation is over. */
const openDialog = (page: Page) => page.getByRole('dialog');

let ids: Ids;
beforeAll(async () => {
  ids = await demoIds();
});

describe('dialogs', () => {
  const sessions = new Map<string, Session>();
  afterAll(async () => {
    for (const s of sessions.values()) await s.close();
  });
  async function pageOf(user: string): Promise<Page> {
    let s = sessions.get(user);
    if (!s) {
      s = await openBrowser({ width: 1366, height: 900 });
      sessions.set(user, s);
      await signIn(s.page, user);
    }
    return s.page;
  }

  for (const language of LANGUAGES) {
    it(`have no serious or critical axe finding in ${language}`, { timeout: 600_000 }, async () => {
      const found: string[] = [];
      let opened = 0;
      for (const [name, scene] of Object.entries(SCENES)) {
        const page = await pageOf(scene.user);
        await page.context().addCookies([{ name: 'sanshe_lang', value: language, url: BASE_URL }]);
        await page.goto(`${BASE_URL}${scene.url(ids)}`);
        await settled(page);
        await scene.prepare?.(page);
        const openers = typeof scene.openers === 'function' ? await scene.openers(page) : scene.openers;
        expect(openers.length, `${name}: no dialog to open`).toBeGreaterThan(0);
        for (const opener of openers) {
          await page.getByTestId(opener).first().click();
          await openDialog(page).waitFor();
          await settled(page);
          // The zoom-in of the dialog is over when it stops moving; axe measures colours of what it sees.
          await page.waitForTimeout(400);
          await screenshot(page, `dialog-${language}-${opener}`, false);
          for (const line of await seriousAxeFindings(page, '.ant-modal-wrap')) found.push(`${name} › ${opener} ${language}: ${line}`);
          opened += 1;
          await page.keyboard.press('Escape');
          await openDialog(page).waitFor({ state: 'hidden' });
        }
      }
      expect(found).toEqual([]);
      // Ten scenes or so: a page that stops offering its dialog fails above instead of passing empty.
      expect(opened).toBeGreaterThanOrEqual(Object.keys(SCENES).length);
    });
  }
});

describe('category names in English', () => {
  let s: Session;
  afterAll(async () => {
    await s?.close();
  });

  it('names the categories of the inbox in English for an English reader', async () => {
    s = await openBrowser({ width: 1366, height: 900 });
    await signIn(s.page, 'zhou');
    await s.page.context().addCookies([{ name: 'sanshe_lang', value: 'en', url: BASE_URL }]);
    await s.page.goto(`${BASE_URL}/inbox`);
    const names = s.page.getByTestId('inbox-category');
    await names.first().waitFor();
    const texts = await names.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    // The demo's needs carry only categories of the default tree, each with an English name.
    expect(texts.filter((n) => /[\u4e00-\u9fff]/.test(n))).toEqual([]);
  });
});
