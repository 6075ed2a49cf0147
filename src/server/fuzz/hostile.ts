/**
 * Hostile request values derived from a JSON schema of the OpenAPI document: for every slot
 * (a body property at any depth, a query or path parameter) the values a careless or malicious
 * client may send. Deterministic: randomness comes only from the seeded generator.
 */

/** The part of JSON Schema (as @fastify/swagger writes OpenAPI 3.0) the fuzzer reads. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
}

/** The branch of a union that carries the value (not the null of a nullable). */
export function valueBranch(schema: Schema): Schema {
  const branch = schema.anyOf ?? schema.oneOf;
  if (!branch) return schema;
  return branch.find((b) => b.type !== 'null' && !(b.enum?.length === 1 && b.enum[0] === null)) ?? branch[0]!;
}

/** mulberry32: small, fast and the same on every machine for a given seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uuid drawn from the generator: an id that names nothing. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * JSON text put into a body verbatim: what JSON.stringify will not write (a `__proto__` key,
 * a number beyond double precision, nesting deeper than its recursion allows).
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? `\u0001raw${raws.push(v.text) - 1}\u0001` : v));
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}

export interface Hostile {
  label: string;
  value: unknown;
}

const DEPTH = 10_000;
export const deepArray = (depth: number) => new RawJson('['.repeat(depth) + ']'.repeat(depth));
export const deepObject = (depth: number) => new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** What every slot receives, whatever its type: the values the platform must refuse everywhere. */
const ALWAYS: Hostile[] = [
  { label: 'null', value: null },
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'lone surrogate', value: 'a\ud800' },
  { label: '__proto__ key', value: new RawJson('{"__proto__":{"isAdmin":true}}') },
  { label: `array nested ${DEPTH} deep`, value: deepArray(DEPTH) },
];

/** Values of the wrong type; they all take the same road (the schema's type check), so a few drawn per slot suffice. */
const WRONG_TYPES: Hostile[] = [
  { label: 'false', value: false },
  { label: 'zero', value: 0 },
  { label: 'a number beyond double precision', value: new RawJson('123456789012345678901234567890') },
  { label: '1e400 (Infinity once parsed)', value: new RawJson('1e400') },
  { label: 'empty text', value: '' },
  { label: 'an array', value: ['x'] },
  { label: 'an object', value: { x: 1 } },
];
const WRONG_TYPES_PER_SLOT = 2;

const TEXT: Hostile[] = [
  { label: 'blank', value: '   ' },
  { label: 'LIKE wildcards and quotes', value: `%_\\'"; drop table needs; --` },
  { label: 'control characters', value: '\u0001\u001b[31m\u007f\u0085' },
  { label: 'zero-width and bidi', value: 'a\u200b\u202eb\ufeff' },
];

const DATES = ['0000-01-01', '0999-12-31', '1000-01-01', '9999-12-31', '2026-02-30', '2025-02-29', '2026-13-01', '2026-1-1'];
const DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '1000-01-01T00:00:00+08:00',
  '9999-12-31T23:59:59-08:00',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:00:00',
  '2026-01-01',
];

function uuids(random: () => number): Hostile[] {
  const id = seededUuid(random);
  return [
    { label: 'an id of nothing', value: id },
    { label: 'the nil uuid', value: '00000000-0000-0000-0000-000000000000' },
    { label: 'urn:uuid: form', value: `urn:uuid:${id}` },
    { label: 'braced uuid', value: `{${id}}` },
    { label: 'uuid without dashes', value: id.replaceAll('-', '') },
    { label: 'upper-case uuid', value: id.toUpperCase() },
  ];
}

/** A value the schema accepts, as a start that hostile values then replace slot by slot. */
export function sample(schema: Schema, name: string, ids: (name: string) => unknown, counter: () => number): unknown {
  const known = ids(name);
  if (known !== undefined) return known;
  if (schema.anyOf ?? schema.oneOf) return sample(valueBranch(schema), name, ids, counter);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {}, key, ids, counter);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, (_v, i) => sample(schema.items ?? {}, `${name}.${i}`, ids, counter));
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'string':
      return sampleText(schema, counter());
    default:
      return null;
  }
}

function sampleText(schema: Schema, n: number): string {
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'uuid') return '00000000-0000-7000-8000-000000000000';
  const candidates = [`fz${n}`, `fz_${n}`, `fz.n${n}`, '09:00', `模糊${n}`];
  const fits = (s: string) => (!schema.pattern || new RegExp(schema.pattern).test(s)) && s.length <= (schema.maxLength ?? Infinity);
  const text = candidates.find(fits) ?? candidates[0]!;
  return text.padEnd(schema.minLength ?? 0, 'x');
}

