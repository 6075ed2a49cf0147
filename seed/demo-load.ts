import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addressKey } from '../src/common/address.ts';
import { normalizeIdNumber, normalizePhone } from '../src/common/identity.ts';
import { writeAudit } from '../src/server/platform/audit/audit.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { maskIdNumber, maskPhone, type PiiCipher } from '../src/server/platform/crypto/pii.ts';
import type { DB } from '../src/server/tables.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { generateCredit, loadCredit } from './demo-credit.ts';
import { batchInserter, type LoadProgress } from './demo-insert.ts';
import type { DemoData, DemoScope } from './demo-model.ts';
import { loadCalls } from './demo-calls.ts';
import { loadCases } from './demo-cases.ts';
import { loadSupervision } from './demo-supervision.ts';
import { loadVolunteers } from './demo-volunteers.ts';
import { loadParticipation } from './demo-participation.ts';
import { loadWorkLogs } from './demo-worklogs.ts';
import { loadHistory, type HistoryCounts } from './demo-needs-load.ts';

/** Ciphertext, lookup hash and masked copy of an identifier, as every register stores them. */
function sealed(pii: PiiCipher, value: string, mask: (v: string) => string) {
  return { cipher: pii.encrypt(value), hash: pii.lookupHash(value), masked: mask(value) };
}

export interface LoadCounts {
  communities: number;
  grids: number;
  buildings: number;
  households: number;
  residents: number;
  organizations: number;
  socialWorkers: number;
  users: number;
  calls: number;
  history: HistoryCounts;
}

/**
 * Writes generated demo data with multi-row inserts, telling `progress` how far it is. Run it
 * inside a transaction: the demo appears completely or not at all.
 */
