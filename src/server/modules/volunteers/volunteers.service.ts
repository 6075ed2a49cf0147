import { sql, type SqlBool } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { starsFor } from '../../../common/volunteers.ts';
import { districtAsked } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { accountOfResident, residentOfUser } from '../accounts/index.ts';
import { communityPlaces, residentNames, residentPlace } from '../territory/index.ts';
import { communityLabels } from './volunteers.names.ts';
import './volunteers.errors.ts';
import { volunteerPolicy, volunteerRegisterPolicy, volunteerSettingsPolicy } from './volunteers.policy.ts';
import type * as S from './volunteers.schemas.ts';
import * as store from './volunteers.store.ts';
import { hoursOf, ledgerOf } from './volunteers.history.ts';

const LIST_LIMIT = 500;

type Settings = Awaited<ReturnType<typeof store.settingsOf>>;

/** Volunteers as lists show them: names from the register for residents, the phone masked, hours, stars and points. */
async function summaries(ctx: RequestContext, rows: store.VolunteerRow[], known?: Settings): Promise<S.VolunteerSummary[]> {
  if (rows.length === 0) return [];
  const districtId = rows[0]!.district_id;
  const [names, communities, standing, settings] = await Promise.all([
    residentNames(ctx.db, districtId, rows.flatMap((v) => (v.resident_id ? [v.resident_id] : []))),
    communityLabels(ctx, rows.flatMap((v) => [v.community_id, ...v.service_community_ids])),
    store.standingOf(ctx.db, districtId, rows.map((v) => v.id)),
    known ?? store.settingsOf(ctx.db, districtId),
  ]);
  const named = (id: string) => communities.get(id) ?? { id, name: '' };
  return rows.map((v) => {
    const s = standing.get(v.id) ?? { verifiedMinutes: 0, points: 0 };
    return {
      id: v.id,
      name: v.resident_id ? (names.get(v.resident_id) ?? '') : v.name,
      isResident: v.resident_id !== null,
      community: named(v.community_id),
      phone: v.phone_last4 ? `*******${v.phone_last4}` : '',
      skills: v.skills,
      availability: v.availability,
      serviceCommunities: v.service_community_ids.map(named),
      status: v.status,
      verifiedMinutes: s.verifiedMinutes,
      stars: starsFor(s.verifiedMinutes, settings.starHours),
      points: s.points,
      createdAt: new Date(v.created_at).toISOString(),
    };
  });
}

async function detailOf(ctx: RequestContext, v: store.VolunteerRow): Promise<S.VolunteerDetail> {
  const actor = requireActor(ctx);
  const settings = await store.settingsOf(ctx.db, v.district_id);
  const [[summary], hours, ledger] = await Promise.all([summaries(ctx, [v], settings), hoursOf(ctx.db, v), ledgerOf(ctx.db, v)]);
  const next = settings.starHours.find((h) => summary!.verifiedMinutes < h * 60);
  return {
    ...summary!,
    note: v.note,
    residentId: v.resident_id,
    starHours: settings.starHours,
    nextStarHours: next === undefined ? null : Math.ceil(next - summary!.verifiedMinutes / 60),
    hours,
    ledger,
    actions: volunteerPolicy.allowedActions(actor, store.recordOf(v)),
  };
}

/**
 * The caller's own volunteer record: linked to their account, or — when staff registered the
 * resident before the resident had an account — found through the account's resident and
 * linked now, once (audited), so that everything after reads it by the account.
 */
export async function myVolunteer(ctx: RequestContext): Promise<store.VolunteerRow | undefined> {
  const actor = requireActor(ctx);
  const own = await store.volunteerOfUser(ctx.db, actor.userId);
  if (own) return own;
  const link = await residentOfUser(ctx.db, actor.userId);
  const unlinked = link && (await ctx.db.selectFrom('volunteers').selectAll().where('district_id', '=', link.districtId).where('resident_id', '=', link.residentId).where('user_id', 'is', null).executeTakeFirst());
  if (!unlinked) return undefined;
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('volunteers').set({ user_id: actor.userId }).where('district_id', '=', unlinked.district_id).where('id', '=', unlinked.id).where('user_id', 'is', null).execute();
    await audit({ action: 'volunteer.link_account', entityType: 'volunteer', entityId: unlinked.id, districtId: unlinked.district_id, after: { userId: actor.userId } });
  });
  return { ...unlinked, user_id: actor.userId };
}

/** A volunteer the caller may read (404 otherwise, as for one that does not exist). */
export async function readableVolunteer(ctx: RequestContext, id: string, field?: string): Promise<store.VolunteerRow> {
  const actor = requireActor(ctx);
  const v = await store.loadVolunteer(ctx.db, id);
  if (!v || !volunteerPolicy.can(actor, 'read', store.recordOf(v))) throw field ? notFoundAt(field) : new AppError('resource.not_found');
  return v;
}

