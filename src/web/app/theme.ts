import { theme, type MappingAlgorithm, type ThemeConfig } from 'antd';

/**
 * The one place for the web app's colours and sizes. Every text colour is at least 4.5:1 on the
 * background it is drawn on (WCAG 2 AA, theme.test.ts measures them): antd's defaults are not
 * (grey #8c8c8c 3.36:1, blue links 4.1:1, the 12 px tags' orange and green 2.2–3.3:1), and many
 * of the people using this app are old.
 */

/** The brand red; white text on it is 5.4:1, and as text on white it is the same. */
const BRAND = '#c0392b';
const BRAND_STRONG = '#a02d22';

/**
 * Hover and pressed colours go darker, not lighter as antd derives them: the pointer stays on a
 * button after a click, and antd's lighter hover (#cc5e4e) gives its white text only 4.0:1.
 */
function states(primary: [string, string], error: [string, string], link: [string, string]): ThemeConfig['token'] {
  return {
    colorPrimaryHover: primary[0],
    colorPrimaryActive: primary[1],
    colorPrimaryTextHover: primary[0],
    colorPrimaryTextActive: primary[1],
    colorErrorHover: error[0],
    colorErrorActive: error[1],
    colorErrorTextHover: error[0],
    colorErrorTextActive: error[1],
    colorLinkHover: link[0],
    colorLinkActive: link[1],
  };
}

/**
 * Preset tag colours draw their text in shade 7 on shade 1; these shades are dark enough for
 * small text on the light background (antd's shade 8, or 9 for the yellows and lime). They are
 * set by the algorithm: antd's style variables take the palette from it, not from `token`.
 */
const TAG_TEXT = {
  blue7: '#003eb3',
  geekblue7: '#061178',
  purple7: '#391085',
  cyan7: '#006d75',
  green7: '#237804',
  lime7: '#3f6600',
  gold7: '#874d00',
  yellow7: '#614700',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  red7: '#a8071a',
  magenta7: '#9e1068',
  pink7: '#9e1068',
} as const;

const STANDARD: ThemeConfig['token'] = {
  colorPrimary: BRAND,
  borderRadius: 6,
  // Secondary and hint texts: antd's 45 % and 25 % black are too faint.
  colorTextSecondary: 'rgba(0, 0, 0, 0.70)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
  colorTextDescription: 'rgba(0, 0, 0, 0.64)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.60)',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.60)',
  colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
  // Status colours serve as text (tags, overdue dates, danger buttons), on white and on their own pale backgrounds.
  colorLink: '#0958d9',
  colorInfo: '#0958d9',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#c41d1d',
  // antd derives these from the colours above, too dark once those are darkened: keep them pale.
  colorInfoBg: '#e6f4ff',
  colorSuccessBg: '#f6ffed',
  colorWarningBg: '#fffbe6',
  colorErrorBg: '#fff2f0',
  ...states(['#a93226', '#922b21'], ['#a8071a', '#820014'], ['#003eb3', '#002c8c']),
};

/**
 * Large text and high contrast: a base of 20 px, near-black text, darker borders and status
 * colours, taller controls for unsteady hands.
 */
const LARGE: ThemeConfig['token'] = {
  ...STANDARD,
  fontSize: 20,
  fontSizeSM: 18,
  fontSizeLG: 22,
  fontSizeXL: 24,
  fontSizeHeading1: 36,
  fontSizeHeading2: 32,
  fontSizeHeading3: 28,
  fontSizeHeading4: 24,
  fontSizeHeading5: 22,
  lineHeight: 1.6,
  controlHeight: 44,
  controlHeightSM: 36,
  controlHeightLG: 52,
  colorPrimary: BRAND_STRONG,
  colorText: '#000000',
  colorTextHeading: '#000000',
  colorTextSecondary: 'rgba(0, 0, 0, 0.85)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.80)',
  colorTextDescription: 'rgba(0, 0, 0, 0.80)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.72)',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.72)',
  colorTextDisabled: 'rgba(0, 0, 0, 0.68)',
  colorBorder: '#595959',
  colorBorderSecondary: '#8c8c8c',
  colorLink: '#002c8c',
  colorInfo: '#002c8c',
  colorSuccess: '#135200',
  colorWarning: '#873800',
  colorError: '#a8071a',
  ...states(['#8c271e', '#7a1914'], ['#8f0616', '#820014'], ['#001d66', '#001d66']),
};

const readableTags: MappingAlgorithm = (seed) => ({ ...theme.defaultAlgorithm(seed), ...TAG_TEXT });

// One object per mode: the same theme is the same object, so ConfigProvider redraws nothing when
// the app re-renders for other reasons (the preferences arriving after sign-in, say).
const THEMES = {
  standard: { token: STANDARD, algorithm: readableTags },
  large: { token: LARGE, algorithm: readableTags },
  standardStill: { token: { ...STANDARD, motion: false }, algorithm: readableTags },
  largeStill: { token: { ...LARGE, motion: false }, algorithm: readableTags },
} satisfies Record<string, ThemeConfig>;

/**
 * The theme for a display mode. `reducedMotion` (the system's "reduce motion" setting) turns
 * antd's zooms and slides off: dialogs and menus appear in place (WCAG 2.3.3).
 */
export function themeFor(largeText: boolean, reducedMotion = false): ThemeConfig {
  if (largeText) return reducedMotion ? THEMES.largeStill : THEMES.large;
  return reducedMotion ? THEMES.standardStill : THEMES.standard;
}
