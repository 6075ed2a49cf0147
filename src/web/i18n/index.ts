import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../server/platform/i18n/locale.ts';

export const LANG_COOKIE = 'sanshe_lang';

export function readLangCookie(): Locale | null {
  const m = /(?:^|;\s*)sanshe_lang=([^;]+)/.exec(document.cookie);
  const v = m ? decodeURIComponent(m[1]!) : '';
  return v === 'en' || v === 'zh-CN' ? v : null;
}

/** The server picks the language of its messages from this cookie, so both sides agree. */
export function writeLangCookie(locale: Locale) {
  document.cookie = `${LANG_COOKIE}=${encodeURIComponent(locale)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}

/**
 * Which texts a page needs. Every page may use the everyday part (sign-in, the pages of residents
 * and grid workers, the header and menu); the office pages (boards, registers, projects,
 * evaluation, audit) also use the office part. A phone downloads one language's everyday texts
 * for a resident's page, about a tenth of what that page weighs.
 */
export type TextsPart = 'everyday' | 'office';

const PARTS: Record<Locale, Record<TextsPart, () => Promise<{ default: object }>>> = {
  'zh-CN': { everyday: () => import('./zh-CN.everyday.ts'), office: () => import('./zh-CN.office.ts') },
  en: { everyday: () => import('./en.everyday.ts'), office: () => import('./en.office.ts') },
};

const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();
/** The parts the pages opened so far use: a change of language fetches these. */
const usedParts = new Set<TextsPart>(['everyday']);

function loadPart(locale: Locale, part: TextsPart): Promise<void> {
  const key = `${locale}/${part}`;
  let done = loading.get(key);
  if (!done) {
    done = PARTS[locale][part]().then((m) => {
      i18n.addResourceBundle(locale, 'translation', m.default, true, true);
      loaded.add(key);
    });
    // A failed fetch (network, or a newer deployment's file names) may be tried again.
    done.catch(() => loading.delete(key));
    loading.set(key, done);
  }
  return done;
}

/**
 * Changes the language once its texts have arrived; the page then changes all at once. When they
 * cannot be fetched nothing changes (the promise rejects and the caller says so).
 */
export async function applyLanguage(locale: Locale) {
  await Promise.all([...usedParts].map((part) => loadPart(locale, part)));
  writeLangCookie(locale);
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  await i18n.changeLanguage(locale);
}

const initial: Locale = readLangCookie() ?? 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initial,
  // Both catalogues hold the same keys (catalog.test.ts); a language never borrows from the other.
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: missingText,
  react: { bindI18nStore: 'added' },
});
// Fetched from the start, beside the scripts.
loadPart(initial, 'everyday').catch(() => undefined);
document.documentElement.lang = initial;
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');

/**
 * A page waits for its texts beside its own file (lazyPage), so the downloads run side by side
 * and no text is drawn before its language has arrived.
 */
export function textsReady(part: TextsPart): Promise<void> {
  usedParts.add(part);
  const parts: TextsPart[] = part === 'office' ? ['everyday', 'office'] : ['everyday'];
  return Promise.all(parts.map((p) => loadPart(currentLocale(), p))).then(() => undefined);
}

/**
 * A text that is not in the parts fetched so far: an everyday page used an office text. The
 * office part is fetched and the page drawn again (react-i18next redraws when texts are added),
 * and the console says so, which fails the browser tests: the text belongs in the everyday part.
 */
function missingText(_languages: readonly string[], _namespace: string, key: string) {
  // Before the everyday texts are here (or when they could not be fetched) every text is missing.
  if (usedParts.has('office') || !loaded.has(`${currentLocale()}/everyday`)) return;
  console.warn(`sanshe: "${key}" is an office text used by an everyday page`);
  void textsReady('office').catch(() => undefined);
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
