import { describe, expect, it } from 'vitest';
import { NEED_STATES } from '../../../server/modules/needs/needs.lifecycle.ts';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';

describe('what a resident reads about their need', () => {
  it('is a sentence for every state, in both languages, none of them the state\'s short name', () => {
    for (const catalogue of [zhCN, en]) {
      const words = catalogue.residentWords as Record<string, string>;
      const names = catalogue.needState as Record<string, string>;
      for (const state of NEED_STATES) {
        expect(words[state], state).toBeTruthy();
        expect(words[state], state).not.toBe(names[state]);
      }
    }
  });
});
