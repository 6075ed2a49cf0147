import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontData, mainFont, runsOf } from './cjk-font.ts';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
type Font = { numGlyphs: number; hasGlyphForCodePoint(c: number): boolean; glyphForCodePoint(c: number): { advanceWidth: number } };

describe('the document font', () => {
  it('unwraps a WOFF file into the same font', () => {
    const woff = fs.readFileSync(require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff'));
    const [wrapped, plain] = [openFont(woff) as unknown as Font, openFont(woffToSfnt(woff)) as unknown as Font];
    expect(plain.numGlyphs).toBe(wrapped.numGlyphs);
    for (const ch of 'Aa9%') expect(plain.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth).toBe(wrapped.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth);
  });

  it('draws common text with its main file, and a rarer character with the file that holds it', () => {
    expect(runsOf('王桂芳 P-2026-0001（一期）', 400)).toEqual([{ font: mainFont(400), text: '王桂芳 P-2026-0001（一期）' }]);
    const runs = runsOf('钱飝明', 700);
    expect(runs.map((r) => r.text)).toEqual(['钱', '飝', '明']);
    expect(runs[1]!.font).not.toBe(mainFont(700));
    for (const run of runs) {
      const font = openFont(fontData(run.font)) as unknown as Font;
      for (const ch of run.text) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
  });
});
