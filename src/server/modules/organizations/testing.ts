/**
 * Test factories for the organizations register: valid rows inserted directly (no HTTP, no
 * audit). Credit codes are fictional with a valid GB 32100 check character.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { usccCheckChar } from '../../../common/identity.ts';
import type { OrganizationType, Rating } from '../../../common/organizations.ts';
import { maskPhone, type PiiCipher } from '../../platform/crypto/pii.ts';
import type { DB } from '../../tables.ts';
import { ratingEnd } from './organizations.rules.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const TYPE_DIGIT: Record<OrganizationType, string> = {
  association: '1',
  service_institution: '2',
  foundation: '3',
  community_based: '9',
};

/** A fictional credit code of a social organization ('5' + type digit), unique per call. */
export function fakeUscc(type: OrganizationType = 'service_institution', area = '320111'): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += ALPHABET[crypto.randomInt(ALPHABET.length)];
  const first17 = `5${TYPE_DIGIT[type]}${area}${body}`;
  return first17 + usccCheckChar(first17);
}

export interface OrganizationRef {
  id: string;
  name: string;
  uscc: string;
  organizationId: string;
}

export async function buildOrganization(
  db: Kysely<DB>,
  pii: PiiCipher,
  o: {
    name?: string;
    type?: OrganizationType;
    uscc?: string;
    district?: { id: string } | null;
    communities?: { id: string; streetId: string }[];
    rating?: Rating | null;
    ratedOn?: string;
    contactPhone?: string | null;
    status?: 'active' | 'deregistered';
  } = {},
): Promise<OrganizationRef> {
  const id = newId();
  const type = o.type ?? 'service_institution';
  const uscc = o.uscc ?? fakeUscc(type);
  const name = o.name ?? `测试社工服务中心${uscc.slice(-6)}`;
  const phone = o.contactPhone === undefined ? '13900001111' : o.contactPhone;
  const rating = o.rating ?? null;
  const ratedOn = rating ? (o.ratedOn ?? '2024-06-01') : null;
  await db
    .insertInto('organizations')
    .values({
      id,
      name,
      uscc,
      type,
      registration_date: '2018-03-01',
      registration_authority: '测试区民政局',
      registration_district_id: o.district === undefined ? null : (o.district?.id ?? null),
      rating,
      rated_on: ratedOn,
      rating_valid_until: ratedOn ? ratingEnd(ratedOn) : null,
      service_fields: ['elderly'],
      service_community_ids: (o.communities ?? []).map((c) => c.id),
      service_street_ids: [...new Set((o.communities ?? []).map((c) => c.streetId))],
      address: '测试路1号',
      contact_name: '张联系',
      contact_phone_cipher: phone ? pii.encrypt(phone) : null,
      contact_phone_hash: phone ? pii.lookupHash(phone) : null,
      contact_phone_masked: phone ? maskPhone(phone) : null,
      status: o.status ?? 'active',
    })
    .execute();
  return { id, name, uscc, organizationId: id };
}
