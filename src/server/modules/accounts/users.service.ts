import { newId } from '../../platform/db/ids.ts';
import { ROLE_SCOPES, type Role } from '../../../common/roles.ts';
import { PLATFORM_DISTRICT } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { authChanged } from '../../platform/auth/session-cache.ts';
import { endSessions } from '../../platform/auth/sessions.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { PageOf } from '../../platform/http/schema.ts';
import { describeScopes, districtOfScope } from '../territory/territory.scopes.ts';
import { checkPasswordStrength } from './accounts.service.ts';
import { assignmentPolicy, districtsOfUser, userPolicy, type UserAssignmentRecord, type UserRecord } from './users.policy.ts';
import type { CreateUserBody, GrantRoleBody, ListUsersQuery, UpdateUserBody, UserView } from './users.schemas.ts';
import * as store from './users.store.ts';
import './accounts.errors.ts';

/** Districts whose accounts the actor may see ('all' for a platform admin); 403 for anyone else. */
function readableDistricts(actor: Actor): string[] | 'all' {
  const grants = userPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  if (grants.some((g) => g.scopeType === 'platform')) return 'all';
  return [...new Set(grants.map((g) => g.scopeId).filter((id): id is string => id !== null))];
}

/** A user the actor may see; an account outside their reach answers 404 like a missing one. */
async function findVisible(ctx: RequestContext, actor: Actor, id: string) {
  const found = await store.loadUser(ctx.db, id);
  if (!found || !userPolicy.can(actor, 'read', found.record)) throw new AppError('resource.not_found');
  return found;
}

async function loadVisible(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  readableDistricts(actor);
  return { actor, ...(await findVisible(ctx, actor, id)) };
}

/** An account named in another module's request body: 404 unless the caller may read it here. */
export async function visibleUser(ctx: RequestContext, id: string): Promise<{ id: string; displayName: string }> {
  const { row } = await findVisible(ctx, requireActor(ctx), id);
  return { id: row.id, displayName: row.display_name };
}

/** Account events are filed under the one district the account belongs to, else platform-wide. */
function auditDistrict(record: UserRecord): string {
  const districts = districtsOfUser(record);
  return districts.length === 1 ? districts[0]! : PLATFORM_DISTRICT;
}

async function present(ctx: RequestContext, rows: store.UserRow[], records: Map<string, UserRecord>): Promise<UserView[]> {
  const actor = requireActor(ctx);
  const all = [...records.values()].flatMap((r) => r.assignments);
  const names = await describeScopes(ctx.db, all);
  return rows.map((row) => {
    const record = records.get(row.id)!;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      locale: row.locale,
      status: row.status,
      residentId: row.resident_id,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      assignments: record.assignments.map((a) => ({
        id: a.id,
        role: a.role,
        scopeType: a.scopeType,
        scopeId: a.scopeId,
        scopeName: a.scopeId ? (names.get(a.scopeId) ?? '') : '',
        allowedActions: assignmentPolicy.can(actor, 'revoke', a) ? ['revoke' as const] : [],
      })),
      allowedActions: userPolicy.allowedActions(actor, record).filter((a) => a !== 'create'),
    };
  });
}

export async function getUser(ctx: RequestContext, id: string): Promise<UserView> {
  const { row, record } = await loadVisible(ctx, id);
  return (await present(ctx, [row], new Map([[id, record]])))[0]!;
}

export async function listUsers(ctx: RequestContext, query: ListUsersQuery): Promise<PageOf<UserView>> {
  const districts = readableDistricts(requireActor(ctx));
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['text']);
  const rows = await store.listUserRows(ctx.db, {
    districts,
    q: query.q,
    role: query.role,
    status: query.status,
    after: after ? after[0] : null,
    limit,
  });
  const page = pageOf(rows, limit, (r) => [r.username]);
  const assignments = await store.loadAssignments(ctx.db, page.items.map((r) => r.id));
  const records = new Map(
    page.items.map((r) => [r.id, { id: r.id, createdDistrictId: r.created_district_id, assignments: assignments.get(r.id)! }]),
  );
  return { items: await present(ctx, page.items, records), nextCursor: page.nextCursor };
}

