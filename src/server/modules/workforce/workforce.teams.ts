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

/** A social worker as casework sees them: who signs in for them, whom they work for, who supervises them. */
export interface CaseWorker {
  id: string;
  name: string;
  userId: string | null;
  organizationId: string | null;
  active: boolean;
  supervisorId: string | null;
  supervisorUserId: string | null;
  supervisorName: string | null;
}

/** With no district, the ids alone (an administrator names a worker of theirs by id). */
export async function caseWorkers(db: Kysely<DB>, districtId: string | null, ids: string[]): Promise<Map<string, CaseWorker & { districtId: string }>> {
  if (ids.length === 0) return new Map();
  let q = db
    .selectFrom('social_workers as w')
    .leftJoin('social_workers as s', (j) => j.onRef('s.district_id', '=', 'w.district_id').onRef('s.id', '=', 'w.supervisor_id'))
    .select(['w.district_id', 'w.id', 'w.name', 'w.user_id', 'w.employer_organization_id', 'w.status', 'w.supervisor_id', 's.user_id as supervisor_user_id', 's.name as supervisor_name'])
    .where('w.id', 'in', ids);
  if (districtId) q = q.where('w.district_id', '=', districtId);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { districtId: r.district_id, id: r.id, name: r.name, userId: r.user_id, organizationId: r.employer_organization_id, active: r.status === 'active', supervisorId: r.supervisor_id, supervisorUserId: r.supervisor_user_id, supervisorName: r.supervisor_name },
    ]),
  );
}

/** The active social-worker records a user signs in for: whose cases are theirs. */
export async function workersOfUser(db: Kysely<DB>, userId: string): Promise<{ id: string; districtId: string; organizationId: string | null }[]> {
  const rows = await db.selectFrom('social_workers').select(['id', 'district_id', 'employer_organization_id']).where('user_id', '=', userId).where('status', '=', 'active').execute();
  return rows.map((r) => ({ id: r.id, districtId: r.district_id, organizationId: r.employer_organization_id }));
}
