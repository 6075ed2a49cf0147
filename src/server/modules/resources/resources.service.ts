import type { Insertable, Updateable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { normalizePhone } from '../../../common/identity.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { maskPhone } from '../../platform/crypto/pii.ts';
import { AppError, invalid, notFoundAt, referenced, type FieldError } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { categoryCodesOf } from '../needs/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { visibleUnit } from '../territory/index.ts';
import './resources.errors.ts';
import { shanghaiParts } from './resources.matching.ts';
import { resourcePolicy, type ResourceRecord } from './resources.policy.ts';
import type { CreateResourceBody, ResourceListQuery, ResourceView, UpdateResourceBody } from './resources.schemas.ts';
import * as store from './resources.store.ts';
import type { ResourceRow } from './resources.store.ts';
import type { OwnerType, ResourceKind, ResourcesTable, ResourceStatus, WeeklyWindow } from './resources.tables.ts';

const recordOf = (r: { district_id: string; street_id: string | null; community_id: string | null }): ResourceRecord => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
});

function present(actor: Actor, row: ResourceRow): ResourceView {
  return {
    id: row.id,
    districtId: row.district_id,
    streetId: row.street_id,
    communityId: row.community_id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    ownerType: row.owner_type,
    ownerId: row.owner_community_id ?? row.owner_organization_id,
    ownerName: row.owner_name,
    categories: row.categories,
    weeklyWindows: row.weekly_windows as WeeklyWindow[],
    availableFrom: row.available_from,
    availableUntil: row.available_until,
    capacity: row.capacity,
    constraints: row.constraints,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_masked,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    allowedActions: resourcePolicy.allowedActions(actor, recordOf(row)).filter((a) => a !== 'create'),
  };
}

/** A resource outside the reader's area answers exactly like a missing one. */
async function loadVisible(ctx: RequestContext, actor: Actor, id: string): Promise<ResourceRow> {
  const row = await store.findResource(ctx.db, id);
  if (!row || !resourcePolicy.can(actor, 'read', recordOf(row))) throw new AppError('resource.not_found');
  return row;
}

