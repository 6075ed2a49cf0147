import type { Updateable } from 'kysely';
import { normalizeIdNumber, normalizePhone, parseIdNumber } from '../../../common/identity.ts';
import type { CertificateLevel } from '../../../common/organizations.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { maskIdNumber, maskPhone } from '../../platform/crypto/pii.ts';
import { invalid, notFoundAt, referenced, type FieldError } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { visibleUser } from '../accounts/index.ts';
import { organizationNames, servedCommunities } from '../organizations/index.ts';
import { visibleUnit } from '../territory/index.ts';
import type { SocialWorkerRecord } from './workforce.policy.ts';
import type { UpdateSocialWorkerBody } from './workforce.schemas.ts';
import * as store from './workforce.store.ts';
import type { SocialWorkerRow } from './workforce.store.ts';
import type { SocialWorkersTable } from './workforce.tables.ts';

/** The social worker in API terms; identifiers are compared by lookup hash, never decrypted. */
type Sealed = { hash: string | null; masked: string | null };
export interface State {
  name: string;
  idNumber: Sealed;
  gender: 'male' | 'female' | null;
  phone: Sealed;
  employerType: 'organization' | 'community';
  employerOrganizationId: string | null;
  employerCommunityId: string | null;
  certificateLevel: CertificateLevel;
  certificateNo: string | null;
  certificateDate: string | null;
  payGrade: string | null;
  communityIds: string[];
  userId: string | null;
  supervisorId: string | null;
  status: 'active' | 'left';
}
export type Field = keyof State;
export const FIELDS: readonly Field[] = [
  'name', 'idNumber', 'gender', 'phone', 'employerType', 'employerOrganizationId', 'employerCommunityId',
  'certificateLevel', 'certificateNo', 'certificateDate', 'payGrade', 'communityIds', 'userId', 'supervisorId', 'status',
];

const hex = (b: Buffer | Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : null);

export function stateOf(row: SocialWorkerRow): State {
  return {
    name: row.name,
    idNumber: { hash: hex(row.id_number_hash), masked: row.id_number_masked },
    gender: row.gender,
    phone: { hash: hex(row.phone_hash), masked: row.phone_masked },
    employerType: row.employer_type,
    employerOrganizationId: row.employer_organization_id,
    employerCommunityId: row.employer_community_id,
    certificateLevel: row.certificate_level,
    certificateNo: row.certificate_no,
    certificateDate: row.certificate_date,
    payGrade: row.pay_grade,
    communityIds: row.community_ids,
    userId: row.user_id,
    supervisorId: row.supervisor_id,
    status: row.status,
  };
}

/** Audit rows carry masked identifiers only. */
export function auditView(s: State, fields: readonly Field[]) {
  return Object.fromEntries(
    fields.map((f) =>
      f === 'idNumber' ? ['idNumberMasked', s.idNumber.masked] : f === 'phone' ? ['phoneMasked', s.phone.masked] : [f, s[f]],
    ),
  );
}

export interface Prepared {
  next: State;
  districtId: string;
  streetIds: string[];
  sealed: { idNumber?: { cipher: Buffer; hash: Buffer } | null; phone?: { cipher: Buffer; hash: Buffer } | null };
}

const EMPTY: State = {
  name: '', idNumber: { hash: null, masked: null }, gender: null, phone: { hash: null, masked: null },
  employerType: 'organization', employerOrganizationId: null, employerCommunityId: null, certificateLevel: 'none',
  certificateNo: null, certificateDate: null, payGrade: null, communityIds: [], userId: null, supervisorId: null, status: 'active',
};

/**
 * Normalises and checks the input against the current record (or none), collecting every
 * field error. The tenant is the employer community's district, or for an organization's
 * employee the district of the communities served; it never changes once recorded.
 */