/** The district a new account belongs to: a district officer creates accounts in their own. */
async function creationDistrict(ctx: RequestContext, actor: Actor, wanted: string | undefined): Promise<string | null> {
  const readable = readableDistricts(actor);
  if (readable === 'all') {
    if (wanted === undefined) return null;
    if (!(await districtOfScope(ctx.db, 'district', wanted))) throw notFoundAt('districtId');
    return wanted;
  }
  if (wanted === undefined) {
    if (readable.length !== 1) throw invalid({ field: 'districtId', code: 'validation.required' });
    return readable[0]!;
  }
  if (!readable.includes(wanted)) throw notFoundAt('districtId');
  return wanted;
}

export async function createUser(ctx: RequestContext, body: CreateUserBody): Promise<UserView> {
  const actor = requireActor(ctx);
  const districtId = await creationDistrict(ctx, actor, body.districtId);
  const id = newId();
  userPolicy.authorize(actor, 'create', { id, createdDistrictId: districtId, assignments: [] });
  checkPasswordStrength(body.password);
  if (await store.usernameTaken(ctx.db, body.username)) throw new AppError('user.username_taken');
  const passwordHash = await hashPassword(body.password);
  const displayName = body.displayName.trim();
  if (!displayName) throw invalid({ field: 'displayName', code: 'validation.required' });
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('users')
      .values({
        id,
        username: body.username,
        display_name: displayName,
        password_hash: passwordHash,
        locale: body.locale ?? 'zh-CN',
        created_district_id: districtId,
      })
      .execute();
    await audit({
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      districtId: districtId ?? PLATFORM_DISTRICT,
      after: { username: body.username, displayName, locale: body.locale ?? 'zh-CN', districtId },
    });
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: RequestContext, id: string, body: UpdateUserBody): Promise<UserView> {
  const { actor, row, record } = await loadVisible(ctx, id);
  const displayName = body.displayName?.trim();
  if (displayName === '') throw invalid({ field: 'displayName', code: 'validation.required' });
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  const track = (key: string, old: string, next: string | undefined) => {
    if (next !== undefined && next !== old) {
      before[key] = old;
      after[key] = next;
    }
  };
  track('displayName', row.display_name, displayName);
  track('locale', row.locale, body.locale);
  track('status', row.status, body.status);
  if (Object.keys(after).length === 0) return getUser(ctx, id);
  if ('displayName' in after || 'locale' in after) userPolicy.authorize(actor, 'update', record);
  if ('status' in after) userPolicy.authorize(actor, 'set_status', record);
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('users')
      .set({
        ...('displayName' in after ? { display_name: displayName } : {}),
        ...('locale' in after ? { locale: body.locale } : {}),
        ...('status' in after ? { status: body.status } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    // the name and language are part of every session of the user
    await authChanged(ctx, trx, id);
    const ended = after.status === 'disabled' ? await endSessions(ctx, trx, { userId: id }) : 0;
    await audit({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      districtId: auditDistrict(record),
      before,
      after: { ...after, ...(ended ? { endedSessions: ended } : {}) },
    });
  });
  return getUser(ctx, id);
}

/** An administrator sets a new password; every session of the user ends. */
export async function resetPassword(ctx: RequestContext, id: string, newPassword: string): Promise<void> {
  const { actor, record } = await loadVisible(ctx, id);
  userPolicy.authorize(actor, 'reset_password', record);
  checkPasswordStrength(newPassword);
  const hash = await hashPassword(newPassword);
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const ended = await endSessions(ctx, trx, { userId: id });
    await audit({
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      districtId: auditDistrict(record),
      after: { endedSessions: ended },
    });
  });
}

