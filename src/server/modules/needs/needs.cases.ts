import type { Kysely } from 'kysely';
import type { CommandScope } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { recordEvent } from './needs.events.ts';
import { transitionFor } from './needs.lifecycle.ts';
import type { NeedState } from './needs.lifecycle.ts';
import type { Outcome } from './needs.tables.ts';

/** A need as the cases module weighs opening a case for it: where, whose, and with whom it is. */
export interface CaseNeed {
  id: string;
  state: NeedState;
  referralOrgId: string | null;
  householdId: string | null;
}

/** The need of a district, locked until the caller's transaction ends (the case and the need change together). */
export async function needForCase(trx: Kysely<DB>, districtId: string, needId: string): Promise<CaseNeed | null> {
  const r = await trx
    .selectFrom('needs')
    .select(['id', 'state', 'referral_org_id', 'household_id'])
    .where('district_id', '=', districtId)
    .where('id', '=', needId)
    .forUpdate()
    .executeTakeFirst();
  return r ? { id: r.id, state: r.state, referralOrgId: r.referral_org_id, householdId: r.household_id } : null;
}

/** What the reporter reads when a social worker takes their need on: that help has begun, nothing of the case. */
export const CASE_OPENED_REPLY = '社工已接手，将为您提供个案服务。';

/** The need's timeline records that casework began; its state stays referred until the case closes. */
export async function noteCaseOpened(scope: CommandScope, districtId: string, needId: string, actor: { userId: string; displayName: string }): Promise<void> {
  await recordEvent(scope, { districtId, needId, actor, action: 'open_case', fromState: 'referred', toState: 'referred', reply: CASE_OPENED_REPLY });
  await scope.audit({ action: 'need.open_case', entityType: 'need', entityId: needId, districtId });
}

/**
 * The case's closure, approved by its supervisor, resolves the need it was opened from with the
 * words its worker wrote for the reporter; from there the needs loop goes on as for any resolved
 * need (the reporter confirms and rates, or disputes). A need no longer referred is left alone.
 */
export async function resolveThroughCase(scope: CommandScope, districtId: string, needId: string, answer: { outcome: Outcome; reply: string }): Promise<void> {
  const t = transitionFor('referred', 'resolve_by_case')!;
  const now = new Date();
  const row = await scope.trx
    .updateTable('needs')
    .set({ state: t.to, outcome: answer.outcome, outcome_note: answer.reply, resolved_at: now, updated_at: now })
    .where('district_id', '=', districtId)
    .where('id', '=', needId)
    .where('state', 'in', t.from)
    .returning('id')
    .executeTakeFirst();
  if (!row) return;
  await recordEvent(scope, { districtId, needId, actor: null, action: 'resolve_by_case', fromState: 'referred', toState: t.to, reply: answer.reply, at: now });
  await scope.audit({ action: 'need.resolve_by_case', entityType: 'need', entityId: needId, districtId, after: { state: t.to, outcome: answer.outcome } });
}

/** A need's reference number, as a case names the need it answers. */
export async function needRefNo(db: Kysely<DB>, districtId: string, needId: string): Promise<string | null> {
  const r = await db.selectFrom('needs').select('ref_no').where('district_id', '=', districtId).where('id', '=', needId).executeTakeFirst();
  return r?.ref_no ?? null;
}
