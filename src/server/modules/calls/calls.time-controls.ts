import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { StringEnum } from '../../platform/http/schema.ts';
import { getCall, loadVisible, recordOf } from './calls.service.ts';
import { callPolicy } from './calls.policy.ts';

/**
 * Test-only (TEST_TIME_CONTROLS=true, which the browser tests' runner sets and nothing else):
 * a round's deadline and its publicity last days, and a browser test that walks one round
 * from its call to its contract cannot wait them out. One call's clock moves, nobody else's,
 * and only as far as now, so every rule that reads it (close after the deadline, conclude after
 * the publicity) is still the one that decides.
 */
export const ElapseBody = Type.Object({ until: StringEnum(['deadline', 'publicity_end'] as const) }, { additionalProperties: false });
export type ElapseBody = Static<typeof ElapseBody>;

export async function elapse(ctx: RequestContext, id: string, body: ElapseBody) {
  const { actor, row } = await loadVisible(ctx, id);
  const action = body.until === 'deadline' ? 'close' : 'conclude';
  callPolicy.authorize(actor, action, recordOf(row));
  const status = body.until === 'deadline' ? 'open' : 'publicity';
  if (row.status !== status) throw new AppError('call.invalid_transition', { status: row.status });
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('calls')
      .set(body.until === 'deadline' ? { deadline: now } : { publicity_ends_at: now })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .execute();
    await audit({ action: 'call.test_elapse', entityType: 'call', entityId: row.id, districtId: row.district_id, after: { until: body.until, at: now.toISOString() } });
  });
  return getCall(ctx, id);
}
