import { sql, type Kysely } from 'kysely';
import { AppError } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { moveOfferedProjects } from '../projects/index.ts';
import type * as store from './calls.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** What must hold to conclude a round: its publicity has run its days and every objection is answered. */
export async function concludable(db: Kysely<DB>, row: store.CallRow, now: Date) {
  if (!row.publicity_ends_at || now.getTime() < new Date(row.publicity_ends_at).getTime()) {
    throw new AppError('call.publicity_running', { until: row.publicity_ends_at ? iso(row.publicity_ends_at) : '' });
  }
  const open = await db
    .selectFrom('call_objections')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('district_id', '=', row.district_id)
    .where('call_id', '=', row.id)
    .where('answered_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (open.n > 0) throw new AppError('call.objections_open', { count: open.n });
}

/** The offered projects whose award was revoked go back to approved when the round concludes. */
export async function releaseRevoked(ctx: RequestContext, row: store.CallRow, actorId: string) {
  const revoked = await ctx.db
    .selectFrom('call_awards')
    .select('project_id')
    .where('district_id', '=', row.district_id)
    .where('call_id', '=', row.id)
    .where('revoked_at', 'is not', null)
    .where('project_id', 'is not', null)
    .execute();
  await moveOfferedProjects(ctx, row.district_id, revoked.map((r) => r.project_id!), 'withdraw_call', actorId, row.ref_no);
}