export async function listResources(ctx: RequestContext, query: ResourceListQuery) {
  const actor = await store.resourceActor(ctx.db, requireActor(ctx));
  const grants = resourcePolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  let place: store.Place | undefined;
  if (query.communityId) {
    const c = await store.findCommunity(ctx.db, query.communityId);
    if (!c) return { items: [], nextCursor: null };
    place = { districtId: c.district_id, streetId: c.street_id, communityId: c.id };
  }
  const rows = await store.listResources(ctx.db, {
    assignments: grants,
    districtId: query.districtId,
    place,
    kind: query.kind,
    category: query.category,
    open: query.availableAt ? shanghaiParts(new Date(query.availableAt)) : undefined,
    q: query.q,
    status: query.status,
    limit,
    after,
  });
  const page = pageOf(rows, limit, (r) => [r.name, r.id]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

export async function getResource(ctx: RequestContext, id: string): Promise<ResourceView> {
  const actor = await store.resourceActor(ctx.db, requireActor(ctx));
  return present(actor, await loadVisible(ctx, actor, id));
}

/** The resource in API terms; the phone is compared by its lookup hash, never decrypted. */
interface State {
  kind: ResourceKind;
  name: string;
  description: string;
  owner: { type: OwnerType; id: string | null; name: string };
  place: store.Place;
  categories: string[];
  weeklyWindows: WeeklyWindow[];
  availableFrom: string | null;
  availableUntil: string | null;
  capacity: number | null;
  constraints: string;
  contactName: string;
  contactPhone: { hash: string | null; masked: string | null };
  status: ResourceStatus;
}
type Field = keyof State;
const ALL_FIELDS: readonly Field[] = [
  'kind', 'name', 'description', 'owner', 'place', 'categories', 'weeklyWindows', 'availableFrom', 'availableUntil',
  'capacity', 'constraints', 'contactName', 'contactPhone', 'status',
];

function stateOf(row: ResourceRow): State {
  return {
    kind: row.kind,
    name: row.name,
    description: row.description,
    owner: { type: row.owner_type, id: row.owner_community_id ?? row.owner_organization_id, name: row.owner_name },
    place: { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id },
    categories: row.categories,
    weeklyWindows: row.weekly_windows as WeeklyWindow[],
    availableFrom: row.available_from,
    availableUntil: row.available_until,
    capacity: row.capacity,
    constraints: row.constraints,
    contactName: row.contact_name,
    contactPhone: { hash: row.contact_phone_hash ? Buffer.from(row.contact_phone_hash).toString('hex') : null, masked: row.contact_phone_masked },
    status: row.status,
  };
}

/** Audit rows carry the masked phone only. */
function auditView(s: State, fields: readonly Field[]) {
  return Object.fromEntries(fields.map((f) => (f === 'contactPhone' ? ['contactPhoneMasked', s.contactPhone.masked] : [f, s[f]])));
}

type Input = UpdateResourceBody & { districtId?: string };

interface Prepared {
  next: State;
  phone: { cipher: Buffer; hash: Buffer; masked: string } | null;
}

async function resolvePlace(ctx: RequestContext, input: Input, current: State | null, errors: FieldError[]): Promise<store.Place | null> {
  const touched = input.communityId !== undefined || input.streetId !== undefined || input.districtId !== undefined;
  if (current && !touched) return current.place;
  // A resource stays in its district (the district is part of its key).
  const district = current?.place.districtId ?? input.districtId;
  const communityId = input.communityId !== undefined ? input.communityId : input.streetId !== undefined ? null : current?.place.communityId ?? null;
  const streetId = input.streetId !== undefined ? input.streetId : current?.place.streetId ?? null;
  if (communityId) {
    const c = await referenced('communityId', () => visibleUnit(ctx, 'community', communityId));
    if ((district && c.districtId !== district) || (input.streetId && input.streetId !== c.streetId)) {
      errors.push({ field: 'communityId', code: 'resources.unknown_community' });
      return null;
    }
    return { districtId: c.districtId, streetId: c.streetId, communityId: c.id };
  }
  if (streetId) {
    const s = await referenced('streetId', () => visibleUnit(ctx, 'street', streetId));
    if (district && s.districtId !== district) {
      errors.push({ field: 'streetId', code: 'resources.unknown_street' });
      return null;
    }
    return { districtId: s.districtId, streetId: s.id, communityId: null };
  }
  if (!district) {
    errors.push({ field: 'districtId', code: 'resources.location_required' });
    return null;
  }
  if (!current) await referenced('districtId', () => visibleUnit(ctx, 'district', district));
  return { districtId: district, streetId: null, communityId: null };
}

async function resolveOwner(ctx: RequestContext, input: Input, base: State, place: store.Place | null, errors: FieldError[]): Promise<State['owner']> {
  const touched = input.ownerType !== undefined || input.ownerId !== undefined || input.ownerName !== undefined;
  if (!touched) return base.owner;
  const type = input.ownerType ?? base.owner.type;
  const id = input.ownerId !== undefined ? input.ownerId : base.owner.id;
  const name = input.ownerName?.trim() ?? base.owner.name;
  if (type === 'other') {
    if (!name) errors.push({ field: 'ownerName', code: 'resources.owner_required' });
    return { type, id: null, name };
  }
  if (!id) {
    errors.push({ field: 'ownerId', code: 'resources.owner_required' });
    return { type, id: null, name };
  }
  if (type === 'community') {
    const c = await referenced('ownerId', () => visibleUnit(ctx, 'community', id));
    // A community lends its resources within its own district.
    if (place && c.districtId !== place.districtId) errors.push({ field: 'ownerId', code: 'resources.unknown_owner' });
    return { type, id, name: c.name };
  }
  // The organizations register is public: an organization of any district may lend a resource.
  const orgName = (await organizationNames(ctx.db, [id])).get(id);
  if (orgName === undefined) throw notFoundAt('ownerId');
  return { type, id, name: orgName };
}

/** Normalises and checks the input against the current resource (or none), collecting every field error. */
async function prepare(ctx: RequestContext, input: Input, current: ResourceRow | null): Promise<Prepared> {
  const errors: FieldError[] = [];
  const base: State = current
    ? stateOf(current)
    : {
        kind: 'venue', name: '', description: '', owner: { type: 'other', id: null, name: '' },
        place: { districtId: '', streetId: null, communityId: null }, categories: [], weeklyWindows: [],
        availableFrom: null, availableUntil: null, capacity: null, constraints: '', contactName: '',
        contactPhone: { hash: null, masked: null }, status: 'active',
      };
  const next: State = { ...base };
  if (input.kind !== undefined) next.kind = input.kind;
  if (input.status !== undefined) next.status = input.status;
  if (input.name !== undefined) {
    next.name = input.name.trim();
    if (!next.name) errors.push({ field: 'name', code: 'validation.required' });
  }
  if (input.description !== undefined) next.description = input.description.trim();
  if (input.constraints !== undefined) next.constraints = input.constraints.trim();
  if (input.contactName !== undefined) next.contactName = input.contactName.trim();
  if (input.capacity !== undefined) next.capacity = input.capacity;
  if (input.categories !== undefined) next.categories = [...new Set(input.categories)];
  if (input.availableFrom !== undefined) next.availableFrom = input.availableFrom;
  if (input.availableUntil !== undefined) next.availableUntil = input.availableUntil;
  if (next.availableFrom && next.availableUntil && next.availableFrom > next.availableUntil) {
    errors.push({ field: 'availableUntil', code: 'resources.date_order' });
  }
  if (input.weeklyWindows !== undefined) {
    input.weeklyWindows.forEach((w, i) => {
      if (w.from >= w.to) errors.push({ field: `weeklyWindows.${i}`, code: 'resources.window_order' });
    });
    next.weeklyWindows = input.weeklyWindows
      .map((w) => ({ weekday: w.weekday, from: w.from, to: w.to }))
      .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  }
  const place = await resolvePlace(ctx, input, current ? base : null, errors);
  if (place) next.place = place;
  if (input.categories !== undefined && place) {
    // Resources speak the district's need categories, or matching a common need would never find them.
    const known = await categoryCodesOf(ctx, ctx.db, place.districtId);
    next.categories.forEach((c, i) => {
      if (!known.has(c)) errors.push({ field: `categories.${i}`, code: 'resources.unknown_category' });
    });
  }
  next.owner = await resolveOwner(ctx, input, base, place, errors);

  let phone: Prepared['phone'] = null;
  if (input.contactPhone !== undefined) {
    const raw = input.contactPhone?.trim() ?? '';
    const normalized = raw === '' ? null : normalizePhone(raw);
    if (raw !== '' && !normalized) errors.push({ field: 'contactPhone', code: 'resources.phone_format' });
    if (normalized) {
      phone = ctx.pii.seal(normalized, maskPhone);
      next.contactPhone = { hash: phone.hash.toString('hex'), masked: phone.masked };
    } else {
      next.contactPhone = { hash: null, masked: null };
    }
  }
  if (errors.length) throw invalid(...errors);
  return { next, phone };
}

function columns(p: Prepared, fields: readonly Field[]): Updateable<ResourcesTable> {
  const s = p.next;
  const set: Updateable<ResourcesTable> = {};
  for (const f of fields) {
    switch (f) {
      case 'kind': set.kind = s.kind; break;
      case 'name': set.name = s.name; break;
      case 'description': set.description = s.description; break;
      case 'owner':
        set.owner_type = s.owner.type;
        set.owner_community_id = s.owner.type === 'community' ? s.owner.id : null;
        set.owner_organization_id = s.owner.type === 'organization' ? s.owner.id : null;
        set.owner_name = s.owner.name;
        break;
      case 'place':
        set.street_id = s.place.streetId;
        set.community_id = s.place.communityId;
        break;
      case 'categories': set.categories = s.categories; break;
      case 'weeklyWindows': set.weekly_windows = JSON.stringify(s.weeklyWindows); break;
      case 'availableFrom': set.available_from = s.availableFrom; break;
      case 'availableUntil': set.available_until = s.availableUntil; break;
      case 'capacity': set.capacity = s.capacity; break;
      case 'constraints': set.constraints = s.constraints; break;
      case 'contactName': set.contact_name = s.contactName; break;
      case 'contactPhone':
        set.contact_phone_cipher = p.phone?.cipher ?? null;
        set.contact_phone_hash = p.phone?.hash ?? null;
        set.contact_phone_masked = p.phone?.masked ?? null;
        break;
      case 'status': set.status = s.status; break;
    }
  }
  return set;
}

const placeRecord = (p: store.Place): ResourceRecord => ({ districtId: p.districtId, streetId: p.streetId, communityId: p.communityId });

export async function createResource(ctx: RequestContext, input: CreateResourceBody): Promise<ResourceView> {
  const actor = await store.resourceActor(ctx.db, requireActor(ctx));
  if (resourcePolicy.grants(actor, 'create').length === 0) throw new AppError('access.forbidden');
  const p = await prepare(ctx, input, null);
  resourcePolicy.authorize(actor, 'create', placeRecord(p.next.place));
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const inserted = await trx
      .insertInto('resources')
      .values({ district_id: p.next.place.districtId, id, ...columns(p, ALL_FIELDS) } as Insertable<ResourcesTable>)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'resource.create',
      entityType: 'resource',
      entityId: id,
      districtId: inserted.district_id,
      after: auditView(p.next, ALL_FIELDS),
    });
    return inserted;
  });
  return present(actor, row);
}

