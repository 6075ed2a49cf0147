/**
 * GeoReport XML as outside clients read it. A maintained parser (@xmldom/xmldom), not the code
 * that writes the documents, reads them strictly: any well-formedness error throws. On its tree,
 * two conversions follow the rules of the XML-to-object helpers clients use, so a test can say
 * what a Ruby or Python client gets:
 * - `fromXmlLikeRails`: ActiveSupport's `Hash.from_xml` (MultiXml, behind HTTParty and Faraday,
 *   keeps the same rules);
 * - `xmltodictLike`: Python's `xmltodict.parse`, with its `force_list` and `xml_attribs` options.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

// The Char production of XML 1.0: xmldom lets control characters through, real clients do not.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function rootOf(source: string): Element {
  const bad = NOT_XML_CHAR.exec(source);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16)} is not allowed in XML 1.0`);
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(source, 'text/xml');
  return doc.documentElement!;
}

const elementsOf = (el: Element): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const attributesOf = (el: Element): [string, string][] => Array.from(el.attributes).map((a) => [a.name, a.value]);
/** Character data directly inside an element (not inside its children). */
const directText = (el: Element) =>
  Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3 || n.nodeType === 4)
    .map((n) => n.nodeValue ?? '')
    .join('');

function toNode(el: Element): XmlNode {
  return { name: el.nodeName, attributes: Object.fromEntries(attributesOf(el)), children: elementsOf(el).map(toNode), text: directText(el) };
}

/** The root element as a plain tree of names, attributes, children and text. */
export const parseXml = (source: string): XmlNode => toNode(rootOf(source));

export const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
export const textOf = (n: XmlNode, name: string) => child(n, name)?.text;
/** An element whose children are all leaves, as an object of their texts. */
export const record = (n: XmlNode) => Object.fromEntries(n.children.map((c) => [c.name, c.text]));

// ---- Hash.from_xml (ActiveSupport XmlMini + XMLConverter) ----

type RawHash = { [key: string]: string | RawHash | RawHash[] };

/** XmlMini's first pass: attributes and children by name (repeated names gather into an array), text as __content__. */
function collapse(el: Element): RawHash {
  const hash: RawHash = Object.fromEntries(attributesOf(el));
  const merge = (key: string, value: string | RawHash) => {
    const prev = hash[key];
    hash[key] = (prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]) as RawHash;
  };
  const kids = elementsOf(el);
  for (const k of kids) merge(k.nodeName, collapse(k));
  const text = directText(el);
  if (kids.length === 0 ? text !== '' : text.trim() !== '') merge('__content__', text);
  return hash;
}

/** XmlMini::PARSING for the types GeoReport answers may carry; any other type fails the test. */
function typed(type: string | undefined, content: string): unknown {
  switch (type) {
    case undefined:
    case 'string':
      return content;
    case 'integer':
      return Number.parseInt(content, 10);
    case 'float':
      return Number.parseFloat(content);
    case 'boolean':
      return ['1', 'true'].includes(content.trim());
    default:
      throw new Error(`unexpected type="${type}"`);
  }
}

/** XMLConverter's second pass (deep_to_h / process_hash / process_array). */
function convert(value: string | RawHash | RawHash[]): unknown {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.map(convert);
    return items.length > 1 ? items : items[0];
  }
  const type = typeof value.type === 'string' ? value.type : undefined;
  if (type === 'array') {
    // The first entry that is not an attribute holds the items, whatever their element name.
    const entries = Object.entries(value).find(([, v]) => typeof v !== 'string')?.[1];
    if (entries === undefined || value.__content__ === '') return [];
    return Array.isArray(entries) ? entries.map(convert) : [convert(entries)];
  }
  const content = value.__content__;
  if (typeof content === 'string' && (Object.keys(value).length === 1 || content.trim() !== '')) return typed(type, content);
  if (type === 'string' && value.nil !== 'true') return '';
  if (Object.keys(value).length === 0 || value.nil === 'true') return null;
  if (type !== undefined && Object.keys(value).length === 1) return null;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/-/g, '_'), convert(v)]));
}

/** What Ruby's `Hash.from_xml(body)` returns: `{ root => value }`. */
export function fromXmlLikeRails(source: string): Record<string, unknown> {
  const root = rootOf(source);
  return { [root.nodeName]: convert(collapse(root)) };
}

// ---- xmltodict.parse ----

export interface XmltodictOptions {
  /** Element names that always become lists (xmltodict's force_list). */
  forceList?: readonly string[];
  /** xmltodict's xml_attribs (default true): attributes as '@name' keys. */
  attribs?: boolean;
}

/** What Python's `xmltodict.parse(body, force_list=..., xml_attribs=...)` returns. */
export function xmltodictLike(source: string, options: XmltodictOptions = {}): Record<string, unknown> {
  const force = new Set(options.forceList ?? []);
  const attribs = options.attribs ?? true;
  const item = (el: Element): unknown => {
    let dict: Record<string, unknown> | null = attribs && el.attributes.length ? Object.fromEntries(attributesOf(el).map(([k, v]) => [`@${k}`, v])) : null;
    for (const k of elementsOf(el)) {
      dict ??= {};
      const value = item(k);
      const prev = dict[k.nodeName];
      if (prev === undefined) dict[k.nodeName] = force.has(k.nodeName) ? [value] : value;
      else dict[k.nodeName] = Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
    }
    const data = directText(el).trim() || null;
    if (dict === null) return data;
    if (data) dict['#text'] = data;
    return dict;
  };
  const root = rootOf(source);
  return { [root.nodeName]: item(root) };
}
