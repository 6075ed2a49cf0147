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

/**
 * Element names of list items in XML, by the name of the list (GeoReport v2 has no other lists).
 * A list element carries type="array" and numbers and booleans carry their type, as Rails'
 * to_xml writes them: XML-to-object helpers then read a list of one as a list and a list of none
 * as an empty list, not as an object or nothing (Ruby's Hash.from_xml and MultiXml follow these
 * attributes; Python's xmltodict needs force_list with these item names). Nothing (null) is an
 * empty element, as in the specification's examples, which every helper reads as null.
 */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

// Characters XML 1.0 cannot carry (control characters, lone surrogates) would make the whole
// document unreadable; they become U+FFFD.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function element(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`GeoReport has no list named ${name}`);
    return `<${name} type="array">${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  if (typeof value === 'boolean') return `<${name} type="boolean">${value}</${name}>`;
  if (typeof value === 'number') return `<${name} type="${Number.isInteger(value) ? 'integer' : 'float'}">${value}</${name}>`;
  return `<${name}>${escapeXml(value)}</${name}>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** A list answer: JSON array, or XML root list (<services type="array"><service>…). */
export function renderList(format: Format, root: string, items: Record<string, Value>[]): string {
  return format === 'json' ? JSON.stringify(items) : XML_DECLARATION + element(root, items);
}

/** A single-object answer: JSON object, or XML with the object as root. */
export function renderObject(format: Format, root: string, value: Record<string, Value>): string {
  return format === 'json' ? JSON.stringify(value) : XML_DECLARATION + element(root, value);
}

export function renderError(format: Format, status: number, description: string): string {
  return renderList(format, 'errors', [{ code: status, description }]);
}

/** Exactly the specification's headers; the charset matters for text/xml, which older readers otherwise take as US-ASCII. */
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
