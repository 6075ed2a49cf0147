import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { userLabels, usersByUsername } from '../accounts/index.ts';
import { communityPlaces, residentNames } from '../territory/index.ts';
import { communityLabels } from './volunteers.names.ts';
import './volunteers.errors.ts';
import { providerPolicy, volunteerPolicy, type ProviderRecord } from './volunteers.policy.ts';
import type * as S from './volunteers.schemas.ts';
import { actingVolunteer, myVolunteer, readableVolunteer } from './volunteers.service.ts';
import * as store from './volunteers.store.ts';
import type { TimeBankOffersTable, TimeBankRedemptionsTable } from './volunteers.tables.ts';

const PLACE_COLUMNS = { district: 'district_id', street: 'street_id', community: 'community_id' } as const;
const LIST_LIMIT = 200;

// ── Partners ──

const partners = (db: Kysely<DB>) =>
  db
    .selectFrom('time_bank_partners as p')
    .selectAll('p')
    .select(sql<string[]>`array(select s.user_id from time_bank_partner_staff s where s.district_id = p.district_id and s.partner_id = p.id order by s.user_id)`.as('staff_user_ids'));
type PartnerRow = Awaited<ReturnType<ReturnType<typeof partners>['execute']>>[number];

const partnerRecord = (p: Pick<PartnerRow, 'district_id' | 'street_id' | 'community_id' | 'id' | 'staff_user_ids'>): ProviderRecord => ({
  districtId: p.district_id, streetId: p.street_id, communityId: p.community_id, partnerId: p.id, staffUserIds: p.staff_user_ids,
});

async function partnerViews(ctx: RequestContext, rows: PartnerRow[]): Promise<S.Partner[]> {
  const actor = requireActor(ctx);
  const [communities, users, pending] = await Promise.all([
    communityLabels(ctx, rows.map((p) => p.community_id)),
    userLabels(ctx.db, rows.flatMap((p) => p.staff_user_ids)),
    rows.length
      ? ctx.db
          .selectFrom('time_bank_redemptions as r')
          .innerJoin('time_bank_offers as o', (j) => j.onRef('o.district_id', '=', 'r.district_id').onRef('o.id', '=', 'r.offer_id'))
          .select(['o.partner_id', (eb) => eb.fn.countAll<string>().as('n')])
          .where('o.partner_id', 'in', rows.map((p) => p.id))
          .where('r.status', '=', 'requested')
          .groupBy('o.partner_id')
          .execute()
      : [],
  ]);
  const waiting = new Map(pending.map((p) => [p.partner_id, Number(p.n)]));
  return rows.map((p) => ({
    id: p.id, community: communities.get(p.community_id) ?? { id: p.community_id, name: '' }, name: p.name, address: p.address, active: p.active,
    // who the clerks are is for those who keep the partner
    staff: providerPolicy.can(actor, 'manage', partnerRecord(p)) ? p.staff_user_ids.map((id) => ({ userId: id, username: users.get(id)?.username ?? '', displayName: users.get(id)?.displayName ?? '' })) : [],
    pendingRedemptions: waiting.get(p.id) ?? 0,
  }));
}

/** Usernames to account ids; an unknown name is named by its field. */
async function staffIds(ctx: RequestContext, usernames: readonly string[]): Promise<string[]> {
  const found = await usersByUsername(ctx.db, usernames.map((u) => u.trim()));
  return usernames.map((u, i) => {
    const id = found.get(u.trim());
    if (!id) throw invalid({ field: `staffUsernames.${i}`, code: 'timebank.unknown_username', params: { username: u } });
    return id;
  });
}

async function placeFor(ctx: RequestContext, communityId: string): Promise<Omit<ProviderRecord, 'partnerId' | 'staffUserIds'>> {
  const c = (await communityPlaces(ctx.db, [communityId])).get(communityId);
  const place = c && { districtId: c.districtId, streetId: c.streetId, communityId };
  if (!place || !providerPolicy.can(requireActor(ctx), 'read', { ...place, partnerId: null, staffUserIds: [] })) throw notFoundAt('communityId');
  return place;
}

