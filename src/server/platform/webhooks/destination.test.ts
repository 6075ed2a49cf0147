import { describe, expect, it } from 'vitest';
import { assertPublicDestination, isPlainlyPrivate, isPrivateAddress } from './destination.ts';

describe('webhook destinations', () => {
  it.each([
    ['127.0.0.1', true], ['10.20.30.40', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.0.10', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['::1', true], ['::', true],
    ['fd00::1', true], ['fe80::1', true], ['::ffff:10.0.0.1', true], ['not-an-ip', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['114.114.114.114', false], ['2400:3200::1', false], ['::ffff:8.8.8.8', false],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it('tells local names and literal addresses without DNS', () => {
    expect(isPlainlyPrivate(new URL('http://localhost:3000/x'))).toBe(true);
    expect(isPlainlyPrivate(new URL('http://db.internal/x'))).toBe(true);
    expect(isPlainlyPrivate(new URL('http://[fd12::3]/x'))).toBe(true);
    expect(isPlainlyPrivate(new URL('https://hooks.example.org/x'))).toBe(false);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolvesTo = (...addresses: string[]) => (async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))) as never;
    await expect(assertPublicDestination(new URL('https://a.example.org'), resolvesTo('93.184.216.34'))).resolves.toBeUndefined();
    await expect(assertPublicDestination(new URL('https://a.example.org'), resolvesTo('93.184.216.34', '10.0.0.2'))).rejects.toThrow(/private/);
    await expect(assertPublicDestination(new URL('https://a.example.org'), resolvesTo())).rejects.toThrow(/private/);
  });
});
