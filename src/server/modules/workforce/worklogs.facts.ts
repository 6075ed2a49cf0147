import type { Kysely } from 'kysely';
import type { ProfessionalCategory } from '../../../common/worklogs.ts';
import type { DB } from '../../tables.ts';

/**
 * Professional work already on record elsewhere: a case session's minutes, an activity session a
 * worker staffed. It fills the professional part of a day without being typed twice.
 */
export interface RecordedWork {
  workerId: string;
  day: string;
  category: ProfessionalCategory;
  minutes: number;
  source: 'case_session' | 'activity_shift' | 'supervision';
  /** What the work was, in words a supervisor may read: a case's number, an activity's title, the supervisor's name; never a client's name. */
  label: string;
}

export interface RecordedWorkSource {
  /** The work of these workers of one district on the days from–to (inclusive, Asia/Shanghai). */
  recorded(db: Kysely<DB>, districtId: string, workerIds: readonly string[], from: string, to: string): Promise<RecordedWork[]>;
}

const sources: RecordedWorkSource[] = [];

/** The cases and services modules depend on this one, so they hand in what they record. */
export function provideRecordedWork(source: RecordedWorkSource): void {
  sources.push(source);
}

export async function recordedWork(db: Kysely<DB>, districtId: string, workerIds: readonly string[], from: string, to: string): Promise<RecordedWork[]> {
  if (workerIds.length === 0) return [];
  const all = await Promise.all(sources.map((s) => s.recorded(db, districtId, workerIds, from, to)));
  return all.flat();
}

/** Open cases per worker, handed in by the cases module. */
export type CaseloadSource = (db: Kysely<DB>, districtId: string, workerIds: readonly string[]) => Promise<Map<string, number>>;
let caseloadSource: CaseloadSource = async () => new Map<string, number>();

export function provideCaseloads(source: CaseloadSource): void {
  caseloadSource = source;
}

export function openCaseloads(db: Kysely<DB>, districtId: string, workerIds: readonly string[]): Promise<Map<string, number>> {
  return workerIds.length ? caseloadSource(db, districtId, workerIds) : Promise.resolve(new Map<string, number>());
}