async function readablePartner(ctx: RequestContext, id: string, field?: string): Promise<PartnerRow> {
  const p = await partners(ctx.db).where('p.id', '=', id).executeTakeFirst();
  if (!p || !providerPolicy.can(requireActor(ctx), 'read', partnerRecord(p))) throw field ? notFoundAt(field) : new AppError('resource.not_found');
  return p;
}

async function writeStaff(trx: Kysely<DB>, p: { district_id: string; id: string }, userIds: string[]) {
  await trx.deleteFrom('time_bank_partner_staff').where('district_id', '=', p.district_id).where('partner_id', '=', p.id).execute();
  if (userIds.length) await trx.insertInto('time_bank_partner_staff').values(userIds.map((user_id) => ({ district_id: p.district_id, partner_id: p.id, user_id }))).execute();
}

/** A name or title that is only spaces is none. */
function required(field: string, value: string | undefined): void {
  if (value !== undefined && !value.trim()) throw invalid({ field, code: 'validation.required' });
}

export async function createPartner(ctx: RequestContext, body: S.PartnerBody): Promise<S.Partner> {
  const actor = requireActor(ctx);
  required('name', body.name);
  const place = await placeFor(ctx, body.communityId);
  providerPolicy.authorize(actor, 'manage', { ...place, partnerId: null, staffUserIds: [] });
  const staff = await staffIds(ctx, body.staffUsernames);
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    const row = { district_id: place.districtId, id, street_id: place.streetId, community_id: place.communityId, name: body.name.trim(), address: body.address?.trim() ?? '', created_by: actor.userId };
    await trx.insertInto('time_bank_partners').values(row).execute();
    await writeStaff(trx, row, staff);
    await audit({ action: 'time_bank.partner_create', entityType: 'time_bank_partner', entityId: id, districtId: place.districtId, after: { communityId: place.communityId, name: row.name, address: row.address, staffUserIds: staff } });
  });
  return (await partnerViews(ctx, [await readablePartner(ctx, id)]))[0]!;
}

export async function updatePartner(ctx: RequestContext, id: string, body: S.PartnerPatch): Promise<S.Partner> {
  const actor = requireActor(ctx);
  required('name', body.name);
  const p = await readablePartner(ctx, id);
  providerPolicy.authorize(actor, 'manage', partnerRecord(p));
  const staff = body.staffUsernames ? await staffIds(ctx, body.staffUsernames) : undefined;
  await command(ctx, async ({ trx, audit }) => {
    const set = { name: body.name?.trim(), address: body.address?.trim(), active: body.active };
    if (Object.values(set).some((v) => v !== undefined)) await trx.updateTable('time_bank_partners').set(set).where('district_id', '=', p.district_id).where('id', '=', p.id).execute();
    if (staff) await writeStaff(trx, p, staff);
    await audit({ action: 'time_bank.partner_update', entityType: 'time_bank_partner', entityId: p.id, districtId: p.district_id, before: { name: p.name, address: p.address, active: p.active, staffUserIds: p.staff_user_ids }, after: { ...set, staffUserIds: staff } });
  });
  return (await partnerViews(ctx, [await readablePartner(ctx, id)]))[0]!;
}

/** Partners the caller keeps or reads by place, in a community if asked. */
export async function listPartners(ctx: RequestContext, communityId: string | undefined): Promise<{ items: S.Partner[] }> {
  const actor = requireActor(ctx);
  let q = partners(ctx.db).where(scopeCondition(providerPolicy.grants(actor, 'read'), PLACE_COLUMNS, 'p')).orderBy('p.created_at').limit(LIST_LIMIT);
  if (communityId) q = q.where('p.community_id', '=', communityId);
  return { items: await partnerViews(ctx, await q.execute()) };
}

/** The partner shops whose clerk the caller is. */
export async function myPartners(ctx: RequestContext): Promise<{ items: S.Partner[] }> {
  const actor = requireActor(ctx);
  const rows = await partners(ctx.db)
    .where(sql<SqlBool>`exists (select 1 from time_bank_partner_staff s where s.district_id = p.district_id and s.partner_id = p.id and s.user_id = ${actor.userId})`)
    .orderBy('p.created_at')
    .execute();
  return { items: await partnerViews(ctx, rows) };
}

