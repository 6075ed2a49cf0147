import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, interpolate, toLocale } from './locale.ts';

describe('Accept-Language', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, de;q=0.8', undefined],
    ['fr-FR, en-GB;q=0.5, zh;q=0.4', 'en'],
    ['zh;q=0.2, en;q=0.9', 'en'],
    ['en;q=0, zh-CN;q=0.1', 'zh-CN'],
    ['EN', 'en'],
    ['*', undefined],
    ['en;q=oops, zh', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });

  it('keeps header order between equal weights', () => {
    expect(fromAcceptLanguage('en;q=0.5, zh;q=0.5')).toBe('en');
  });
});

describe('locale helpers', () => {
  it('maps language tags to supported locales', () => {
    expect(toLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(toLocale('en-AU')).toBe('en');
    expect(toLocale('ja')).toBeUndefined();
    expect(toLocale(null)).toBeUndefined();
  });

  it('fills named parameters and leaves unknown ones', () => {
    expect(interpolate('请 {minutes} 分钟后再试 {x}', { minutes: 15 })).toBe('请 15 分钟后再试 {x}');
  });
});
