import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { DB } from '../../tables.ts';
import { EMPLOYER_COLUMNS, SERVED_COLUMNS } from './workforce.policy.ts';
import type { SocialWorkerListQuery } from './workforce.schemas.ts';
import type { SocialWorkersTable } from './workforce.tables.ts';

export type SocialWorkerRow = Selectable<SocialWorkersTable> & { employer_name: string | null };

/** Rows inside the assignments' scopes: by served community or street, district, employer. */
function inScope(assignments: Assignment[]): Expression<SqlBool> {
  return sql<SqlBool>`(${scopeCondition(assignments, SERVED_COLUMNS, 'social_workers')} or ${scopeCondition(
    assignments,
    EMPLOYER_COLUMNS,
    'social_workers',
  )})`;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('social_workers')
    .leftJoin('organizations', 'organizations.id', 'social_workers.employer_organization_id')
    .leftJoin('communities', 'communities.id', 'social_workers.employer_community_id')
    .selectAll('social_workers')
    .select((eb) => eb.fn.coalesce('organizations.name', 'communities.name').as('employer_name'));
}

export function findSocialWorker(
  db: Kysely<DB>,
  id: string,
  scope: Assignment[],
): Promise<SocialWorkerRow | undefined> {
  return base(db).where('social_workers.id', '=', id).where(inScope(scope)).executeTakeFirst();
}

/** A social worker named as another's supervisor: whom they work for, whether still there. */
export function supervisorCandidate(db: Kysely<DB>, districtId: string, id: string) {
  return db
    .selectFrom('social_workers')
    .select(['id', 'status', 'employer_organization_id', 'employer_community_id'])
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ListFilter extends SocialWorkerListQuery {
  limit: number;
  after: [string, string] | null;
  /** Tenant of the community filter, when there is one. */
  districtId?: string;
}

export function listSocialWorkers(db: Kysely<DB>, scope: Assignment[], f: ListFilter): Promise<SocialWorkerRow[]> {
  let q = base(db).where(inScope(scope));
  if (f.districtId) q = q.where('social_workers.district_id', '=', f.districtId);
  if (f.q) q = q.where(sql<SqlBool>`starts_with(social_workers.name, ${f.q.trim()})`);
  if (f.organizationId) q = q.where('social_workers.employer_organization_id', '=', f.organizationId);
  if (f.communityId) q = q.where(sql<SqlBool>`social_workers.community_ids @> array[${f.communityId}]::uuid[]`);
  if (f.employerType) q = q.where('social_workers.employer_type', '=', f.employerType);
  if (f.certificateLevel) q = q.where('social_workers.certificate_level', '=', f.certificateLevel);
  if (f.status) q = q.where('social_workers.status', '=', f.status);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('social_workers.name', 'social_workers.id'), '>', eb.tuple(name, id)));
  }
  return q.orderBy('social_workers.name').orderBy('social_workers.id').limit(f.limit + 1).execute();
}

export interface CommunityInfo {
  id: string;
  district_id: string;
  street_id: string;
}

export async function communities(db: Kysely<DB>, ids: string[]): Promise<Map<string, CommunityInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('communities').select(['id', 'district_id', 'street_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function idNumberTaken(db: Kysely<DB>, districtId: string, hash: Buffer, exceptId?: string): Promise<boolean> {
  let q = db
    .selectFrom('social_workers')
    .select('id')
    .where('district_id', '=', districtId)
    .where('id_number_hash', '=', hash);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}
