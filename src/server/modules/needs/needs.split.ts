import { AppError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { activeCategory, categoryNameIn } from './needs.categories.ts';
import { recordEvent } from './needs.events.ts';
import { needPolicy } from './needs.policy.ts';
import { insertNeed } from './needs.record.ts';
import type { NeedView, SplitBody } from './needs.schemas.ts';
import { loadVisible, present, recordOf, SPLITTABLE_STATES } from './needs.service.ts';
import { lockState } from './needs.store.ts';

/**
 * Splits a part of a need into a need of its own (STORIES story 1: the meal part of a care visit's
 * need goes its own way). The new need is the same resident's report at the same place:
 * it copies place, household, reporter, source, channel and recorder, gets its own number and
 * time limits, and starts where the original stands — an accepted original hands over an
 * accepted part. Both timelines name the other need, and `split_from_id` links them for good.
 * Answers with the new need as written.
 */
export async function splitNeed(ctx: RequestContext, id: string, body: SplitBody): Promise<NeedView> {
  const actor = requireActor(ctx);
  const { row, followers } = await loadVisible(ctx, actor, id);
  if (!SPLITTABLE_STATES.includes(row.state)) throw new AppError('need.cannot_split', { state: row.state });
  // Splitting is triage, so it takes the accept rule (its roles and scope).
  needPolicy.authorize(actor, 'accept', recordOf(row, followers));
  const category = await activeCategory(ctx, ctx.db, row.district_id, body.categoryId);

  const written = await command(ctx, async (scope) => {
    const { trx, audit } = scope;
    // The original must still be where it was read: a concurrent accept/merge wins, this answers 409.
    const state = await lockState(trx, row.district_id, row.id);
    if (state !== row.state) throw new AppError('need.cannot_split', { state: state ?? row.state });
    const now = new Date();
    const part = await insertNeed(
      scope,
      {
        districtId: row.district_id,
        streetId: row.street_id,
        communityId: row.community_id,
        gridId: row.grid_id,
        householdId: row.household_id,
        buildingId: row.building_id,
        point: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
        category,
        source: row.source,
        intakeChannel: row.intake_channel,
        recordedByUserId: row.recorded_by_user_id,
        reporterUserId: row.reporter_user_id,
        reporterResidentId: row.reporter_resident_id,
        visitId: row.visit_id,
        splitFrom: { id: row.id, state: row.state },
        description: body.description,
        urgency: body.urgency ?? row.urgency,
        beneficiaries: body.beneficiaries ?? row.beneficiaries,
        actor,
      },
      { now },
    );
    if (row.state === 'accepted') {
      await recordEvent(scope, { districtId: row.district_id, needId: part.id, actor, action: 'accept', fromState: 'reported', toState: 'accepted', at: now });
    }
    await recordEvent(scope, {
      districtId: row.district_id,
      needId: row.id,
      actor,
      action: 'split',
      fromState: row.state,
      toState: row.state,
      // Both parts are the same resident's: each timeline tells them the other's number.
      reply: part.ref_no,
      data: { splitIntoId: part.id },
      at: now,
    });
    await recordEvent(scope, {
      districtId: row.district_id,
      needId: part.id,
      actor,
      action: 'split',
      fromState: row.state,
      toState: row.state,
      reply: row.ref_no,
      data: { splitFromId: row.id },
      at: now,
    });
    await audit({
      action: 'need.split',
      entityType: 'need',
      entityId: row.id,
      districtId: row.district_id,
      after: { splitIntoId: part.id, refNo: part.ref_no, categoryId: category.id, state: row.state },
    });
    return part;
  });
  // A part split off starts anew: no handler, no referral.
  return present(actor, { ...written, category_name: categoryNameIn(category, ctx.locale), handler_name: null, referral_org_name: null });
}