export async function prepare(ctx: RequestContext, input: UpdateSocialWorkerBody, current: SocialWorkerRow | null): Promise<Prepared> {
  const errors: FieldError[] = [];
  const next: State = current ? stateOf(current) : { ...EMPTY };
  const sealed: Prepared['sealed'] = {};
  const given = <K extends keyof UpdateSocialWorkerBody>(k: K) => input[k] !== undefined;
  const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

  if (given('name')) {
    next.name = input.name!.trim();
    if (!next.name) errors.push({ field: 'name', code: 'validation.required' });
  }
  if (given('status')) next.status = input.status!;
  if (given('payGrade')) next.payGrade = blank(input.payGrade);

  if (given('idNumber')) {
    const raw = blank(input.idNumber);
    if (!raw) {
      sealed.idNumber = null;
      next.idNumber = { hash: null, masked: null };
      next.gender = null;
    } else {
      const id = normalizeIdNumber(raw);
      const info = parseIdNumber(id);
      if ('problem' in info) errors.push({ field: 'idNumber', code: `social_worker.id_number_${info.problem}` });
      else {
        const seal = ctx.pii.seal(id, maskIdNumber);
        sealed.idNumber = { cipher: seal.cipher, hash: seal.hash };
        next.idNumber = { hash: seal.hash.toString('hex'), masked: seal.masked };
        next.gender = info.gender;
      }
    }
  }
  if (given('phone')) {
    const raw = blank(input.phone);
    const phone = raw ? normalizePhone(raw) : null;
    if (raw && !phone) errors.push({ field: 'phone', code: 'social_worker.phone_format' });
    const seal = phone ? ctx.pii.seal(phone, maskPhone) : null;
    sealed.phone = seal ? { cipher: seal.cipher, hash: seal.hash } : null;
    next.phone = { hash: hex(seal?.hash ?? null), masked: seal?.masked ?? null };
  }

  // Employer: the id that does not match the kind of employer is cleared, unless sent.
  if (given('employerType')) next.employerType = input.employerType!;
  if (given('employerOrganizationId')) next.employerOrganizationId = input.employerOrganizationId!;
  if (given('employerCommunityId')) next.employerCommunityId = input.employerCommunityId!;
  const [own, other] =
    next.employerType === 'organization'
      ? (['employerOrganizationId', 'employerCommunityId'] as const)
      : (['employerCommunityId', 'employerOrganizationId'] as const);
  if (input[other]) errors.push({ field: other, code: 'social_worker.employer_mismatch' });
  next[other] = null;
  if (!next[own]) errors.push({ field: own, code: 'validation.required' });
  if (next.employerOrganizationId && given('employerOrganizationId')) {
    // The organizations register is public: a missing organization is the only unknown one.
    const names = await organizationNames(ctx.db, [next.employerOrganizationId]);
    if (!names.has(next.employerOrganizationId)) throw notFoundAt('employerOrganizationId');
  }

  if (given('certificateLevel')) next.certificateLevel = input.certificateLevel!;
  if (given('certificateNo')) next.certificateNo = blank(input.certificateNo);
  if (given('certificateDate')) next.certificateDate = input.certificateDate ?? null;
  if (next.certificateLevel === 'none') {
    for (const f of ['certificateNo', 'certificateDate'] as const) {
      if (input[f]) errors.push({ field: f, code: 'social_worker.certificate_without_level' });
      next[f] = null;
    }
  } else {
    if (!next.certificateNo) errors.push({ field: 'certificateNo', code: 'validation.required' });
    if (!next.certificateDate) errors.push({ field: 'certificateDate', code: 'validation.required' });
    else if (next.certificateDate > localDate(new Date())) errors.push({ field: 'certificateDate', code: 'social_worker.date_in_future' });
  }

  if (given('userId')) {
    next.userId = input.userId!;
    const userId = next.userId;
    if (userId) await referenced('userId', () => visibleUser(ctx, userId));
  }

  // A community newly named must be one the caller may read, or one the employing organization
  // is registered to serve (the register is public: an organization's admin names those).
  const served = next.employerOrganizationId ? await servedCommunities(ctx.db, next.employerOrganizationId) : [];
  const named = async (field: string, id: string) => {
    if (!served.includes(id)) await referenced(field, () => visibleUnit(ctx, 'community', id));
  };
  for (const [i, id] of (input.communityIds ?? []).entries()) if (!current?.community_ids.includes(id)) await named(`communityIds.${i}`, id);
  if (input.employerCommunityId) await named('employerCommunityId', input.employerCommunityId);
  if (given('communityIds')) next.communityIds = [...new Set(input.communityIds!)];
  const known = await store.communities(ctx.db, [...next.communityIds, ...(next.employerCommunityId ? [next.employerCommunityId] : [])]);
  if (next.communityIds.some((c) => !known.has(c))) throw notFoundAt('communityIds');
  const employer = next.employerCommunityId ? known.get(next.employerCommunityId) : undefined;

  const districtId = current?.district_id ?? employer?.district_id ?? known.get(next.communityIds[0] ?? '')?.district_id ?? '';
  if (next.employerType === 'organization' && next.communityIds.length === 0) {
    errors.push({ field: 'communityIds', code: 'social_worker.communities_required' });
  }
  if (districtId) {
    if (employer && employer.district_id !== districtId) errors.push({ field: 'employerCommunityId', code: 'social_worker.other_district' });
    if (next.communityIds.some((c) => known.has(c) && known.get(c)!.district_id !== districtId)) {
      errors.push({ field: 'communityIds', code: 'social_worker.other_district' });
    }
  }

  if (given('supervisorId')) next.supervisorId = input.supervisorId ?? null;
  if (next.supervisorId && (given('supervisorId') || given('employerOrganizationId') || given('employerCommunityId'))) {
    const boss = await store.supervisorCandidate(ctx.db, districtId, next.supervisorId);
    // Another employer's worker is nobody this register may name here: as if it did not exist.
    if (!boss || boss.employer_organization_id !== next.employerOrganizationId || boss.employer_community_id !== next.employerCommunityId) throw notFoundAt('supervisorId');
    if (boss.id === current?.id || boss.status !== 'active') errors.push({ field: 'supervisorId', code: 'social_worker.supervisor_not_colleague' });
  }

  if (errors.length) throw invalid(...errors);
  const streetIds = [...new Set([...known.values()].map((c) => c.street_id))];
  return { next, districtId, streetIds, sealed };
}