// ── Offers ──

type OfferRow = Selectable<TimeBankOffersTable>;

type OfferPlace = Pick<OfferRow, 'id' | 'district_id' | 'street_id' | 'community_id' | 'partner_id'>;

/** Who provides each offer: its partner shop's clerks, or the community (no partner). */
async function providersOf(ctx: RequestContext, offers: OfferPlace[]): Promise<Map<string, ProviderRecord>> {
  const partnerIds = [...new Set(offers.flatMap((o) => (o.partner_id ? [o.partner_id] : [])))];
  const staff = partnerIds.length ? await ctx.db.selectFrom('time_bank_partner_staff').select(['partner_id', 'user_id']).where('partner_id', 'in', partnerIds).execute() : [];
  return new Map(
    offers.map((o) => [o.id, { districtId: o.district_id, streetId: o.street_id, communityId: o.community_id, partnerId: o.partner_id, staffUserIds: staff.filter((s) => s.partner_id === o.partner_id).map((s) => s.user_id) }]),
  );
}
const providerOf = async (ctx: RequestContext, o: OfferPlace) => (await providersOf(ctx, [o])).get(o.id)!;

async function offerViews(ctx: RequestContext, rows: OfferRow[]): Promise<S.Offer[]> {
  const actor = requireActor(ctx);
  const [communities, partnerRows] = await Promise.all([
    communityLabels(ctx, rows.map((o) => o.community_id)),
    rows.some((o) => o.partner_id) ? ctx.db.selectFrom('time_bank_partners').select(['id', 'name']).where('id', 'in', rows.flatMap((o) => (o.partner_id ? [o.partner_id] : []))).execute() : [],
  ]);
  const partnerNames = new Map(partnerRows.map((p) => [p.id, p.name]));
  return rows.map((o) => {
    const community = communities.get(o.community_id) ?? { id: o.community_id, name: '' };
    const partner = o.partner_id ? { id: o.partner_id, name: partnerNames.get(o.partner_id) ?? '' } : null;
    const record = { districtId: o.district_id, streetId: o.street_id, communityId: o.community_id, partnerId: null, staffUserIds: [] };
    return {
      id: o.id, community, partner, provider: partner?.name ?? community.name, title: o.title, description: o.description, points: o.points, stock: o.stock, active: o.active,
      actions: providerPolicy.can(actor, 'manage', record) ? ['update'] : [],
    };
  });
}

async function readableOffer(ctx: RequestContext, id: string, field?: string): Promise<OfferRow> {
  const actor = requireActor(ctx);
  const o = await ctx.db.selectFrom('time_bank_offers').selectAll().where('id', '=', id).executeTakeFirst();
  const visible = o && (providerPolicy.can(actor, 'read', await providerOf(ctx, o)) || (await offeredTo(ctx, o)));
  if (!o || !visible) throw field ? notFoundAt(field) : new AppError('resource.not_found');
  return o;
}

/** A volunteer sees the offers of their home community and of those they serve. */
async function offeredTo(ctx: RequestContext, o: Pick<OfferRow, 'district_id' | 'community_id'>): Promise<boolean> {
  const v = await myVolunteer(ctx);
  return !!v && v.district_id === o.district_id && (v.community_id === o.community_id || v.service_community_ids.includes(o.community_id));
}

export async function createOffer(ctx: RequestContext, body: S.OfferBody): Promise<S.Offer> {
  const actor = requireActor(ctx);
  required('title', body.title);
  const place = await placeFor(ctx, body.communityId);
  providerPolicy.authorize(actor, 'manage', { ...place, partnerId: null, staffUserIds: [] });
  if (body.partnerId) {
    const p = await readablePartner(ctx, body.partnerId, 'partnerId');
    if (p.community_id !== place.communityId) throw invalid({ field: 'partnerId', code: 'timebank.partner_elsewhere' });
  }
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    const row = { district_id: place.districtId, id, street_id: place.streetId, community_id: place.communityId, partner_id: body.partnerId ?? null, title: body.title.trim(), description: body.description?.trim() ?? '', points: body.points, stock: body.stock ?? null, created_by: actor.userId };
    await trx.insertInto('time_bank_offers').values(row).execute();
    await audit({ action: 'time_bank.offer_create', entityType: 'time_bank_offer', entityId: id, districtId: place.districtId, after: { communityId: row.community_id, partnerId: row.partner_id, title: row.title, points: row.points, stock: row.stock } });
  });
  return (await offerViews(ctx, [await readableOffer(ctx, id)]))[0]!;
}

