import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont } from 'fontkit';
import { woffToSfnt } from './woff.ts';

/**
 * Noto Sans SC for documents the platform prints (evaluation reports): embedded, subset to the
 * glyphs used, so a PDF reads the same on any machine. The font comes from an npm package, not
 * from the operating system, so a fresh install prints Chinese without a system font.
 *
 * The package splits the font into a "chinese-simplified" file (≈ 8,000 characters: GB 2312,
 * Latin, punctuation) and about a hundred small files for the rest; text takes the main file and
 * falls back, character by character, to the small file that holds a rarer character (a name
 * with 䶮, say), so nothing prints as an empty box.
 */
const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/noto-sans-sc';

export type Weight = 400 | 700;

const fileOf = (subset: string, weight: Weight) => require.resolve(`${PACKAGE}/files/noto-sans-sc-${subset}-${weight}-normal.woff`);

interface LoadedFont {
  /** The name a document registers the font under. */
  name: string;
  /** The font unwrapped from its WOFF file. */
  data: Buffer;
  has(codePoint: number): boolean;
}

const loaded = new Map<string, LoadedFont>();
function load(subset: string, weight: Weight): LoadedFont {
  const key = `${subset}-${weight}`;
  let font = loaded.get(key);
  if (!font) {
    const data = woffToSfnt(fs.readFileSync(fileOf(subset, weight)));
    const f = openFont(data) as { hasGlyphForCodePoint(c: number): boolean };
    font = { name: `noto-sans-sc-${key}`, data, has: (c) => f.hasGlyphForCodePoint(c) };
    loaded.set(key, font);
  }
  return font;
}

let ranges: { subset: string; from: number; to: number }[] | undefined;
/** Which small file holds a code point, from the package's own table of ranges. */
function subsetOf(codePoint: number): string | null {
  ranges ??= Object.entries(JSON.parse(fs.readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>).flatMap(([key, list]) => {
    const subset = key.replace(/^\[(\d+)\]$/, '$1');
    return list.split(',').map((r) => {
      const [from, to = from] = r.trim().replace(/^U\+/i, '').split('-');
      return { subset, from: parseInt(from!, 16), to: parseInt(to, 16) };
    });
  });
  return ranges.find((r) => codePoint >= r.from && codePoint <= r.to)?.subset ?? null;
}

/** A stretch of text in one font file (its registered name). */
export interface Run {
  font: string;
  text: string;
}

/** The font data behind a name that runsOf or mainFont answered. */
export const fontData = (name: string) => [...loaded.values()].find((f) => f.name === name)!.data;

/**
 * Splits text into runs by the font file that draws each character: the main file where it
 * can, otherwise the small file holding the character. A character no file has stays in the
 * main font (it has nothing better to offer).
 */
export function runsOf(text: string, weight: Weight): Run[] {
  const main = load('chinese-simplified', weight);
  const runs: Run[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    let font = main.name;
    if (c > 0x20 && !main.has(c)) {
      const subset = subsetOf(c);
      if (subset && /^\d+$/.test(subset)) {
        const fallback = load(subset, weight);
        if (fallback.has(c)) font = fallback.name;
      }
    }
    const last = runs.at(-1);
    if (last?.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/** The main font of a weight: what a document sets before it writes anything. */
export const mainFont = (weight: Weight) => load('chinese-simplified', weight).name;
