import type { Generated } from 'kysely';
import type { Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';

export const VOLUNTEER_STATUSES = ['active', 'paused', 'left'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export const HOURS_STATUSES = ['claimed', 'verified', 'rejected'] as const;
export type HoursStatus = (typeof HOURS_STATUSES)[number];
export const REDEMPTION_STATUSES = ['requested', 'confirmed', 'declined', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const LEDGER_KINDS = ['earn', 'redeem', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface VolunteerSettingsTable {
  district_id: string;
  star_hours: number[];
  points_per_hour: number;
  updated_by: string | null;
  updated_at: TimestampDefault;
}

export interface VolunteersTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  resident_id: string | null;
  user_id: string | null;
  name: Generated<string>;
  phone: Buffer | null;
  phone_last4: Generated<string>;
  skills: string[];
  availability: string[];
  service_community_ids: string[];
  note: Generated<string>;
  status: Generated<VolunteerStatus>;
  registered_by: string;
  created_at: TimestampDefault;
}

export interface VolunteerSignupsTable {
  district_id: string;
  session_id: string;
  volunteer_id: string;
  signed_up_by: string;
  signed_up_at: TimestampDefault;
}

export interface VolunteerHoursTable {
  district_id: string;
  id: string;
  session_id: string;
  volunteer_id: string;
  minutes: number;
  status: HoursStatus;
  served_on: string;
  recorded_by: string;
  recorded_at: TimestampDefault;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reject_reason: Generated<string>;
}

export interface TimeBankPartnersTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  name: string;
  address: Generated<string>;
  active: Generated<boolean>;
  created_by: string;
  created_at: TimestampDefault;
}

export interface TimeBankPartnerStaffTable {
  district_id: string;
  partner_id: string;
  user_id: string;
}

export interface TimeBankOffersTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  partner_id: string | null;
  title: string;
  description: Generated<string>;
  points: number;
  stock: number | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: TimestampDefault;
}

export interface TimeBankRedemptionsTable {
  district_id: string;
  id: string;
  volunteer_id: string;
  offer_id: string;
  points: number;
  status: Generated<RedemptionStatus>;
  requested_by: string;
  requested_at: TimestampDefault;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decline_reason: Generated<string>;
}

export interface TimeBankEntriesTable {
  district_id: string;
  volunteer_id: string;
  seq: number;
  kind: LedgerKind;
  points: number;
  balance_after: number;
  hours_id: string | null;
  redemption_id: string | null;
  at: TimestampDefault;
  by_user: string;
}

export interface VolunteersTables {
  volunteer_settings: VolunteerSettingsTable;
  volunteers: VolunteersTable;
  volunteer_signups: VolunteerSignupsTable;
  volunteer_hours: VolunteerHoursTable;
  time_bank_partners: TimeBankPartnersTable;
  time_bank_partner_staff: TimeBankPartnerStaffTable;
  time_bank_offers: TimeBankOffersTable;
  time_bank_redemptions: TimeBankRedemptionsTable;
  time_bank_entries: TimeBankEntriesTable;
}
