import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing.ts';

let t: TestApp;
let webDir: string;

const INDEX = `<!doctype html><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script>${' '.repeat(400)}`;
const SCRIPT = `export const pages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `page ${i}`))};`;

/** A build as vite writes it: hashed files under assets/, each with its brotli and gzip copy. */
function writeBuild(dir: string) {
  fs.mkdirSync(path.join(dir, 'assets'));
  const files = { 'index.html': INDEX, 'assets/index-Ab12Cd34.js': SCRIPT };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
}

function decoded(res: { rawPayload: Buffer; headers: Record<string, unknown> }): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.rawPayload).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(res.rawPayload).toString();
  return res.rawPayload.toString();
}

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-web-'));
  writeBuild(webDir);
  t = await createTestApp({}, { webDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('the web app is sent compressed, as the browser accepts it', () => {
  // Accept-Encoding → the encoding answered (literal, from RFC 9110's negotiation rules).
  const cases: [string | undefined, string | undefined][] = [
    ['gzip, deflate, br, zstd', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['identity', undefined],
    ['deflate', undefined],
    [undefined, undefined],
  ];
  for (const [accept, encoding] of cases) {
    it(`answers Accept-Encoding "${accept ?? '(none)'}" with ${encoding ?? 'the file as it is'}`, async () => {
      const headers = accept === undefined ? {} : { 'accept-encoding': accept };
      const res = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(res)).toBe(SCRIPT);
      if (encoding) expect(res.rawPayload.length).toBeLessThan(SCRIPT.length);
    });
  }

  it('sends index.html compressed for the app\'s own paths as well', async () => {
    for (const url of ['/', '/index.html', '/my-needs/new']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(decoded(res), url).toBe(INDEX);
    }
  });
});

describe('cache headers', () => {
  it('lets browsers keep a hashed asset for a year without asking again', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': encoding } });
      expect(res.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
    }
  });

  it('makes browsers revalidate index.html on every visit, answering 304 when it has not changed', async () => {
    for (const url of ['/', '/index.html', '/needs']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const etag = String(res.headers.etag);
      expect(etag, url).not.toBe('undefined');
      const again = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('keeps the security headers on the web app\'s files', async () => {
    for (const url of ['/', '/assets/index-Ab12Cd34.js']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(String(res.headers['content-security-policy']), url).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });
});

describe('what is not a file of the build', () => {
  it('answers 404 for a missing asset instead of index.html (a script of an older build)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/NeedPage-Old123.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('route.not_found');
    expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });

  it('does not serve the compressed copies as files of their own', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js.br' });
    expect(res.statusCode).toBe(404);
    const html = await t.app.inject({ method: 'GET', url: '/index.html.gz' });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-encoding']).toBeUndefined();
    expect(decoded(html)).toBe(INDEX);
  });
});
