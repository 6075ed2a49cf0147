import { definePolicy } from '../../platform/authz/policy.ts';

/** The audit trail is read by platform admins (all) and district officers (their district). */
export const auditPolicy = definePolicy<{ districtId: string }, 'read'>(
  'audit.record',
  (r) => ({ districtId: r.districtId }),
  { read: ['platform_admin', 'district_officer'] },
);
