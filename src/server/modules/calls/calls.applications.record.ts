import type { ApplicationRow } from './calls.applications.store.ts';
import type { ApplicationRecord } from './calls.policy.ts';
import { recordOf as callRecordOf } from './calls.service.ts';

/** An application row as authorization sees it, with the users on its call's panel. */
export function recordOf(row: ApplicationRow, panel: readonly string[]): ApplicationRecord {
  return {
    organizationId: row.organization_id,
    status: row.status,
    submitted: row.submitted_at !== null,
    call: callRecordOf({ district_id: row.district_id, issuer_level: row.issuer_level, issuer_street_id: row.issuer_street_id, status: row.call_status }),
    panel,
  };
}
