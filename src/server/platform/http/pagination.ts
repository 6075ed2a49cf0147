import { AppError } from '../errors/app-error.ts';
import { isDateTime, isStorableText, isUuid } from './formats.ts';

/** Opaque keyset cursor: the sort values of the last row of the previous page. */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What each sort value of a list is. A cursor is client input: a forged one must be refused
 * here with a 400 (invalid cursor), never reach SQL as a value its column cannot take.
 */
const KINDS = {
  uuid: isUuid,
  text: isStorableText,
  time: isDateTime,
} satisfies Record<string, (value: string) => boolean>;
export type CursorKind = keyof typeof KINDS;

export function decodeCursor<const S extends readonly CursorKind[]>(
  cursor: string | undefined,
  shape: S,
): { -readonly [K in keyof S]: string } | null {
  if (!cursor) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('validation.invalid_cursor');
  }
  const fits =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((v, i) => typeof v === 'string' && KINDS[shape[i]!](v));
  if (!fits) throw new AppError('validation.invalid_cursor');
  return values as { -readonly [K in keyof S]: string };
}

/** Fetch limit+1 rows; the extra row only tells whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => string[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
