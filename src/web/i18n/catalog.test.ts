import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES, SCOPE_TYPES } from '../../common/roles.ts';
import en from './en.ts';
import zhCN from './zh-CN.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

function leaves(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
}

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('message catalogues', () => {
  const zhKeys = keys(zhCN).sort();
  const enKeys = new Set(keys(en));

  it('have identical key sets in zh-CN and en', () => {
    expect(keys(en).sort()).toEqual(zhKeys);
  });

  it('have no empty texts, and interpolations match between languages', () => {
    for (const v of [...leaves(zhCN), ...leaves(en)]) expect(v.trim()).not.toBe('');
    const vars = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const k of zhKeys) {
      const get = (o: object) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string;
      expect(vars(get(en)), k).toEqual(vars(get(zhCN)));
    }
  });

  it('label every role and scope type', () => {
    for (const r of ROLES) expect(enKeys.has(`role.${r}`) && zhKeys.includes(`role.${r}`), r).toBe(true);
    for (const s of SCOPE_TYPES) expect(zhKeys.includes(`scope.${s}`), s).toBe(true);
  });

  it('contain every literal key the web app uses', () => {
    const used = new Set<string>();
    for (const file of sources(webDir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/label: '([a-z]+\.[a-zA-Z]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !zhKeys.includes(k));
    expect(missing).toEqual([]);
  });
});
