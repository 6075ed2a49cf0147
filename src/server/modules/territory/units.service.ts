import { newId } from '../../platform/db/ids.ts';
import { AppError, referenced } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import type { Static } from '../../platform/http/schema.ts';
import { communityPolicy } from './community.policy.ts';
import { districtPolicy } from './district.policy.ts';
import { streetPolicy } from './street.policy.ts';
import type * as S from './structure.schemas.ts';
import * as store from './structure.store.ts';
import { innerOf, type UnitScope } from './territory.reach.ts';
import { iso, viewerOf, type Viewer } from './territory.viewer.ts';

/** Districts, streets and communities: the small reference registers of the tree. */

const notFound = () => new AppError('resource.not_found');
const page = <T extends { code: string; id: string }, V>(rows: T[], limit: number, view: (r: T) => V) => {
  const p = pageOf(rows, limit, (r) => [r.code, r.id]);
  return { items: p.items.map(view), nextCursor: p.nextCursor };
};

export const districtScope = (v: Viewer, r: { id: string }): UnitScope => ({
  districtId: r.id,
  inner: innerOf(v.reaches, 'district', r.id),
});
export const streetScope = (v: Viewer, r: { id: string; district_id: string }): UnitScope => ({
  districtId: r.district_id,
  streetId: r.id,
  inner: innerOf(v.reaches, 'street', r.id),
});
export const communityScope = (v: Viewer, r: { id: string; district_id: string; street_id: string }): UnitScope => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.id,
  inner: innerOf(v.reaches, 'community', r.id),
});

function districtView(v: Viewer, r: store.DistrictRow): S.DistrictView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    city: r.city,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: districtPolicy.allowedActions(v.actor, districtScope(v, r)),
  };
}
function streetView(v: Viewer, r: store.StreetRow): S.StreetView {
  return {
    id: r.id,
    districtId: r.district_id,
    districtName: r.district_name,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: streetPolicy.allowedActions(v.actor, streetScope(v, r)),
  };
}
function communityView(v: Viewer, r: store.CommunityRow): S.CommunityView {
  return {
    id: r.id,
    districtId: r.district_id,
    districtName: r.district_name,
    streetId: r.street_id,
    streetName: r.street_name,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    serviceCenterAddress: r.service_center_address,
    servicePhone: r.service_phone,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: communityPolicy.allowedActions(v.actor, communityScope(v, r)),
  };
}

/** A unit the caller cannot read answers exactly like one that does not exist. */
export async function seeDistrict(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadDistrict(ctx.db, id);
  if (!row || !districtPolicy.can(v.actor, 'read', districtScope(v, row))) throw notFound();
  return row;
}
export async function seeStreet(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadStreet(ctx.db, id);
  if (!row || !streetPolicy.can(v.actor, 'read', streetScope(v, row))) throw notFound();
  return row;
}
export async function seeCommunity(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadCommunity(ctx.db, id);
  if (!row || !communityPolicy.can(v.actor, 'read', communityScope(v, row))) throw notFound();
  return row;
}

const snapshot = (r: Record<string, unknown>) => {
  const { created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
};

async function codeFree(ctx: RequestContext, table: 'districts' | 'streets' | 'communities', code: string, except?: string) {
  let q = ctx.db.selectFrom(table).select('id').where('code', '=', code);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError('territory.duplicate_code', { code });
}

// Districts
export async function listDistricts(ctx: RequestContext, q: Static<typeof S.DistrictQuery>) {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  return page(await store.listDistricts(ctx.db, v.reaches, { limit, cursor: q.cursor }), limit, (r) => districtView(v, r));
}
export async function getDistrict(ctx: RequestContext, id: string) {
  const v = await viewerOf(ctx);
  return districtView(v, await seeDistrict(ctx, v, id));
}
export async function createDistrict(ctx: RequestContext, body: Static<typeof S.DistrictBody>) {
  const v = await viewerOf(ctx);
  districtPolicy.authorize(v.actor, 'create', {});
  await codeFree(ctx, 'districts', body.code);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const values = { id, code: body.code, name: body.name, name_en: body.nameEn ?? null, city: body.city ?? '' };
    const r = await trx.insertInto('districts').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'district.create', entityType: 'district', entityId: id, after: values });
    return r;
  });
  return districtView(v, row);
}
export async function updateDistrict(ctx: RequestContext, id: string, body: Static<typeof S.DistrictPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeDistrict(ctx, v, id);
  districtPolicy.authorize(v.actor, 'update', districtScope(v, row));
  if (body.code !== undefined) await codeFree(ctx, 'districts', body.code, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const changes = { code: body.code, name: body.name, name_en: body.nameEn, city: body.city, updated_at: new Date() };
    const after = await trx.updateTable('districts').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'district.update', entityType: 'district', entityId: id, before: snapshot(row), after: snapshot(after) });
    return after;
  });
  return districtView(v, written);
}

