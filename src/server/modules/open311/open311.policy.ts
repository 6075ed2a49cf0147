import { definePolicy } from '../../platform/authz/policy.ts';

export const OPEN311_CLIENT_ACTIONS = ['read', 'create', 'deactivate'] as const;
export type Open311ClientAction = (typeof OPEN311_CLIENT_ACTIONS)[number];

export interface Open311ClientRecord {
  districtId: string;
}

/** Keys let outside apps file needs into a district, so the district office alone issues and revokes them. */
export const open311ClientPolicy = definePolicy<Open311ClientRecord, Open311ClientAction>(
  'open311.client',
  (c) => ({ districtId: c.districtId }),
  { read: ['district_officer'], create: ['district_officer'], deactivate: ['district_officer'] },
);
