/**
 * Request fuzzer: every route of the OpenAPI document (the Open311 routes included), called by a
 * signed-in user of the role the route is for, with hostile values derived from its schema in
 * every slot of its path, query and body. Two rules must hold for every request:
 *   - the answer is never a 5xx;
 *   - after a 4xx nothing was committed (row triggers on every table record committed writes).
 * Deterministic: the same seed gives the same requests (FUZZ_SEED picks another seed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deepArray,
  deepObject,
  forgedCursors,
  hostileText,
  hostileValues,
  sample,
  seeded,
  toJson,
  valueBranch,
  type Hostile,
  type Schema,
} from './fuzz/hostile.ts';
import { buildFuzzWorld, multipart, type FuzzWorld, type Part, type Who } from './fuzz/world.ts';
import { recordWrites, tableNames, type Write } from './fuzz/writes.ts';
import { createTestApp, type TestApp } from './testing.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260707);
/** Requests per route that put hostile values into several slots at once. */
const COMBINED_PER_ROUTE = 8;

/**
 * Tables whose rows may change on a refused request, by design (they get no trigger):
 *   - sessions: any request, refused or not, touches its session's last_seen_at (at most once
 *     a minute, written with the next batch of a few seconds);
 *   - login_failures: a password check claims its place among the counted failures before it
 *     runs, and a wrong password (at sign-in or as the current password of a password change)
 *     keeps it: refused checks are exactly what the limit counts.
 */
const MAY_CHANGE_ON_REFUSAL = ['sessions', 'login_failures'];
/**
 * Audit records that a refused request writes by design: a wrong password is audited (who tried
 * which account, from where), at sign-in and as the current password of a password change.
 */
const AUDITED_REFUSALS: Record<string, string> = {
  'POST /api/v1/auth/login': 'auth.login_failed',
  'POST /api/v1/me/password': 'user.change_password_failed',
};

