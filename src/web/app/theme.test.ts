import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { themeFor } from './theme.ts';

type Rgba = [number, number, number, number];

function parse(colour: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    const n = parseInt(digits, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(colour);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3]), fn[4] === undefined ? 1 : Number(fn[4])];
  throw new Error(`unreadable colour ${colour}`);
}

/** A translucent colour as it shows over an opaque one. */
function over(top: Rgba, below: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of a text colour on a background laid over white. */
function contrast(text: string, background: string): number {
  const bg = over(parse(background), [255, 255, 255, 1]);
  const fg = over(parse(text), bg);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PRESETS = ['blue', 'geekblue', 'purple', 'cyan', 'green', 'lime', 'gold', 'yellow', 'orange', 'volcano', 'red', 'magenta', 'pink'];

describe('contrast of the theme (WCAG 2 AA: 4.5:1 for text)', () => {
  it('measures as the WCAG examples do', () => {
    expect(contrast('#8c8c8c', '#ffffff')).toBeCloseTo(3.36, 2);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('rgba(0, 0, 0, 0.45)', '#ffffff')).toBeCloseTo(contrast('#8c8c8c', '#ffffff'), 1);
  });

  for (const largeText of [false, true]) {
    describe(largeText ? 'large text, high contrast' : 'standard', () => {
      const t = theme.getDesignToken(themeFor(largeText)) as unknown as Record<string, string>;
      const pairs: [string, string][] = [
        // On white and on the grey of table headers and disabled fields.
        ...['colorText', 'colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextPlaceholder', 'colorLink', 'colorPrimary', 'colorError', 'colorErrorText', 'colorSuccess', 'colorWarning', 'colorInfo'].flatMap(
          (text): [string, string][] => [[text, 'colorBgContainer'], [text, 'colorFillAlter']],
        ),
        ['colorTextDisabled', 'colorBgContainerDisabled'],
        ['colorTextPlaceholder', 'colorBgContainerDisabled'],
        // Status tags: their colour on their pale background.
        ['colorSuccess', 'colorSuccessBg'],
        ['colorInfo', 'colorInfoBg'],
        ['colorWarning', 'colorWarningBg'],
        ['colorError', 'colorErrorBg'],
        // Preset tags: shade 7 on shade 1.
        ...PRESETS.map((p): [string, string] => [`${p}7`, `${p}1`]),
        // Solid buttons: white on the primary and the danger colour, also under the pointer and pressed.
        ...['colorPrimary', 'colorPrimaryHover', 'colorPrimaryActive', 'colorError', 'colorErrorHover', 'colorErrorActive'].map((b): [string, string] => ['colorTextLightSolid', b]),
        // Outlined buttons and links under the pointer and pressed: their colour as text on white.
        ...['colorPrimaryHover', 'colorPrimaryActive', 'colorPrimaryTextHover', 'colorPrimaryTextActive', 'colorErrorTextHover', 'colorErrorTextActive', 'colorLinkHover', 'colorLinkActive'].map(
          (text): [string, string] => [text, 'colorBgContainer'],
        ),
      ];
      for (const [text, background] of pairs) {
        it(`${text} on ${background}`, () => {
          expect(contrast(t[text]!, t[background]!), `${t[text]} on ${t[background]}`).toBeGreaterThanOrEqual(4.5);
        });
      }
    });
  }

  it('makes text of the large mode at least 20 px and the standard one 14 px', () => {
    expect(theme.getDesignToken(themeFor(true)).fontSize).toBeGreaterThanOrEqual(20);
    expect(theme.getDesignToken(themeFor(false)).fontSize).toBe(14);
  });

  it('draws the large mode darker than the standard one', () => {
    const standard = theme.getDesignToken(themeFor(false)) as unknown as Record<string, string>;
    const large = theme.getDesignToken(themeFor(true)) as unknown as Record<string, string>;
    for (const key of ['colorText', 'colorTextSecondary', 'colorTextDescription', 'colorLink', 'colorError']) {
      expect(contrast(large[key]!, '#ffffff'), key).toBeGreaterThan(contrast(standard[key]!, '#ffffff'));
    }
    expect(contrast(large.colorBorder!, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('turns motion off, and only motion, for people who ask their system for less of it', () => {
    for (const largeText of [false, true]) {
      const moving = theme.getDesignToken(themeFor(largeText)) as unknown as Record<string, unknown>;
      const still = theme.getDesignToken(themeFor(largeText, true)) as unknown as Record<string, unknown>;
      expect([moving.motion, still.motion]).toEqual([true, false]);
      expect([moving.motionDurationMid, still.motionDurationMid]).toEqual(['0.2s', '0s']);
      const changed = Object.keys(moving).filter((k) => moving[k] !== still[k]);
      expect(changed.filter((k) => !k.startsWith('motion'))).toEqual([]);
    }
  });
});
