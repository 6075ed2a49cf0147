/**
 * GeoReport v2 wire formats: every answer exists as JSON and as XML, and errors are a list of
 * {code, description} in either. The spec is not the platform's error shape, so this module
 * keeps its own error type instead of AppError.
 */
import { isDate, isDateTime } from '../../platform/http/formats.ts';

export type Format = 'json' | 'xml';

export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** Element names of list items in XML, by the name of the list. */
const ITEM_NAMES: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function element(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list answer: JSON array, or XML root with one element per item (<services><service>…). */
export function renderList(format: Format, root: string, item: string, items: Record<string, Value>[]): string {
  if (format === 'json') return JSON.stringify(items);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${items.map((i) => element(item, i)).join('')}</${root}>`;
}

/** A single-object answer: JSON object, or XML with the object as root. */
export function renderObject(format: Format, root: string, value: Record<string, Value>): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

export function renderError(format: Format, status: number, description: string): string {
  return renderList(format, 'errors', 'error', [{ code: status, description }]);
}

export const contentType = (format: Format) => (format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');

/** Splits 'requests.xml' or 'N-2026-1.json' into the name and its format; anything else is not found. */
export function splitFormat(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new Open311Error(404, 'Unknown format: use .json or .xml');
  return { name: m[1]!, format: m[2] as Format };
}

/** W3C datetime without milliseconds, in UTC. */
export function w3c(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  return new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A W3C date (midnight UTC) or datetime with a zone, on a real day (no 2026-02-30, no year 0000). */
export function parseW3c(name: string, raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const full = isDate(raw) ? `${raw}T00:00:00Z` : raw;
  if (!isDateTime(full)) throw new Open311Error(400, `${name} must be a W3C datetime such as 2026-01-31T09:00:00+08:00`);
  return new Date(Date.parse(full));
}
