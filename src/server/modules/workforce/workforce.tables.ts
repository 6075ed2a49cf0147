import type { Generated } from 'kysely';
import type { DateString, TimestampDefault } from '../../platform/db/platform.tables.ts';
import type { CertificateLevel } from '../../../common/organizations.ts';

export type { CertificateLevel };

export interface SocialWorkersTable {
  district_id: string;
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  id_number_cipher: Buffer | null;
  id_number_hash: Buffer | null;
  id_number_masked: string | null;
  phone_cipher: Buffer | null;
  phone_hash: Buffer | null;
  phone_masked: string | null;
  employer_type: 'organization' | 'community';
  employer_organization_id: string | null;
  employer_community_id: string | null;
  certificate_level: Generated<CertificateLevel>;
  certificate_no: string | null;
  certificate_date: DateString | null;
  pay_grade: string | null;
  community_ids: Generated<string[]>;
  street_ids: Generated<string[]>;
  user_id: string | null;
  status: Generated<'active' | 'left'>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface WorkforceTables {
  social_workers: SocialWorkersTable;
}
