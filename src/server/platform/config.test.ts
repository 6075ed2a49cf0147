import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('TRUST_PROXY', () => {
  const read = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

  it('trusts no proxy unless set', () => {
    expect(read()).toBe(false);
    expect(read('')).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('0')).toBe(false);
  });

  it('reads a hop count', () => {
    expect(read('1')).toBe(1);
    expect(read(' 2 ')).toBe(2);
  });

  it('reads a comma-separated list of addresses and CIDR ranges', () => {
    expect(read('10.0.0.1, 10.1.0.0/16,fd00::/8 ,::1,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback']);
  });

  it('refuses to start on anything else, "true" (every sender) included', () => {
    for (const wrong of ['true', 'proxy.example', '10.0.0.300', '10.0.0.0/33', '10.0.0.1/8/1', '10.0.0.1, nginx', '-1']) {
      expect(() => read(wrong), wrong).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('LOG_LEVEL', () => {
  it('logs warnings and errors only unless set, so the start-up lines (demo logins) stay on screen', () => {
    expect(loadConfig({}).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: '' }).logLevel).toBe('warn');
  });

  it('takes the level it is given', () => {
    expect(loadConfig({ LOG_LEVEL: 'info' }).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });
});
