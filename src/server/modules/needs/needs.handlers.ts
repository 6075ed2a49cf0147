import { sql, type Kysely } from 'kysely';
import { AppError, notFoundAt } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { needPolicy } from './needs.policy.ts';
import type { HandlerList } from './needs.schemas.ts';
import { loadVisible, recordOf } from './needs.service.ts';
import type { NeedRow } from './needs.store.ts';

/** Staff who may hold a need: those working in its community, street or district. */
export const HANDLER_ROLES = ['community_admin', 'community_worker', 'street_officer', 'district_officer'] as const;

type Place = Pick<NeedRow, 'community_id' | 'street_id' | 'district_id'>;

function handlersAt(db: Kysely<DB>, place: Place) {
  return db
    .selectFrom('role_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .where('a.role', 'in', [...HANDLER_ROLES])
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.and([eb('a.scope_type', '=', 'community'), eb('a.scope_id', '=', place.community_id)]),
        eb.and([eb('a.scope_type', '=', 'street'), eb('a.scope_id', '=', place.street_id)]),
        eb.and([eb('a.scope_type', '=', 'district'), eb('a.scope_id', '=', place.district_id)]),
      ]),
    );
}

/**
 * The handlers of a need's place are all an assigner sees of its staff (the handler list): any
 * other user id answers like one that does not exist. Answers with the handler's name.
 */
export async function checkHandler(db: Kysely<DB>, row: Place, userId: string): Promise<{ displayName: string }> {
  const hit = await handlersAt(db, row).select('u.display_name').where('a.user_id', '=', userId).limit(1).executeTakeFirst();
  if (!hit) throw notFoundAt('handlerUserId');
  return { displayName: hit.display_name };
}

/**
 * The people an assigner may choose from, nearest level first (community staff before street
 * and district officers). Only someone who may assign the need sees the list: it names staff.
 */
export async function listHandlers(ctx: RequestContext, needId: string): Promise<HandlerList> {
  const actor = requireActor(ctx);
  const { row, followers } = await loadVisible(ctx, actor, needId);
  if (!needPolicy.can(actor, 'assign', recordOf(row, followers))) throw new AppError('access.forbidden');
  const level = sql<number>`case a.scope_type when 'community' then 0 when 'street' then 1 else 2 end`;
  const rows = await handlersAt(ctx.db, row)
    .select(['u.id', 'u.display_name', 'a.role', level.as('level')])
    .orderBy(level)
    .orderBy('u.display_name')
    .execute();
  const seen = new Set<string>();
  const items = rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ userId: r.id, displayName: r.display_name, role: r.role }));
  return { items };
}
