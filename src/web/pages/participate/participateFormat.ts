import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** Fen as yuan, with thousands separators and no trailing ".00": 1250000 → "12,500", 1999 → "19.99". */
export function yuan(fen: number, language: string): string {
  return (fen / 100).toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
}

/** A moment as people say it, in the browser's Beijing time: "12月9日 周三 19:30" / "Wed 9 Dec 19:30". */
export function whenText(iso: string, t: TFunction): string {
  return dayjs(iso).format(t('participate.timeFormat'));
}

/** A day: "2025年12月9日" / "9 Dec 2025". */
export function dayText(iso: string, t: TFunction): string {
  return dayjs(iso).format(t('participate.dayFormat'));
}

export type RoundPhase = 'draft' | 'soon' | 'open' | 'closed' | 'counted' | 'published';

/** Where a round stands for a voter now: not yet open, open, its window over (counting), counted, published. */
export function roundPhase(r: { status: string; opensAt: string; closesAt: string }, now = Date.now()): RoundPhase {
  if (r.status === 'draft') return 'draft';
  if (r.status === 'counted') return 'counted';
  if (r.status === 'published') return 'published';
  if (now < Date.parse(r.opensAt)) return 'soon';
  if (now >= Date.parse(r.closesAt)) return 'closed';
  return 'open';
}
