import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal identifiers (ID numbers, phone numbers) are stored as AES-256-GCM ciphertext
 * beside an HMAC-SHA256 of the normalised value, so that exact lookups never decrypt.
 * Encryption and lookup keys are derived from one master key so that one secret is managed.
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('PII key must be 32 bytes');
    this.encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, '', 'sanshe pii enc', 32));
    this.macKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, '', 'sanshe pii mac', 32));
  }

  /** Layout: version(1) | iv(12) | tag(16) | ciphertext. */
  encrypt(plain: string): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer | Uint8Array): string {
    const buf = Buffer.from(sealed);
    if (buf[0] !== 1) throw new Error('unknown PII ciphertext version');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encKey, buf.subarray(1, 13));
    decipher.setAuthTag(buf.subarray(13, 29));
    return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8');
  }

  /** The three stored forms of one identifier: ciphertext, lookup hash and display mask. */
  seal(normalized: string, mask: (value: string) => string): { cipher: Buffer; hash: Buffer; masked: string } {
    return { cipher: this.encrypt(normalized), hash: this.lookupHash(normalized), masked: mask(normalized) };
  }

  /** Keyed hash for exact lookup; callers normalise first (upper case, no spaces). */
  lookupHash(value: string): Buffer {
    return crypto.createHmac('sha256', this.macKey).update(value).digest();
  }
}

/**
 * The key comes from PII_KEY; without it a development key is created in the data folder on
 * first start (never in the repository) and reused afterwards.
 */
export function loadPiiKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new Error('PII_KEY must be base64 of 32 bytes');
    return key;
  }
  const file = path.join(dataDir, 'pii.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}

/** `320102195603151234` → `3201**********1234`. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** `13812345678` → `138****5678`; landlines keep their area code and last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(Math.max(phone.length - 2, 0)) + phone.slice(-2);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
