import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { normalizeIdNumber, normalizePhone } from '../../../common/identity.ts';
import { AppError, invalid, type FieldError, referenced } from '../../platform/errors/app-error.ts';
import { auditRead, command, type RequestContext } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import type { Static } from '../../platform/http/schema.ts';
import { seeHousehold } from './households.service.ts';
import { residentPolicy } from './resident.policy.ts';
import type * as S from './register.schemas.ts';
import * as store from './register.store.ts';
import {
  checkIdNumber,
  checkPhone,
  identityColumns,
  isFieldError,
  phoneColumns,
  residentScope,
  residentSnapshot,
  residentView,
  tagCatalogue,
  unknownTags,
  type TagCatalogue,
} from './resident.fields.ts';
import { actorDistricts } from './territory.reach.ts';
import { viewerOf, type Viewer } from './territory.viewer.ts';
import type { DB } from '../../tables.ts';

export async function seeResident(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadResident(ctx.db, id, actorDistricts(v.actor));
  if (!row || !residentPolicy.can(v.actor, 'read', residentScope(row))) throw new AppError('resource.not_found');
  return row;
}

/** q: an exact ID number or phone number (looked up by keyed hash), otherwise a name prefix. */
function searchOf(ctx: RequestContext, q: string | undefined): store.ResidentSearch | undefined {
  if (!q?.trim()) return undefined;
  const id = normalizeIdNumber(q);
  if (/^\d{17}[\dX]$/.test(id)) return { kind: 'id_number', hash: ctx.pii.lookupHash(id) };
  const phone = /^[\d\s()+-]+$/.test(q) ? normalizePhone(q) : null;
  if (phone) return { kind: 'phone', hash: ctx.pii.lookupHash(phone) };
  return { kind: 'name', prefix: q.trim() };
}

export async function listResidents(ctx: RequestContext, q: Static<typeof S.ResidentQuery>) {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  const catalogue = await tagCatalogue(ctx.db);
  const search = searchOf(ctx, q.q);
  const rows = await store.listResidents(ctx.db, residentPolicy.grants(v.actor, 'read'), {
    ...q,
    limit,
    tagGrants: q.tag && catalogue.sensitive.has(q.tag) ? residentPolicy.grants(v.actor, 'read_sensitive') : undefined,
    search,
  });
  const p = pageOf(rows, limit, (r) => (search?.kind === 'name' ? [r.name, r.id] : [r.id]));
  return { items: p.items.map((r) => residentView(v, r, catalogue)), nextCursor: p.nextCursor };
}

/** Opening a resident's record is a read of personal data: it is audited. */
export async function getResident(ctx: RequestContext, id: string) {
  const v = await viewerOf(ctx);
  const row = await seeResident(ctx, v, id);
  await auditRead(ctx, { action: 'resident.read', entityType: 'resident', entityId: id, districtId: row.district_id });
  return residentView(v, row, await tagCatalogue(ctx.db));
}

async function idNumberFree(ctx: RequestContext, districtId: string, hash: Buffer, except?: string) {
  let q = ctx.db.selectFrom('residents').select('id').where('district_id', '=', districtId).where('id_number_hash', '=', hash);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError('resident.duplicate_id_number');
}

type Input = Partial<Static<typeof S.ResidentBody>>;

/** All field problems at once, so that a form shows every one of them. */
function checkInput(body: Input, catalogue: TagCatalogue) {
  const fields: FieldError[] = [];
  if (body.name !== undefined && !body.name.trim()) fields.push({ field: 'name', code: 'validation.required' });
  const id = body.idNumber === undefined ? undefined : checkIdNumber(body.idNumber);
  if (id && isFieldError(id)) fields.push(id);
  const phone = body.phone === undefined ? undefined : checkPhone(body.phone);
  if (phone && isFieldError(phone)) fields.push(phone);
  if (body.tags?.length) fields.push(...unknownTags(body.tags, catalogue));
  if (fields.length) throw invalid(...fields);
  return {
    id: id && !isFieldError(id) ? id : undefined,
    phone: phone && !isFieldError(phone) ? phone.value : undefined,
  };
}

/** A household has one head: a second is refused, naming the first. */
async function onlyHead(trx: Kysely<DB>, districtId: string, householdId: string, except?: string) {
  const head = await store.otherHead(trx, districtId, householdId, except);
  if (head) throw new AppError('resident.second_head', { name: head.name }, [{ field: 'relation', code: 'resident.second_head', params: { name: head.name } }]);
}

