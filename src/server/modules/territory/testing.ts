/**
 * Test factories for the territory register: valid rows inserted directly (no HTTP, no audit),
 * so that tests of any module can set up districts, grids, households and residents quickly.
 * Every factory takes overrides; codes and names are made unique per call.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { addressKey } from '../../../common/address.ts';
import { idNumberCheckChar, normalizeIdNumber, normalizePhone, parseIdNumber } from '../../../common/identity.ts';
import { maskIdNumber, maskPhone, type PiiCipher } from '../../platform/crypto/pii.ts';
import type { DB } from '../../tables.ts';
import type { Relation } from './territory.tables.ts';

const suffix = () => crypto.randomBytes(4).toString('hex');

export interface DistrictRef {
  id: string;
  code: string;
  name: string;
  districtId: string;
}
export interface StreetRef extends DistrictRef {
  streetId: string;
}
export interface CommunityRef extends StreetRef {
  communityId: string;
}
export interface GridRef extends CommunityRef {
  gridId: string;
}
export interface BuildingRef {
  id: string;
  name: string;
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  buildingId: string;
}
export interface HouseholdRef {
  id: string;
  address: string;
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  buildingId: string | null;
  householdId: string;
}
export interface ResidentRef {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  birthDate: string;
  gender: 'male' | 'female';
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string;
}

export async function buildDistrict(
  db: Kysely<DB>,
  o: { code?: string; name?: string; nameEn?: string; city?: string } = {},
): Promise<DistrictRef> {
  const id = newId();
  const code = o.code ?? `D-${suffix()}`;
  const name = o.name ?? `测试区${code}`;
  await db
    .insertInto('districts')
    .values({ id, code, name, name_en: o.nameEn ?? null, city: o.city ?? '南京市' })
    .execute();
  return { id, code, name, districtId: id };
}

export async function buildStreet(
  db: Kysely<DB>,
  o: { district: { id: string }; code?: string; name?: string },
): Promise<StreetRef> {
  const id = newId();
  const code = o.code ?? `S-${suffix()}`;
  const name = o.name ?? `测试街道${code}`;
  await db.insertInto('streets').values({ id, district_id: o.district.id, code, name }).execute();
  return { id, code, name, districtId: o.district.id, streetId: id };
}

export async function buildCommunity(
  db: Kysely<DB>,
  o: { street: { id: string; districtId: string }; code?: string; name?: string; serviceCenterAddress?: string },
): Promise<CommunityRef> {
  const id = newId();
  const code = o.code ?? `C-${suffix()}`;
  const name = o.name ?? `测试社区${code}`;
  await db
    .insertInto('communities')
    .values({
      id,
      district_id: o.street.districtId,
      street_id: o.street.id,
      code,
      name,
      service_center_address: o.serviceCenterAddress ?? '',
    })
    .execute();
  return { id, code, name, districtId: o.street.districtId, streetId: o.street.id, communityId: id };
}

/** A small square near Nanjing, valid as a grid boundary. */
export function squareBoundary(lng = 118.7, lat = 32.15, size = 0.002) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  };
}

export async function buildGrid(
  db: Kysely<DB>,
  o: {
    community: { id: string; districtId: string; streetId: string };
    code?: string;
    name?: string;
    kind?: 'comprehensive' | 'dedicated';
    boundary?: unknown;
  },
): Promise<GridRef> {
  const id = newId();
  const code = o.code ?? `G-${suffix()}`;
  const name = o.name ?? `网格${code}`;
  await db
    .insertInto('grids')
    .values({
      district_id: o.community.districtId,
      id,
      street_id: o.community.streetId,
      community_id: o.community.id,
      code,
      name,
      kind: o.kind ?? 'comprehensive',
      boundary: o.boundary === undefined ? JSON.stringify(squareBoundary()) : o.boundary === null ? undefined : JSON.stringify(o.boundary),
    })
    .execute();
  return {
    id,
    code,
    name,
    districtId: o.community.districtId,
    streetId: o.community.streetId,
    communityId: o.community.id,
    gridId: id,
  };
}

export async function buildBuilding(
  db: Kysely<DB>,
  o: { grid: GridRef; name?: string; address?: string; floors?: number | null },
): Promise<BuildingRef> {
  const id = newId();
  const name = o.name ?? `${suffix()}栋`;
  await db
    .insertInto('buildings')
    .values({
      district_id: o.grid.districtId,
      id,
      street_id: o.grid.streetId,
      community_id: o.grid.communityId,
      grid_id: o.grid.id,
      name,
      address: o.address ?? `${o.grid.name}${name}`,
      floors: o.floors ?? 6,
    })
    .execute();
  return {
    id,
    name,
    districtId: o.grid.districtId,
    streetId: o.grid.streetId,
    communityId: o.grid.communityId,
    gridId: o.grid.id,
    buildingId: id,
  };
}

