/** Roles of DESIGN 2, shared by server and web. */
export const ROLES = [
  'platform_admin',
  'district_officer',
  'street_officer',
  'community_admin',
  'community_worker',
  'grid_worker',
  'org_admin',
  'social_worker',
  'supervisor',
  'evaluator',
  'reviewer',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['platform', 'district', 'street', 'community', 'grid', 'organization', 'household'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** The scope kinds in which each role may be granted. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  platform_admin: ['platform'],
  district_officer: ['district'],
  street_officer: ['street'],
  community_admin: ['community'],
  community_worker: ['community'],
  grid_worker: ['grid'],
  org_admin: ['organization'],
  social_worker: ['organization', 'community'],
  supervisor: ['organization'],
  evaluator: ['organization'],
  reviewer: ['district', 'street'],
  resident: ['household'],
};