/** The volunteer a command acts for: the one named (staff acting for them, 404 by field when hidden), or the caller's own. */
export async function actingVolunteer(ctx: RequestContext, volunteerId: string | undefined): Promise<store.VolunteerRow> {
  const actor = requireActor(ctx);
  const v = volunteerId ? await readableVolunteer(ctx, volunteerId, 'volunteerId') : await myVolunteer(ctx);
  if (!v) throw new AppError('volunteer.not_registered');
  volunteerPolicy.authorize(actor, 'act', store.recordOf(v));
  if (v.status !== 'active') throw new AppError('volunteer.inactive');
  return v;
}

/** Service areas are communities of the volunteer's district (any of them); the home community is always one. */
async function serviceAreas(ctx: RequestContext, districtId: string, home: string, ids: readonly string[]): Promise<string[]> {
  const places = await communityPlaces(ctx.db, ids);
  ids.forEach((id, i) => {
    if (places.get(id)?.districtId !== districtId) throw notFoundAt(`serviceCommunityIds.${i}`);
  });
  return [...new Set([home, ...ids])];
}

/** Community staff register a resident of the register, or another person (named here, the phone sealed). */
export async function registerVolunteer(ctx: RequestContext, body: S.VolunteerBody): Promise<S.VolunteerDetail> {
  const actor = requireActor(ctx);
  const home = (await communityPlaces(ctx.db, [body.communityId])).get(body.communityId);
  const place = home && { districtId: home.districtId, streetId: home.streetId, communityId: body.communityId };
  if (!place || !volunteerRegisterPolicy.can(actor, 'register', place)) throw notFoundAt('communityId');
  const name = body.name?.trim() ?? '';
  let userId: string | null = null;
  if (body.residentId) {
    if (name || body.phone) throw invalid({ field: name ? 'name' : 'phone', code: 'volunteer.person_twice' });
    // staff register residents of their own community: another's are not theirs to name
    const resident = await residentPlace(ctx.db, place.districtId, body.residentId);
    if (resident?.communityId !== body.communityId) throw notFoundAt('residentId');
    // the resident's own account, when there is one, acts as the volunteer
    userId = await accountOfResident(ctx.db, place.districtId, body.residentId);
  } else if (!name || !body.phone) {
    throw invalid({ field: name ? 'phone' : 'name', code: 'volunteer.person_required' });
  }
  const areas = await serviceAreas(ctx, place.districtId, body.communityId, body.serviceCommunityIds);
  const id = await insertVolunteer(ctx, { ...place, residentId: body.residentId ?? null, userId, name: body.residentId ? '' : name, phone: body.residentId ? undefined : body.phone, skills: body.skills, availability: body.availability, areas, note: body.note?.trim() ?? '' });
  return detailOf(ctx, (await store.loadVolunteer(ctx.db, id))!);
}

/** A resident registers themself: the person is their account's resident, the home community theirs. */
export async function registerSelf(ctx: RequestContext, body: S.SelfVolunteerBody): Promise<S.VolunteerDetail> {
  const actor = requireActor(ctx);
  const link = await residentOfUser(ctx.db, actor.userId);
  const resident = link && (await residentPlace(ctx.db, link.districtId, link.residentId));
  if (!link || !resident) throw new AppError('volunteer.not_a_resident');
  const areas = await serviceAreas(ctx, link.districtId, resident.communityId, body.serviceCommunityIds ?? []);
  const id = await insertVolunteer(ctx, { districtId: link.districtId, streetId: resident.streetId, communityId: resident.communityId, residentId: link.residentId, userId: actor.userId, name: '', skills: body.skills, availability: body.availability, areas, note: '' });
  return detailOf(ctx, (await store.loadVolunteer(ctx.db, id))!);
}

interface NewVolunteer {
  districtId: string;
  streetId: string;
  communityId: string;
  residentId: string | null;
  userId: string | null;
  name: string;
  phone?: string;
  skills: string[];
  availability: string[];
  areas: string[];
  note: string;
}

async function insertVolunteer(ctx: RequestContext, v: NewVolunteer): Promise<string> {
  const actor = requireActor(ctx);
  const id = newId();
  await command(ctx, async ({ trx, audit, platform }) => {
    if (v.residentId && (await trx.selectFrom('volunteers').select('id').where('district_id', '=', v.districtId).where('resident_id', '=', v.residentId).executeTakeFirst())) {
      throw new AppError('volunteer.already_registered');
    }
    await trx
      .insertInto('volunteers')
      .values({
        district_id: v.districtId, id, street_id: v.streetId, community_id: v.communityId, resident_id: v.residentId, user_id: v.userId, name: v.name,
        phone: v.phone ? platform.pii.encrypt(v.phone) : null, phone_last4: v.phone?.slice(-4) ?? '',
        skills: v.skills, availability: v.availability, service_community_ids: v.areas, note: v.note, registered_by: actor.userId,
      })
      .execute();
    await audit({ action: 'volunteer.enrol', entityType: 'volunteer', entityId: id, districtId: v.districtId, after: { communityId: v.communityId, residentId: v.residentId, skills: v.skills, availability: v.availability, serviceCommunityIds: v.areas } });
  });
  return id;
}

export async function getVolunteer(ctx: RequestContext, id: string): Promise<S.VolunteerDetail> {
  return detailOf(ctx, await readableVolunteer(ctx, id));
}