export async function buildHousehold(
  db: Kysely<DB>,
  o: {
    grid: { id: string; districtId: string; streetId: string; communityId: string };
    building?: { id: string } | null;
    address?: string;
    householdNo?: string | null;
  },
): Promise<HouseholdRef> {
  const id = newId();
  const address = o.address ?? `测试路${suffix()}号101室`;
  await db
    .insertInto('households')
    .values({
      district_id: o.grid.districtId,
      id,
      street_id: o.grid.streetId,
      community_id: o.grid.communityId,
      grid_id: o.grid.id,
      building_id: o.building?.id ?? null,
      address,
      address_key: addressKey(address),
      household_no: o.householdNo ?? null,
    })
    .execute();
  return {
    id,
    address,
    districtId: o.grid.districtId,
    streetId: o.grid.streetId,
    communityId: o.grid.communityId,
    gridId: o.grid.id,
    buildingId: o.building?.id ?? null,
    householdId: id,
  };
}

const issued = new Set<string>();

/**
 * A fictional resident ID number with a valid check digit, unique within this process.
 * `birthDate` is 'YYYY-MM-DD' (default: a random date 1940–2005); `area` the 6-digit region.
 */
export function fakeIdNumber(o: { birthDate?: string; gender?: 'male' | 'female'; area?: string } = {}): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const birth =
      o.birthDate ??
      (() => {
        const y = 1940 + crypto.randomInt(66);
        const m = 1 + crypto.randomInt(12);
        const d = 1 + crypto.randomInt(28);
        return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      })();
    const seq = String(crypto.randomInt(100)).padStart(2, '0');
    let g = crypto.randomInt(10);
    if (o.gender === 'male' && g % 2 === 0) g = (g + 1) % 10;
    if (o.gender === 'female' && g % 2 === 1) g = (g + 1) % 10;
    const first17 = `${o.area ?? '320111'}${birth.replaceAll('-', '')}${seq}${g}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!issued.has(id)) {
      issued.add(id);
      return id;
    }
  }
  throw new Error('ran out of fictional ID numbers');
}

/** A fictional mobile number (unique enough for tests). */
export function fakePhone(): string {
  return `139${String(crypto.randomInt(100_000_000)).padStart(8, '0')}`;
}

export async function buildResident(
  db: Kysely<DB>,
  pii: PiiCipher,
  o: {
    household: { id: string; districtId: string; streetId: string; communityId: string; gridId: string };
    name?: string;
    idNumber?: string;
    birthDate?: string;
    gender?: 'male' | 'female';
    phone?: string | null;
    relation?: Relation;
    tags?: string[];
    status?: 'active' | 'moved_out' | 'deceased';
  },
): Promise<ResidentRef> {
  const idNumber = o.idNumber ? normalizeIdNumber(o.idNumber) : fakeIdNumber({ birthDate: o.birthDate, gender: o.gender });
  const info = parseIdNumber(idNumber);
  if ('problem' in info) throw new Error(`invalid ID number ${idNumber}: ${info.problem}`);
  const phone = o.phone === undefined ? fakePhone() : o.phone === null ? null : normalizePhone(o.phone);
  if (o.phone && !phone) throw new Error(`invalid phone ${o.phone}`);
  const id = newId();
  const name = o.name ?? `居民${suffix().slice(0, 4)}`;
  await db
    .insertInto('residents')
    .values({
      district_id: o.household.districtId,
      id,
      household_id: o.household.id,
      street_id: o.household.streetId,
      community_id: o.household.communityId,
      grid_id: o.household.gridId,
      name,
      gender: info.gender,
      birth_date: info.birthDate,
      id_number_cipher: pii.encrypt(idNumber),
      id_number_hash: pii.lookupHash(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      phone_cipher: phone ? pii.encrypt(phone) : null,
      phone_hash: phone ? pii.lookupHash(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      relation: o.relation ?? 'head',
      tags: o.tags ?? [],
      status: o.status ?? 'active',
    })
    .execute();
  return {
    id,
    name,
    idNumber,
    phone,
    birthDate: info.birthDate,
    gender: info.gender,
    districtId: o.household.districtId,
    streetId: o.household.streetId,
    communityId: o.household.communityId,
    gridId: o.household.gridId,
    householdId: o.household.id,
  };
}

/** A district with one street, one community and one grid: the usual starting point. */
export async function buildTerritory(db: Kysely<DB>) {
  const district = await buildDistrict(db);
  const street = await buildStreet(db, { district });
  const community = await buildCommunity(db, { street });
  const grid = await buildGrid(db, { community });
  return { district, street, community, grid };
}
