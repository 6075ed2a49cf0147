/**
 * Indicator templates for mid-term and final evaluations (DESIGN 3.6): three levels, points on
 * the level-3 indicators, each parent worth the sum of its children, 100 in all. A project keeps
 * the template (and version) it started with; the evaluator awards points per level-3 indicator
 * and the score is their sum — never typed as a total.
 */

export interface Indicator {
  id: string;
  name: { 'zh-CN': string; en: string };
  /** Level-3 indicators only: the most points the evaluator may award. */
  points?: number;
  children?: readonly Indicator[];
}

export type TemplateProblem = 'not_three_levels' | 'leaf_without_points' | 'parent_with_points' | 'not_100' | 'id_twice';

/** Checks shape and total; answers the first problem, or null. */
export function templateProblem(level1: readonly Indicator[]): TemplateProblem | null {
  const ids = new Set<string>();
  let total = 0;
  for (const l1 of level1) {
    for (const l2 of l1.children ?? []) {
      for (const l3 of l2.children ?? []) {
        if (l3.children?.length) return 'not_three_levels';
        if (l3.points === undefined || !Number.isInteger(l3.points) || l3.points <= 0) return 'leaf_without_points';
        total += l3.points;
        ids.add(l3.id);
      }
      if (!l2.children?.length) return 'not_three_levels';
      if (l2.points !== undefined) return 'parent_with_points';
      ids.add(l2.id);
    }
    if (!l1.children?.length) return 'not_three_levels';
    if (l1.points !== undefined) return 'parent_with_points';
    ids.add(l1.id);
  }
  const count = level1.reduce((n, l1) => n + 1 + (l1.children ?? []).reduce((m, l2) => m + 1 + (l2.children?.length ?? 0), 0), 0);
  if (ids.size !== count) return 'id_twice';
  if (total !== 100) return 'not_100';
  return null;
}

/** The level-3 indicators in order, with their maximum points. */
export function leavesOf(level1: readonly Indicator[]): { id: string; points: number }[] {
  return level1.flatMap((l1) => (l1.children ?? []).flatMap((l2) => (l2.children ?? []).map((l3) => ({ id: l3.id, points: l3.points ?? 0 }))));
}

/**
 * The score of an evaluation: the sum of points awarded per level-3 indicator, each between 0
 * and its maximum in halves of a point. Answers the score, or the first indicator in error.
 */
export function scoreEvaluation(
  level1: readonly Indicator[],
  awarded: Readonly<Record<string, number>>,
): { score: number } | { indicator: string; problem: 'missing' | 'out_of_range' | 'not_halves' | 'unknown' } {
  const leaves = leavesOf(level1);
  const known = new Set(leaves.map((l) => l.id));
  const unknown = Object.keys(awarded).find((id) => !known.has(id));
  if (unknown) return { indicator: unknown, problem: 'unknown' };
  let halves = 0;
  for (const leaf of leaves) {
    const a = awarded[leaf.id];
    if (a === undefined) return { indicator: leaf.id, problem: 'missing' };
    if (!Number.isInteger(a * 2)) return { indicator: leaf.id, problem: 'not_halves' };
    if (a < 0 || a > leaf.points) return { indicator: leaf.id, problem: 'out_of_range' };
    halves += a * 2;
  }
  return { score: halves / 2 };
}

const n = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The seeded default, after the usual structure of purchased social-work service evaluations. */
export const DEFAULT_EVALUATION_TEMPLATE: readonly Indicator[] = [
  {
    id: 'management',
    name: n('项目管理', 'Project management'),
    children: [
      {
        id: 'management.plan',
        name: n('计划与执行', 'Plan and execution'),
        children: [
          { id: 'management.plan.schedule', name: n('按计划推进，里程碑按时完成', 'Work on plan, milestones on time'), points: 8 },
          { id: 'management.plan.records', name: n('服务记录与档案完整', 'Complete service records and files'), points: 6 },
        ],
      },
      {
        id: 'management.team',
        name: n('团队与督导', 'Team and supervision'),
        children: [
          { id: 'management.team.staffing', name: n('社工配备符合合同', 'Social workers as contracted'), points: 6 },
          { id: 'management.team.supervision', name: n('督导按要求开展', 'Supervision held as required'), points: 5 },
        ],
      },
    ],
  },
  {
    id: 'outputs',
    name: n('服务产出', 'Service outputs'),
    children: [
      {
        id: 'outputs.volume',
        name: n('服务数量', 'Volume of service'),
        children: [
          { id: 'outputs.volume.sessions', name: n('活动场次达标', 'Sessions held against target'), points: 10 },
          { id: 'outputs.volume.people', name: n('服务人数达标', 'People served against target'), points: 10 },
        ],
      },
      {
        id: 'outputs.reach',
        name: n('服务覆盖', 'Reach'),
        children: [{ id: 'outputs.reach.beneficiaries', name: n('覆盖需求居民', 'Residents with the need reached'), points: 10 }],
      },
    ],
  },
  {
    id: 'outcomes',
    name: n('服务成效', 'Outcomes'),
    children: [
      {
        id: 'outcomes.goals',
        name: n('目标达成', 'Goals met'),
        children: [{ id: 'outcomes.goals.met', name: n('项目目标达成度', 'Degree the project goals are met'), points: 15 }],
      },
      {
        id: 'outcomes.satisfaction',
        name: n('满意度', 'Satisfaction'),
        children: [
          { id: 'outcomes.satisfaction.residents', name: n('服务对象满意率', 'Residents’ satisfaction rate'), points: 10 },
          { id: 'outcomes.satisfaction.community', name: n('社区评价', 'Community’s assessment'), points: 5 },
        ],
      },
    ],
  },
  {
    id: 'finance',
    name: n('财务管理', 'Financial management'),
    children: [
      {
        id: 'finance.use',
        name: n('资金使用', 'Use of funds'),
        children: [
          { id: 'finance.use.budget', name: n('按预算使用，支出合规', 'Spent to budget, compliant'), points: 10 },
          { id: 'finance.use.vouchers', name: n('票据凭证齐全', 'Complete receipts and vouchers'), points: 5 },
        ],
      },
    ],
  },
];