/** The district of a scope, checking that it exists and that the actor can see it. */
async function resolveScope(ctx: RequestContext, actor: Actor, body: GrantRoleBody): Promise<string | null> {
  if (!ROLE_SCOPES[body.role].includes(body.scopeType)) throw new AppError('user.invalid_scope');
  const scopeId = body.scopeId ?? null;
  if (body.scopeType === 'platform') {
    if (scopeId !== null) throw invalid({ field: 'scopeId', code: 'validation.not_allowed' });
    return null;
  }
  if (scopeId === null) throw invalid({ field: 'scopeId', code: 'validation.required' });
  const district =
    body.scopeType === 'organization'
      ? await store.organizationDistrict(ctx.db, scopeId)
      : await districtOfScope(ctx.db, body.scopeType, scopeId);
  const readable = readableDistricts(actor);
  // A scope in another district is answered like a missing one (no enumeration). The
  // organizations register is public: an organization of another district exists, and
  // granting a role in it is left to assignmentPolicy (403).
  if (district === undefined) throw notFoundAt('scopeId');
  if (body.scopeType !== 'organization' && readable !== 'all' && (district === null || !readable.includes(district))) {
    throw notFoundAt('scopeId');
  }
  return district;
}

export async function grantRole(ctx: RequestContext, id: string, body: GrantRoleBody): Promise<UserView> {
  const { actor, record } = await loadVisible(ctx, id);
  userPolicy.authorize(actor, 'grant_role', record);
  const district = await resolveScope(ctx, actor, body);
  const scopeId = body.scopeId ?? null;
  const assignment: UserAssignmentRecord = {
    id: newId(),
    userId: id,
    role: body.role,
    scopeType: body.scopeType,
    scopeId,
    districtId: district,
  };
  assignmentPolicy.authorize(actor, 'grant', assignment);
  if (record.assignments.some((a) => a.role === body.role && a.scopeType === body.scopeType && a.scopeId === scopeId)) {
    throw new AppError('user.role_already_granted');
  }
  if (body.residentId !== undefined) {
    if (body.role !== 'resident') throw invalid({ field: 'residentId', code: 'validation.not_allowed' });
    const home = await store.residentHome(ctx.db, body.residentId);
    const readable = readableDistricts(actor);
    if (!home || (readable !== 'all' && !readable.includes(home.districtId))) throw notFoundAt('residentId');
    if (home.householdId !== scopeId) throw new AppError('user.resident_not_found');
  }
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('role_assignments')
      .values({
        id: assignment.id,
        user_id: id,
        role: body.role,
        scope_type: body.scopeType,
        scope_id: scopeId,
        // the tenant key of organization scopes stays empty: an organization works across districts
        scope_district_id: body.scopeType === 'organization' ? null : district,
      })
      .execute();
    await authChanged(ctx, trx, id);
    if (body.residentId) {
      await trx
        .updateTable('users')
        .set({ resident_district_id: district, resident_id: body.residentId, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    }
    await audit({
      action: 'user.grant_role',
      entityType: 'user',
      entityId: id,
      districtId: district ?? PLATFORM_DISTRICT,
      after: { assignmentId: assignment.id, role: body.role, scopeType: body.scopeType, scopeId, residentId: body.residentId ?? null },
    });
  });
  return getUser(ctx, id);
}

/** Answers nothing: without the revoked role the account may lie outside the caller's reach. */
export async function revokeRole(ctx: RequestContext, id: string, assignmentId: string): Promise<void> {
  const { actor, record } = await loadVisible(ctx, id);
  userPolicy.authorize(actor, 'revoke_role', record);
  const assignment = record.assignments.find((a) => a.id === assignmentId);
  if (!assignment) throw new AppError('resource.not_found');
  assignmentPolicy.authorize(actor, 'revoke', assignment);
  const lastResidentRole =
    assignment.role === 'resident' && !record.assignments.some((a) => a.id !== assignmentId && a.role === ('resident' as Role));
  await command(ctx, async ({ trx, audit }) => {
    await trx.deleteFrom('role_assignments').where('id', '=', assignmentId).where('user_id', '=', id).execute();
    await authChanged(ctx, trx, id);
    if (lastResidentRole) {
      await trx
        .updateTable('users')
        .set({ resident_district_id: null, resident_id: null, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    }
    await audit({
      action: 'user.revoke_role',
      entityType: 'user',
      entityId: id,
      districtId: assignment.districtId ?? PLATFORM_DISTRICT,
      before: { assignmentId, role: assignment.role, scopeType: assignment.scopeType, scopeId: assignment.scopeId },
    });
  });
}
