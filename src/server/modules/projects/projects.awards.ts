import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { CoFundingKind } from './projects.tables.ts';

/** The live award a project was given by a round (calls module), as its contract needs it. */
export interface ProjectAward {
  callId: string;
  callRefNo: string;
  callStatus: string;
  applicationId: string;
  organizationId: string;
  organizationName: string;
  amountFen: number;
  /** What the winning application pledged from elsewhere (配套资金). */
  coFunding: { fen: number; kind: CoFundingKind | null; source: string };
}

type AwardLookup = (db: Kysely<DB>, districtId: string, projectId: string) => Promise<ProjectAward | undefined>;
let lookup: AwardLookup | undefined;

/** The calls module depends on this one, so it hands in how a project's award is found. */
export function provideProjectAwards(fn: AwardLookup): void {
  lookup = fn;
}

export function awardOfProject(db: Kysely<DB>, districtId: string, projectId: string): Promise<ProjectAward | undefined> {
  return lookup ? lookup(db, districtId, projectId) : Promise.resolve(undefined);
}
