/**
 * A browser's user-agent string as a person names their device: "Chrome · Windows",
 * "WeChat · iPhone". Order matters: in-app browsers and Edge also claim to be Chrome and
 * Safari, so they are asked first.
 */
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\//, 'wechat'],
  [/DingTalk\//, 'dingtalk'],
  [/Edg(A|iOS)?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/(Chrome|CriOS)\//, 'Chrome'],
  [/(Firefox|FxiOS)\//, 'Firefox'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/, 'harmony'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows NT/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export interface DeviceName {
  /** A product name, or a catalogue key (wechat, dingtalk, harmony) for names that are translated. */
  browser: string | null;
  system: string | null;
}

export function deviceOf(userAgent: string): DeviceName {
  const find = (list: [RegExp, string][]) => list.find(([re]) => re.test(userAgent))?.[1] ?? null;
  return { browser: find(BROWSERS), system: find(SYSTEMS) };
}

/** The device in words, or null when nothing is recognised (the caller says "unknown device"). */
export function deviceName(userAgent: string, t: (key: string) => string): string | null {
  const { browser, system } = deviceOf(userAgent);
  const word = (x: string) => (/^[a-z]+$/.test(x) ? t(`device.${x}`) : x);
  const parts = [browser, system].filter((x): x is string => !!x).map(word);
  return parts.length ? parts.join(' · ') : null;
}
