import type { Insertable, Updateable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { normalizePhone, normalizeUscc, validateUscc } from '../../../common/identity.ts';
import type { OrganizationType, Rating } from '../../../common/organizations.ts';
import { PLATFORM_DISTRICT } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { maskPhone } from '../../platform/crypto/pii.ts';
import { AppError, invalid, referenced, type FieldError } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { visibleUnit } from '../territory/index.ts';
import './organizations.errors.ts';
import { organizationPolicy, type OrganizationRecord } from './organizations.policy.ts';
import { resolveRating, ratingStatus } from './organizations.rules.ts';
import {
  SELF_SERVICE_FIELDS,
  type CreateOrganizationBody,
  type OrganizationListQuery,
  type OrganizationView,
  type UpdateOrganizationBody,
} from './organizations.schemas.ts';
import * as store from './organizations.store.ts';
import type { OrganizationRow } from './organizations.store.ts';
import type { OrganizationsTable } from './organizations.tables.ts';

const today = () => localDate(new Date());

export function recordOf(row: Pick<OrganizationRow, 'id' | 'registration_district_id' | 'service_community_ids' | 'service_street_ids'>): OrganizationRecord {
  return {
    id: row.id,
    registrationDistrictId: row.registration_district_id,
    serviceCommunityIds: row.service_community_ids,
    serviceStreetIds: row.service_street_ids,
  };
}

export function present(actor: Actor, row: OrganizationRow, on = today()): OrganizationView {
  const record = recordOf(row);
  const contacts = organizationPolicy.can(actor, 'read_contacts', record);
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    type: row.type,
    registrationDate: row.registration_date,
    registrationAuthority: row.registration_authority,
    registrationDistrictId: row.registration_district_id,
    rating: row.rating,
    ratedOn: row.rated_on,
    ratingValidUntil: row.rating_valid_until,
    ratingStatus: ratingStatus(row.rating, row.rating_valid_until, on),
    serviceFields: row.service_fields,
    serviceCommunityIds: row.service_community_ids,
    address: row.address,
    ...(contacts ? { contactName: row.contact_name, contactPhoneMasked: row.contact_phone_masked } : {}),
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    allowedActions: organizationPolicy.allowedActions(actor, record).filter((a) => a !== 'create'),
  };
}

/** Loads an organization the actor may see; anything else answers like a missing one. */
export async function loadVisible(ctx: RequestContext, actor: Actor, id: string): Promise<OrganizationRow> {
  const row = await store.findOrganization(ctx.db, id);
  if (!row || !organizationPolicy.can(actor, 'read', recordOf(row))) throw new AppError('resource.not_found');
  return row;
}

export async function listOrganizations(ctx: RequestContext, query: OrganizationListQuery) {
  const actor = requireActor(ctx);
  if (organizationPolicy.grants(actor, 'read').length === 0) throw new AppError('access.forbidden');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  const on = today();
  const rows = await store.listOrganizations(ctx.db, { ...query, limit, today: on, after });
  const page = pageOf(rows, limit, (r) => [r.name, r.id]);
  return { items: page.items.map((r) => present(actor, r, on)), nextCursor: page.nextCursor };
}

export async function getOrganization(ctx: RequestContext, id: string): Promise<OrganizationView> {
  const actor = requireActor(ctx);
  return present(actor, await loadVisible(ctx, actor, id));
}

/** The register entry in API terms; the phone is compared by its lookup hash, never decrypted. */
interface State {
  name: string;
  uscc: string;
  type: OrganizationType;
  registrationDate: string;
  registrationAuthority: string;
  registrationDistrictId: string | null;
  rating: Rating | null;
  ratedOn: string | null;
  ratingValidUntil: string | null;
  serviceFields: string[];
  serviceCommunityIds: string[];
  address: string;
  contactName: string;
  contactPhone: { hash: string | null; masked: string | null };
  status: 'active' | 'deregistered';
}
type Field = keyof State;

function stateOf(row: OrganizationRow): State {
  return {
    name: row.name,
    uscc: row.uscc,
    type: row.type,
    registrationDate: row.registration_date,
    registrationAuthority: row.registration_authority,
    registrationDistrictId: row.registration_district_id,
    rating: row.rating,
    ratedOn: row.rated_on,
    ratingValidUntil: row.rating_valid_until,
    serviceFields: row.service_fields,
    serviceCommunityIds: row.service_community_ids,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: { hash: row.contact_phone_hash ? Buffer.from(row.contact_phone_hash).toString('hex') : null, masked: row.contact_phone_masked },
    status: row.status,
  };
}

