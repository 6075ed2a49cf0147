import { sql, type Expression, type SqlBool } from 'kysely';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { Static } from '../../platform/http/schema.ts';
import type * as S from './needs.schemas.ts';
import { inReaderLanguage } from './needs.categories.ts';
import { present } from './needs.service.ts';
import * as store from './needs.store.ts';

const INBOX_LIMIT = 200;
const OPEN = sql.join(store.OPEN_STATES.map((s) => sql.lit(s)));

/**
 * What awaits the caller, each branch with the reason it is there: triage for community
 * staff, assignment for the community admin, own cases for handlers, referrals for their
 * target, confirmation for the reporter, and overdue needs escalated to the caller's level.
 * Overdue first, then by the nearest due time.
 */
export async function inbox(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const a = actor.assignments;
  const cols = store.SCOPE_COLUMNS;
  const me = actor.userId;
  const triage = a.filter((x) => x.role === 'community_admin' || x.role === 'community_worker');
  const admins = a.filter((x) => x.role === 'community_admin');
  const orgs = a.filter((x) => x.role === 'org_admin');
  const streets = a.filter((x) => x.role === 'street_officer');
  const districts = a.filter((x) => x.role === 'district_officer');
  const branches: [string, Expression<SqlBool>][] = [
    ['triage', sql<SqlBool>`(needs.state = 'reported' and ${scopeCondition(triage, cols, 'needs')})`],
    ['assign', sql<SqlBool>`(needs.state in ('accepted', 'reopened') and ${scopeCondition(admins, cols, 'needs')})`],
    ['handle', sql<SqlBool>`(needs.state in ('in_progress', 'waiting') and needs.handler_user_id = ${me})`],
    [
      'referral',
      sql<SqlBool>`(needs.state = 'referred' and ((needs.referral_org_id is not null and ${scopeCondition(orgs, cols, 'needs')})
        or (needs.referral_org_id is null and ${scopeCondition(triage, cols, 'needs')})))`,
    ],
    ['confirm', store.awaitingConfirmationBy(actor)],
    ['escalated', sql<SqlBool>`(needs.state in (${OPEN}) and needs.escalation_level >= 1 and ${scopeCondition(streets, cols, 'needs')})`],
    ['escalated', sql<SqlBool>`(needs.state in (${OPEN}) and needs.escalation_level >= 2 and ${scopeCondition(districts, cols, 'needs')})`],
  ];
  const reason = sql<string>`(case ${sql.join(branches.map(([r, c]) => sql`when ${c} then ${r}`), sql` `)} end)`;
  const overdue = sql<boolean>`(needs.state in (${OPEN}) and needs.state <> 'waiting' and ${store.currentDue} < now())`;
  let q = store
    .selectNeedViews(ctx.db)
    .select(reason.as('reason'))
    .where(sql<SqlBool>`(${sql.join(branches.map(([, c]) => c), sql` or `)})`);
  const tenants = store.tenantFilter(actor);
  if (tenants) q = q.where('needs.district_id', 'in', tenants.length ? tenants : [me]);
  const rows = await q
    .orderBy(sql`${overdue} desc`)
    .orderBy(store.currentDue)
    .orderBy('needs.id')
    .limit(INBOX_LIMIT)
    .execute();
  return { items: (await inReaderLanguage(ctx, rows)).map((r) => ({ ...present(actor, r), reason: r.reason })) };
}

function notificationView(r: { id: string; need_id: string | null; kind: string; state: string | null; reply: string; read_at: Date | null; created_at: Date }) {
  return {
    id: r.id,
    needId: r.need_id,
    kind: r.kind,
    state: r.state,
    reply: r.reply,
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listNotifications(ctx: RequestContext, q: Static<typeof S.NotificationQuery>) {
  const actor = requireActor(ctx);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['uuid']);
  let query = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
  if (q.unread) query = query.where('read_at', 'is', null);
  if (after) query = query.where('id', '<', after[0]);
  const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: page.items.map(notificationView), nextCursor: page.nextCursor };
}

/** Only one's own notices can be marked; others answer like missing ones. */
export async function markRead(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await ctx.db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  if (row.read_at) return notificationView(row);
  const now = new Date();
  await command(ctx, async ({ trx }) => {
    await trx.updateTable('notifications').set({ read_at: now }).where('district_id', '=', row.district_id).where('id', '=', id).execute();
  });
  return notificationView({ ...row, read_at: now });
}
