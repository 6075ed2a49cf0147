import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { CountMeasure, Measure } from './projects.tables.ts';

/**
 * What a project's activities have recorded (services module): the only source of its actuals.
 * Nothing here is typed in by anyone; a progress report may explain a gap, never change these.
 */
export interface DeliveryFacts {
  /** Sessions not cancelled with at least one attendance. */
  sessionsHeld: number;
  /** Distinct residents who attended any session. */
  peopleServed: number;
  /** Attendances (人次). */
  attendances: number;
  ratings: number;
  /** Ratings of 4 or 5 (满意 and 非常满意). */
  satisfied: number;
}

/** Sessions starting within these Asia/Shanghai dates, both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** A running count to follow: a milestone's measure and threshold on its project. */
export interface Threshold {
  districtId: string;
  projectId: string;
  measure: CountMeasure;
  threshold: number;
}

export interface DeliveryFactsSource {
  totals(db: Kysely<DB>, districtId: string, projectId: string, within?: DateRange): Promise<DeliveryFacts>;
  /** For each threshold, in order, the Asia/Shanghai date on which its count first reached it, or null: in one statement. */
  reachedOn(db: Kysely<DB>, thresholds: readonly Threshold[]): Promise<(string | null)[]>;
}

const NONE: DeliveryFactsSource = {
  totals: async () => ({ sessionsHeld: 0, peopleServed: 0, attendances: 0, ratings: 0, satisfied: 0 }),
  reachedOn: async (_db, thresholds) => thresholds.map(() => null),
};

const reachedOf = (db: Kysely<DB>, districtId: string, projectId: string, milestones: readonly { measure: CountMeasure; threshold: number }[]) =>
  milestones.length ? source.reachedOn(db, milestones.map((m) => ({ districtId, projectId, measure: m.measure, threshold: m.threshold }))) : Promise.resolve([]);
let source = NONE;

/** The services module depends on this one, so it hands in how delivery facts are counted. */
export function provideDeliveryFacts(s: DeliveryFactsSource): void {
  source = s;
}

export const MEASURE_KIND: Record<Measure, 'output' | 'outcome'> = {
  sessions_held: 'output',
  people_served: 'output',
  attendances: 'output',
  satisfaction_rate: 'outcome',
};

/** The actual of a measure; the satisfaction rate is a whole percentage, null before any rating. */
export function actualOf(measure: Measure, f: DeliveryFacts): number | null {
  switch (measure) {
    case 'sessions_held':
      return f.sessionsHeld;
    case 'people_served':
      return f.peopleServed;
    case 'attendances':
      return f.attendances;
    case 'satisfaction_rate':
      return f.ratings === 0 ? null : Math.round((100 * f.satisfied) / f.ratings);
  }
}

function planOf(db: Kysely<DB>, districtId: string, projectId: string) {
  return Promise.all([
    db.selectFrom('project_indicators').select(['measure', 'target']).where('district_id', '=', districtId).where('project_id', '=', projectId).execute(),
    db.selectFrom('project_milestones').selectAll().where('district_id', '=', districtId).where('project_id', '=', projectId).orderBy('seq').execute(),
  ]);
}

const ORDER: readonly Measure[] = ['sessions_held', 'people_served', 'attendances', 'satisfaction_rate'];

/** What a project's activities recorded, to date or within a period. */
export function factsOf(db: Kysely<DB>, districtId: string, projectId: string, within?: DateRange): Promise<DeliveryFacts> {
  return source.totals(db, districtId, projectId, within);
}

/** Indicators with their computed actuals and milestones with the day each was reached. */
export async function deliveryOf(db: Kysely<DB>, districtId: string, projectId: string) {
  const [[indicators, milestones], facts] = await Promise.all([planOf(db, districtId, projectId), source.totals(db, districtId, projectId)]);
  const reached = await reachedOf(db, districtId, projectId, milestones);
  return {
    facts,
    indicators: indicators
      .sort((a, b) => ORDER.indexOf(a.measure) - ORDER.indexOf(b.measure))
      .map((i) => {
        const actual = actualOf(i.measure, facts);
        return { measure: i.measure, kind: MEASURE_KIND[i.measure], target: i.target, actual, met: actual !== null && actual >= i.target };
      }),
    milestones: milestones.map((m, k) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      dueOn: m.due_on,
      measure: m.measure,
      threshold: m.threshold,
      actual: actualOf(m.measure, facts) ?? 0,
      reachedOn: reached[k] ?? null,
      onTime: reached[k] ? reached[k]! <= m.due_on : null,
    })),
  };
}

/** Milestones whose threshold has been reached: what a milestone tranche waits for. */
export async function milestonesReached(db: Kysely<DB>, districtId: string, projectId: string): Promise<Set<string>> {
  const milestones = await db.selectFrom('project_milestones').select(['id', 'measure', 'threshold']).where('district_id', '=', districtId).where('project_id', '=', projectId).execute();
  const reached = await reachedOf(db, districtId, projectId, milestones);
  return new Set(milestones.filter((_, k) => reached[k] !== null).map((m) => m.id));
}

/**
 * Milestones of several projects with the day each was reached: one statement for the
 * milestones, one for all their days (a track record's "milestones on time").
 */
export async function milestonesOf(db: Kysely<DB>, projects: readonly { district_id: string; id: string }[]) {
  if (projects.length === 0) return [];
  const rows = await db.selectFrom('project_milestones').selectAll().where('project_id', 'in', projects.map((p) => p.id)).execute();
  const reached = rows.length ? await source.reachedOn(db, rows.map((m) => ({ districtId: m.district_id, projectId: m.project_id, measure: m.measure, threshold: m.threshold }))) : [];
  return rows.map((m, k) => ({ projectId: m.project_id, dueOn: m.due_on, reachedOn: reached[k] ?? null }));
}
