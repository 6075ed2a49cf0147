import type { Kysely } from 'kysely';
import { normalizeIdNumber, normalizePhone, parseIdNumber } from '../../../common/identity.ts';
import { maskIdNumber, maskPhone, type PiiCipher } from '../../platform/crypto/pii.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';
import type { DB } from '../../tables.ts';
import { residentPolicy } from './resident.policy.ts';
import type { ResidentView } from './register.schemas.ts';
import type { ListedResidentRow, ResidentRow } from './register.store.ts';
import { iso, type Viewer } from './territory.viewer.ts';

/** Checking and storing a resident's identifiers, shared by the form and the import. */

export interface IdentityColumns {
  gender: 'male' | 'female';
  birth_date: string;
  id_number_cipher: Buffer;
  id_number_hash: Buffer;
  id_number_masked: string;
}
export interface PhoneColumns {
  phone_cipher: Buffer | null;
  phone_hash: Buffer | null;
  phone_masked: string | null;
}

export function checkIdNumber(raw: string, field = 'idNumber'): { value: string; birthDate: string; gender: 'male' | 'female' } | FieldError {
  const info = parseIdNumber(raw);
  if ('problem' in info) return { field, code: `resident.id_number_${info.problem}` };
  return { value: normalizeIdNumber(raw), ...info };
}

export function checkPhone(raw: string | null | undefined, field = 'phone'): { value: string | null } | FieldError {
  if (raw === null || raw === undefined || raw.trim() === '') return { value: null };
  const value = normalizePhone(raw);
  return value ? { value } : { field, code: 'resident.phone_invalid' };
}

export const isFieldError = (x: object): x is FieldError => 'code' in x;

export function identityColumns(pii: PiiCipher, id: { value: string; birthDate: string; gender: 'male' | 'female' }): IdentityColumns {
  const sealed = pii.seal(id.value, maskIdNumber);
  return {
    gender: id.gender,
    birth_date: id.birthDate,
    id_number_cipher: sealed.cipher,
    id_number_hash: sealed.hash,
    id_number_masked: sealed.masked,
  };
}

export function phoneColumns(pii: PiiCipher, phone: string | null): PhoneColumns {
  if (!phone) return { phone_cipher: null, phone_hash: null, phone_masked: null };
  const sealed = pii.seal(phone, maskPhone);
  return { phone_cipher: sealed.cipher, phone_hash: sealed.hash, phone_masked: sealed.masked };
}

export interface TagCatalogue {
  known: Set<string>;
  sensitive: Set<string>;
  /** Code by code, Chinese name or English name (lower case), for the import. */
  lookup: Map<string, string>;
}

export async function tagCatalogue(db: Kysely<DB>): Promise<TagCatalogue> {
  const rows = await db.selectFrom('resident_tags').select(['code', 'name', 'name_en', 'sensitive']).execute();
  const lookup = new Map<string, string>();
  for (const r of rows) {
    lookup.set(r.code.toLowerCase(), r.code);
    lookup.set(r.name, r.code);
    lookup.set(r.name_en.toLowerCase(), r.code);
  }
  return {
    known: new Set(rows.map((r) => r.code)),
    sensitive: new Set(rows.filter((r) => r.sensitive).map((r) => r.code)),
    lookup,
  };
}

export function unknownTags(tags: string[], catalogue: TagCatalogue, field = 'tags'): FieldError[] {
  return tags.filter((t) => !catalogue.known.has(t)).map((tag) => ({ field, code: 'resident.unknown_tag', params: { tag } }));
}

/** Age in whole years on today's date in China (UTC+8). */
export function ageOn(birthDate: string, now = new Date()): number {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const residentScope = (r: {
  district_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  household_id: string;
}) => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
  gridId: r.grid_id,
  householdId: r.household_id,
});

export const dateOf = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function residentView(v: Viewer, r: ListedResidentRow, catalogue: TagCatalogue): ResidentView {
  const scope = residentScope(r);
  const allowed = residentPolicy.allowedActions(v.actor, scope);
  const birthDate = dateOf(r.birth_date);
  return {
    id: r.id,
    districtId: r.district_id,
    streetId: r.street_id,
    communityId: r.community_id,
    gridId: r.grid_id,
    householdId: r.household_id,
    householdAddress: r.household_address,
    name: r.name,
    gender: r.gender,
    birthDate,
    age: ageOn(birthDate),
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    relation: r.relation,
    tags: allowed.includes('read_sensitive') ? r.tags : r.tags.filter((t) => !catalogue.sensitive.has(t)),
    status: r.status,
    notes: r.notes,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: allowed,
  };
}

/** What an audit record keeps of a resident: masked identifiers only, never the numbers. */
export function residentSnapshot(r: Partial<ResidentRow> & Record<string, unknown>) {
  return {
    household_id: r.household_id,
    grid_id: r.grid_id,
    name: r.name,
    gender: r.gender,
    birth_date: r.birth_date === undefined ? undefined : dateOf(r.birth_date as string),
    id_number_masked: r.id_number_masked,
    phone_masked: r.phone_masked,
    relation: r.relation,
    tags: r.tags,
    status: r.status,
  };
}