/** The role that calls each operation: one that may use it in the world's district. */
const ROLE: Record<string, Who> = {
  'GET /api/health': 'anonymous',
  'POST /api/v1/auth/login': 'anonymous',
  'POST /api/v1/auth/logout': 'resident',
  'GET /api/v1/me': 'community_worker',
  'PATCH /api/v1/me': 'community_worker',
  'GET /api/v1/me/preferences': 'resident',
  'PATCH /api/v1/me/preferences': 'resident',
  'POST /api/v1/me/password': 'community_worker',
  'GET /api/v1/me/sessions': 'community_worker',
  'GET /api/v1/me/workbench': 'community_admin',
  'DELETE /api/v1/me/sessions/{id}': 'community_worker',
  'GET /api/v1/users': 'district_officer',
  'POST /api/v1/users': 'district_officer',
  'GET /api/v1/users/{id}': 'district_officer',
  'PATCH /api/v1/users/{id}': 'district_officer',
  'POST /api/v1/users/{id}/password': 'district_officer',
  'POST /api/v1/users/{id}/roles': 'district_officer',
  'DELETE /api/v1/users/{id}/roles/{assignmentId}': 'district_officer',
  'GET /api/v1/districts': 'platform_admin',
  'POST /api/v1/districts': 'platform_admin',
  'GET /api/v1/districts/{id}': 'district_officer',
  'PATCH /api/v1/districts/{id}': 'platform_admin',
  'GET /api/v1/streets': 'district_officer',
  'POST /api/v1/streets': 'district_officer',
  'GET /api/v1/streets/{id}': 'street_officer',
  'PATCH /api/v1/streets/{id}': 'district_officer',
  'GET /api/v1/communities': 'street_officer',
  'POST /api/v1/communities': 'district_officer',
  'GET /api/v1/communities/{id}': 'community_admin',
  'PATCH /api/v1/communities/{id}': 'district_officer',
  'GET /api/v1/grids': 'community_admin',
  'POST /api/v1/grids': 'district_officer',
  'GET /api/v1/grids/{id}': 'grid_worker',
  'PATCH /api/v1/grids/{id}': 'district_officer',
  'GET /api/v1/buildings': 'grid_worker',
  'POST /api/v1/buildings': 'community_admin',
  'GET /api/v1/buildings/{id}': 'grid_worker',
  'PATCH /api/v1/buildings/{id}': 'community_admin',
  'GET /api/v1/households': 'grid_worker',
  'POST /api/v1/households': 'community_admin',
  'GET /api/v1/households/{id}': 'grid_worker',
  'PATCH /api/v1/households/{id}': 'community_admin',
  'GET /api/v1/residents': 'grid_worker',
  'POST /api/v1/residents': 'community_admin',
  'GET /api/v1/residents/{id}': 'grid_worker',
  'PATCH /api/v1/residents/{id}': 'community_admin',
  'POST /api/v1/residents/{id}/reveal': 'community_worker',
  'GET /api/v1/resident-tags': 'grid_worker',
  'POST /api/v1/imports/residents': 'community_admin',
  'POST /api/v1/imports/residents/report': 'community_admin',
  'GET /api/v1/exports/residents': 'community_admin',
  'GET /api/v1/imports/jobs': 'community_admin',
  'GET /api/v1/imports/jobs/{id}': 'community_admin',
  'GET /api/v1/districts/{id}/tag-synonyms': 'district_officer',
  'PUT /api/v1/districts/{id}/tag-synonyms': 'district_officer',
  'GET /api/v1/organizations': 'district_officer',
  'POST /api/v1/organizations': 'district_officer',
  'GET /api/v1/organizations/{id}': 'org_admin',
  'PATCH /api/v1/organizations/{id}': 'district_officer',
  'POST /api/v1/organizations/{id}/reveal': 'district_officer',
  'GET /api/v1/organizations/{id}/credit': 'org_admin',
  'POST /api/v1/organizations/{id}/credit/records': 'district_officer',
  'POST /api/v1/organizations/{id}/credit/entries': 'district_officer',
  'POST /api/v1/organizations/{id}/credit/entries/{entryId}/repair': 'district_officer',
  'POST /api/v1/organizations/{id}/credit/entries/{entryId}/objections': 'org_admin',
  'POST /api/v1/organizations/{id}/credit/entries/{entryId}/answer': 'district_officer',
  'GET /api/v1/social-workers': 'org_admin',
  'POST /api/v1/social-workers': 'org_admin',
  'GET /api/v1/social-workers/{id}': 'org_admin',
  'PATCH /api/v1/social-workers/{id}': 'org_admin',
  'POST /api/v1/social-workers/{id}/reveal': 'org_admin',
  'GET /api/v1/need-categories': 'community_admin',
  'POST /api/v1/need-categories': 'district_officer',
  'PATCH /api/v1/need-categories/{id}': 'district_officer',
  'GET /api/v1/need-settings': 'district_officer',
  'PUT /api/v1/need-settings': 'district_officer',
  'GET /api/v1/calendar-days': 'community_admin',
  'PUT /api/v1/calendar-days/{date}': 'platform_admin',
  'DELETE /api/v1/calendar-days/{date}': 'platform_admin',
  'POST /api/v1/needs': 'community_admin',
  'GET /api/v1/needs': 'community_admin',
  'GET /api/v1/needs/map': 'community_admin',
  'GET /api/v1/needs/duplicates': 'community_admin',
  'POST /api/v1/needs/bulk-transitions': 'community_admin',
  'GET /api/v1/needs/{id}': 'community_admin',
  'GET /api/v1/needs/{id}/duplicates': 'community_admin',
  'GET /api/v1/needs/{id}/handlers': 'community_admin',
  'POST /api/v1/needs/{id}/transitions': 'community_admin',
  'POST /api/v1/needs/{id}/split': 'community_admin',
  'GET /api/v1/needs/{id}/attachments': 'community_admin',
  'POST /api/v1/needs/{id}/attachments': 'community_admin',
  'GET /api/v1/needs/{id}/attachments/{attachmentId}/content': 'community_admin',
  'GET /api/v1/inbox': 'community_admin',
  'GET /api/v1/notifications': 'community_admin',
  'POST /api/v1/notifications/{id}/read': 'community_admin',
  'GET /api/v1/common-needs': 'community_admin',
  'POST /api/v1/common-needs': 'community_admin',
  'GET /api/v1/common-needs/suggestions': 'community_admin',
  'GET /api/v1/common-needs/{id}': 'community_admin',
  'PATCH /api/v1/common-needs/{id}': 'community_admin',
  'POST /api/v1/common-needs/{id}/needs': 'community_admin',
  'POST /api/v1/common-needs/{id}/groups': 'street_officer',
  'GET /api/v1/common-needs/{id}/commitments': 'community_admin',
  'POST /api/v1/common-needs/{id}/commitments': 'community_admin',
  'GET /api/v1/projects': 'community_admin',
  'POST /api/v1/projects': 'community_admin',
  'GET /api/v1/projects/{id}': 'community_admin',
  'PATCH /api/v1/projects/{id}': 'community_admin',
  'POST /api/v1/projects/{id}/transitions': 'community_admin',
  'POST /api/v1/projects/{id}/commitments': 'community_admin',
  'POST /api/v1/resource-commitments/{id}/withdraw': 'community_admin',
  'GET /api/v1/calls': 'street_officer',
  'POST /api/v1/calls': 'street_officer',
  'GET /api/v1/calls/{id}': 'street_officer',
  'PATCH /api/v1/calls/{id}': 'street_officer',
  'POST /api/v1/calls/{id}/panel': 'street_officer',
  'GET /api/v1/calls/{id}/panel-candidates': 'street_officer',
  'DELETE /api/v1/calls/{id}/panel/{userId}': 'street_officer',
  'POST /api/v1/calls/{id}/transitions': 'street_officer',
  'GET /api/v1/calls/{id}/eligibility': 'org_admin',
  'POST /api/v1/calls/{id}/applications': 'org_admin',
  'GET /api/v1/applications': 'org_admin',
  'GET /api/v1/applications/{id}': 'org_admin',
  'PATCH /api/v1/applications/{id}': 'org_admin',
  'POST /api/v1/applications/{id}/transitions': 'org_admin',
  'POST /api/v1/applications/{id}/declaration': 'reviewer',
  'PUT /api/v1/applications/{id}/review': 'reviewer',
  'GET /api/v1/reviews/calls': 'reviewer',
  'GET /api/v1/calls/{id}/review-sheet': 'reviewer',
  'GET /api/v1/calls/{id}/review-progress': 'street_officer',
  'GET /api/v1/calls/{id}/ranking': 'street_officer',
  'GET /api/v1/calls/{id}/ranking.xlsx': 'street_officer',
  'POST /api/v1/calls/{id}/publicity': 'street_officer',
  'GET /api/v1/calls/{id}/objections': 'street_officer',
  'POST /api/v1/calls/{id}/objections': 'resident',
  'POST /api/v1/calls/{id}/objections/{objectionId}/answer': 'street_officer',
  'GET /api/v1/public/publicity': 'anonymous',
  'GET /api/v1/projects/{id}/contract': 'street_officer',
  'POST /api/v1/projects/{id}/contract': 'street_officer',
  'POST /api/v1/contracts/{id}/sign': 'street_officer',
  'POST /api/v1/contracts/{id}/tranches/{seq}/release': 'street_officer',
  'POST /api/v1/contracts/{id}/terminate': 'street_officer',
  'GET /api/v1/projects/{id}/delivery': 'org_admin',
  'GET /api/v1/projects/{id}/evaluations': 'evaluator',
  'GET /api/v1/organizations/{id}/track-record': 'org_admin',
  'GET /api/v1/projects/{id}/reports': 'org_admin',
  'POST /api/v1/projects/{id}/reports': 'org_admin',
  'POST /api/v1/projects/{id}/reports/{reportId}/evidence': 'org_admin',
  'GET /api/v1/projects/{id}/reports/{reportId}/evidence/{evidenceId}': 'org_admin',
  'GET /api/v1/projects/{id}/evaluator-candidates': 'street_officer',
  'PUT /api/v1/projects/{id}/evaluator': 'street_officer',
  'POST /api/v1/projects/{id}/evaluations': 'evaluator',
  'PATCH /api/v1/evaluations/{id}': 'evaluator',
  'POST /api/v1/evaluations/{id}/submit': 'evaluator',
  'POST /api/v1/evaluations/{id}/rectification': 'org_admin',
  'POST /api/v1/evaluations/{id}/recheck': 'evaluator',
  'GET /api/v1/evaluations/{id}/report.pdf': 'street_officer',
  'POST /api/v1/activities': 'org_admin',
  'GET /api/v1/activities': 'org_admin',
  'GET /api/v1/activity-venues': 'org_admin',
  'GET /api/v1/activities/{id}': 'org_admin',
  'POST /api/v1/activities/{id}/cancel': 'org_admin',
  'GET /api/v1/activity-sessions/{id}/roster': 'org_admin',
  'POST /api/v1/activity-sessions/{id}/attendance': 'org_admin',
  'DELETE /api/v1/activity-sessions/{id}/attendance/{residentId}': 'org_admin',
  'GET /api/v1/my/activities': 'resident',
  'POST /api/v1/activity-sessions/{id}/registrations': 'resident',
  'DELETE /api/v1/activity-sessions/{id}/registrations/{residentId}': 'resident',
  'POST /api/v1/activity-sessions/{id}/check-in': 'resident',
  'POST /api/v1/activity-sessions/{id}/feedback': 'resident',
  'GET /api/v1/public/calendars/communities/{id}/activities.ics': 'anonymous',
  'GET /api/v1/public/calendars/organizations/{id}/activities.ics': 'anonymous',
  'POST /api/v1/cases': 'social_worker',
  'GET /api/v1/cases': 'social_worker',
  'GET /api/v1/cases/{id}': 'social_worker',
  'POST /api/v1/cases/{id}/assessment': 'social_worker',
  'POST /api/v1/cases/{id}/plan': 'social_worker',
  'POST /api/v1/cases/{id}/sessions': 'social_worker',
  'POST /api/v1/cases/{id}/closing': 'social_worker',
  'POST /api/v1/cases/{id}/review': 'supervisor',
  'POST /api/v1/cases/{id}/transfer': 'supervisor',
  'POST /api/v1/cases/{id}/reopen': 'social_worker',
  'POST /api/v1/cases/{id}/consents': 'social_worker',
  'POST /api/v1/cases/{id}/consents/{consentId}/withdraw': 'social_worker',
  'POST /api/v1/cases/{id}/referrals': 'social_worker',
  'GET /api/v1/referrals': 'org_admin',
  'GET /api/v1/referrals/{id}': 'org_admin',
  'POST /api/v1/referrals/{id}/answer': 'org_admin',
  'GET /api/v1/work-days/{day}': 'social_worker',
  'PUT /api/v1/work-days/{day}': 'social_worker',
  'GET /api/v1/work-summary': 'social_worker',
  'POST /api/v1/admin-tasks': 'community_admin',
  'GET /api/v1/admin-tasks': 'community_admin',
  'GET /api/v1/admin-tasks/{id}': 'community_admin',
  'POST /api/v1/admin-tasks/{id}/complete': 'social_worker',
  'POST /api/v1/admin-tasks/{id}/withdraw': 'community_admin',
  'GET /api/v1/admin-load': 'street_officer',
  'GET /api/v1/workforce-settings': 'district_officer',
  'PUT /api/v1/workforce-settings': 'district_officer',
  'POST /api/v1/supervision-sessions': 'supervisor',
  'GET /api/v1/supervision-sessions': 'supervisor',
  'GET /api/v1/supervision-sessions/{id}': 'supervisor',
  'GET /api/v1/social-workers/{id}/continuing-education': 'social_worker',
  'POST /api/v1/social-workers/{id}/continuing-education': 'social_worker',
  'GET /api/v1/workforce-view': 'community_admin',
  'GET /api/v1/volunteer-settings': 'district_officer',
  'PUT /api/v1/volunteer-settings': 'district_officer',
  'GET /api/v1/volunteers': 'community_admin',
  'POST /api/v1/volunteers': 'community_admin',
  'GET /api/v1/volunteers/me': 'resident',
  'POST /api/v1/volunteers/me': 'resident',
  'GET /api/v1/volunteers/{id}': 'community_admin',
  'PATCH /api/v1/volunteers/{id}': 'community_admin',
  'GET /api/v1/volunteer-opportunities': 'resident',
  'POST /api/v1/volunteer-signups': 'resident',
  'POST /api/v1/volunteer-signups/withdraw': 'resident',
  'POST /api/v1/volunteer-hours': 'resident',
  'GET /api/v1/activity-sessions/{id}/volunteers': 'community_admin',
  'PUT /api/v1/activity-sessions/{id}/volunteer-hours': 'community_admin',
  'GET /api/v1/time-bank/partners': 'community_admin',
  'GET /api/v1/time-bank/partners/mine': 'community_admin',
  'POST /api/v1/time-bank/partners': 'community_admin',
  'PATCH /api/v1/time-bank/partners/{id}': 'community_admin',
  'GET /api/v1/time-bank/offers': 'resident',
  'POST /api/v1/time-bank/offers': 'community_admin',
  'PATCH /api/v1/time-bank/offers/{id}': 'community_admin',
  'GET /api/v1/time-bank/redemptions': 'community_admin',
  'POST /api/v1/time-bank/redemptions': 'resident',
  'POST /api/v1/time-bank/redemptions/{id}/confirm': 'community_admin',
  'POST /api/v1/time-bank/redemptions/{id}/decline': 'community_admin',
  'POST /api/v1/time-bank/redemptions/{id}/cancel': 'resident',
  'GET /api/v1/participation-settings': 'community_admin',
  'PUT /api/v1/participation-settings': 'community_admin',
  'GET /api/v1/proposals': 'resident',
  'POST /api/v1/proposals': 'resident',
  'GET /api/v1/proposals/{id}': 'resident',
  'GET /api/v1/proposals/{id}/photos/{seq}': 'community_admin',
  'POST /api/v1/proposals/{id}/supports': 'community_admin',
  'POST /api/v1/proposals/{id}/supports/withdraw': 'community_admin',
  'POST /api/v1/proposals/{id}/withdraw': 'resident',
  'POST /api/v1/proposals/{id}/decline': 'community_admin',
  'GET /api/v1/council-members': 'community_admin',
  'POST /api/v1/council-members': 'community_admin',
  'PATCH /api/v1/council-members/{id}': 'community_admin',
  'GET /api/v1/council-topics': 'community_admin',
  'POST /api/v1/council-topics': 'community_admin',
  'GET /api/v1/council-topics/{id}': 'community_admin',
  'POST /api/v1/council-topics/{id}/opinions': 'community_admin',
  'POST /api/v1/council-topics/{id}/decision': 'community_admin',
  'POST /api/v1/council-topics/{id}/feedback': 'community_admin',
  'GET /api/v1/council-meetings': 'community_admin',
  'POST /api/v1/council-meetings': 'community_admin',
  'GET /api/v1/council-meetings/{id}': 'community_admin',
  'PATCH /api/v1/council-meetings/{id}': 'community_admin',
  'GET /api/v1/budget-rounds': 'community_admin',
  'POST /api/v1/budget-rounds': 'community_admin',
  'GET /api/v1/budget-rounds/{id}': 'community_admin',
  'PATCH /api/v1/budget-rounds/{id}': 'community_admin',
  'POST /api/v1/budget-rounds/{id}/candidates': 'community_admin',
  'POST /api/v1/budget-rounds/{id}/candidates/{candidateId}/remove': 'community_admin',
  'POST /api/v1/budget-rounds/{id}/open': 'community_admin',
  'POST /api/v1/budget-rounds/{id}/ballots': 'resident',
  'GET /api/v1/budget-rounds/{id}/ballots/household': 'community_admin',
  'POST /api/v1/budget-rounds/{id}/count': 'community_admin',
  'POST /api/v1/budget-rounds/{id}/publish': 'community_admin',
  'GET /api/v1/engagement': 'street_officer',
  'GET /api/v1/participation/mine': 'resident',
  'GET /api/v1/public/board': 'anonymous',
  'GET /api/v1/call-settings': 'district_officer',
  'PUT /api/v1/call-settings': 'district_officer',
  'GET /api/v1/communities/{id}/three-lists': 'community_admin',
  'GET /api/v1/resources': 'community_admin',
  'POST /api/v1/resources': 'community_admin',
  'GET /api/v1/resources/{id}': 'community_admin',
  'PATCH /api/v1/resources/{id}': 'community_admin',
  'POST /api/v1/resources/{id}/reveal': 'community_admin',
  'GET /api/v1/webhooks': 'district_officer',
  'POST /api/v1/webhooks': 'district_officer',
  'GET /api/v1/webhooks/{id}': 'district_officer',
  'PATCH /api/v1/webhooks/{id}': 'district_officer',
  'DELETE /api/v1/webhooks/{id}': 'district_officer',
  'GET /api/v1/webhooks/{id}/deliveries': 'district_officer',
  'POST /api/v1/webhooks/{id}/test': 'district_officer',
  'GET /api/v1/open311-clients': 'district_officer',
  'POST /api/v1/open311-clients': 'district_officer',
  'POST /api/v1/open311-clients/{id}/deactivate': 'district_officer',
  'POST /api/v1/visits': 'grid_worker',
  'GET /api/v1/visits': 'grid_worker',
  'GET /api/v1/visits/{id}': 'grid_worker',
  'GET /api/v1/grids/{id}/visit-coverage': 'grid_worker',
  'GET /api/v1/visit-worklist': 'grid_worker',
  'PATCH /api/v1/resident-tags/{code}': 'platform_admin',
  'GET /api/v1/audit': 'district_officer',
  'GET /open311/v2/discovery.json': 'anonymous',
  'GET /open311/v2/services.json': 'anonymous',
  'GET /open311/v2/requests.json': 'anonymous',
  'POST /open311/v2/requests.json': 'anonymous',
  'GET /open311/v2/discovery.xml': 'anonymous',
  'GET /open311/v2/services.xml': 'anonymous',
  'GET /open311/v2/requests.xml': 'anonymous',
  'POST /open311/v2/requests.xml': 'anonymous',
  'GET /open311/v2/services/{file}': 'anonymous',
  'GET /open311/v2/requests/{file}': 'anonymous',
  'GET /open311/v2/tokens/{file}': 'anonymous',
};

