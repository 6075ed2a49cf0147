import type { AssignmentView as Assignment } from '../../../server/modules/accounts/accounts.schemas.ts';

/** Where a role assignment's scope is shown in the app. */
export function scopeLink(a: Pick<Assignment, 'scopeType' | 'scopeId'>): string {
  switch (a.scopeType) {
    case 'district':
      return `/territory/districts/${a.scopeId}`;
    case 'street':
      return `/territory/streets/${a.scopeId}`;
    case 'community':
      return `/territory/communities/${a.scopeId}`;
    case 'grid':
      return `/territory/grids/${a.scopeId}`;
    case 'household':
      return '/my-household';
    case 'organization':
      return `/organizations/${a.scopeId}`;
    default:
      return '/';
  }
}
