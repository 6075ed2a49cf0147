import { CONCLUSIONS, type Conclusion } from '../../../server/modules/projects/projects.tables.ts';
import type { EvaluationKind, EvaluationView, Grade, Indicator, ProjectEvaluations } from './evaluationQueries.ts';

// The grade of a score is the server's own rule, graded the same way on the sheet as it is on submission.
export { gradeFor } from '../../../server/modules/projects/projects.grading.ts';

export type Awarded = Record<string, number | null | undefined>;

/** The level-3 indicators, in the template's order: the only ones that take points. */
export function leavesOf(template: readonly Indicator[]): Indicator[] {
  return template.flatMap((l1) => (l1.children ?? []).flatMap((l2) => l2.children ?? []));
}

/** Most points an indicator (of any level) can earn: its own, or the sum of its children's. */
export function maxOf(node: Indicator): number {
  return node.points ?? (node.children ?? []).reduce((s, c) => s + maxOf(c), 0);
}

/** Points given so far under an indicator; blanks count as nothing. */
export function awardedUnder(node: Indicator, awarded: Awarded): number {
  if (!node.children?.length) return awarded[node.id] ?? 0;
  return node.children.reduce((s, c) => s + awardedUnder(c, awarded), 0);
}

export const sumOf = (awarded: Awarded) => Object.values(awarded).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

/** Only the figures given: a draft may leave indicators blank. */
export const given = (awarded: Awarded) => Object.fromEntries(Object.entries(awarded).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** What the evaluator may conclude: a failing grade only fails, and nothing else does. */
export function conclusionsFor(kind: EvaluationKind, grade: Grade): Conclusion[] {
  return grade === 'fail' ? ['failed'] : (CONCLUSIONS[kind] as readonly Conclusion[]).filter((c) => c !== 'failed');
}

/** Points in halves, as the evaluator writes them: 78, 7.5. */
export const points = (n: number) => String(Math.round(n * 2) / 2);

/**
 * Where a project's evaluation stands, from the evaluator's side. `owed` marks the steps that
 * wait for the evaluator; the others wait for the contractor, the funder, or nobody.
 */
export type Stage =
  | 'before_delivery' | 'start_midterm' | 'scoring_midterm' | 'rectifying' | 'recheck'
  | 'start_final' | 'scoring_final' | 'acceptance' | 'midterm_failed' | 'ended';

export const OWED: readonly Stage[] = ['start_midterm', 'scoring_midterm', 'recheck', 'scoring_final'];

export function stageOf(status: string, data: Pick<ProjectEvaluations, 'evaluations' | 'midterm' | 'allowedActions'>): Stage {
  const of = (kind: EvaluationKind): EvaluationView | undefined => data.evaluations.find((e) => e.kind === kind);
  const final = of('final');
  const midterm = of('midterm');
  if (final) return !final.submittedAt ? 'scoring_final' : status === 'final' ? 'acceptance' : 'ended';
  if (status === 'terminated' || status === 'cancelled') return 'ended';
  if (midterm) {
    if (!midterm.submittedAt) return 'scoring_midterm';
    if (midterm.conclusion === 'rectify' && !midterm.rectifiedAt) return 'rectifying';
    if (midterm.conclusion === 'rectify' && !midterm.recheck) return 'recheck';
    if (data.midterm === 'failed') return 'midterm_failed';
    return status === 'in_delivery' ? 'start_final' : 'ended';
  }
  if (status === 'contracted') return 'before_delivery';
  return status === 'in_delivery' ? 'start_midterm' : 'ended';
}
