import { AppError } from '../../platform/errors/app-error.ts';
import { hashPassword, verifyPassword, dummyHash } from '../../platform/auth/passwords.ts';
import { authChanged } from '../../platform/auth/session-cache.ts';
import { endSessions, openSession, type OpenedSession } from '../../platform/auth/sessions.ts';
import { acceptClaim, claimAttempt } from '../../platform/auth/throttle.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { permissionsOf } from '../../platform/authz/policy.ts';
import { describeScopes } from '../territory/territory.scopes.ts';
import type { MeView } from './accounts.schemas.ts';
import './accounts.errors.ts';

export function checkPasswordStrength(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new AppError('auth.weak_password');
  }
}

/** Claims one password check of this account from this address, or refuses with the wait. */
async function claimPasswordCheck(ctx: RequestContext, username: string): Promise<string> {
  const claim = await claimAttempt(ctx.db, username, ctx.ip);
  if ('id' in claim) return claim.id;
  const { retryAfterSeconds } = claim;
  throw new AppError('auth.too_many_attempts', { minutes: Math.ceil(retryAfterSeconds / 60) }, [], { retryAfterSeconds });
}

export async function login(
  ctx: RequestContext,
  input: { username: string; password: string; userAgent: string },
): Promise<OpenedSession> {
  const username = input.username.trim();
  const claim = await claimPasswordCheck(ctx, username);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'password_hash', 'status'])
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.status !== 'active') {
    // the claim stays: it is the failure that counts
    await writeAudit(ctx.db, { actor: null, ip: ctx.ip }, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { username },
    });
    throw new AppError('auth.invalid_credentials');
  }
  return command(ctx, async ({ trx }) => {
    await acceptClaim(trx, username, claim);
    const session = await openSession(
      trx,
      user.id,
      { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours },
      { ip: ctx.ip, userAgent: input.userAgent },
    );
    await writeAudit(trx, { actor: { userId: user.id, displayName: user.display_name }, ip: ctx.ip }, {
      action: 'auth.login',
      entityType: 'session',
      entityId: session.id,
    });
    return session;
  });
}

export async function logout(ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);
  await command(ctx, async ({ trx, audit }) => {
    await endSessions(ctx, trx, { sessionId: actor.sessionId });
    await audit({ action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
  });
}

export async function me(ctx: RequestContext): Promise<MeView> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .selectFrom('role_assignments')
    .select(['id', 'role', 'scope_type', 'scope_id', 'scope_district_id'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at')
    .execute();
  const names = await describeScopes(
    ctx.db,
    rows.map((r) => ({ scopeType: r.scope_type, scopeId: r.scope_id, districtId: r.scope_district_id })),
  );
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, locale: actor.locale },
    assignments: rows.map((r) => ({
      id: r.id,
      role: r.role as MeView['assignments'][number]['role'],
      scopeType: r.scope_type,
      scopeId: r.scope_id,
      scopeName: r.scope_id ? (names.get(r.scope_id) ?? '') : '',
    })),
    permissions: permissionsOf(actor),
    csrfToken: actor.csrfToken,
  };
}

export async function updateMe(ctx: RequestContext, input: { locale?: 'zh-CN' | 'en'; displayName?: string }) {
  const actor = requireActor(ctx);
  await command(ctx, async ({ trx, audit }) => {
    const before = await trx
      .selectFrom('users')
      .select(['locale', 'display_name'])
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    const changes = {
      ...(input.locale ? { locale: input.locale } : {}),
      ...(input.displayName ? { display_name: input.displayName.trim() } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('users').set({ ...changes, updated_at: new Date() }).where('id', '=', actor.userId).execute();
    await authChanged(ctx, trx, actor.userId);
    await audit({ action: 'user.update_self', entityType: 'user', entityId: actor.userId, before, after: changes });
  });
}

/**
 * Changing the password ends every other session of the user. A wrong current password counts
 * like a failed sign-in of the account (one count for both), so a session left open does not
 * give more guesses; when they are used up the answer is 429 and the session goes on.
 */
export async function changePassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(ctx);
  // first, so that a weak new password does not use up a check of the current one
  checkPasswordStrength(input.newPassword);
  const claim = await claimPasswordCheck(ctx, actor.username);
  const user = await ctx.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    // the claim stays: it is the failure that counts
    await writeAudit(ctx.db, { actor, ip: ctx.ip }, { action: 'user.change_password_failed', entityType: 'user', entityId: actor.userId });
    throw new AppError('auth.wrong_password');
  }
  const hash = await hashPassword(input.newPassword);
  await command(ctx, async ({ trx, audit }) => {
    await acceptClaim(trx, actor.username, claim);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', actor.userId)
      .execute();
    const ended = await endSessions(ctx, trx, { userId: actor.userId, except: actor.sessionId });
    await audit({ action: 'user.change_password', entityType: 'user', entityId: actor.userId, after: { endedSessions: ended } });
  });
}

export async function listSessions(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', actor.userId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id === actor.sessionId,
  }));
}

/** A user may end only their own sessions; another user's session id answers 404. */
export async function endOwnSession(ctx: RequestContext, sessionId: string): Promise<void> {
  const actor = requireActor(ctx);
  await command(ctx, async ({ trx, audit }) => {
    const row = await trx
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sessionId)
      .where('user_id', '=', actor.userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('resource.not_found');
    await endSessions(ctx, trx, { sessionId });
    await audit({ action: 'auth.end_session', entityType: 'session', entityId: sessionId });
  });
}
