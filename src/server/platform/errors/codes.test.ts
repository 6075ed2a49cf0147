import { describe, expect, it } from 'vitest';
import '../../app.ts';
import { AppError, allErrorCodes, defineErrors, errorDefinition, invalid, translate } from './app-error.ts';

describe('error registry', () => {
  it('gives every registered code a status and both languages', () => {
    const codes = allErrorCodes();
    // platform, accounts and the other modules have all registered by now
    expect(codes).toEqual(expect.arrayContaining(['validation.failed', 'resource.not_found', 'user.invalid_scope', 'auth.invalid_credentials']));
    for (const code of codes) {
      const def = errorDefinition(code)!;
      expect(code).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
      expect(Number.isInteger(def.status) && def.status >= 400 && def.status < 600, `${code} status`).toBe(true);
      expect(def.message['zh-CN'].trim(), `${code} zh-CN`).not.toBe('');
      expect(def.message.en.trim(), `${code} en`).not.toBe('');
      // the two texts use the same placeholders
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(def.message['zh-CN']), `${code} placeholders`).toEqual(params(def.message.en));
    }
  });

  it('refuses unknown and duplicate codes', () => {
    expect(() => new AppError('no.such_code')).toThrow(/unknown error code/);
    expect(() => defineErrors({ 'resource.not_found': { status: 404, message: { 'zh-CN': 'x', en: 'x' } } })).toThrow(/defined twice/);
  });

  it('translates with parameters and carries field errors', () => {
    expect(translate('auth.too_many_attempts', 'en', { minutes: 15 })).toBe('Too many failed attempts; try again in 15 min');
    const err = invalid({ field: 'username', code: 'validation.required' });
    expect(err.status).toBe(400);
    expect(err.fields).toEqual([{ field: 'username', code: 'validation.required' }]);
  });
});