export async function createResident(ctx: RequestContext, body: Static<typeof S.ResidentBody>) {
  const v = await viewerOf(ctx);
  const household = await referenced('householdId', () => seeHousehold(ctx, v, body.householdId));
  residentPolicy.authorize(v.actor, 'create', residentScope({ ...household, household_id: household.id }));
  // The tags are checked against it, and the answer shows them by it.
  const catalogue = await tagCatalogue(ctx.db);
  const checked = checkInput(body, catalogue);
  const identity = identityColumns(ctx.pii, checked.id!);
  await idNumberFree(ctx, household.district_id, identity.id_number_hash);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    if ((body.relation ?? 'other') === 'head' && (body.status ?? 'active') === 'active') await onlyHead(trx, household.district_id, household.id);
    const values = {
      district_id: household.district_id,
      id,
      household_id: household.id,
      street_id: household.street_id,
      community_id: household.community_id,
      grid_id: household.grid_id,
      name: body.name.trim(),
      ...identity,
      ...phoneColumns(ctx.pii, checked.phone ?? null),
      relation: body.relation ?? 'other',
      tags: body.tags ?? [],
      status: body.status ?? 'active',
      notes: body.notes ?? '',
    };
    const r = await trx.insertInto('residents').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({
      action: 'resident.create',
      entityType: 'resident',
      entityId: id,
      districtId: household.district_id,
      after: residentSnapshot(values),
    });
    return r;
  });
  return residentView(v, { ...row, household_address: household.address }, catalogue);
}

export async function updateResident(ctx: RequestContext, id: string, body: Static<typeof S.ResidentPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeResident(ctx, v, id);
  residentPolicy.authorize(v.actor, 'update', residentScope(row));
  let place = { household_id: row.household_id, grid_id: row.grid_id, community_id: row.community_id, street_id: row.street_id };
  let address = row.household_address;
  if (body.householdId && body.householdId !== row.household_id) {
    const household = await referenced('householdId', () => seeHousehold(ctx, v, body.householdId!));
    residentPolicy.authorize(v.actor, 'update', residentScope({ ...household, household_id: household.id }));
    if (household.district_id !== row.district_id) throw invalid({ field: 'householdId', code: 'household.move_other_district' });
    place = { household_id: household.id, grid_id: household.grid_id, community_id: household.community_id, street_id: household.street_id };
    address = household.address;
  }
  const catalogue = await tagCatalogue(ctx.db);
  const checked = checkInput(body, catalogue);
  // A new ID number re-derives birth date and gender; the old ones are never kept beside it.
  const identity = checked.id ? identityColumns(ctx.pii, checked.id) : {};
  if (checked.id) await idNumberFree(ctx, row.district_id, (identity as { id_number_hash: Buffer }).id_number_hash, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const becomesHead = (body.relation ?? row.relation) === 'head' && (body.status ?? row.status) === 'active';
    const wasHead = row.relation === 'head' && row.status === 'active' && place.household_id === row.household_id;
    if (becomesHead && !wasHead) await onlyHead(trx, row.district_id, place.household_id, id);
    const after = await trx
      .updateTable('residents')
      .set({
        ...place,
        name: body.name?.trim(),
        ...identity,
        ...(body.phone !== undefined ? phoneColumns(ctx.pii, checked.phone ?? null) : {}),
        relation: body.relation,
        tags: body.tags,
        status: body.status,
        notes: body.notes,
        updated_at: new Date(),
      })
      .where('district_id', '=', row.district_id)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      districtId: row.district_id,
      before: residentSnapshot(row),
      after: residentSnapshot(after),
    });
    return after;
  });
  return residentView(v, { ...written, household_address: address }, catalogue);
}

/** The full number, for those who visit the household; 403 for a visible record, 404 otherwise. */
export async function reveal(ctx: RequestContext, id: string, field: 'idNumber' | 'phone') {
  const v = await viewerOf(ctx);
  const row = await seeResident(ctx, v, id);
  residentPolicy.authorize(v.actor, 'reveal', residentScope(row));
  const sealed = field === 'idNumber' ? row.id_number_cipher : row.phone_cipher;
  if (!sealed) throw new AppError('resident.no_phone');
  const value = ctx.pii.decrypt(sealed);
  await auditRead(ctx, {
    action: field === 'idNumber' ? 'resident.reveal_id_number' : 'resident.reveal_phone',
    entityType: 'resident',
    entityId: id,
    districtId: row.district_id,
  });
  return { value };
}

export async function listTags(ctx: RequestContext) {
  await viewerOf(ctx);
  const rows = await store.residentTags(ctx.db);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    sensitive: r.sensitive,
    careIntervalDays: r.care_interval_days,
  }));
}
