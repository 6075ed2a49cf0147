import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/** The project answering a need, as its reporter is told about it. */
export interface NeedProject {
  id: string;
  refNo: string;
  title: string;
  status: string;
}

type NeedProjectLookup = (db: Kysely<DB>, districtId: string, commonNeedId: string) => Promise<NeedProject | null>;
let lookup: NeedProjectLookup | undefined;

/**
 * The projects module depends on this one (through common needs), so it hands in how a
 * pooled need's project is found; until it does (a build without projects) no need names one.
 */
export function provideNeedProjects(fn: NeedProjectLookup): void {
  lookup = fn;
}

export function projectOfNeed(db: Kysely<DB>, row: { district_id: string; common_need_id: string | null }): Promise<NeedProject | null> {
  return row.common_need_id && lookup ? lookup(db, row.district_id, row.common_need_id) : Promise.resolve(null);
}
