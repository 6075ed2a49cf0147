import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES, SCOPE_TYPES } from '../../common/roles.ts';
import { NEED_ACTIONS, NEED_STATES, TIMELINE_ACTIONS } from '../../server/modules/needs/needs.lifecycle.ts';
import { OFFERED_CALL_ACTIONS } from '../../server/modules/calls/calls.lifecycle.ts';
import { CALL_TRANSITIONS } from '../../server/modules/calls/calls.lifecycle.ts';
import { ELIGIBILITY_REASONS } from '../../server/modules/organizations/organizations.eligibility.ts';
import { PROJECT_TRANSITIONS } from '../../server/modules/projects/projects.lifecycle.ts';
import en from './en.ts';
import enEveryday from './en.everyday.ts';
import enOffice from './en.office.ts';
import zhCN from './zh-CN.ts';
import zhEveryday from './zh-CN.everyday.ts';
import zhOffice from './zh-CN.office.ts';

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

  it('hold each text in one part only, the same part in both languages', () => {
    // The whole catalogue spreads the two parts: a key in both would lose one of its texts.
    for (const [everyday, office] of [[zhEveryday, zhOffice], [enEveryday, enOffice]]) {
      expect(Object.keys(everyday).filter((k) => k in office)).toEqual([]);
    }
    expect(keys(enEveryday).sort()).toEqual(keys(zhEveryday).sort());
    expect(keys(enOffice).sort()).toEqual(keys(zhOffice).sort());
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

  it('name every step a timeline can hold and every state, in both languages (no raw words)', () => {
    const missing = [
      ...TIMELINE_ACTIONS.map((a) => `needAction.${a}`),
      ...NEED_STATES.map((s) => `needState.${s}`),
      // A project's timeline names each step of its lifecycle (and the call's steps on the call page).
      ...PROJECT_TRANSITIONS.map((t) => `projectAction.${t.action}`),
      ...CALL_TRANSITIONS.map((t) => `callEvent.${t.action}`),
    ].filter((k) => !zhKeys.includes(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('explain every eligibility reason the server can give, in both languages', () => {
    const missing = ELIGIBILITY_REASONS.map((r) => `eligibility.${r}`).filter((k) => !zhKeys.includes(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('name every audit action the server writes, in both languages (the audit log shows words, not codes)', () => {
    // The server's audit calls name their action as a literal "<entity>.<verb>"; a need's
    // transitions write need.<action>, a call's call.<action>.
    const serverDir = path.resolve(webDir, '../server');
    const actions = new Set([...NEED_ACTIONS.map((a) => `need.${a}`), ...OFFERED_CALL_ACTIONS.map((a) => `call.${a}`), ...(['open_call', 'close_call', 'withdraw_call'] as const).map((a) => `project.${a}`)]);
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []));
    for (const file of walk(serverDir)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        // An audit entry's action, or the action a module's shared save() passes on to it.
        if (!/\baction: |await save\(ctx/.test(line) || /AppError|code: /.test(line)) continue;
        for (const m of line.matchAll(/'([a-z_0-9]+(?:\.[a-z_0-9]+)+)'/g)) actions.add(m[1]!);
      }
    }
    expect(actions.size).toBeGreaterThan(60);
    const has = (k: string) => zhKeys.includes(k) && enKeys.has(k);
    const unnamed = [...actions].filter((a) => {
      const cut = a.lastIndexOf('.');
      const verb = a.slice(cut + 1);
      return !has(`auditEntity.${a.slice(0, cut).replace(/\./g, '_')}`) || !(has(`auditVerb.${verb}`) || has(`needAction.${verb}`));
    });
    expect(unnamed).toEqual([]);
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
