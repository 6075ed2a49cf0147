import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../server/platform/i18n/locale.ts';
import type { Catalogue } from './zh-CN.ts';

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
 * Each language's texts are a file of their own, fetched when the language is first used: a
 * phone downloads one language, not both (about a fifth of what a resident's page weighs).
 */
const CATALOGUES: Record<Locale, () => Promise<{ default: Catalogue | object }>> = {
  'zh-CN': () => import('./zh-CN.ts'),
  en: () => import('./en.ts'),
};

function loadCatalogue(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return Promise.resolve();
  return CATALOGUES[locale]().then((m) => {
    i18n.addResourceBundle(locale, 'translation', m.default);
  });
}

/**
 * The choice is kept at once (a page opened next is in that language); the page changes language
 * all at once when its texts have arrived.
 */
export async function applyLanguage(locale: Locale) {
  writeLangCookie(locale);
  await loadCatalogue(locale);
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
});
document.documentElement.lang = initial;
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');

/**
 * Pages wait for this beside their own file (lazyPage), so the two downloads run side by side
 * and no text is drawn before its language has arrived.
 */
export const catalogueReady: Promise<void> = loadCatalogue(initial);

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
