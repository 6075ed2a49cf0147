import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webBuildIsCurrent } from './web-build.mjs';

let root;

/** Writes a file with the given modification time (seconds after a fixed instant). */
function write(file, at) {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, file);
  const time = new Date(Date.UTC(2026, 0, 1) + at * 1000);
  fs.utimesSync(full, time, time);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-web-build-'));
  for (const source of ['src/web/main.tsx', 'src/common/roles.ts', 'vite.config.ts', 'scripts/vite-precompress.ts', 'package-lock.json']) write(source, 0);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('whether npm start must build the web app', () => {
  it('builds when there is no build', () => {
    expect(webBuildIsCurrent(root)).toBe(false);
  });

  it('does not build again when the build is newer than every source', () => {
    write('dist/web/index.html', 10);
    write('dist/web/index.html.br', 11);
    expect(webBuildIsCurrent(root)).toBe(true);
  });

  it('builds when a build left no compressed copy (an older build, or one that stopped half-way)', () => {
    write('dist/web/index.html', 10);
    expect(webBuildIsCurrent(root)).toBe(false);
  });

  for (const source of ['src/web/pages/field/MyNeedsPage.tsx', 'src/common/roles.ts', 'vite.config.ts', 'scripts/vite-precompress.ts', 'package-lock.json']) {
    it(`builds when ${source} changed after the build`, () => {
      write('dist/web/index.html', 10);
      write('dist/web/index.html.br', 11);
      write(source, 20);
      expect(webBuildIsCurrent(root)).toBe(false);
    });
  }

  it('ignores changes to the server only', () => {
    write('dist/web/index.html', 10);
    write('dist/web/index.html.br', 11);
    write('src/server/main.ts', 20);
    expect(webBuildIsCurrent(root)).toBe(true);
  });
});
