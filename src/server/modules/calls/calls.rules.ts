import { Type, type Static } from 'typebox';
import { StringEnum } from '../../platform/http/schema.ts';
import { DEFAULT_RANKING_RULES } from '../projects/projects.ranking.ts';

/**
 * The rules a round is run on (DESIGN 3.6): who may apply, how applications are scored, how the
 * ranking is computed, how long the result is publicised. A call copies the district's
 * defaults when drafted and keeps its copy once open.
 */
const Name = Type.Object({ 'zh-CN': Type.String({ minLength: 1, maxLength: 100 }), en: Type.String({ minLength: 1, maxLength: 100 }) });

export const Criterion = Type.Object({
  id: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  name: Name,
  /** The most points a reviewer may give; a call's criteria add up to 100. */
  maxPoints: Type.Integer({ minimum: 1, maximum: 100 }),
});

export const Eligibility = Type.Object({
  /** Lowest valid rating (3A…); none means unrated organizations may apply. */
  minRating: Type.Optional(StringEnum(['1A', '2A', '3A', '4A', '5A'] as const)),
  /** Months since registration (or filing, for community-based organizations). */
  minAgeMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  requireAnnualReport: Type.Boolean(),
  /** Organizations on the activity-abnormal list (活动异常名录) may not apply. */
  excludeAbnormalList: Type.Boolean(),
  /** Organizations on the serious-dishonesty list (严重违法失信名单) may not apply. */
  excludeDishonestList: Type.Boolean(),
  /** Months after a failed project during which its organization may not apply. */
  failedProjectExclusionMonths: Type.Integer({ minimum: 0, maximum: 120 }),
  /** Filed community-based organizations (社区社会组织, 备案) may apply. */
  acceptsFiledCommunityOrgs: Type.Boolean(),
});

export const CallRules = Type.Object({
  criteria: Type.Array(Criterion, { minItems: 1, maxItems: 12 }),
  bonus: Type.Object({
    coFundingPointsPerTenPercent: Type.Number({ minimum: 0, maximum: 5, multipleOf: 0.5 }),
    priorityThemes: Type.Array(Type.Object({ theme: Type.String({ minLength: 1, maxLength: 40 }), points: Type.Number({ minimum: 0.5, maximum: 10, multipleOf: 0.5 }) }), { maxItems: 10 }),
    maxBonus: Type.Number({ minimum: 0, maximum: 10, multipleOf: 0.5 }),
  }),
  /** With this many reviews or more the highest and the lowest total are dropped. */
  trimFrom: Type.Integer({ minimum: 3, maximum: 20 }),
  passMark: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Smallest panel a round may open with. */
  minPanel: Type.Integer({ minimum: 1, maximum: 30 }),
  eligibility: Eligibility,
});
export type CallRules = Static<typeof CallRules>;

const n = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Criteria of the usual 公益创投 scoring sheet. */
export const DEFAULT_CALL_RULES: CallRules = {
  criteria: [
    { id: 'need_fit', name: n('需求契合度', 'Fit with the needs'), maxPoints: 30 },
    { id: 'design', name: n('项目设计与可行性', 'Design and feasibility'), maxPoints: 25 },
    { id: 'team', name: n('团队与专业能力', 'Team and expertise'), maxPoints: 20 },
    { id: 'budget', name: n('预算合理性', 'Sound budget'), maxPoints: 15 },
    { id: 'sustainability', name: n('可持续性与创新', 'Sustainability and innovation'), maxPoints: 10 },
  ],
  bonus: { ...DEFAULT_RANKING_RULES.bonus, priorityThemes: [] },
  trimFrom: DEFAULT_RANKING_RULES.trimFrom,
  passMark: DEFAULT_RANKING_RULES.passMark,
  minPanel: 3,
  eligibility: {
    requireAnnualReport: true,
    excludeAbnormalList: true,
    excludeDishonestList: true,
    failedProjectExclusionMonths: 24,
    acceptsFiledCommunityOrgs: true,
  },
};

/** What the schema cannot say: criteria add up to 100 and have distinct ids. */
export function rulesProblem(rules: CallRules): { field: string; code: 'call.criteria_not_100' | 'call.criteria_id_twice' } | null {
  if (new Set(rules.criteria.map((c) => c.id)).size !== rules.criteria.length) return { field: 'rules.criteria', code: 'call.criteria_id_twice' };
  if (rules.criteria.reduce((s, c) => s + c.maxPoints, 0) !== 100) return { field: 'rules.criteria', code: 'call.criteria_not_100' };
  return null;
}
