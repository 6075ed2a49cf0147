import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../tables.ts';
import type { OrganizationListQuery } from './organizations.schemas.ts';
import type { OrganizationsTable } from './organizations.tables.ts';

export type OrganizationRow = Selectable<OrganizationsTable>;

export function findOrganization(db: Kysely<DB>, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function usccTaken(db: Kysely<DB>, uscc: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('organizations').select('id').where('uscc', '=', uscc);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The communities an organization is registered to serve (none for an unknown id). */
export async function servedCommunities(db: Kysely<DB>, id: string): Promise<string[]> {
  const row = await db.selectFrom('organizations').select('service_community_ids').where('id', '=', id).executeTakeFirst();
  return row?.service_community_ids ?? [];
}

/** The communities among `ids` that exist, with their street. */
export async function communityStreets(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('communities').select(['id', 'street_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.street_id]));
}

export interface ListFilter extends OrganizationListQuery {
  limit: number;
  today: string;
  after: [string, string] | null;
}

/** One page ordered by (name, id); the register is public, so no scope condition applies. */
export function listOrganizations(db: Kysely<DB>, f: ListFilter): Promise<OrganizationRow[]> {
  let q = db.selectFrom('organizations').selectAll();
  if (f.q) {
    const text = f.q.trim();
    const code = text.replace(/\s+/g, '').toUpperCase();
    q = q.where((eb) =>
      eb.or([eb(sql`strpos(lower(name), lower(${text}))`, '>', 0), eb('uscc', '=', code)]),
    );
  }
  if (f.type) q = q.where('type', '=', f.type);
  if (f.rating) q = q.where('rating', '=', f.rating);
  if (f.ratingStatus === 'none') q = q.where('rating', 'is', null);
  if (f.ratingStatus === 'valid') q = q.where('rating_valid_until', '>=', f.today);
  if (f.ratingStatus === 'expired') q = q.where('rating_valid_until', '<', f.today);
  if (f.districtId) q = q.where('registration_district_id', '=', f.districtId);
  if (f.communityId) q = q.where(sql<boolean>`service_community_ids @> array[${f.communityId}]::uuid[]`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(name, id)));
  }
  return q.orderBy('name').orderBy('id').limit(f.limit + 1).execute();
}

/** Names of organizations by id, for other modules' views. */
export async function organizationNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
