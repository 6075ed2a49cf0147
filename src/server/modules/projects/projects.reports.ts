import { Type, type Static } from 'typebox';
import { newId } from '../../platform/db/ids.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { DateStr, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { userDisplayNames } from '../accounts/index.ts';
import { deliveryOf, factsOf } from './projects.delivery.ts';
import { projectPolicy } from './projects.policy.ts';
import { EvidenceView, MAX_EVIDENCE_PER_REPORT, evidenceOf } from './projects.report-evidence.ts';
import { loadVisible, recordOf } from './projects.service.ts';
import { MEASURES } from './projects.tables.ts';

export const ReportBody = Type.Object(
  {
    periodStart: DateStr,
    periodEnd: DateStr,
    narrative: Type.String({ minLength: 1, maxLength: 10_000 }),
    /** Why an indicator is short of its target, by measure. There is no field for a figure. */
    gaps: Type.Optional(Type.Record(StringEnum(MEASURES), Type.String({ minLength: 1, maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;

const Facts = Type.Object({ sessionsHeld: Type.Integer(), peopleServed: Type.Integer(), attendances: Type.Integer(), ratings: Type.Integer(), satisfied: Type.Integer() });
export const ReportList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      seq: Type.Integer(),
      periodStart: Type.String(),
      periodEnd: Type.String(),
      narrative: Type.String(),
      gaps: Type.Record(Type.String(), Type.String()),
      figures: Type.Object({ period: Facts, toDate: Facts, indicators: Type.Array(Type.Object({ measure: Type.String(), target: Type.Integer(), actual: Type.Union([Type.Integer(), Type.Null()]), met: Type.Boolean() })) }),
      submittedBy: Type.String(),
      submittedAt: Type.String(),
      /** Photos and documents backing the report; they change none of its figures. */
      evidence: Type.Array(EvidenceView),
      /** Whether the caller may still add evidence: the contractor, to its latest report, up to the limit. */
      canAddEvidence: Type.Boolean(),
    }),
  ),
  canSubmit: Type.Boolean(),
  maxEvidence: Type.Integer(),
});
export type ReportList = Static<typeof ReportList>;

/** The project's progress reports, newest first, for its readers. */
export async function listReports(ctx: RequestContext, projectId: string): Promise<ReportList> {
  const { actor, row } = await loadVisible(ctx, projectId);
  const rows = await ctx.db.selectFrom('progress_reports').selectAll().where('district_id', '=', row.district_id).where('project_id', '=', row.id).orderBy('seq', 'desc').limit(100).execute();
  const [names, evidence] = await Promise.all([userDisplayNames(ctx.db, rows.map((r) => r.submitted_by)), evidenceOf(ctx.db, row.district_id, row.id, rows.map((r) => r.id))]);
  const canSubmit = projectPolicy.can(actor, 'submit_report', recordOf(row));
  return {
    items: rows.map((r, i) => ({
      id: r.id, seq: r.seq, periodStart: r.period_start, periodEnd: r.period_end, narrative: r.narrative,
      gaps: r.gaps as Record<string, string>, figures: r.figures as ReportList['items'][number]['figures'],
      submittedBy: names.get(r.submitted_by) ?? '', submittedAt: new Date(r.submitted_at).toISOString(),
      evidence: evidence.get(r.id) ?? [],
      canAddEvidence: canSubmit && i === 0 && (evidence.get(r.id)?.length ?? 0) < MAX_EVIDENCE_PER_REPORT,
    })),
    canSubmit,
    maxEvidence: MAX_EVIDENCE_PER_REPORT,
  };
}

/**
 * The contractor reports a period that has ended. Its figures are computed now from the
 * activities — the period's and the indicators to date — and kept with the report; the
 * organization explains only indicators short of their target.
 */
export async function submitReport(ctx: RequestContext, projectId: string, body: ReportBody): Promise<ReportList> {
  const { actor, row } = await loadVisible(ctx, projectId);
  projectPolicy.authorize(actor, 'submit_report', recordOf(row));
  if (!body.narrative.trim()) throw invalid({ field: 'narrative', code: 'validation.required' });
  if (body.periodEnd < body.periodStart) throw invalid({ field: 'periodEnd', code: 'report.period_order' });
  if (body.periodEnd > localDate(new Date())) throw invalid({ field: 'periodEnd', code: 'report.period_not_over' });
  const [period, delivery] = await Promise.all([factsOf(ctx.db, row.district_id, row.id, { from: body.periodStart, to: body.periodEnd }), deliveryOf(ctx.db, row.district_id, row.id)]);
  for (const measure of Object.keys(body.gaps ?? {})) {
    const indicator = delivery.indicators.find((i) => i.measure === measure);
    if (!indicator || indicator.met) throw invalid({ field: `gaps.${measure}`, code: 'report.no_gap' });
  }
  const figures = { period, toDate: delivery.facts, indicators: delivery.indicators.map(({ measure, target, actual, met }) => ({ measure, target, actual, met })) };
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    const last = await trx.selectFrom('progress_reports').select((eb) => eb.fn.max('seq').as('seq')).where('district_id', '=', row.district_id).where('project_id', '=', row.id).executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    try {
      await trx
        .insertInto('progress_reports')
        .values({ district_id: row.district_id, id, project_id: row.id, seq, period_start: body.periodStart, period_end: body.periodEnd, narrative: body.narrative.trim(), gaps: JSON.stringify(body.gaps ?? {}), figures: JSON.stringify(figures), submitted_by: actor.userId })
        .execute();
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AppError('report.concurrent');
      throw err;
    }
    await audit({ action: 'progress_report.submit', entityType: 'progress_report', entityId: id, districtId: row.district_id, after: { projectId: row.id, seq, periodStart: body.periodStart, periodEnd: body.periodEnd, figures } });
  });
  return listReports(ctx, projectId);
}
