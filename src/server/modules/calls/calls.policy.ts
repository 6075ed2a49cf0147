import { ROLES, type Role } from '../../../common/roles.ts';
import { covers, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CallStatus } from './calls.lifecycle.ts';

/** A call as authorization sees it: the office that runs it and how far it has gone. */
export interface CallRecord {
  districtId: string;
  issuerLevel: 'street' | 'district';
  issuerStreetId: string | null;
  status: CallStatus;
}

const pathOf = (r: CallRecord): ScopePath => ({ districtId: r.districtId, streetId: r.issuerStreetId });

const OFFICERS: readonly Role[] = ['district_officer', 'street_officer'];

/** The office running the round: the street office of a street call, the district office of a district call. */
function isIssuer(r: CallRecord, a: Assignment): boolean {
  return r.issuerLevel === 'district'
    ? a.role === 'district_officer' && a.scopeType === 'district' && a.scopeId === r.districtId
    : a.role === 'street_officer' && a.scopeType === 'street' && a.scopeId === r.issuerStreetId;
}

const issuer = { roles: OFFICERS, when: (_: unknown, r: CallRecord, a: Assignment) => isIssuer(r, a) };

/**
 * A draft is the issuing office's working paper, read by the officers whose scope holds it (the
 * district office also reads its streets' drafts: `read_draft`, which also filters lists).
 * Once open, a call is a published notice (申报指南): every signed-in user reads it, whatever
 * their scope — organizations anywhere may apply. Only the issuing office runs it.
 */
export const callPolicy = definePolicy<CallRecord, 'read' | 'read_draft' | 'create' | 'update' | 'open' | 'close' | 'cancel'>('calls.call', pathOf, {
  read: {
    roles: ROLES,
    anyScope: true,
    when: (_actor, r, a) => r.status !== 'draft' || (OFFICERS.includes(a.role) && covers(a, pathOf(r))),
  },
  read_draft: OFFICERS,
  create: issuer,
  update: issuer,
  open: issuer,
  close: issuer,
  cancel: issuer,
});
