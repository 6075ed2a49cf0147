import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../server/platform/i18n/locale.ts';
import en from './en.ts';
import zhCN from './zh-CN.ts';

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

export function applyLanguage(locale: Locale) {
  writeLangCookie(locale);
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return i18n.changeLanguage(locale);
}

const initial: Locale = readLangCookie() ?? 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = initial;
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
