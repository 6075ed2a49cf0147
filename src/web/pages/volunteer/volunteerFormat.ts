import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** Minutes as hours the way a volunteer counts them: 7200 → "120", 150 → "2.5". */
export function hoursText(minutes: number): string {
  const h = Math.round(minutes / 6) / 10;
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

/** A day of service (YYYY-MM-DD) or a moment, as a date in the reader's language. */
export function dateText(value: string, t: TFunction): string {
  return dayjs(value).format(t('volunteer.dateFormat'));
}

/** Points with their sign, as a ledger shows them: +50, −120 (a real minus sign). */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
}