export async function updateOffer(ctx: RequestContext, id: string, body: S.OfferPatch): Promise<S.Offer> {
  const actor = requireActor(ctx);
  required('title', body.title);
  const o = await readableOffer(ctx, id);
  providerPolicy.authorize(actor, 'manage', { districtId: o.district_id, streetId: o.street_id, communityId: o.community_id, partnerId: null, staffUserIds: [] });
  await command(ctx, async ({ trx, audit }) => {
    const set = { title: body.title?.trim(), description: body.description?.trim(), points: body.points, stock: body.stock, active: body.active };
    await trx.updateTable('time_bank_offers').set(set).where('district_id', '=', o.district_id).where('id', '=', o.id).execute();
    await audit({ action: 'time_bank.offer_update', entityType: 'time_bank_offer', entityId: o.id, districtId: o.district_id, before: { title: o.title, description: o.description, points: o.points, stock: o.stock, active: o.active }, after: set });
  });
  return (await offerViews(ctx, [await readableOffer(ctx, id)]))[0]!;
}

/**
 * Offers the caller may see: by place for staff and officers, their shop's for a clerk, and for
 * a volunteer the active offers of their home and service communities.
 */
export async function listOffers(ctx: RequestContext, q: { communityId?: string; partnerId?: string }): Promise<{ items: S.Offer[] }> {
  const actor = requireActor(ctx);
  const v = await myVolunteer(ctx);
  let query = ctx.db
    .selectFrom('time_bank_offers as o')
    .selectAll('o')
    .where((eb) =>
      eb.or([
        scopeCondition(providerPolicy.grants(actor, 'read'), PLACE_COLUMNS, 'o'),
        sql<SqlBool>`exists (select 1 from time_bank_partner_staff s where s.district_id = o.district_id and s.partner_id = o.partner_id and s.user_id = ${actor.userId})`,
        v ? eb.and([eb('o.district_id', '=', v.district_id), eb('o.community_id', 'in', [v.community_id, ...v.service_community_ids]), eb('o.active', '=', true)]) : sql<SqlBool>`false`,
      ]),
    )
    .orderBy('o.points')
    .orderBy('o.id')
    .limit(LIST_LIMIT);
  if (q.communityId) query = query.where('o.community_id', '=', q.communityId);
  if (q.partnerId) query = query.where('o.partner_id', '=', q.partnerId);
  return { items: await offerViews(ctx, await query.execute()) };
}

// ── Redemptions ──

type RedemptionRow = Selectable<TimeBankRedemptionsTable>;

async function redemptionViews(ctx: RequestContext, rows: RedemptionRow[]): Promise<S.Redemption[]> {
  if (rows.length === 0) return [];
  const actor = requireActor(ctx);
  const offerRows = await ctx.db.selectFrom('time_bank_offers').selectAll().where('id', 'in', [...new Set(rows.map((r) => r.offer_id))]).execute();
  const offers = new Map((await offerViews(ctx, offerRows)).map((o) => [o.id, o]));
  const providers = await providersOf(ctx, offerRows);
  const volunteers = new Map((await ctx.db.selectFrom('volunteers').selectAll().where('id', 'in', [...new Set(rows.map((r) => r.volunteer_id))]).execute()).map((v) => [v.id, v]));
  const names = await residentNames(ctx.db, rows[0]!.district_id, [...volunteers.values()].flatMap((v) => (v.resident_id ? [v.resident_id] : [])));
  const balances = new Map(
    (
      await ctx.db
        .selectFrom('time_bank_entries')
        .select(['redemption_id', 'balance_after'])
        .where('redemption_id', 'in', rows.map((r) => r.id))
        .orderBy('seq')
        .execute()
    ).map((e) => [e.redemption_id, e.balance_after]),
  );
  return rows.map((r) => {
    const v = volunteers.get(r.volunteer_id)!;
    const o = offers.get(r.offer_id)!;
    const provider = providers.get(r.offer_id)!;
    const own = volunteerPolicy.can(actor, 'act', store.recordOf(v));
    const open = r.status === 'requested';
    return {
      id: r.id,
      volunteer: { id: v.id, name: v.resident_id ? (names.get(v.resident_id) ?? '') : v.name },
      offer: { id: o.id, title: o.title, provider: o.provider },
      points: r.points,
      status: r.status,
      requestedAt: new Date(r.requested_at).toISOString(),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      declineReason: r.decline_reason,
      balance: own ? (balances.get(r.id) ?? 0) : 0,
      actions: open ? [...(providerPolicy.can(actor, 'confirm', provider) ? ['confirm', 'decline'] : []), ...(own ? ['cancel'] : [])] : [],
    };
  });
}