/** Starting bodies where a value the schema allows is not enough for the command to go through. */
const START: Record<string, (w: FuzzWorld) => Record<string, unknown>> = {
  'POST /api/v1/auth/login': (w) => ({ username: w.victim.username, password: 'not-the-password' }),
  'POST /api/v1/me/password': () => ({ currentPassword: 'not-the-password', newPassword: 'Fuzz-passw0rd-2' }),
  'POST /api/v1/users': () => ({ password: 'Fuzz-passw0rd-1' }),
  'POST /api/v1/users/{id}/password': () => ({ newPassword: 'Fuzz-passw0rd-3' }),
  'POST /api/v1/users/{id}/roles': (w) => ({ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id }),
  'POST /api/v1/organizations': (w) => ({ registrationDistrictId: w.district.id }),
  'POST /api/v1/social-workers': (w) => ({ employerType: 'organization', employerOrganizationId: w.organization.id, communityIds: [w.community.id] }),
  'POST /api/v1/resources': (w) => ({ kind: 'venue', ownerType: 'community', ownerId: w.community.id, communityId: w.community.id }),
  'POST /api/v1/needs': (w) => ({ source: 'staff', intakeChannel: 'phone', householdId: w.household.id }),
  'PATCH /api/v1/resident-tags/{code}': () => ({ careIntervalDays: 30 }),
  'POST /api/v1/calls': (w) => ({ streetId: w.street.id, deadline: new Date(Date.now() + 20 * 86_400_000).toISOString() }),
};

