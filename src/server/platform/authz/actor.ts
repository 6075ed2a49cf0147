import type { Role, ScopeType } from '../../../common/roles.ts';
import type { Locale } from '../i18n/locale.ts';

export interface Assignment {
  role: Role;
  scopeType: ScopeType;
  /** null only for the platform scope. */
  scopeId: string | null;
  /** District the scope lies in (null for platform and organization scopes). */
  districtId: string | null;
}

/** The signed-in user making a request, with everything authorization needs. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  locale: Locale;
  sessionId: string;
  /** Echoed by the web app on unsafe requests. */
  csrfToken: string;
  assignments: Assignment[];
}

/**
 * Where a record sits: the territory levels and the organization it belongs to. Arrays are
 * for records that belong to several units (a social worker serving several communities).
 */
export interface ScopePath {
  /** Several for records that span districts (a user with roles in two districts). */
  districtId?: string | string[] | null;
  streetId?: string | string[] | null;
  communityId?: string | string[] | null;
  gridId?: string | string[] | null;
  organizationId?: string | string[] | null;
  householdId?: string | string[] | null;
}

function has(value: string | string[] | null | undefined, id: string | null): boolean {
  if (id === null || value === null || value === undefined) return false;
  return Array.isArray(value) ? value.includes(id) : value === id;
}

/** Does a role assignment's scope contain the record? */
export function covers(a: Assignment, path: ScopePath): boolean {
  switch (a.scopeType) {
    case 'platform':
      return true;
    case 'district':
      return has(path.districtId, a.scopeId);
    case 'street':
      return has(path.streetId, a.scopeId);
    case 'community':
      return has(path.communityId, a.scopeId);
    case 'grid':
      return has(path.gridId, a.scopeId);
    case 'organization':
      return has(path.organizationId, a.scopeId);
    case 'household':
      return has(path.householdId, a.scopeId);
  }
}

/**
 * The district a district-wide request is about: the one asked for, or the caller's only one.
 * Answers null when the caller holds several and did not say (the caller asks for the field).
 */
export function districtAsked(actor: Actor, asked: string | undefined): string | null {
  if (asked) return asked;
  const ids = [...new Set(actor.assignments.map((a) => a.districtId).filter((d): d is string => !!d))];
  return ids.length === 1 ? ids[0]! : null;
}
