import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt, referenced, type FieldError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { organizationNames } from '../organizations/index.ts';
import { audienceOf, notify, recordEvent, type EventScope } from './needs.events.ts';
import { checkHandler } from './needs.handlers.ts';
import { FINAL_STATES, transitionFor, type Transition } from './needs.lifecycle.ts';
import { needPolicy } from './needs.policy.ts';
import { checkPoolTarget, visiblePoolTarget } from './needs.pooling.ts';
import type { NeedView, TransitionBody } from './needs.schemas.ts';
import { loadVisible, present as viewOf, recordOf } from './needs.service.ts';
import type { NeedRow } from './needs.store.ts';
import type { NeedsTable } from './needs.tables.ts';

const present = (v: string | undefined) => (v ?? '').trim() !== '';

/** Fields a transition requires, checked from the lifecycle data; every missing field is reported at once. */
function missingFields(t: Transition, body: TransitionBody): FieldError[] {
  const errors: FieldError[] = [];
  const need = (ok: boolean, field: string) => ok || errors.push({ field, code: 'validation.required' });
  for (const r of t.requires ?? []) {
    if (r === 'reason') need(present(body.reason), 'reason');
    if (r === 'duplicateOf') need(!!body.duplicateOf, 'duplicateOf');
    if (r === 'commonNeed') need(!!body.commonNeedId, 'commonNeedId');
    if (r === 'handler') need(!!body.handlerUserId, 'handlerUserId');
    if (r === 'expectedDate') need(!!body.expectedDate, 'expectedDate');
    if (r === 'answer') need(present(body.answer), 'answer');
    if (r === 'rating') need(body.rating !== undefined, 'rating');
    if (r === 'outcome') {
      need(!!body.outcome, 'outcome');
      // An honest "closed unresolved" always says why.
      if (body.outcome === 'closed_unresolved') need(present(body.reason), 'reason');
    }
    if (r === 'referralTarget' && !!body.referralOrgId === present(body.referralDepartment)) {
      errors.push({ field: 'referralOrgId', code: 'need.one_referral_target' });
    }
  }
  return errors;
}

/** What the action changes on the need besides its state, and the reply it implies; checks that need the database. */
async function effectOf(
  ctx: RequestContext,
  actor: Actor,
  row: NeedRow,
  body: TransitionBody,
  now: Date,
): Promise<{ changes: Updateable<NeedsTable>; reply?: string; names?: Partial<Pick<NeedRow, 'handler_name' | 'referral_org_name'>> }> {
  switch (body.action) {
    case 'assign': {
      const handler = await checkHandler(ctx.db, row, body.handlerUserId!);
      return { changes: { handler_user_id: body.handlerUserId! }, names: { handler_name: handler.displayName } };
    }
    case 'wait':
      if (body.expectedDate! < localDate(now)) throw invalid({ field: 'expectedDate', code: 'need.date_in_past' });
      return { changes: { waiting_until: body.expectedDate!, waiting_reason: body.reason!.trim() } };
    case 'resume':
      return { changes: { waiting_until: null, waiting_reason: null } };
    case 'refer': {
      // The organizations register is public: any registered organization may take a referral.
      const org = body.referralOrgId ? (await organizationNames(ctx.db, [body.referralOrgId])).get(body.referralOrgId) : null;
      if (body.referralOrgId && !org) throw notFoundAt('referralOrgId');
      return {
        changes: { referral_org_id: body.referralOrgId ?? null, referral_department: body.referralDepartment?.trim() ?? null, referral_answer: null },
        names: { referral_org_name: org ?? null },
      };
    }
    case 'answer_referral':
      return { changes: { referral_answer: body.answer!.trim() } };
    case 'resolve':
      // The outcome note is what the resident reads about the result: the reason or the reply, never the internal note.
      return { changes: { outcome: body.outcome!, outcome_note: body.reason?.trim() || body.reply?.trim() || null, resolved_at: now } };
    case 'confirm':
      return { changes: { rating: body.rating!, rating_comment: body.comment?.trim() || null, closed_at: now } };
    case 'dispute':
      return { changes: { resolved_at: null } };
    case 'merge': {
      // The survivor's followers will include this need's reporters: it must be one the caller may read.
      const { row: survivor } = await referenced('duplicateOf', () => loadVisible(ctx, actor, body.duplicateOf!));
      if (survivor.district_id !== row.district_id || survivor.id === row.id || FINAL_STATES.includes(survivor.state)) {
        throw invalid({ field: 'duplicateOf', code: 'need.bad_duplicate' });
      }
      return { changes: { merged_into_id: survivor.id, closed_at: now } };
    }
    case 'pool': {
      const target = checkPoolTarget(row, await visiblePoolTarget(ctx, body.commonNeedId!));
      // Taking the need is the need's policy; taking it into this group is the group's.
      if (target.mayPool === false) throw new AppError('access.forbidden');
      // The resident learns which group their need joined.
      return { changes: { common_need_id: target.id }, reply: target.title };
    }
    case 'reject':
      return { changes: { outcome_note: body.reason!.trim(), closed_at: now } };
    default:
      return { changes: {} };
  }
}