export function columns(p: Prepared, fields: readonly Field[]): Updateable<SocialWorkersTable> {
  const s = p.next;
  const set: Updateable<SocialWorkersTable> = {};
  for (const f of fields) {
    switch (f) {
      case 'idNumber':
        set.id_number_cipher = p.sealed.idNumber?.cipher ?? null;
        set.id_number_hash = p.sealed.idNumber?.hash ?? null;
        set.id_number_masked = s.idNumber.masked;
        break;
      case 'phone':
        set.phone_cipher = p.sealed.phone?.cipher ?? null;
        set.phone_hash = p.sealed.phone?.hash ?? null;
        set.phone_masked = s.phone.masked;
        break;
      case 'name': set.name = s.name; break;
      case 'gender': set.gender = s.gender; break;
      case 'employerType': set.employer_type = s.employerType; break;
      case 'employerOrganizationId': set.employer_organization_id = s.employerOrganizationId; break;
      case 'employerCommunityId': set.employer_community_id = s.employerCommunityId; break;
      case 'certificateLevel': set.certificate_level = s.certificateLevel; break;
      case 'certificateNo': set.certificate_no = s.certificateNo; break;
      case 'certificateDate': set.certificate_date = s.certificateDate; break;
      case 'payGrade': set.pay_grade = s.payGrade; break;
      case 'communityIds': set.community_ids = s.communityIds; break;
      case 'userId': set.user_id = s.userId; break;
      case 'supervisorId': set.supervisor_id = s.supervisorId; break;
      case 'status': set.status = s.status; break;
    }
  }
  return set;
}

export function recordOfState(p: Prepared): SocialWorkerRecord {
  return {
    districtId: p.districtId,
    streetIds: p.streetIds,
    communityIds: p.next.communityIds,
    employerType: p.next.employerType,
    employerOrganizationId: p.next.employerOrganizationId,
    employerCommunityId: p.next.employerCommunityId,
  };
}