export async function getMine(ctx: RequestContext): Promise<{ volunteer: S.VolunteerDetail | null }> {
  const v = await myVolunteer(ctx);
  return { volunteer: v ? await detailOf(ctx, v) : null };
}

export async function updateVolunteer(ctx: RequestContext, id: string, body: S.VolunteerPatch): Promise<S.VolunteerDetail> {
  const actor = requireActor(ctx);
  const v = await readableVolunteer(ctx, id);
  volunteerPolicy.authorize(actor, 'update', store.recordOf(v));
  const areas = body.serviceCommunityIds ? await serviceAreas(ctx, v.district_id, v.community_id, body.serviceCommunityIds) : undefined;
  await command(ctx, async ({ trx, audit }) => {
    const after = { skills: body.skills, availability: body.availability, service_community_ids: areas, note: body.note?.trim(), status: body.status };
    await trx.updateTable('volunteers').set(after).where('district_id', '=', v.district_id).where('id', '=', v.id).execute();
    await audit({
      action: 'volunteer.update', entityType: 'volunteer', entityId: v.id, districtId: v.district_id,
      before: { skills: v.skills, availability: v.availability, serviceCommunityIds: v.service_community_ids, note: v.note, status: v.status },
      after: { skills: body.skills, availability: body.availability, serviceCommunityIds: areas, note: body.note?.trim(), status: body.status },
    });
  });
  return detailOf(ctx, (await store.loadVolunteer(ctx.db, id))!);
}

/** Volunteers the caller reads (by home community or service area), filtered; the first 500 registered. */
export async function listVolunteers(ctx: RequestContext, q: S.VolunteerListQuery): Promise<{ items: S.VolunteerSummary[]; truncated: boolean }> {
  const actor = requireActor(ctx);
  const grants = volunteerPolicy.grants(actor, 'read');
  let query = ctx.db
    .selectFrom('volunteers')
    .selectAll()
    .where(scopeCondition(grants, { district: 'district_id', street: 'street_id', community: { array: 'service_community_ids' } }))
    .orderBy('created_at')
    .orderBy('id')
    .limit(LIST_LIMIT + 1);
  // the home community is always among the service areas
  if (q.communityId) query = query.where(sql<SqlBool>`service_community_ids @> array[${q.communityId}]::uuid[]`);
  if (q.skill) query = query.where(sql<SqlBool>`skills @> array[${q.skill}]::text[]`);
  if (q.status) query = query.where('status', '=', q.status);
  const rows = await query.execute();
  // one district per page of summaries: a caller of several districts sees each in turn
  const byDistrict = new Map<string, store.VolunteerRow[]>();
  for (const v of rows.slice(0, LIST_LIMIT)) byDistrict.set(v.district_id, [...(byDistrict.get(v.district_id) ?? []), v]);
  const items = (await Promise.all([...byDistrict.values()].map((vs) => summaries(ctx, vs)))).flat();
  return { items, truncated: rows.length > LIST_LIMIT };
}

export async function getSettings(ctx: RequestContext, asked: string | undefined): Promise<S.VolunteerSettings> {
  const actor = requireActor(ctx);
  const districtId = districtAsked(actor, asked);
  if (!districtId) throw invalid({ field: 'districtId', code: 'validation.required' });
  if (!volunteerSettingsPolicy.can(actor, 'read', { districtId }) && !(await myVolunteer(ctx))) throw new AppError('resource.not_found');
  return { districtId, ...(await store.settingsOf(ctx.db, districtId)), canUpdate: volunteerSettingsPolicy.can(actor, 'update', { districtId }) };
}

/** Star thresholds and the points rate; hours already verified keep the points they earned. */
export async function putSettings(ctx: RequestContext, asked: string | undefined, body: S.VolunteerSettingsBody): Promise<S.VolunteerSettings> {
  const actor = requireActor(ctx);
  const districtId = districtAsked(actor, asked);
  if (!districtId) throw invalid({ field: 'districtId', code: 'validation.required' });
  if (!volunteerSettingsPolicy.can(actor, 'read', { districtId })) throw new AppError('resource.not_found');
  volunteerSettingsPolicy.authorize(actor, 'update', { districtId });
  body.starHours.forEach((h, i) => {
    if (i > 0 && h <= body.starHours[i - 1]!) throw invalid({ field: `starHours.${i}`, code: 'volunteer.star_hours_order' });
  });
  await command(ctx, async ({ trx, audit }) => {
    const before = await store.settingsOf(trx, districtId);
    await trx
      .insertInto('volunteer_settings')
      .values({ district_id: districtId, star_hours: body.starHours, points_per_hour: body.pointsPerHour, updated_by: actor.userId })
      .onConflict((oc) => oc.column('district_id').doUpdateSet({ star_hours: body.starHours, points_per_hour: body.pointsPerHour, updated_by: actor.userId, updated_at: new Date() }))
      .execute();
    await audit({ action: 'volunteer_settings.update', entityType: 'volunteer_settings', entityId: districtId, districtId, before, after: body });
  });
  return getSettings(ctx, districtId);
}
