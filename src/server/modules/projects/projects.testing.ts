import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';
import type { ProjectStatus } from './projects.tables.ts';

let counter = 0;

/** A project row as later stages see it (no origin needs), for modules that build on projects. */
export async function buildProject(
  db: Kysely<DB>,
  o: { districtId: string; streetId: string; communityIds?: string[]; purchaser: 'street' | 'district'; status: ProjectStatus; createdBy: string; budgetFen?: number },
): Promise<{ id: string; refNo: string }> {
  const id = newId();
  const refNo = `P-T-${String(++counter).padStart(4, '0')}-${id.slice(-6)}`;
  await db
    .insertInto('projects')
    .values({
      district_id: o.districtId,
      id,
      ref_no: refNo,
      title: `测试项目 ${counter}`,
      budget_fen: o.budgetFen ?? 18_000_000,
      funding_source: 'government_purchase',
      purchaser_level: o.purchaser,
      purchaser_street_id: o.purchaser === 'street' ? o.streetId : null,
      street_ids: [o.streetId],
      community_ids: o.communityIds ?? [],
      status: o.status,
      created_by: o.createdBy,
    })
    .execute();
  return { id, refNo };
}
