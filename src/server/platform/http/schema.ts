import { Type, type Static, type TSchema } from 'typebox';

/** A string limited to a list of values, emitted as a plain JSON-schema `enum`. */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Uuid = Type.String({ format: 'uuid' });
export const DateStr = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Keyset pagination: every list has a maximum page size and an opaque cursor. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String()),
  });

export type PageOf<T> = { items: T[]; nextCursor: string | null };
export type { Static };