/**
 * The volunteer redeems an offer: its points are held at once (a ledger entry), so that two
 * redemptions at the same moment cannot spend the same points, and the provider confirms it.
 */
export async function redeem(ctx: RequestContext, body: S.RedeemBody): Promise<S.Redemption> {
  const actor = requireActor(ctx);
  const v = await actingVolunteer(ctx, body.volunteerId);
  const o = await readableOffer(ctx, body.offerId, 'offerId');
  if (o.district_id !== v.district_id || !(v.community_id === o.community_id || v.service_community_ids.includes(o.community_id))) throw new AppError('timebank.offer_elsewhere');
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    // the offer first, then the volunteer's ledger: every writer takes them in this order
    const offer = await trx.selectFrom('time_bank_offers').select(['active', 'stock', 'points', 'partner_id']).where('district_id', '=', o.district_id).where('id', '=', o.id).forUpdate().executeTakeFirstOrThrow();
    if (!offer.active) throw new AppError('timebank.offer_closed');
    if (offer.partner_id) {
      const partner = await trx.selectFrom('time_bank_partners').select('active').where('district_id', '=', o.district_id).where('id', '=', offer.partner_id).executeTakeFirstOrThrow();
      if (!partner.active) throw new AppError('timebank.partner_inactive');
    }
    if (offer.stock !== null && offer.stock <= 0) throw new AppError('timebank.out_of_stock');
    await trx.insertInto('time_bank_redemptions').values({ district_id: v.district_id, id, volunteer_id: v.id, offer_id: o.id, points: offer.points, requested_by: actor.userId }).execute();
    await store.appendEntry(trx, v.district_id, v.id, { kind: 'redeem', points: -offer.points, redemptionId: id }, actor.userId);
    if (offer.stock !== null) await trx.updateTable('time_bank_offers').set({ stock: offer.stock - 1 }).where('district_id', '=', o.district_id).where('id', '=', o.id).execute();
    await audit({ action: 'time_bank.redeem', entityType: 'time_bank_redemption', entityId: id, districtId: v.district_id, after: { volunteerId: v.id, offerId: o.id, points: offer.points } });
  });
  return getRedemption(ctx, id);
}