/** Audit rows carry the masked phone only. */
function auditView(s: State, fields: readonly Field[]) {
  return Object.fromEntries(fields.map((f) => (f === 'contactPhone' ? ['contactPhoneMasked', s.contactPhone.masked] : [f, s[f]])));
}

interface Prepared {
  next: State;
  streetIds: string[];
  phone: { cipher: Buffer; hash: Buffer; masked: string } | null;
}

/** Normalises and checks the input against the current entry (or none), collecting every field error. */
async function prepare(
  ctx: RequestContext,
  input: UpdateOrganizationBody,
  current: OrganizationRow | null,
): Promise<Prepared> {
  const on = today();
  const errors: FieldError[] = [];
  const base: State = current
    ? stateOf(current)
    : {
        name: '', uscc: '', type: 'association', registrationDate: '', registrationAuthority: '',
        registrationDistrictId: null, rating: null, ratedOn: null, ratingValidUntil: null,
        serviceFields: [], serviceCommunityIds: [], address: '', contactName: '',
        contactPhone: { hash: null, masked: null }, status: 'active',
      };
  const next: State = { ...base };
  const text = (field: 'name' | 'registrationAuthority' | 'address' | 'contactName', required: boolean) => {
    const value = input[field];
    if (value === undefined) return;
    next[field] = value.trim();
    if (required && next[field] === '') errors.push({ field, code: 'validation.required' });
  };
  text('name', true);
  text('registrationAuthority', true);
  text('address', false);
  text('contactName', false);
  if (input.type !== undefined) next.type = input.type;
  if (input.status !== undefined) next.status = input.status;

  if (input.uscc !== undefined) {
    next.uscc = normalizeUscc(input.uscc);
    const problem = validateUscc(next.uscc);
    if (problem) errors.push({ field: 'uscc', code: `organization.uscc_${problem}` });
  }
  if (input.registrationDate !== undefined) {
    next.registrationDate = input.registrationDate;
    if (input.registrationDate > on) errors.push({ field: 'registrationDate', code: 'organization.date_in_future' });
  }
  const district = input.registrationDistrictId;
  if (district !== undefined) {
    next.registrationDistrictId = district;
    if (district) await referenced('registrationDistrictId', () => visibleUnit(ctx, 'district', district));
  }
  if (input.serviceFields !== undefined) next.serviceFields = [...new Set(input.serviceFields)];
  if (input.serviceCommunityIds !== undefined) {
    next.serviceCommunityIds = [...new Set(input.serviceCommunityIds)];
    // A community newly named must be one the caller may read; those already listed stay.
    for (const [i, id] of input.serviceCommunityIds.entries()) {
      if (!base.serviceCommunityIds.includes(id)) await referenced(`serviceCommunityIds.${i}`, () => visibleUnit(ctx, 'community', id));
    }
  }
  const streets = await store.communityStreets(ctx.db, next.serviceCommunityIds);

  const rating = resolveRating(
    input,
    { rating: base.rating, ratedOn: base.ratedOn, validUntil: base.ratingValidUntil },
    on,
  );
  errors.push(...rating.errors);
  Object.assign(next, { rating: rating.state.rating, ratedOn: rating.state.ratedOn, ratingValidUntil: rating.state.validUntil });

  let phone: Prepared['phone'] = null;
  if (input.contactPhone !== undefined) {
    const raw = input.contactPhone?.trim() ?? '';
    const normalized = raw === '' ? null : normalizePhone(raw);
    if (raw !== '' && !normalized) errors.push({ field: 'contactPhone', code: 'organization.phone_format' });
    if (normalized) {
      phone = ctx.pii.seal(normalized, maskPhone);
      next.contactPhone = { hash: phone.hash.toString('hex'), masked: phone.masked };
    } else {
      next.contactPhone = { hash: null, masked: null };
    }
  }

  if (errors.length) throw invalid(...errors);
  return { next, streetIds: [...new Set(streets.values())], phone };
}