// Streets
export async function listStreets(ctx: RequestContext, q: Static<typeof S.StreetQuery>) {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  return page(await store.listStreets(ctx.db, v.reaches, { ...q, limit }), limit, (r) => streetView(v, r));
}
export async function getStreet(ctx: RequestContext, id: string) {
  const v = await viewerOf(ctx);
  return streetView(v, await seeStreet(ctx, v, id));
}
export async function createStreet(ctx: RequestContext, body: Static<typeof S.StreetBody>) {
  const v = await viewerOf(ctx);
  const district = await referenced('districtId', () => seeDistrict(ctx, v, body.districtId));
  streetPolicy.authorize(v.actor, 'create', { districtId: district.id });
  await codeFree(ctx, 'streets', body.code);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const values = { id, district_id: district.id, code: body.code, name: body.name, name_en: body.nameEn ?? null };
    const r = await trx.insertInto('streets').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'street.create', entityType: 'street', entityId: id, districtId: district.id, after: values });
    return r;
  });
  return streetView(v, { ...row, district_name: district.name });
}
export async function updateStreet(ctx: RequestContext, id: string, body: Static<typeof S.StreetPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeStreet(ctx, v, id);
  streetPolicy.authorize(v.actor, 'update', streetScope(v, row));
  if (body.code !== undefined) await codeFree(ctx, 'streets', body.code, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const changes = { code: body.code, name: body.name, name_en: body.nameEn, updated_at: new Date() };
    const after = await trx.updateTable('streets').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit({
      action: 'street.update',
      entityType: 'street',
      entityId: id,
      districtId: row.district_id,
      before: snapshot(row),
      after: snapshot(after),
    });
    return after;
  });
  // A street stays in its district: the name read is its district's.
  return streetView(v, { ...row, ...written });
}

// Communities
export async function listCommunities(ctx: RequestContext, q: Static<typeof S.CommunityQuery>) {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  return page(await store.listCommunities(ctx.db, v.reaches, { ...q, limit }), limit, (r) => communityView(v, r));
}
export async function getCommunity(ctx: RequestContext, id: string) {
  const v = await viewerOf(ctx);
  return communityView(v, await seeCommunity(ctx, v, id));
}
export async function createCommunity(ctx: RequestContext, body: Static<typeof S.CommunityBody>) {
  const v = await viewerOf(ctx);
  const street = await referenced('streetId', () => seeStreet(ctx, v, body.streetId));
  communityPolicy.authorize(v.actor, 'create', { districtId: street.district_id, streetId: street.id });
  await codeFree(ctx, 'communities', body.code);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const values = {
      id,
      district_id: street.district_id,
      street_id: street.id,
      code: body.code,
      name: body.name,
      name_en: body.nameEn ?? null,
      service_center_address: body.serviceCenterAddress ?? '',
      service_phone: body.servicePhone ?? '',
    };
    const r = await trx.insertInto('communities').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'community.create', entityType: 'community', entityId: id, districtId: street.district_id, after: values });
    return r;
  });
  return communityView(v, { ...row, street_name: street.name, district_name: street.district_name });
}
export async function updateCommunity(ctx: RequestContext, id: string, body: Static<typeof S.CommunityPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeCommunity(ctx, v, id);
  // The service center's address and phone are the community's own contact details.
  const onlyServiceCenter = Object.keys(body).every((k) => k === 'serviceCenterAddress' || k === 'servicePhone');
  communityPolicy.authorize(v.actor, onlyServiceCenter ? 'update_service_center' : 'update', communityScope(v, row));
  if (body.code !== undefined) await codeFree(ctx, 'communities', body.code, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const changes = {
      code: body.code,
      name: body.name,
      name_en: body.nameEn,
      service_center_address: body.serviceCenterAddress,
      service_phone: body.servicePhone,
      updated_at: new Date(),
    };
    const after = await trx.updateTable('communities').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const { street_name: _s, district_name: _d, ...before } = row;
    await audit({
      action: 'community.update',
      entityType: 'community',
      entityId: id,
      districtId: row.district_id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
  // A community stays in its street: the names read are its street's and district's.
  return communityView(v, { ...row, ...written });
}