const joined = (...texts: (string | undefined)[]) =>
  texts
    .map((x) => x?.trim() ?? '')
    .filter(Boolean)
    .join('\n');

/**
 * What a transition body says to whom: a reason and the resident's own comment are the
 * resident's to read, like the reply; a referral answer stays among staff, like the note.
 */
function textsOf(body: Pick<TransitionBody, 'note' | 'reply' | 'reason' | 'comment' | 'answer'>): { note: string; reply: string } {
  return { note: joined(body.answer, body.note), reply: joined(body.reason, body.comment, body.reply) };
}

/**
 * The one place a need changes state: the lifecycle says whether the action exists from the
 * current state (409 otherwise), the policy who may take it (403), the lifecycle which fields
 * it needs (400). The update is conditional on the state read, so a concurrent change makes
 * this one fail with 409 instead of overwriting it. Answers with the need as written, with the
 * actions its new state offers the caller; its timeline is read with its page.
 */
export async function transitionNeed(ctx: RequestContext, id: string, body: TransitionBody): Promise<NeedView> {
  const actor = requireActor(ctx);
  const { row, followers } = await loadVisible(ctx, actor, id);
  const t = transitionFor(row.state, body.action);
  if (!t) throw new AppError('need.invalid_transition', { state: row.state, action: body.action });
  needPolicy.authorize(actor, body.action, recordOf(row, followers));
  const missing = missingFields(t, body);
  // Someone acting by their relation to the need (a resident) has no internal notes to write.
  if (body.note?.trim() && !needPolicy.can(actor, 'read_internal', recordOf(row, followers))) {
    missing.push({ field: 'note', code: 'validation.not_allowed' });
  }
  if (missing.length) throw invalid(...missing);
  const now = new Date();
  const { changes, reply: implied, names } = await effectOf(ctx, actor, row, body, now);
  const { note, reply } = textsOf(body);
  const texts = { note, reply: reply || implied || '' };
  const written = await command(ctx, async (scope) => {
    const { trx, audit } = scope;
    const updated = await trx
      .updateTable('needs')
      .set({ ...changes, state: t.to, updated_at: now })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      .where('state', '=', row.state)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('need.invalid_transition', { state: row.state, action: body.action });
    const data = Object.fromEntries(Object.entries(changes).filter(([k]) => !k.endsWith('_at')));
    await recordEvent(scope, { districtId: row.district_id, needId: row.id, actor, action: body.action, fromState: row.state, toState: t.to, ...texts, data, at: now });
    await audit({
      action: `need.${body.action}`,
      entityType: 'need',
      entityId: row.id,
      districtId: row.district_id,
      before: { state: row.state },
      after: { state: t.to, ...data },
    });
    const audience = await audienceOf(trx, row.district_id, row.id);
    await notify(trx, { districtId: row.district_id, needId: row.id, users: audience, kind: 'state_changed', state: t.to, reply: texts.reply, exceptUserId: actor.userId });
    if (body.action === 'merge') await mergeInto(scope, row, body.duplicateOf!, audience, actor);
    return updated;
  });
  // No transition changes a need's category or its followers (a merge adds followers to the survivor).
  return viewOf(actor, { ...written, category_name: row.category_name, handler_name: row.handler_name, referral_org_name: row.referral_org_name, ...names }, followers);
}

/** The reporters of a merged need follow the survivor from now on, and are told about it. */
async function mergeInto(scope: EventScope, row: NeedRow, survivorId: string, audience: string[], actor: Actor) {
  const { trx } = scope;
  if (audience.length) {
    await trx
      .insertInto('need_followers')
      .values(audience.map((user_id) => ({ district_id: row.district_id, need_id: survivorId, user_id })))
      .onConflict((oc) => oc.columns(['district_id', 'need_id', 'user_id']).doNothing())
      .execute();
  }
  const survivor = await trx.selectFrom('needs').select(['state', 'ref_no']).where('district_id', '=', row.district_id).where('id', '=', survivorId).executeTakeFirstOrThrow();
  // The merged need's reporters learn its number on the survivor; the survivor's timeline names it too.
  await notify(trx, { districtId: row.district_id, needId: survivorId, users: audience, kind: 'merged_into', state: survivor.state, reply: row.ref_no });
  await recordEvent(scope, {
    districtId: row.district_id,
    needId: survivorId,
    actor,
    action: 'absorb',
    fromState: survivor.state,
    toState: survivor.state,
    reply: row.ref_no,
    data: { mergedNeedId: row.id },
  });
}
