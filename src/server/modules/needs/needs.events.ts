import type { Insertable, Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { ReferenceCache } from '../../platform/cache/reference-cache.ts';
import type { CommandScope } from '../../platform/http/context.ts';
import { eventDeliveries } from '../../platform/webhooks/webhooks.ts';
import type { DB } from '../../tables.ts';
import type { TimelineAction } from './needs.lifecycle.ts';
import type { NeedEventsTable } from './needs.tables.ts';

/** The command's transaction, and the platform whose reference cache holds the district's webhook subscriptions. */
export type EventScope = Pick<CommandScope, 'trx'> & { platform: { referenceCache?: ReferenceCache } };

export interface EventInput {
  districtId: string;
  needId: string;
  /** userId is null when an outside system (an Open311 client) or a job acts. */
  actor: { userId: string | null; displayName: string } | null;
  action: TimelineAction;
  fromState: string | null;
  toState: string | null;
  /** An internal note among staff. */
  note?: string;
  /** What the resident is told. */
  reply?: string;
  data?: unknown;
  at?: Date;
}

/**
 * The rows of one timeline entry and of the district's webhook deliveries told of it, for a
 * command that writes them in the statement of its change (see recordEvent). The webhook
 * payload carries no note, no reply and no personal data: subscribers read the need through the
 * API with their own permissions.
 */
export async function eventRows({ trx, platform }: EventScope, e: EventInput) {
  const at = e.at ?? new Date();
  const { rows: deliveries } = await eventDeliveries(
    platform,
    trx,
    e.districtId,
    `need.${e.action}`,
    { needId: e.needId, action: e.action, fromState: e.fromState, toState: e.toState, at: at.toISOString() },
    at,
  );
  const timeline: Insertable<NeedEventsTable> = {
    district_id: e.districtId,
    id: newId(),
    need_id: e.needId,
    at,
    actor_user_id: e.actor?.userId ?? null,
    actor_name: e.actor?.displayName ?? '',
    action: e.action,
    from_state: e.fromState,
    to_state: e.toState,
    note: e.note ?? '',
    reply: e.reply ?? '',
    data: e.data === undefined ? null : JSON.stringify(e.data),
  };
  return { timeline, deliveries };
}

/** One timeline entry, and the district's webhooks told of it, in the same transaction as the change it describes. */
export async function recordEvent(scope: EventScope, e: EventInput): Promise<void> {
  const { timeline, deliveries } = await eventRows(scope, e);
  if (deliveries.length) await scope.trx.insertInto('webhook_deliveries').values(deliveries).execute();
  await scope.trx.insertInto('need_events').values(timeline).execute();
}

/**
 * Everyone told about a need's changes: its reporter, its followers, and the resident accounts
 * bound to its household — a need a grid worker recorded for an old resident is followed by the
 * relative who holds the household's account.
 */
export async function audienceOf(trx: Kysely<DB>, districtId: string, needId: string): Promise<string[]> {
  const need = await trx
    .selectFrom('needs')
    .select(['reporter_user_id', 'household_id'])
    .where('district_id', '=', districtId)
    .where('id', '=', needId)
    .executeTakeFirst();
  const followers = await trx
    .selectFrom('need_followers')
    .select('user_id')
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .execute();
  const household = need?.household_id
    ? await trx
        .selectFrom('role_assignments')
        .innerJoin('users', 'users.id', 'role_assignments.user_id')
        .select('role_assignments.user_id')
        .where('role_assignments.role', '=', 'resident')
        .where('role_assignments.scope_type', '=', 'household')
        .where('role_assignments.scope_id', '=', need.household_id)
        .where('users.status', '=', 'active')
        .execute()
    : [];
  return [
    ...new Set(
      [need?.reporter_user_id, ...followers.map((f) => f.user_id), ...household.map((h) => h.user_id)].filter((u): u is string => !!u),
    ),
  ];
}

/**
 * In-app notices to the residents of `audienceOf`; they carry the reply to the resident, never an
 * internal note. The actor is not told about what they did themselves.
 */
export async function notify(
  trx: Kysely<DB>,
  n: { districtId: string; needId: string; users: string[]; kind: string; state: string | null; reply?: string; exceptUserId?: string | null },
): Promise<void> {
  const users = n.users.filter((u) => u !== n.exceptUserId);
  if (users.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      users.map((user_id) => ({
        district_id: n.districtId,
        id: newId(),
        user_id,
        need_id: n.needId,
        kind: n.kind,
        state: n.state,
        reply: n.reply ?? '',
      })),
    )
    .execute();
}