export async function loadDemo(db: Kysely<DB>, pii: PiiCipher, data: DemoData, now = new Date(), progress?: LoadProgress): Promise<LoadCounts> {
  const insertBatched = batchInserter(db, progress);
  // Hashing first: argon2 runs on the thread pool while nothing holds the database.
  const [passwordHashes, historyPasswordHash] = await Promise.all([
    Promise.all(data.accounts.map(async (a) => [a.username, await hashPassword(a.password)] as const)).then((e) => new Map<string, string>(e)),
    // The history's staff and resident accounts share one hash of the demo password.
    hashPassword(DEMO_PASSWORD),
  ]);

  const districtId = uuidv7();
  const streetId = uuidv7();
  await db
    .insertInto('districts')
    .values({ id: districtId, code: data.district.code, name: data.district.name, name_en: data.district.nameEn, city: data.district.city })
    .execute();
  await db
    .insertInto('streets')
    .values({ id: streetId, district_id: districtId, code: data.street.code, name: data.street.name, name_en: data.street.nameEn })
    .execute();

  const communityIds = new Map<string, string>();
  const gridIds = new Map<string, string>();
  const householdIds = new Map<string, string>(); // community code + address key → id
  const residentIds = new Map<string, string>(); // ID number → id
  const householdsByNo = new Map<string, { id: string; buildingId: string; gridId: string; communityId: string }>();
  const communities = [];
  const grids = [];
  const buildings = [];
  const households = [];
  const residents = [];
  for (const c of data.communities) {
    const communityId = uuidv7();
    communityIds.set(c.code, communityId);
    communities.push({
      id: communityId, district_id: districtId, street_id: streetId, code: c.code, name: c.name,
      name_en: c.nameEn, service_center_address: c.serviceCenterAddress, service_phone: c.servicePhone,
    });
    for (const g of c.grids) {
      const gridId = uuidv7();
      gridIds.set(g.code, gridId);
      const unit = { district_id: districtId, street_id: streetId, community_id: communityId };
      grids.push({ ...unit, id: gridId, code: g.code, name: g.name, kind: 'comprehensive' as const, dedicated_to: null, boundary: JSON.stringify(g.boundary) });
      for (const b of g.buildings) {
        const buildingId = uuidv7();
        buildings.push({ ...unit, id: buildingId, grid_id: gridId, name: b.name, address: b.address, floors: b.floors });
        for (const h of b.households) {
          const householdId = uuidv7();
          const key = addressKey(h.address);
          householdIds.set(`${c.code}|${key}`, householdId);
          householdsByNo.set(h.householdNo, { id: householdId, buildingId, gridId, communityId });
          households.push({
            ...unit, id: householdId, grid_id: gridId, building_id: buildingId, address: h.address,
            address_key: key, household_no: h.householdNo,
          });
          for (const r of h.residents) {
            const residentId = uuidv7();
            const idNumber = sealed(pii, normalizeIdNumber(r.idNumber), maskIdNumber);
            const phone = r.phone ? sealed(pii, normalizePhone(r.phone)!, maskPhone) : null;
            residentIds.set(r.idNumber, residentId);
            residents.push({
              ...unit, id: residentId, household_id: householdId, grid_id: gridId, name: r.name,
              gender: r.gender, birth_date: r.birthDate,
              id_number_cipher: idNumber.cipher, id_number_hash: idNumber.hash, id_number_masked: idNumber.masked,
              phone_cipher: phone?.cipher ?? null, phone_hash: phone?.hash ?? null, phone_masked: phone?.masked ?? null,
              relation: r.relation, tags: r.tags, status: r.status,
            });
          }
        }
      }
    }
  }
  await insertBatched('communities', communities);
  await insertBatched('grids', grids);
  await insertBatched('buildings', buildings);
  await insertBatched('households', households);
  await insertBatched('residents', residents);

  const organizationIds = new Map<string, string>();
  await insertBatched(
    'organizations',
    data.organizations.map((o) => {
      const id = uuidv7();
      organizationIds.set(o.key, id);
      const phone = sealed(pii, normalizePhone(o.contactPhone)!, maskPhone);
      return {
        id, name: o.name, uscc: o.uscc, type: o.type, registration_date: o.registrationDate,
        registration_authority: o.registrationAuthority, registration_district_id: o.registeredInDistrict ? districtId : null,
        rating: o.rating, rated_on: o.ratedOn, rating_valid_until: o.ratingValidUntil, service_fields: o.serviceFields,
        service_community_ids: o.serviceCommunityCodes.map((code) => communityIds.get(code)!),
        // All demo communities lie in one street.
        service_street_ids: o.serviceCommunityCodes.length ? [streetId] : [],
        address: o.address, contact_name: o.contactName,
        contact_phone_cipher: phone.cipher, contact_phone_hash: phone.hash, contact_phone_masked: phone.masked,
      };
    }),
  );

  const userIds = new Map<string, string>();
  await insertBatched(
    'users',
    data.accounts.map((a) => {
      const id = uuidv7();
      userIds.set(a.username, id);
      const residentId = a.residentIdNumber ? residentIds.get(a.residentIdNumber)! : null;
      return {
        id, username: a.username, display_name: a.displayName, password_hash: passwordHashes.get(a.username)!,
        resident_district_id: residentId ? districtId : null, resident_id: residentId,
      };
    }),
  );

  const scopeOf = (s: DemoScope): { scope_id: string | null; scope_district_id: string | null } => {
    switch (s.type) {
      case 'platform':
        return { scope_id: null, scope_district_id: null };
      case 'district':
        return { scope_id: districtId, scope_district_id: districtId };
      case 'street':
        return { scope_id: streetId, scope_district_id: districtId };
      case 'community':
        return { scope_id: communityIds.get(s.community)!, scope_district_id: districtId };
      case 'grid':
        return { scope_id: gridIds.get(s.grid)!, scope_district_id: districtId };
      case 'organization':
        return { scope_id: organizationIds.get(s.organization)!, scope_district_id: null };
      case 'household':
        return { scope_id: householdIds.get(`${s.community}|${addressKey(s.address)}`)!, scope_district_id: districtId };
    }
  };
  await insertBatched(
    'role_assignments',
    data.accounts.flatMap((a) =>
      a.grants.map((g) => ({ id: uuidv7(), user_id: userIds.get(a.username)!, role: g.role, scope_type: g.scope.type, ...scopeOf(g.scope) })),
    ),
  );

  await insertBatched(
    'social_workers',
    data.socialWorkers.map((w) => {
      const idNumber = sealed(pii, normalizeIdNumber(w.idNumber), maskIdNumber);
      const phone = sealed(pii, normalizePhone(w.phone)!, maskPhone);
      const byOrg = 'organization' in w.employer;
      return {
        district_id: districtId, id: uuidv7(), name: w.name, gender: w.gender,
        id_number_cipher: idNumber.cipher, id_number_hash: idNumber.hash, id_number_masked: idNumber.masked,
        phone_cipher: phone.cipher, phone_hash: phone.hash, phone_masked: phone.masked,
        employer_type: byOrg ? 'organization' : 'community',
        employer_organization_id: 'organization' in w.employer ? organizationIds.get(w.employer.organization)! : null,
        employer_community_id: 'community' in w.employer ? communityIds.get(w.employer.community)! : null,
        certificate_level: w.certificateLevel, certificate_no: w.certificateNo, certificate_date: w.certificateDate,
        pay_grade: w.payGrade, community_ids: w.communityCodes.map((code) => communityIds.get(code)!),
        // All demo communities lie in one street.
        street_ids: w.communityCodes.length ? [streetId] : [],
        user_id: w.username ? userIds.get(w.username)! : null,
      };
    }),
  );

  await loadCredit(db, generateCredit(data.referenceYear), { organizationIds, recordedBy: userIds.get('jbmz')! }, localDate(now));

  const history = await loadHistory(db, pii, data, {
    districtId, streetId, communityIds, gridIds, households: householdsByNo,
    householdByAddress: (community, address) => householdIds.get(`${community}|${addressKey(address)}`)!,
    residentIds, userIds, organizationIds, passwordHash: historyPasswordHash,
  }, now, progress);

  const calls = await loadCalls(db, { districtId, streetId, communityIds, userIds, organizationIds }, now);
  await loadCases(db, pii, { districtId, streetId, communityIds, userIds, organizationIds }, now);
  await loadSupervision(db, pii, { districtId, streetId, communityIds, userIds, organizationIds }, now);
  await loadWorkLogs(db, { districtId, streetId, communityIds, userIds, organizationIds }, now);
  await loadVolunteers(db, { districtId, streetId, communityIds, userIds, organizationIds, passwordHash: passwordHashes.get('wangjuan')! }, now);
  await loadParticipation(db, { districtId, streetId, communityIds, userIds, organizationIds, passwordHash: passwordHashes.get('wangjuan')! }, now);

  const counts: LoadCounts = {
    communities: communities.length,
    grids: grids.length,
    buildings: buildings.length,
    households: households.length,
    residents: residents.length,
    organizations: data.organizations.length,
    socialWorkers: data.socialWorkers.length,
    users: data.accounts.length,
    calls,
    history,
  };
  await writeAudit(db, { actor: null, ip: '' }, {
    action: 'demo.seed',
    entityType: 'district',
    entityId: districtId,
    districtId,
    after: { referenceYear: data.referenceYear, ...counts, history: undefined, ...history },
  });
  return counts;
}