/** Hostile values for one slot: what every slot gets, and what its type, format and limits invite. */
export function hostileValues(schema: Schema, random: () => number): Hostile[] {
  const wrong = [...WRONG_TYPES];
  const out: Hostile[] = [...ALWAYS, ...Array.from({ length: WRONG_TYPES_PER_SLOT }, () => wrong.splice(Math.floor(random() * wrong.length), 1)[0]!)];
  const s = valueBranch(schema);
  if (s.enum) {
    const first = String(s.enum[0]);
    out.push({ label: 'not one of the values', value: 'no_such_value' }, { label: 'a value with NUL', value: `${first}\u0000` }, { label: 'upper-cased value', value: first.toUpperCase() });
  }
  switch (s.type) {
    case 'string': {
      out.push({ label: 'empty text', value: '' });
      if (s.format === 'uuid') out.push(...uuids(random));
      if (s.format === 'date') out.push(...DATES.map((d) => ({ label: `date ${d}`, value: d })));
      if (s.format === 'date-time') out.push(...DATE_TIMES.map((d) => ({ label: `date-time ${d}`, value: d })));
      // Free text: its limits (a column narrower than the schema's limit fails only at the limit) and odd characters.
      if (!s.format && !s.enum) {
        const max = s.maxLength ?? 10_000;
        out.push({ label: `${max + 1} characters`, value: 'x'.repeat(max + 1) });
        if (s.maxLength !== undefined) {
          out.push({ label: `${max} characters (the limit)`, value: 'x'.repeat(max) }, { label: `${max} astral characters (the limit)`, value: '😀'.repeat(max) });
        }
        if ((s.minLength ?? 0) > 1) out.push({ label: 'one character short', value: 'x'.repeat(s.minLength! - 1) });
        out.push(...TEXT);
      }
      break;
    }
    case 'integer':
    case 'number': {
      if (s.minimum !== undefined) out.push({ label: 'below the minimum', value: s.minimum - 1 });
      if (s.maximum !== undefined) out.push({ label: 'above the maximum', value: s.maximum + 1 });
      out.push(
        { label: '-1', value: -1 },
        { label: '1.5', value: 1.5 },
        { label: '1e308', value: new RawJson('1e308') },
        { label: '2^31 (beyond int4)', value: 2 ** 31 },
        { label: '-2^31-1', value: -(2 ** 31) - 1 },
        { label: '2^63 (beyond int8)', value: new RawJson('9223372036854775808') },
        { label: 'text of a number', value: '1' },
        { label: 'negative zero', value: new RawJson('-0') },
        { label: 'tiny fraction', value: 1e-300 },
      );
      break;
    }
    case 'boolean':
      out.push({ label: 'text "true"', value: 'true' }, { label: 'one', value: 1 });
      break;
    case 'array': {
      const item = s.items ?? {};
      const one = sample(item, '', () => undefined, () => 0);
      out.push(
        { label: `${(s.maxItems ?? 1000) + 1} items`, value: Array.from({ length: (s.maxItems ?? 1000) + 1 }, () => one) },
        { label: 'a repeated item', value: [one, one] },
        { label: 'a null item', value: [null] },
      );
      break;
    }
    case 'object':
      out.push(
        { label: 'an unknown property', value: { zz_unknown: 1 } },
        { label: 'constructor.prototype', value: new RawJson('{"constructor":{"prototype":{"isAdmin":true}}}') },
        { label: `object nested ${DEPTH} deep`, value: deepObject(DEPTH) },
      );
      break;
  }
  return out.filter((h, k) => out.findIndex((o) => o.label === h.label) === k);
}

/** Query and path parameters are text: hostile values as they appear in a URL, already percent-encoded. */
export function hostileText(schema: Schema, random: () => number): Hostile[] {
  const encode = (v: string) => encodeURIComponent(v);
  const s = valueBranch(schema);
  const out: Hostile[] = [
    { label: 'empty', value: '' },
    { label: 'NUL', value: 'a%00b' },
    { label: 'bytes of a lone surrogate', value: '%ED%A0%80' },
    { label: 'a broken escape', value: '%' },
    { label: '10001 characters', value: 'x'.repeat(10_001) },
  ];
  // Free text and numbers read from text get more; a format or a list of values refuses all of these alike.
  if (!s.format && !s.enum && s.type !== 'boolean') {
    out.push(
      { label: 'only NUL', value: '%00' },
      { label: 'invalid UTF-8', value: '%FF%FE' },
      { label: 'LIKE wildcards and quotes', value: encode(`%_\\'"; --`) },
      { label: 'a number beyond double precision', value: '123456789012345678901234567890' },
      { label: '1e400', value: '1e400' },
      { label: '-1', value: '-1' },
      { label: 'NaN', value: 'NaN' },
      { label: 'brackets', value: encode('[]') },
    );
  }
  if (s.maxLength !== undefined) out.push({ label: `${s.maxLength + 1} characters`, value: 'x'.repeat(s.maxLength + 1) });
  if (s.maximum !== undefined) out.push({ label: 'above the maximum', value: String(s.maximum + 1) });
  if (s.minimum !== undefined) out.push({ label: 'below the minimum', value: String(s.minimum - 1) });
  if (s.enum) out.push({ label: 'not one of the values', value: 'no_such_value' });
  if (s.type === 'boolean') out.push({ label: 'maybe', value: 'maybe' });
  if (s.format === 'uuid') out.push(...uuids(random).map((h) => ({ label: h.label, value: encode(String(h.value)) })));
  if (s.format === 'date') out.push(...DATES.map((d) => ({ label: `date ${d}`, value: encode(d) })));
  if (s.format === 'date-time') out.push(...DATE_TIMES.map((d) => ({ label: `date-time ${d}`, value: encode(d) })));
  return out;
}

/** Cursors a client can forge: base64url of any JSON, of the wrong arity, kinds or text. */
export function forgedCursors(random: () => number): Hostile[] {
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const id = seededUuid(random);
  const values: [string, unknown][] = [
    ['not base64url', '!!!'],
    ['base64url of text', 'not json'],
    ['one text value', ['x']],
    ['two text values', ['x', 'y']],
    ['a number', [1]],
    ['two numbers', [1, 2]],
    ['an object', { a: 1 }],
    ['a NUL', ['\u0000']],
    ['a lone surrogate and an id', ['\ud800', id]],
    ['an id', [id]],
    ['text and an id', ['x', id]],
    ['two ids', [id, id]],
    ['year 0000 and an id', ['0000-01-01T00:00:00.000Z', id]],
    ['urn uuid', [`urn:uuid:${id}`]],
  ];
  return values.map(([label, v]) => ({ label: `cursor: ${label}`, value: b64(v) }));
}
