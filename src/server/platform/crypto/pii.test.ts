import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPiiKey, maskIdNumber, maskPhone, PiiCipher } from './pii.ts';

const key = crypto.randomBytes(32);
const cipher = new PiiCipher(key);

describe('PII encryption', () => {
  it('round-trips, including Chinese text', () => {
    for (const value of ['320102195603151234', '13812345678', '王小明 南京市', '']) {
      expect(cipher.decrypt(cipher.encrypt(value))).toBe(value);
    }
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    const a = cipher.encrypt('320102195603151234');
    const b = cipher.encrypt('320102195603151234');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(a.toString('latin1')).not.toContain('320102');
  });

  it('detects tampering with ciphertext, tag or IV, and refuses other keys', () => {
    const sealed = cipher.encrypt('320102195603151234');
    for (const at of [5, 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x01;
      expect(() => cipher.decrypt(bad)).toThrow();
    }
    const version = Buffer.from(sealed);
    version[0] = 9;
    expect(() => cipher.decrypt(version)).toThrow(/version/);
    expect(() => new PiiCipher(crypto.randomBytes(32)).decrypt(sealed)).toThrow();
    expect(cipher.decrypt(new Uint8Array(sealed))).toBe('320102195603151234');
  });

  it('makes a lookup hash that is stable, value- and key-dependent, and not the cipher key', () => {
    const h = cipher.lookupHash('320102195603151234');
    expect(h).toHaveLength(32);
    expect(new PiiCipher(Buffer.from(key)).lookupHash('320102195603151234').equals(h)).toBe(true);
    expect(cipher.lookupHash('320102195603151235').equals(h)).toBe(false);
    expect(new PiiCipher(crypto.randomBytes(32)).lookupHash('320102195603151234').equals(h)).toBe(false);
    const plainHmac = crypto.createHmac('sha256', key).update('320102195603151234').digest();
    expect(plainHmac.equals(h)).toBe(false);
  });

  it('accepts only 32-byte keys', () => {
    expect(() => new PiiCipher(crypto.randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('PII keys', () => {
  it('reads PII_KEY, or creates a private key file once and reuses it', () => {
    expect(loadPiiKey(key.toString('base64'), '/nonexistent').equals(key)).toBe(true);
    expect(() => loadPiiKey(Buffer.alloc(8).toString('base64'), '/nonexistent')).toThrow(/32 bytes/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-pii-'));
    try {
      const first = loadPiiKey(undefined, dir);
      expect(first).toHaveLength(32);
      expect(fs.statSync(path.join(dir, 'pii.key')).mode & 0o077).toBe(0);
      expect(loadPiiKey(undefined, dir).equals(first)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('masking', () => {
  it('masks ID numbers to the first and last four characters', () => {
    expect(maskIdNumber('320102195603151234')).toBe('3201**********1234');
    expect(maskIdNumber('32010219560315123X')).toBe('3201**********123X');
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('masks phone numbers to 3 + 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02584561234')).toBe('025****1234');
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('12')).toBe('12');
  });
});
