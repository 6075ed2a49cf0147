#!/usr/bin/env node
// Builds the web app (`vite build` into dist/web) only when it is missing or older than what it
// is built from, so `npm start` and the browser tests do not wait for a build they already have.
// As a script: `node scripts/web-build.mjs`; the browser tests' runner imports buildWebIfStale.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the build reads: the web app, the code it shares with the server, the build set-up. */
const SOURCES = ['src/web', 'src/common', 'vite.config.ts', 'scripts/vite-precompress.ts', 'package-lock.json'];
/** Written by every build; the compressed copy comes last (scripts/vite-precompress.ts). */
const OUTPUTS = ['dist/web/index.html', 'dist/web/index.html.br'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether dist/web was built after the last change to any of its sources. */
export function webBuildIsCurrent(root = ROOT) {
  const outputs = OUTPUTS.map((f) => path.join(root, f));
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

/** Runs `vite build` when the build is not current; resolves to its exit code (0 when not needed). */
export function buildWebIfStale(prefix, root = ROOT) {
  if (webBuildIsCurrent(root)) {
    console.log(`${prefix}: the web app in dist/web is up to date`);
    return Promise.resolve(0);
  }
  console.log(`${prefix}: building the web app (vite build)`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return new Promise((resolve) => {
    const child = spawn(npx, ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await buildWebIfStale('start'));
}
