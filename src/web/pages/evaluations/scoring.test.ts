import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_TEMPLATE, leavesOf as serverLeaves } from '../../../server/modules/projects/projects.evaluation-template.ts';
import type { EvaluationView, Indicator, ProjectEvaluations } from './evaluationQueries.ts';
import { awardedUnder, conclusionsFor, leavesOf, maxOf, stageOf } from './scoring.ts';

const template = DEFAULT_EVALUATION_TEMPLATE as unknown as Indicator[];

const evaluation = (over: Partial<EvaluationView>): EvaluationView => ({
  id: 'e', kind: 'midterm', evaluatorName: '', awarded: {}, score: 0, grade: null, findings: '', conclusion: null, rectification: '', rectifyBy: null,
  rectifiedNote: null, rectifiedAt: null, recheck: null, recheckNote: null, submittedAt: null, allowedActions: [], ...over,
});
const data = (evaluations: EvaluationView[], midterm: ProjectEvaluations['midterm'] = null) => ({ evaluations, midterm, allowedActions: [] });
const handedIn = '2026-01-01T00:00:00Z';

describe('the score sheet', () => {
  it('scores the level-3 indicators the server scores, 100 in all, with sums per level', () => {
    expect(leavesOf(template).map((l) => l.id)).toEqual(serverLeaves(DEFAULT_EVALUATION_TEMPLATE).map((l) => l.id));
    expect(template.reduce((s, n) => s + maxOf(n), 0)).toBe(100);
    const management = template[0]!;
    expect(awardedUnder(management, { 'management.plan.schedule': 7.5, 'management.team.staffing': 5 })).toBe(12.5);
  });

  it('offers only the conclusions the kind and the grade allow', () => {
    expect(conclusionsFor('midterm', 'pass')).toEqual(['passed', 'rectify']);
    expect(conclusionsFor('midterm', 'fail')).toEqual(['failed']);
    expect(conclusionsFor('final', 'excellent')).toEqual(['accepted', 'accepted_with_conditions']);
    expect(conclusionsFor('final', 'fail')).toEqual(['failed']);
  });
});

describe('where an evaluation stands', () => {
  it('follows story 4: mid-term due, scored, rectified, re-checked, final, acceptance', () => {
    expect(stageOf('contracted', data([]))).toBe('before_delivery');
    expect(stageOf('in_delivery', data([]))).toBe('start_midterm');
    expect(stageOf('midterm', data([evaluation({})]))).toBe('scoring_midterm');
    const rectify = { submittedAt: handedIn, conclusion: 'rectify' };
    expect(stageOf('in_delivery', data([evaluation(rectify)], 'rectify'))).toBe('rectifying');
    expect(stageOf('in_delivery', data([evaluation({ ...rectify, rectifiedAt: handedIn })], 'rectify'))).toBe('recheck');
    const rechecked = evaluation({ ...rectify, rectifiedAt: handedIn, recheck: 'passed' });
    expect(stageOf('in_delivery', data([rechecked], 'passed'))).toBe('start_final');
    expect(stageOf('final', data([rechecked, evaluation({ kind: 'final' })], 'passed'))).toBe('scoring_final');
    expect(stageOf('final', data([rechecked, evaluation({ kind: 'final', submittedAt: handedIn })], 'passed'))).toBe('acceptance');
    expect(stageOf('accepted', data([rechecked, evaluation({ kind: 'final', submittedAt: handedIn })], 'passed'))).toBe('ended');
  });

  it('leaves a failed mid-term to the funder', () => {
    expect(stageOf('midterm', data([evaluation({ submittedAt: handedIn, conclusion: 'failed' })], 'failed'))).toBe('midterm_failed');
    expect(stageOf('terminated', data([evaluation({ submittedAt: handedIn, conclusion: 'failed' })], 'failed'))).toBe('ended');
  });
});
