import type { Role } from '../src/common/roles.ts';
import type { ResourceKind, WeeklyWindow } from '../src/server/modules/resources/resources.tables.ts';
import type { NeedState } from '../src/server/modules/needs/needs.lifecycle.ts';
import type { NeedSource, Outcome, Urgency } from '../src/server/modules/needs/needs.tables.ts';
import type { DemoScope } from './demo-model.ts';

/**
 * Two years of history as plain data (docs/decisions/0011-demo-needs-history.md): people,
 * places and categories are named by demo keys (username, household number, ID number,
 * category code, organization key), never by database ids, so the same seed and the same
 * "now" give identical history.
 */
export interface HistoryData {
  now: number;
  users: HistoryUser[];
  visits: HistoryVisit[];
  needs: HistoryNeed[];
  commonNeeds: HistoryCommonNeed[];
  projects: HistoryProject[];
  resources: HistoryResource[];
}

/** Staff and resident accounts the history needs beyond the one-per-role demo logins. */
export interface HistoryUser {
  username: string;
  displayName: string;
  grant: { role: Role; scope: DemoScope };
  /** A resident account's own resident record (ID number). */
  residentIdNumber?: string;
}

export type VisitKind = 'routine' | 'follow_up' | 'care' | 'emergency';

export interface HistoryVisit {
  key: number;
  community: string;
  grid: string;
  householdNo: string;
  /** ID number of the resident a care visit was for. */
  resident: string | null;
  worker: string;
  kind: VisitKind;
  at: number;
  notes: string;
  findings: string;
}

export interface HistoryEvent {
  at: number;
  /** Username, or null for a job or an outside system named by `actorName`. */
  actor: string | null;
  actorName?: string;
  action: string;
  from: NeedState | null;
  to: NeedState | null;
  /** Internal note among staff. */
  note: string;
  /** What the resident is told. */
  reply: string;
  data?: Record<string, unknown>;
}

export interface HistoryNeed {
  key: number;
  refNo: string;
  source: NeedSource;
  intakeChannel: 'phone' | 'walk_in' | null;
  recordedBy: string | null;
  reporter: string | null;
  reporterResident: string | null;
  category: string;
  description: string;
  community: string;
  grid: string;
  householdNo: string | null;
  point: { lng: number; lat: number } | null;
  beneficiaries: number;
  urgency: Urgency;
  state: NeedState;
  handler: string | null;
  referralOrg: string | null;
  referralDepartment: string | null;
  referralAnswer: string | null;
  waitingUntil: string | null;
  waitingReason: string | null;
  outcome: Outcome | null;
  outcomeNote: string | null;
  rating: number | null;
  ratingComment: string | null;
  autoConfirmed: boolean;
  mergedInto: number | null;
  commonNeed: number | null;
  visit: number | null;
  triageDueAt: number;
  resolveDueAt: number;
  escalationLevel: number;
  escalatedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  createdAt: number;
  updatedAt: number;
  events: HistoryEvent[];
  followers: string[];
  /** Users told about the need's changes, with the time they read it (null: unread). */
  notifications: { user: string; at: number; kind: string; state: string | null; reply: string; readAt: number | null }[];
}

export interface HistoryCommonNeed {
  key: number;
  community: string;
  grid: string | null;
  category: string;
  title: string;
  description: string;
  status: 'open' | 'candidate' | 'projected';
  createdBy: string;
  createdAt: number;
}

/** A project drafted from common needs (by their keys), with the steps it has taken. */
export interface HistoryProject {
  key: number;
  commonNeeds: number[];
  title: string;
  objectives: string;
  budgetFen: number;
  fundingSource: 'government_purchase' | 'venture_philanthropy' | 'foundation' | 'enterprise' | 'other';
  purchaser: 'district' | 'street';
  targetBeneficiaries: number | null;
  createdBy: string;
  createdAt: number;
  /** After the draft: each step's action, status reached, who and when. */
  steps: { action: string; to: 'submitted' | 'approved'; by: string; at: number }[];
}

export interface HistoryResource {
  kind: ResourceKind;
  name: string;
  description: string;
  owner: { type: 'community'; community: string } | { type: 'organization'; organization: string } | { type: 'other' };
  ownerName: string;
  /** Where it is available: a community, the street ('street') or the whole district ('district'). */
  area: { community: string } | 'street' | 'district';
  categories: string[];
  weeklyWindows: WeeklyWindow[];
  availableFrom: string | null;
  availableUntil: string | null;
  capacity: number | null;
  constraints: string;
  contactName: string;
  contactPhone: string | null;
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