export async function updateResource(ctx: RequestContext, id: string, input: UpdateResourceBody): Promise<ResourceView> {
  const actor = await store.resourceActor(ctx.db, requireActor(ctx));
  const current = await loadVisible(ctx, actor, id);
  resourcePolicy.authorize(actor, 'update', recordOf(current));
  const p = await prepare(ctx, input, current);
  // Moving a resource must keep it inside the actor's area.
  resourcePolicy.authorize(actor, 'update', placeRecord(p.next.place));
  const before = stateOf(current);
  const changed = ALL_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(p.next[f]));
  if (changed.length === 0) return present(actor, current);
  const row = await command(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('resources')
      .set({ ...columns(p, changed), updated_at: new Date() })
      .where('district_id', '=', current.district_id)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'resource.update',
      entityType: 'resource',
      entityId: id,
      districtId: current.district_id,
      before: auditView(before, changed),
      after: auditView(p.next, changed),
    });
    return updated;
  });
  return present(actor, row);
}

/** Decrypts the contact phone for an allowed reader; the read itself is audited. */
export async function revealResourceField(ctx: RequestContext, id: string, field: 'contactPhone'): Promise<{ value: string | null }> {
  const actor = await store.resourceActor(ctx.db, requireActor(ctx));
  const row = await loadVisible(ctx, actor, id);
  resourcePolicy.authorize(actor, 'reveal', recordOf(row));
  const value = row.contact_phone_cipher ? ctx.pii.decrypt(row.contact_phone_cipher) : null;
  await auditRead(ctx, { action: 'resource.reveal', entityType: 'resource', entityId: id, districtId: row.district_id, after: { field } });
  return { value };
}
