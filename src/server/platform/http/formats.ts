/**
 * What the platform accepts as text, a date, an instant and an id: only values that both a
 * JS Date and PostgreSQL hold, so that a value the schema lets through never fails in SQL.
 */

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** PostgreSQL text cannot hold NUL, and a UTF-16 half without its pair is not Unicode at all. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !UNPAIRED_SURROGATE.test(s);
}

// Years 1000–9999: PostgreSQL has no year 0 and a JS Date of year 0 does not reach it as such,
// and a margin of centuries keeps a time-zone shift or a day added from leaving the range.
const FIRST_INSTANT = Date.parse('1000-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real day of years 1000–9999 (no 2026-02-30, no year 0000). */
export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]!);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * ISO 8601 date and time with a zone (2026-01-31T09:00:00+08:00; seconds may be left out, as
 * W3C allows), on a real day, as an instant of years 1000–9999. A leap second (:60) is refused,
 * since a JS Date cannot hold it.
 */
export function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  return !!m && isDate(m[1]!) && isInstant(Date.parse(s));
}

export function isInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= FIRST_INSTANT && ms <= LAST_INSTANT;
}

/** The canonical textual form only: PostgreSQL's uuid type does not read `urn:uuid:` or braces. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);
