import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll } from 'vitest';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'Sanshe2026';
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

// Debian's Chromium, never a downloaded browser; flags keep it quiet and offline.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations seen so far (the page's event and Chromium's console). */
  cspViolations: string[];
  /**
   * Closes the browser; fails when any page of the session broke the Content-Security-Policy or
   * drew an office text on a page that fetches only the everyday texts (src/web/i18n/index.ts).
   */
  close(): Promise<void>;
}

/** Reports every securitypolicyviolation event of every page and frame to the test. */
async function watchCsp(context: BrowserContext, violations: string[]) {
  await context.exposeBinding('__sansheCspViolation', ({ page }, text: string) => {
    violations.push(`${page?.url() ?? '?'}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __sansheCspViolation: (text: string) => void }).__sansheCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
}

export async function openBrowser(viewport: { width: number; height: number }, options: { isMobile?: boolean } = {}): Promise<Session> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: false,
    args: ARGS,
    viewport,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app then draws dialogs and menus without zooms and slides (as for people who ask for
    // that): a click during a zoom was seen to land beside its target and be lost.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  const cspViolations: string[] = [];
  await watchCsp(context, cspViolations);
  const officeTexts: string[] = [];
  context.on('console', (message) => {
    if (message.text().includes('is an office text used by an everyday page')) officeTexts.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    cspViolations,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
      if (officeTexts.length) throw new Error(`Office texts on everyday pages:\n${officeTexts.join('\n')}`);
    },
  };
}

/**
 * Switches the language with the header's switch and waits until the page is drawn in it: a
 * language's texts are fetched the first time it is used.
 */
export async function switchLanguage(page: Page, lang: 'en' | 'zh') {
  await page.getByTestId(`lang-${lang}`).first().click();
  await page.locator(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`).waitFor({ state: 'attached' });
}

export async function signIn(page: Page, username: string) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string, fullPage = true) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Let fonts and transitions settle so the picture shows what a person sees.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Width of the page's content: more than the viewport means a sideways scroll on a phone. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A signed-in API client (node fetch), for test set-up that a different role does. */
export async function apiAs(username: string) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const r = await fetch(`${BASE_URL}/api/v1${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

/**
 * Signs users in on their own browser, a desktop (1366×900) or a phone (390×844), all closed
 * after the test file: `const as = signedInPages(); const page = await as('zhou', false);`.
 */
export function signedInPages(): (username: string, phone: boolean) => Promise<Page> {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });
  return async (username, phone) => {
    const s = await openBrowser(phone ? { width: 390, height: 844 } : { width: 1366, height: 900 }, { isMobile: phone });
    sessions.push(s);
    await signIn(s.page, username);
    return s.page;
  };
}
