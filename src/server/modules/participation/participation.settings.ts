import type { Kysely } from 'kysely';
import { AppError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { affairIn, callerHouseholds, communityAt } from './participation.places.ts';
import { participationSettingsPolicy } from './participation.policy.ts';
import type * as S from './participation.schemas.ts';

export const DEFAULT_SETTINGS: S.SettingsBody = { poolSupports: 10, councilSupports: 30, quorumPercent: 50, publicNames: 'surname' };

/** A community's settings, the defaults until its administrator sets them. */
export async function settingsOf(db: Kysely<DB>, communityId: string): Promise<S.SettingsBody> {
  const r = await db.selectFrom('participation_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
  return r ? { poolSupports: r.pool_supports, councilSupports: r.council_supports, quorumPercent: r.quorum_percent, publicNames: r.public_names } : DEFAULT_SETTINGS;
}

async function readable(ctx: RequestContext, communityId: string) {
  const actor = requireActor(ctx);
  const place = await communityAt(ctx, communityId);
  const record = affairIn({ ...place, communityIds: [communityId] }, await callerHouseholds(ctx));
  if (!participationSettingsPolicy.can(actor, 'read', record)) throw new AppError('resource.not_found');
  return { actor, place, record };
}

export async function getSettings(ctx: RequestContext, communityId: string): Promise<S.Settings> {
  const { actor, record } = await readable(ctx, communityId);
  return { communityId, ...(await settingsOf(ctx.db, communityId)), canEdit: participationSettingsPolicy.can(actor, 'update', record) };
}

export async function putSettings(ctx: RequestContext, communityId: string, body: S.SettingsBody): Promise<S.Settings> {
  const { actor, place, record } = await readable(ctx, communityId);
  participationSettingsPolicy.authorize(actor, 'update', record);
  const before = await settingsOf(ctx.db, communityId);
  const values = { pool_supports: body.poolSupports, council_supports: body.councilSupports, quorum_percent: body.quorumPercent, public_names: body.publicNames, updated_by: actor.userId, updated_at: new Date() };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('participation_settings').values({ community_id: communityId, district_id: place.districtId, ...values }).onConflict((oc) => oc.columns(['district_id', 'community_id']).doUpdateSet(values)).execute();
    await audit({ action: 'participation.settings', entityType: 'community', entityId: communityId, districtId: place.districtId, before, after: body });
  });
  return { communityId, ...body, canEdit: true };
}
