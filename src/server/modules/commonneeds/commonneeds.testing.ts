/** Test factory for common needs: a group inserted directly (no HTTP, no audit). */
import type { Insertable, Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';
import type { CommonNeedsTable } from './commonneeds.tables.ts';

interface Place {
  district: { id: string };
  street: { id: string };
  community: { id: string };
  category: (code: string) => string;
}

export async function buildCommonNeed(db: Kysely<DB>, w: Place, createdBy: string, o: Partial<Insertable<CommonNeedsTable>> = {}): Promise<string> {
  const id = newId();
  await db
    .insertInto('common_needs')
    .values({
      district_id: w.district.id,
      id,
      street_id: w.street.id,
      community_id: w.community.id,
      category_id: w.category('property_facilities'),
      title: '楼道照明集中维修',
      created_by: createdBy,
      ...o,
    })
    .execute();
  return id;
}
