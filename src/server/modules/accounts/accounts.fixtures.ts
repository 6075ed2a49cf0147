/**
 * Territory rows for account and audit tests: one district with a street, community, grid,
 * household, resident and a registered organization, inserted directly (no HTTP, no audit).
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';

export interface DistrictFixture {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string;
  residentId: string;
  organizationId: string;
}

export async function buildDistrictFixture(db: Kysely<DB>): Promise<DistrictFixture> {
  const tag = crypto.randomBytes(4).toString('hex');
  const [districtId, streetId, communityId, gridId, householdId, residentId, organizationId] = Array.from({ length: 7 }, () =>
    newId(),
  ) as [string, string, string, string, string, string, string];
  await db.insertInto('districts').values({ id: districtId, code: `D${tag}`, name: `区${tag}`, name_en: null }).execute();
  await db
    .insertInto('streets')
    .values({ id: streetId, district_id: districtId, code: `S${tag}`, name: `街道${tag}`, name_en: null })
    .execute();
  await db
    .insertInto('communities')
    .values({ id: communityId, district_id: districtId, street_id: streetId, code: `C${tag}`, name: `社区${tag}`, name_en: null })
    .execute();
  await db
    .insertInto('grids')
    .values({ district_id: districtId, id: gridId, street_id: streetId, community_id: communityId, code: `G${tag}`, name: `网格${tag}` })
    .execute();
  await db
    .insertInto('households')
    .values({
      district_id: districtId,
      id: householdId,
      street_id: streetId,
      community_id: communityId,
      grid_id: gridId,
      address: `幸福路${tag}号`,
      address_key: `幸福路${tag}号`,
    })
    .execute();
  await db
    .insertInto('residents')
    .values({
      district_id: districtId,
      id: residentId,
      household_id: householdId,
      street_id: streetId,
      community_id: communityId,
      grid_id: gridId,
      name: '王某',
      gender: 'female',
      birth_date: '1950-01-01',
      id_number_cipher: crypto.randomBytes(16),
      id_number_hash: crypto.randomBytes(32),
      id_number_masked: '3201**********0000',
    })
    .execute();
  await db
    .insertInto('organizations')
    .values({
      id: organizationId,
      name: `社工机构${tag}`,
      uscc: `52${tag}${crypto.randomBytes(4).toString('hex')}`.toUpperCase().slice(0, 18),
      type: 'service_institution',
      registration_date: '2020-01-01',
      registration_authority: '民政局',
      registration_district_id: districtId,
    })
    .execute();
  return { districtId, streetId, communityId, gridId, householdId, residentId, organizationId };
}
