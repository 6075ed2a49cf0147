import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, REVIEW_ACTIONS } from '../../../server/modules/cases/cases.lifecycle.ts';
import { ASSESSMENT_DOMAINS, CASE_SOURCES, GOAL_RESULTS } from '../../../server/modules/cases/cases.schemas.ts';
import { CASE_RECORD_KINDS, CASE_STATUSES, SHAREABLE_FIELDS } from '../../../server/modules/cases/cases.tables.ts';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { ASSESSMENT_DOMAINS as WEB_DOMAINS, GOAL_RESULTS as WEB_RESULTS, REFERRAL_DECISIONS, SHAREABLE_FIELDS as WEB_FIELDS } from './caseQueries.ts';
import { SCORES } from './caseWords.ts';

describe('casework labels', () => {
  it('name every status, step, record, source, domain, score, result, shareable field and referral status the server knows, in both languages', () => {
    for (const c of [zhCN, en]) {
      for (const s of CASE_STATUSES) expect([c.caseStatus[s], c.caseNext[s]].every(Boolean), s).toBe(true);
      for (const a of CASE_ACTIONS) expect(c.caseAction[a], a).toBeTruthy();
      for (const a of REVIEW_ACTIONS) expect(c.caseReview[a], a).toBeTruthy();
      for (const k of CASE_RECORD_KINDS) expect(c.caseRecord[k], k).toBeTruthy();
      for (const s of CASE_SOURCES) expect(c.caseSource[s], s).toBeTruthy();
      for (const d of ASSESSMENT_DOMAINS) expect(c.caseDomain[d], d).toBeTruthy();
      for (const r of GOAL_RESULTS) expect(c.goalResult[r], r).toBeTruthy();
      for (const s of SCORES) expect(c.caseScore[String(s) as keyof typeof c.caseScore], String(s)).toBeTruthy();
      for (const f of SHAREABLE_FIELDS) expect(c.caseField[f], f).toBeTruthy();
      for (const s of ['sent', ...REFERRAL_DECISIONS] as const) expect(c.referralStatus[s], s).toBeTruthy();
      for (const d of REFERRAL_DECISIONS) expect(c.referralDecision[d], d).toBeTruthy();
    }
  });

  it('keep the web copies of the server lists in step', () => {
    expect(WEB_DOMAINS).toEqual(ASSESSMENT_DOMAINS);
    expect(WEB_RESULTS).toEqual(GOAL_RESULTS);
    expect(WEB_FIELDS).toEqual(SHAREABLE_FIELDS);
  });
});
