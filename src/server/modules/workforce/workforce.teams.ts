import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/** A social worker as an application's team lists them: no contact data, only what a panel weighs. */
export interface TeamMember {
  id: string;
  name: string;
  certificateLevel: string;
  organizationId: string;
}

/**
 * The active social workers an organization employs, in any district's register: who it may put
 * on an application's team. With `ids`, only those (the others are not its staff).
 */
export async function organizationStaff(db: Kysely<DB>, organizationId: string, ids?: string[]): Promise<TeamMember[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('social_workers')
    .select(['id', 'name', 'certificate_level', 'employer_organization_id'])
    .where('employer_organization_id', '=', organizationId)
    .where('status', '=', 'active');
  if (ids) q = q.where('id', 'in', ids);
  const rows = await q.orderBy('name').orderBy('id').limit(500).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, certificateLevel: r.certificate_level, organizationId: r.employer_organization_id! }));
}

/** Team members by id, whatever their status now (an application shows the team it was submitted with). */
export async function teamMembers(db: Kysely<DB>, ids: string[]): Promise<Map<string, TeamMember>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('social_workers').select(['id', 'name', 'certificate_level', 'employer_organization_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, certificateLevel: r.certificate_level, organizationId: r.employer_organization_id ?? '' }]));
}

/** For each user with a social-worker record: those records and the organizations employing them. */
export async function socialWorkerLinks(db: Kysely<DB>, userIds: string[]): Promise<Map<string, { socialWorkerIds: string[]; organizationIds: string[] }>> {
  const out = new Map<string, { socialWorkerIds: string[]; organizationIds: string[] }>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('social_workers').select(['id', 'user_id', 'employer_organization_id']).where('user_id', 'in', userIds).execute();
  for (const r of rows) {
    const link = out.get(r.user_id!) ?? { socialWorkerIds: [], organizationIds: [] };
    link.socialWorkerIds.push(r.id);
    if (r.employer_organization_id) link.organizationIds.push(r.employer_organization_id);
    out.set(r.user_id!, link);
  }
  return out;
}

/**
 * An organization's active social workers of a district's register, by id, with the user who
 * signs in for each: who may staff its activities there.
 */
export async function districtStaff(db: Kysely<DB>, districtId: string, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('social_workers')
    .select(['id', 'name', 'user_id as userId'])
    .where('district_id', '=', districtId)
    .where('employer_organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('id', 'in', ids)
    .execute();
}