function columns(p: Prepared, fields: readonly Field[]): Updateable<OrganizationsTable> {
  const s = p.next;
  const set: Updateable<OrganizationsTable> = {};
  for (const f of fields) {
    switch (f) {
      case 'name': set.name = s.name; break;
      case 'uscc': set.uscc = s.uscc; break;
      case 'type': set.type = s.type; break;
      case 'registrationDate': set.registration_date = s.registrationDate; break;
      case 'registrationAuthority': set.registration_authority = s.registrationAuthority; break;
      case 'registrationDistrictId': set.registration_district_id = s.registrationDistrictId; break;
      case 'rating': set.rating = s.rating; break;
      case 'ratedOn': set.rated_on = s.ratedOn; break;
      case 'ratingValidUntil': set.rating_valid_until = s.ratingValidUntil; break;
      case 'serviceFields': set.service_fields = s.serviceFields; break;
      case 'serviceCommunityIds':
        set.service_community_ids = s.serviceCommunityIds;
        set.service_street_ids = p.streetIds;
        break;
      case 'address': set.address = s.address; break;
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

const ALL_FIELDS: readonly Field[] = [
  'name', 'uscc', 'type', 'registrationDate', 'registrationAuthority', 'registrationDistrictId', 'rating',
  'ratedOn', 'ratingValidUntil', 'serviceFields', 'serviceCommunityIds', 'address', 'contactName',
  'contactPhone', 'status',
];

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

export async function createOrganization(ctx: RequestContext, input: CreateOrganizationBody): Promise<OrganizationView> {
  const actor = requireActor(ctx);
  if (organizationPolicy.grants(actor, 'create').length === 0) throw new AppError('access.forbidden');
  const p = await prepare(ctx, input, null);
  const id = newId();
  organizationPolicy.authorize(actor, 'create', {
    id,
    registrationDistrictId: p.next.registrationDistrictId,
    serviceCommunityIds: p.next.serviceCommunityIds,
    serviceStreetIds: p.streetIds,
  });
  if (await store.usccTaken(ctx.db, p.next.uscc)) throw duplicateUscc();
  try {
    const row = await command(ctx, async ({ trx, audit }) => {
      const inserted = await trx
        .insertInto('organizations')
        .values({ id, ...columns(p, ALL_FIELDS) } as Insertable<OrganizationsTable>)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({
        action: 'organization.create',
        entityType: 'organization',
        entityId: id,
        districtId: inserted.registration_district_id ?? PLATFORM_DISTRICT,
        after: auditView(p.next, ALL_FIELDS),
      });
      return inserted;
    });
    return present(actor, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateUscc();
    throw err;
  }
}

function duplicateUscc() {
  return new AppError('organization.duplicate_uscc', {}, [{ field: 'uscc', code: 'organization.duplicate_uscc' }]);
}

/**
 * Only fields whose value changes count: a form that sends the whole entry back is fine for
 * an organization's administrator as long as they changed only their own contact fields.
 */
export async function updateOrganization(
  ctx: RequestContext,
  id: string,
  input: UpdateOrganizationBody,
): Promise<OrganizationView> {
  const actor = requireActor(ctx);
  const current = await loadVisible(ctx, actor, id);
  const record = recordOf(current);
  if (!organizationPolicy.can(actor, 'update_contacts', record)) throw new AppError('access.forbidden');
  const p = await prepare(ctx, input, current);
  const before = stateOf(current);
  const changed = ALL_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(p.next[f]));
  if (changed.length === 0) return present(actor, current);

  const own = changed.filter((f) => !(SELF_SERVICE_FIELDS as readonly string[]).includes(f));
  const action = own.length ? 'update' : 'update_contacts';
  if (!organizationPolicy.can(actor, action, record)) {
    throw new AppError('organization.field_not_editable', {}, own.map((field) => ({ field, code: 'organization.field_not_editable' })));
  }
  // The entry must stay inside the actor's reach: no moving it to another district.
  organizationPolicy.authorize(actor, action, {
    id,
    registrationDistrictId: p.next.registrationDistrictId,
    serviceCommunityIds: p.next.serviceCommunityIds,
    serviceStreetIds: p.streetIds,
  });
  if (changed.includes('uscc') && (await store.usccTaken(ctx.db, p.next.uscc, id))) throw duplicateUscc();

  try {
    const row = await command(ctx, async ({ trx, audit }) => {
      const updated = await trx
        .updateTable('organizations')
        .set({ ...columns(p, changed), updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({
        action: 'organization.update',
        entityType: 'organization',
        entityId: id,
        districtId: updated.registration_district_id ?? PLATFORM_DISTRICT,
        before: auditView(before, changed),
        after: auditView(p.next, changed),
      });
      return updated;
    });
    return present(actor, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateUscc();
    throw err;
  }
}

/** Decrypts the contact phone for an allowed actor; the read itself is audited. */
export async function revealOrganizationField(
  ctx: RequestContext,
  id: string,
  field: 'contactPhone',
): Promise<{ value: string | null }> {
  const actor = requireActor(ctx);
  const row = await loadVisible(ctx, actor, id);
  organizationPolicy.authorize(actor, 'reveal', recordOf(row));
  const value = row.contact_phone_cipher ? ctx.pii.decrypt(row.contact_phone_cipher) : null;
  await auditRead(ctx, {
    action: 'organization.reveal',
    entityType: 'organization',
    entityId: id,
    districtId: row.registration_district_id ?? PLATFORM_DISTRICT,
    after: { field },
  });
  return { value };
}
