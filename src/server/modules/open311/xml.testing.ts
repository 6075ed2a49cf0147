/** A tiny XML reader for tests: elements and text only (what GeoReport answers contain). Throws on malformed input. */
export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

export function parseXml(source: string): XmlNode {
  const text = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < text.length && (m = token.exec(text))) {
    pos = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      if (m[4].includes('>')) throw new Error('stray >');
      top.text += unescape(m[4]);
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name: m[2]!, children: [], text: '' };
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  if (pos !== text.length) throw new Error(`malformed XML at ${pos}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced XML');
  return root.children[0]!;
}

export const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
export const textOf = (n: XmlNode, name: string) => child(n, name)?.text;
/** An element whose children are all leaves, as an object of their texts. */
export const record = (n: XmlNode) => Object.fromEntries(n.children.map((c) => [c.name, c.text]));
