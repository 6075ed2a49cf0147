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

// Each language is its own chunk: a page loads the texts of the language it shows, not both.
const catalogues: Record<Locale, () => Promise<{ default: Catalogue }>> = {
  'zh-CN': () => import('./zh-CN.ts'),
  en: () => import('./en.ts'),
};

async function loadCatalogue(locale: Locale) {
  if (!i18n.hasResourceBundle(locale, 'translation')) i18n.addResourceBundle(locale, 'translation', (await catalogues[locale]()).default);
}

export async function applyLanguage(locale: Locale) {
  // Chosen at once: a page opened while the texts load opens in this language.
  writeLangCookie(locale);
  await loadCatalogue(locale);
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return i18n.changeLanguage(locale);
}

const initial: Locale = readLangCookie() ?? 'zh-CN';
document.documentElement.lang = initial;
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');

/** Settles when the first language's texts are in: the app renders after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({ resources: {}, lng: initial, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, returnNull: false })
  .then(() => loadCatalogue(initial))
  .then(() => i18n.changeLanguage(initial));

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
