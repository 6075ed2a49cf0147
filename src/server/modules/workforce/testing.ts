/**
 * Test factory for the social workers register: a valid row inserted directly (no HTTP, no
 * audit), with its district and streets derived from its communities as the service does.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { normalizeIdNumber, parseIdNumber } from '../../../common/identity.ts';
import type { CertificateLevel } from '../../../common/organizations.ts';
import { maskIdNumber, maskPhone, type PiiCipher } from '../../platform/crypto/pii.ts';
import type { DB } from '../../tables.ts';

interface CommunityLike {
  id: string;
  districtId: string;
  streetId: string;
}

export interface SocialWorkerRef {
  id: string;
  name: string;
  districtId: string;
  idNumber: string | null;
  phone: string | null;
}

export async function buildSocialWorker(
  db: Kysely<DB>,
  pii: PiiCipher,
  o: {
    organization?: { id: string };
    employerCommunity?: CommunityLike;
    communities?: CommunityLike[];
    name?: string;
    idNumber?: string | null;
    phone?: string | null;
    certificateLevel?: CertificateLevel;
    status?: 'active' | 'left';
    userId?: string | null;
  },
): Promise<SocialWorkerRef> {
  const served = o.communities ?? (o.employerCommunity ? [o.employerCommunity] : []);
  const districtId = o.employerCommunity?.districtId ?? served[0]?.districtId;
  if (!districtId) throw new Error('a social worker needs an employer community or a served community');
  if (!o.organization && !o.employerCommunity) throw new Error('a social worker needs an employer');
  const idNumber = o.idNumber ? normalizeIdNumber(o.idNumber) : null;
  const info = idNumber ? parseIdNumber(idNumber) : null;
  if (info && 'problem' in info) throw new Error(`invalid ID number ${idNumber}`);
  const phone = o.phone === undefined ? '13600001234' : o.phone;
  const level = o.certificateLevel ?? 'none';
  const id = newId();
  const name = o.name ?? `社工${id.slice(-4)}`;
  await db
    .insertInto('social_workers')
    .values({
      district_id: districtId,
      id,
      name,
      gender: info && !('problem' in info) ? info.gender : null,
      id_number_cipher: idNumber ? pii.encrypt(idNumber) : null,
      id_number_hash: idNumber ? pii.lookupHash(idNumber) : null,
      id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
      phone_cipher: phone ? pii.encrypt(phone) : null,
      phone_hash: phone ? pii.lookupHash(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      employer_type: o.organization ? 'organization' : 'community',
      employer_organization_id: o.organization?.id ?? null,
      employer_community_id: o.organization ? null : o.employerCommunity!.id,
      certificate_level: level,
      certificate_no: level === 'none' ? null : `S${id.slice(-8)}`,
      certificate_date: level === 'none' ? null : '2020-06-20',
      community_ids: served.map((c) => c.id),
      street_ids: [...new Set([...served, ...(o.employerCommunity ? [o.employerCommunity] : [])].map((c) => c.streetId))],
      user_id: o.userId ?? null,
      status: o.status ?? 'active',
    })
    .execute();
  return { id, name, districtId, idNumber, phone };
}