async function readableRedemption(ctx: RequestContext, id: string): Promise<{ r: RedemptionRow; provider: ProviderRecord; own: boolean }> {
  const actor = requireActor(ctx);
  const r = await ctx.db.selectFrom('time_bank_redemptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('resource.not_found');
  const o = await ctx.db.selectFrom('time_bank_offers').selectAll().where('district_id', '=', r.district_id).where('id', '=', r.offer_id).executeTakeFirstOrThrow();
  const v = (await store.loadVolunteer(ctx.db, r.volunteer_id))!;
  const provider = await providerOf(ctx, o);
  const own = volunteerPolicy.can(actor, 'read', store.recordOf(v));
  if (!own && !providerPolicy.can(actor, 'read', provider)) throw new AppError('resource.not_found');
  return { r, provider, own };
}

export async function getRedemption(ctx: RequestContext, id: string): Promise<S.Redemption> {
  return (await redemptionViews(ctx, [(await readableRedemption(ctx, id)).r]))[0]!;
}

/** Ends a requested redemption: confirmed by its provider, or declined by it or cancelled by the volunteer, the points coming back. */
async function decide(ctx: RequestContext, id: string, outcome: 'confirmed' | 'declined' | 'cancelled', reason = ''): Promise<S.Redemption> {
  const actor = requireActor(ctx);
  const { r, provider } = await readableRedemption(ctx, id);
  if (outcome === 'cancelled') {
    volunteerPolicy.authorize(actor, 'act', store.recordOf((await store.loadVolunteer(ctx.db, r.volunteer_id))!));
  } else {
    providerPolicy.authorize(actor, 'confirm', provider);
  }
  await command(ctx, async ({ trx, audit }) => {
    const now = await trx.selectFrom('time_bank_redemptions').select('status').where('district_id', '=', r.district_id).where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
    if (now.status !== 'requested') throw new AppError('timebank.not_requested');
    await trx.updateTable('time_bank_redemptions').set({ status: outcome, decided_by: actor.userId, decided_at: new Date(), decline_reason: reason }).where('district_id', '=', r.district_id).where('id', '=', r.id).execute();
    if (outcome !== 'confirmed') {
      const offer = await trx.selectFrom('time_bank_offers').select('stock').where('district_id', '=', r.district_id).where('id', '=', r.offer_id).forUpdate().executeTakeFirstOrThrow();
      await store.appendEntry(trx, r.district_id, r.volunteer_id, { kind: 'refund', points: r.points, redemptionId: r.id }, actor.userId);
      if (offer.stock !== null) await trx.updateTable('time_bank_offers').set({ stock: offer.stock + 1 }).where('district_id', '=', r.district_id).where('id', '=', r.offer_id).execute();
    }
    const action = { confirmed: 'time_bank.redemption_confirm', declined: 'time_bank.redemption_decline', cancelled: 'time_bank.redemption_cancel' }[outcome];
    await audit({ action, entityType: 'time_bank_redemption', entityId: r.id, districtId: r.district_id, before: { status: 'requested' }, after: { status: outcome, reason: reason || undefined } });
  });
  return getRedemption(ctx, id);
}

export const confirmRedemption = (ctx: RequestContext, id: string) => decide(ctx, id, 'confirmed');
export async function declineRedemption(ctx: RequestContext, id: string, body: S.DeclineBody): Promise<S.Redemption> {
  required('reason', body.reason);
  return decide(ctx, id, 'declined', body.reason.trim());
}
export const cancelRedemption = (ctx: RequestContext, id: string) => decide(ctx, id, 'cancelled');

/**
 * Redemptions of one volunteer (theirs or staff's view), or a provider's queue: a partner's for
 * its clerks, a community's for its staff and officers; newest first.
 */
export async function listRedemptions(ctx: RequestContext, q: S.RedemptionQuery): Promise<{ items: S.Redemption[] }> {
  const actor = requireActor(ctx);
  let query = ctx.db
    .selectFrom('time_bank_redemptions as r')
    .innerJoin('time_bank_offers as o', (j) => j.onRef('o.district_id', '=', 'r.district_id').onRef('o.id', '=', 'r.offer_id'))
    .selectAll('r')
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(LIST_LIMIT);
  if (q.volunteerId) {
    const v = await readableVolunteer(ctx, q.volunteerId, 'volunteerId');
    query = query.where('r.district_id', '=', v.district_id).where('r.volunteer_id', '=', v.id);
  } else {
    query = query.where((eb) =>
      eb.or([
        scopeCondition(providerPolicy.grants(actor, 'read'), PLACE_COLUMNS, 'o'),
        sql<SqlBool>`exists (select 1 from time_bank_partner_staff s where s.district_id = o.district_id and s.partner_id = o.partner_id and s.user_id = ${actor.userId})`,
      ]),
    );
  }
  if (q.communityId) query = query.where('o.community_id', '=', q.communityId);
  if (q.partnerId) query = query.where('o.partner_id', '=', q.partnerId);
  if (q.status) query = query.where('r.status', '=', q.status);
  return { items: await redemptionViews(ctx, await query.execute()) };
}
