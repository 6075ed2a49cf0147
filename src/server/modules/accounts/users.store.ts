import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Role } from '../../../common/roles.ts';
import type { DB } from '../../tables.ts';
import type { UserAssignmentRecord, UserRecord } from './users.policy.ts';

const userColumns = [
  'id',
  'username',
  'display_name',
  'locale',
  'status',
  'resident_id',
  'created_district_id',
  'created_at',
  'updated_at',
] as const;

export type UserRow = Awaited<ReturnType<typeof loadUserRows>>[number];

/** Organizations are not tied to one district by their scope; their registration district is. */
const assignmentDistrict = sql<string | null>`coalesce(ra.scope_district_id, o.registration_district_id)`;

export async function loadAssignments(db: Kysely<DB>, userIds: string[]): Promise<Map<string, UserAssignmentRecord[]>> {
  const out = new Map<string, UserAssignmentRecord[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignments as ra')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'ra.scope_id').on('ra.scope_type', '=', 'organization'))
    .select(['ra.id', 'ra.user_id', 'ra.role', 'ra.scope_type', 'ra.scope_id', assignmentDistrict.as('district_id')])
    .where('ra.user_id', 'in', userIds)
    .orderBy('ra.created_at')
    .orderBy('ra.id')
    .execute();
  for (const r of rows) {
    out.get(r.user_id)!.push({
      id: r.id,
      userId: r.user_id,
      role: r.role as Role,
      scopeType: r.scope_type,
      scopeId: r.scope_id,
      districtId: r.district_id,
    });
  }
  return out;
}

function loadUserRows(db: Kysely<DB>, ids: string[]) {
  return db.selectFrom('users').select(userColumns).where('id', 'in', ids).execute();
}

export async function loadUser(db: Kysely<DB>, id: string): Promise<{ row: UserRow; record: UserRecord } | null> {
  const [row] = await loadUserRows(db, [id]);
  if (!row) return null;
  const assignments = (await loadAssignments(db, [id])).get(id)!;
  return { row, record: { id, createdDistrictId: row.created_district_id, assignments } };
}

/** Accounts a district officer may see: a role in one of the districts, or created there. */
function visibleIn(districts: string[] | 'all'): Expression<SqlBool> {
  if (districts === 'all') return sql<SqlBool>`true`;
  if (districts.length === 0) return sql<SqlBool>`false`;
  const list = sql.join(districts);
  return sql<SqlBool>`(users.created_district_id in (${list}) or exists (
    select 1 from role_assignments ra
    left join organizations o on ra.scope_type = 'organization' and o.id = ra.scope_id
    where ra.user_id = users.id and ${assignmentDistrict} in (${list})))`;
}

const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listUserRows(
  db: Kysely<DB>,
  filter: { districts: string[] | 'all'; q?: string; role?: Role; status?: 'active' | 'disabled'; after: string | null; limit: number },
): Promise<UserRow[]> {
  let query = db.selectFrom('users').select(userColumns).where(visibleIn(filter.districts));
  if (filter.q) {
    const prefix = likePrefix(filter.q.trim());
    query = query.where((eb) =>
      eb.or([eb('username', 'like', prefix.toLowerCase()), eb('display_name', 'ilike', prefix)]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments as r')
          .select(sql`1`.as('one'))
          .whereRef('r.user_id', '=', 'users.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  // usernames are unique, so they alone are a stable keyset
  if (filter.after !== null) query = query.where('username', '>', filter.after);
  return query.orderBy('username').limit(filter.limit + 1).execute();
}

export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
}

export async function organizationDistrict(db: Kysely<DB>, id: string): Promise<string | null | undefined> {
  const org = await db.selectFrom('organizations').select('registration_district_id').where('id', '=', id).executeTakeFirst();
  return org ? org.registration_district_id : undefined;
}

/** Where a resident lives (any district): the caller decides whether it may see it. */
export async function residentHome(db: Kysely<DB>, residentId: string): Promise<{ districtId: string; householdId: string } | undefined> {
  const row = await db.selectFrom('residents').select(['district_id', 'household_id']).where('id', '=', residentId).executeTakeFirst();
  return row && { districtId: row.district_id, householdId: row.household_id };
}

/** Display names of users by id, for other modules' views ("recorded by"). */
export async function userDisplayNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The organizations each user holds a role in (administrator, staff, supervisor, evaluator). */
export async function organizationsOfUsers(db: Kysely<DB>, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'scope_id'])
    .where('user_id', 'in', userIds)
    .where('scope_type', '=', 'organization')
    .execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.scope_id!]);
  return out;
}

/** The organizations in which a user holds the given role (an evaluator's evaluation firm). */
export async function organizationsWithRole(db: Kysely<DB>, userId: string, role: Role): Promise<string[]> {
  const rows = await db.selectFrom('role_assignments').select('scope_id').where('user_id', '=', userId).where('role', '=', role).where('scope_type', '=', 'organization').execute();
  return rows.map((r) => r.scope_id!);
}

/** Active users holding a role in an organization, with that organization (evaluators to choose from). */
export function usersWithOrganizationRole(db: Kysely<DB>, role: Role) {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name as name', 'r.scope_id as organizationId'])
    .where('r.role', '=', role)
    .where('r.scope_type', '=', 'organization')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .limit(500)
    .execute();
}

/** The resident an account belongs to (a resident's own account), if any. */
export async function residentOfUser(db: Kysely<DB>, userId: string): Promise<{ residentId: string; districtId: string } | null> {
  const row = await db.selectFrom('users').select(['resident_id', 'resident_district_id']).where('id', '=', userId).executeTakeFirst();
  return row?.resident_id && row.resident_district_id ? { residentId: row.resident_id, districtId: row.resident_district_id } : null;
}

/** Active accounts by username, for other modules that link people by the name they sign in with. */
export async function usersByUsername(db: Kysely<DB>, usernames: readonly string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).where('status', '=', 'active').execute();
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** Usernames and display names by id, for the people a record links by account. */
export async function userLabels(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { username: string; displayName: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.display_name }]));
}

/** The active account of a resident of the register, if one is linked to them. */
export async function accountOfResident(db: Kysely<DB>, districtId: string, residentId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where('resident_district_id', '=', districtId).where('resident_id', '=', residentId).where('status', '=', 'active').executeTakeFirst();
  return row?.id ?? null;
}
