import { Type, type Static } from 'typebox';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { organizationNames } from '../organizations/index.ts';
import { milestonesOf } from './projects.delivery.ts';
import { GRADES } from './projects.grading.ts';
import { FUNDING_SOURCES, PROJECT_OUTCOMES, type FundingSource, type ProjectOutcome } from './projects.tables.ts';

/** Funded by government money: purchase of services and venture philanthropy (公益创投, from civil-affairs funds). */
const GOVERNMENT: readonly FundingSource[] = ['government_purchase', 'venture_philanthropy'];

export const TrackRecord = Type.Object({
  organizationId: Uuid,
  won: Type.Integer(),
  inDelivery: Type.Integer(),
  outcomes: Type.Object(Object.fromEntries(PROJECT_OUTCOMES.map((o) => [o, Type.Integer()])) as Record<ProjectOutcome, ReturnType<typeof Type.Integer>>),
  /** Accepted without conditions and without any rectification along the way. */
  acceptedFirstTry: Type.Integer(),
  milestones: Type.Object({ due: Type.Integer(), onTime: Type.Integer() }),
  projects: Type.Array(
    Type.Object({ id: Uuid, refNo: Type.String(), title: Type.String(), status: Type.String(), outcome: Nullable(StringEnum(PROJECT_OUTCOMES)), endedOn: Nullable(Type.String()), amountFen: Type.Integer(), fundingSource: StringEnum(FUNDING_SOURCES), coFundingFen: Type.Integer(), finalGrade: Nullable(StringEnum(GRADES)), finalScore: Nullable(Type.Number()), rectified: Type.Boolean() }),
  ),
  /**
   * Money by source: each project's contract amount (or its budget, delivered before contracts
   * were recorded here) under its funding source, and the co-funding its contract records under
   * the co-funding's kind. Concentration is the Herfindahl index of the sources' shares: 1 when
   * all money comes from one source, 0.2 when spread evenly over all five.
   */
  fundingMix: Type.Object({ totalFen: Type.Integer(), governmentShare: Nullable(Type.Number()), concentration: Nullable(Type.Number()), bySource: Type.Object(Object.fromEntries(FUNDING_SOURCES.map((f) => [f, Type.Integer()])) as Record<FundingSource, ReturnType<typeof Type.Integer>>) }),
});
export type TrackRecord = Static<typeof TrackRecord>;

/**
 * An organization's track record and funding mix (issue 9), computed from the projects it was
 * contracted for, their evaluations, milestones and outcomes: nothing typed. The register is
 * public, and so is this.
 */
export async function trackRecordOf(ctx: RequestContext, organizationId: string): Promise<TrackRecord> {
  requireActor(ctx);
  if (!(await organizationNames(ctx.db, [organizationId])).has(organizationId)) throw new AppError('resource.not_found');
  const projects = await ctx.db
    .selectFrom('projects as p')
    .leftJoin('contracts as k', (j) => j.onRef('k.district_id', '=', 'p.district_id').onRef('k.project_id', '=', 'p.id'))
    .select(['p.id', 'p.district_id', 'p.ref_no', 'p.title', 'p.status', 'p.outcome', 'p.ended_on', 'p.budget_fen', 'p.funding_source', 'k.amount_fen', 'k.co_funding_fen', 'k.co_funding_kind'])
    .where('p.contractor_organization_id', '=', organizationId)
    .orderBy('p.id', 'desc')
    .limit(500)
    .execute();
  const evaluations = projects.length
    ? await ctx.db.selectFrom('evaluations').select(['project_id', 'kind', 'grade', 'score_halves', 'conclusion']).where('project_id', 'in', projects.map((p) => p.id)).execute()
    : [];
  const today = localDate(new Date());
  // A milestone counts once reached or once due; on time when reached by its due date.
  const milestones = (await milestonesOf(ctx.db, projects)).filter((m) => m.reachedOn !== null || m.dueOn < today);
  const outcomes = Object.fromEntries(PROJECT_OUTCOMES.map((o) => [o, projects.filter((p) => p.outcome === o).length])) as Record<ProjectOutcome, number>;
  const bySource = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
  const rows = projects.map((p) => {
    const mine = evaluations.filter((e) => e.project_id === p.id);
    const final = mine.find((e) => e.kind === 'final' && e.conclusion);
    const amountFen = Number(p.amount_fen ?? p.budget_fen);
    const coFundingFen = Number(p.co_funding_fen ?? 0);
    bySource[p.funding_source] += amountFen;
    if (p.co_funding_kind) bySource[p.co_funding_kind] += coFundingFen;
    return {
      id: p.id, refNo: p.ref_no, title: p.title, status: p.status, outcome: p.outcome, endedOn: p.ended_on, amountFen, fundingSource: p.funding_source, coFundingFen,
      finalGrade: final?.grade ?? null, finalScore: final?.score_halves == null ? null : final.score_halves / 2,
      rectified: mine.some((e) => e.conclusion === 'rectify'),
    };
  });
  const totalFen = Object.values(bySource).reduce((a, b) => a + b, 0);
  const government = GOVERNMENT.reduce((s, k) => s + bySource[k], 0);
  const share = (fen: number) => fen / totalFen;
  const thousandths = (x: number) => Math.round(1000 * x) / 1000;
  return {
    organizationId,
    won: projects.length,
    inDelivery: projects.filter((p) => p.outcome === null).length,
    outcomes,
    acceptedFirstTry: rows.filter((r) => r.outcome === 'accepted' && !r.rectified).length,
    milestones: { due: milestones.length, onTime: milestones.filter((m) => m.reachedOn !== null && m.reachedOn <= m.dueOn).length },
    projects: rows,
    fundingMix: {
      totalFen,
      governmentShare: totalFen === 0 ? null : thousandths(share(government)),
      concentration: totalFen === 0 ? null : thousandths(Object.values(bySource).reduce((s, fen) => s + share(fen) ** 2, 0)),
      bySource,
    },
  };
}