/** The GeoReport parameters of each Open311 route (its forms and queries have no schema in the document). */
const OPEN311_PARAMS: Record<string, string[]> = {
  'services.': ['jurisdiction_id'],
  'GET requests.': ['jurisdiction_id', 'service_request_id', 'service_code', 'start_date', 'end_date', 'status'],
  'POST requests.': [
    'api_key',
    'jurisdiction_id',
    'service_code',
    'lat',
    'long',
    'address_string',
    'address_id',
    'description',
    'media_url',
    'email',
    'first_name',
    'last_name',
    'phone',
    'account_id',
    'device_id',
    'attribute[size]',
  ],
  '{file}': ['jurisdiction_id'],
};

interface Case {
  where: string;
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
  who?: Who;
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

let t: TestApp;
let w: FuzzWorld;
let writes: { since(): Promise<Write[]> };
let doc: { paths: Record<string, Record<string, Operation>> };
let dataDir: string;
const stats = { routes: 0, requests: 0, byStatus: new Map<number, number>(), startedAt: 0 };

beforeAll(async () => {
  stats.startedAt = Date.now();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-fuzz-'));
  t = await createTestApp({ dataDir });
  w = await buildFuzzWorld(t, Object.values(ROLE));
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  writes = await recordWrites(t.db, MAY_CHANGE_ON_REFUSAL);
  await writes.since();
}, 300_000);

afterAll(async () => {
  const seconds = ((Date.now() - stats.startedAt) / 1000).toFixed(1);
  const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.info(`fuzzer (${t.platform.dbKind}, seed ${SEED}): ${stats.routes} routes, ${stats.requests} requests in ${seconds} s; ${statuses}`);
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const operationKeys = () =>
  Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));

/**
 * Every slot of a body schema: each property at any depth, and the first item of each array.
 * A property repeated with the same schema under siblings (limits.urgent.triage.amount,
 * limits.normal.triage.amount…) is taken once: the same validation reads them all.
 */
function slots(schema: Schema, at: (string | number)[] = [], seen = new Set<string>()): { at: (string | number)[]; schema: Schema }[] {
  const s = valueBranch(schema);
  const key = `${String(at.at(-1))}:${JSON.stringify(schema)}`;
  if (at.length > 1 && seen.has(key)) return [];
  seen.add(key);
  const here = at.length > 0 ? [{ at, schema }] : [];
  if (s.type === 'object') return [...here, ...Object.entries(s.properties ?? {}).flatMap(([k, child]) => slots(child, [...at, k], seen))];
  if (s.type === 'array' && s.items) return [...here, ...slots(s.items, [...at, 0], seen)];
  return here;
}

function childSchema(schema: Schema, key: string | number): Schema {
  const s = valueBranch(schema);
  return (typeof key === 'number' ? s.items : s.properties?.[key]) ?? {};
}

let counter = 0;
const sampleOf = (schema: Schema, name: string) => sample(schema, name, (n) => w.ids[n]?.(), () => ++counter);

/** The body with one slot set to a value; containers on the way are filled with allowed values. */
function withValue(body: unknown, schema: Schema, at: (string | number)[], value: unknown): unknown {
  const root = structuredClone(body) as Record<string | number, unknown>;
  let node = root;
  let s = schema;
  at.forEach((key, i) => {
    const child = childSchema(s, key);
    if (i === at.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof at[i + 1] === 'number' ? [] : sampleOf(child, String(key));
    const next = node[key] as Record<string | number, unknown>;
    if (Array.isArray(next) && next[at[i + 1] as number] === undefined && i + 1 < at.length - 1) {
      next[at[i + 1] as number] = sampleOf(childSchema(child, 0), String(key));
    }
    node = next;
    s = child;
  });
  return root;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** Bodies that are wrong as a whole: not JSON, not an object, nested too deep, other media types. */
function wholeBodies(start: unknown): (Hostile & { headers?: Record<string, string>; text?: string })[] {
  const startJson = toJson(start ?? {});
  const withKey = (key: string) => (startJson === '{}' ? `{${key}}` : `{${key},${startJson.slice(1)}`);
  return [
    { label: 'no body', value: undefined, text: '' },
    { label: 'JSON null', value: null },
    { label: 'a JSON array', value: [start] },
    { label: 'a JSON string', value: 'x' },
    { label: 'malformed JSON', value: undefined, text: '{"a":' },
    { label: 'a trailing comma', value: undefined, text: '{"a":1,}' },
    { label: 'a top-level __proto__', value: undefined, text: withKey('"__proto__":{"isAdmin":true}') },
    { label: 'a top-level constructor.prototype', value: undefined, text: withKey('"constructor":{"prototype":{"isAdmin":true}}') },
    { label: 'a key repeated', value: undefined, text: withKey('"zz":1,"zz":2') },
    { label: 'an array nested 100000 deep', value: deepArray(100_000) },
    { label: 'an object nested 100000 deep', value: deepObject(100_000) },
    { label: 'as text/plain', value: undefined, text: startJson, headers: { 'content-type': 'text/plain' } },
    { label: 'as a form', value: undefined, text: 'a=1&__proto__=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { label: 'JSON with a charset it is not in', value: undefined, text: startJson, headers: { 'content-type': 'application/json; charset=utf-16' } },
  ];
}

/** Cases of one operation of the document, derived from its schemas. */
function apiCases(key: string, random: () => number): Case[] {
  const [method, route] = key.split(' ') as [string, string];
  const op = doc.paths[route]![method.toLowerCase()]!;
  const params = op.parameters ?? [];
  const pathValues = { ...w.pathValues[route], ...w.pathValues[key] };
  const url = (pathOver: Record<string, string>, query: string[]) =>
    route.replace(/\{(\w+)\}/g, (_m, n: string) => pathOver[n] ?? encodeURIComponent(pathValues[n] ?? 'missing')) + (query.length ? `?${query.join('&')}` : '');
  const required = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(String(sampleOf(p.schema, p.name)))}`);
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const start = bodySchema ? { ...(sampleOf(bodySchema, '') as object), ...START[key]?.(w) } : undefined;
  const json = (body: unknown) => (body === undefined ? {} : { payload: toJson(body), headers: JSON_TYPE });
  const cases: Case[] = [{ where: 'start', label: 'allowed values', method, url: url({}, required), ...json(start) }];

  for (const p of params) {
    // A cursor is opaque text to the schema; what matters is what it decodes to.
    const values = p.in === 'query' && p.name === 'cursor' ? forgedCursors(random) : hostileText(p.schema, random);
    for (const h of values) {
      if (p.in === 'path') cases.push({ where: `path ${p.name}`, label: h.label, method, url: url({ [p.name]: String(h.value) }, required), ...json(start) });
      if (p.in === 'query') {
        const others = required.filter((q) => !q.startsWith(`${p.name}=`));
        cases.push({ where: `query ${p.name}`, label: h.label, method, url: url({}, [...others, `${p.name}=${String(h.value)}`]), ...json(start) });
      }
    }
    if (p.in === 'query') cases.push({ where: `query ${p.name}`, label: 'repeated', method, url: url({}, [...required, `${p.name}=a`, `${p.name}=b`]), ...json(start) });
  }

  const bodySlots = bodySchema ? slots(bodySchema) : [];
  for (const slot of bodySlots) {
    for (const h of hostileValues(slot.schema, random)) {
      cases.push({ where: `body ${slot.at.join('.')}`, label: h.label, method, url: url({}, required), ...json(withValue(start, bodySchema!, slot.at, h.value)) });
    }
  }
  if (method !== 'GET') {
    for (const h of wholeBodies(start)) {
      cases.push({ where: 'body', label: h.label, method, url: url({}, required), payload: h.text ?? toJson(h.value), headers: h.headers ?? JSON_TYPE });
    }
  }

  // Several slots at once, drawn from the seeded generator.
  const pool = bodySlots.map((slot) => ({ slot, values: hostileValues(slot.schema, random) }));
  for (let i = 0; i < COMBINED_PER_ROUTE && pool.length > 1; i++) {
    let body: unknown = start;
    const labels: string[] = [];
    const count = 2 + Math.floor(random() * 2);
    for (let k = 0; k < count; k++) {
      const { slot, values } = pool[Math.floor(random() * pool.length)]!;
      const h = values[Math.floor(random() * values.length)]!;
      body = withValue(body, bodySchema!, slot.at, h.value);
      labels.push(`${slot.at.join('.')} = ${h.label}`);
    }
    cases.push({ where: `combined #${i}`, label: labels.join(', '), method, url: url({}, required), ...json(body) });
  }
  return cases;
}

/** Open311 takes form fields and query parameters without a schema: each named parameter gets every hostile text. */
function open311Cases(key: string, random: () => number): Case[] {
  const [method, route] = key.split(' ') as [string, string];
  const names = Object.entries(OPEN311_PARAMS).find(([k]) => `${method} ${route.split('/').at(-1)}`.includes(k))?.[1] ?? [];
  const good: Record<string, string> = {
    api_key: w.open311Key,
    jurisdiction_id: w.community.code,
    service_code: 'facility_lighting',
    lat: '32.151',
    long: '118.701',
    description: '楼道灯坏了',
  };
  const start = names.filter((n) => good[n] !== undefined).map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(good[n]!)}`);
  const file = w.pathValues[route]?.file;
  const target = (name = file) => (name === undefined ? route : route.replace('{file}', name));
  const send = (where: string, label: string, pairs: string[], extra: Partial<Case> = {}): Case =>
    method === 'POST'
      ? { where, label, method, url: target(), payload: pairs.join('&'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...extra }
      : { where, label, method, url: `${target()}${pairs.length ? `?${pairs.join('&')}` : ''}`, ...extra };
  const cases: Case[] = [send('start', 'allowed values', start)];
  for (const name of names) {
    const others = start.filter((p) => !p.startsWith(`${encodeURIComponent(name)}=`));
    for (const h of hostileText({ type: 'string' }, random)) cases.push(send(name, h.label, [...others, `${encodeURIComponent(name)}=${String(h.value)}`]));
    const dates = name.endsWith('_date') ? ['0000-01-01', '0999-12-31', '2026-02-30', '2026-01-01T23:59:60Z', '9999-12-31T23:59:59-08:00', '+275760-09-13T00:00:00Z'] : [];
    for (const d of dates) cases.push(send(name, `date ${d}`, [...others, `${encodeURIComponent(name)}=${encodeURIComponent(d)}`]));
    cases.push(send(name, 'repeated', [...start, `${encodeURIComponent(name)}=a`]));
  }
  for (const [label, pair] of [
    ['__proto__ key', '__proto__=x'],
    ['__proto__ repeated', '__proto__=a&__proto__=b'],
    ['constructor key', 'constructor=x'],
    ['toString key', 'toString=x'],
    ['bracketed __proto__', 'attribute[__proto__]=x'],
  ] as const) {
    cases.push(send('keys', label, [...start, pair]));
  }
  if (file !== undefined) {
    for (const h of hostileText({ type: 'string' }, random)) cases.push(send('path file', h.label, start, { url: target(`${String(h.value)}.json`) + (method === 'GET' ? `?${start.join('&')}` : '') }));
  }
  if (method === 'POST') {
    cases.push(send('body', 'as JSON', [], { payload: JSON.stringify({ ...good, description: { deep: [1] } }), headers: JSON_TYPE }));
    cases.push(send('body', 'JSON nested 100000 deep', [], { payload: toJson(deepArray(100_000)), headers: JSON_TYPE }));
    cases.push(send('body', 'no body', [], { payload: '', headers: {} }));
    // A browser with a staff session cookie: the CSRF rule of the platform applies.
    cases.push({ ...send('session', 'staff cookie with a wrong CSRF header', start), who: 'community_admin', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'forged' } });
  }
  return cases;
}

const CSV_HEADER = '网格编码,地址,楼栋,户号,姓名,身份证号,手机号,与户主关系,标签\n';

/** The multipart routes describe their fields only in prose: their cases are written out here. */
function multipartCases(key: string): Case[] {
  const [method, route] = key.split(' ') as [string, string];
  const url = route.replace(/\{(\w+)\}/g, (_m, n: string) => w.pathValues[route]?.[n] ?? w.need);
  const form = (label: string, parts: Part[]): Case => ({ where: 'multipart', label, method, url, ...multipart(parts) });
  const common = [
    { where: 'body', label: 'JSON instead of multipart', method, url, payload: '{"file":"x"}', headers: JSON_TYPE },
    { where: 'body', label: 'no body', method, url },
    form('no parts', []),
  ];
  if (route.endsWith('/attachments') || route.endsWith('/evidence')) {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
    const file = (fileName: string | Buffer, content = png, type = 'image/png') => [{ name: 'file', fileName, type, content }];
    return [
      ...common,
      form('a file name with NUL', file(Buffer.from('a\u0000b.png'))),
      form('a file name of invalid UTF-8', file(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0xff, 0x2e, 0x70, 0x6e, 0x67]))),
      form('a file name of 5000 characters', file(`${'名'.repeat(5000)}.png`)),
      form('a file name that climbs out', file('../../../etc/passwd.png')),
      form('an empty file name', file('')),
      form('an empty file', file('a.png', Buffer.alloc(0))),
      form('text claiming to be an image', file('a.png', Buffer.from('<script>alert(1)</script>'))),
      form('a content type with NUL', file('a.png', png, 'image/png\u0000')),
      form('the file in another field', [{ name: 'photo', fileName: 'a.png', type: 'image/png', content: png }]),
      form('two files', [...file('a.png'), ...file('b.png')]),
      form('a text field only', [{ name: 'file', value: 'a\u0000b' }]),
      form('a __proto__ field', [{ name: '__proto__', value: 'x' }, ...file('a.png')]),
    ];
  }
  const csv = (body: string | Buffer) => Buffer.concat([Buffer.from(CSV_HEADER), Buffer.from(body)]);
  const upload = (label: string, content: Buffer, fields: Record<string, string | Buffer> = {}, fileName: string | Buffer = 'people.csv') =>
    form(label, [
      ...Object.entries({ communityId: w.community.id, mode: 'dry_run', ...fields }).map(([name, value]) => ({ name, value })),
      { name: 'file', fileName, type: 'text/csv', content },
    ]);
  const row = (cells: string[]) => `${cells.join(',')}\n`;
  const good = [w.grid.code, '测试路1号101室', '', '', '王某', '110101199003070011', '13900001111', '户主', ''];
  const withCell = (i: number, value: string) => row(good.map((c, j) => (j === i ? value : c)));
  return [
    ...common,
    upload('a valid row', csv(row(good))),
    ...['', 'a\u0000b', 'x'.repeat(10_000), 'urn:uuid:00000000-0000-7000-8000-000000000000', '00000000-0000-0000-0000-000000000000'].map((v) =>
      upload(`communityId ${JSON.stringify(v).slice(0, 40)}`, csv(row(good)), { communityId: v }),
    ),
    ...['', 'commit\u0000', 'x'.repeat(10_000), 'Commit'].map((v) => upload(`mode ${JSON.stringify(v).slice(0, 40)}`, csv(row(good)), { mode: v })),
    // Committed, so that a value the import lets through reaches the database.
    ...good.flatMap((_c, i) => [
      upload(`column ${i} with NUL`, csv(withCell(i, 'a\u0000b')), { mode: 'commit' }),
      upload(`column ${i} of 5000 characters`, csv(withCell(i, 'x'.repeat(5000))), { mode: 'commit' }),
      upload(`column ${i} with a formula`, csv(withCell(i, '=1+2')), { mode: 'commit' }),
    ]),
    upload('a row of invalid UTF-8', csv(Buffer.from([0xed, 0xa0, 0x80, 0x2c, 0xff, 0x0a]))),
    upload('a row with an unclosed quote', csv('"abc,def\n')),
    upload('a header only', Buffer.from(CSV_HEADER)),
    upload('an empty file', Buffer.alloc(0)),
    upload('binary junk', Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256))),
    upload('a broken XLSX', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0x41)]), {}, 'people.xlsx'),
    upload('a file name with NUL', csv(row(good)), {}, Buffer.from('a\u0000.csv')),
    upload('20001 rows', csv(row(good).repeat(20_001))),
    upload('a committed valid row', csv(withCell(5, '110101199003070038')), { mode: 'commit' }),
  ];
}

async function run(key: string, cases: Case[]): Promise<string[]> {
  const failures: string[] = [];
  stats.routes += 1;
  for (const c of cases) {
    const client = key === 'POST /api/v1/auth/logout' ? w.leaver : w.clients[c.who ?? ROLE[key]!];
    const res = await client.request(c.method, c.url, c.payload, c.headers ?? {});
    stats.requests += 1;
    stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
    const written = (await writes.since()).filter((x) => !(x.table === 'audit_log' && x.action === AUDITED_REFUSALS[key]));
    const what = `${key} [seed ${SEED}] ${c.where}: ${c.label}`;
    // A route called by a role that may not use it would only ever be fuzzed up to its permission check.
    if (c.where === 'start' && (res.statusCode === 403 || (res.statusCode === 401 && key !== 'POST /api/v1/auth/login'))) {
      failures.push(`${what} → ${res.statusCode}: the role of the table may not use this route`);
    }
    if (res.statusCode >= 500) failures.push(`${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    else if (res.statusCode >= 400 && written.length > 0) {
      const tables = [...new Set(written.map((x) => `${x.op} ${x.table}`))].join(', ');
      failures.push(`${what} → ${res.statusCode} ${res.body.slice(0, 120)} yet committed ${tables}`);
    }
  }
  return failures;
}

describe('request fuzzer', () => {
  it('has a role for every operation of the OpenAPI document, and only for those', () => {
    expect(Object.keys(ROLE).sort()).toEqual(operationKeys().sort());
  });

  it('records writes on every table but the ones that change on a refused request by design', async () => {
    expect(await tableNames(t.db)).toEqual(expect.arrayContaining(MAY_CHANGE_ON_REFUSAL));
  });

  for (const [index, key] of Object.keys(ROLE).entries()) {
    it(`${key}: never 5xx, nothing written after 4xx`, { timeout: 300_000 }, async () => {
      // One generator per route: a route's requests do not depend on which routes ran before it.
      const random = seeded(SEED + index);
      const multipartRoute = key.startsWith('POST /api/v1/imports/residents') || key === 'POST /api/v1/needs/{id}/attachments' || key === 'POST /api/v1/projects/{id}/reports/{reportId}/evidence';
      const cases = key.includes('/open311/v2/') ? open311Cases(key, random) : [...apiCases(key, random), ...(multipartRoute ? multipartCases(key) : [])];
      const failures = await run(key, cases);
      expect(failures, `${failures.length} of ${cases.length} requests broke a rule:\n${failures.slice(0, 40).join('\n')}`).toEqual([]);
    });
  }
});
