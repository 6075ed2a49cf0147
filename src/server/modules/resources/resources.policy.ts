import type { Assignment } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

export const RESOURCE_ACTIONS = ['read', 'create', 'update', 'reveal'] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

/** Where a resource is available: a community, a whole street (no community) or the whole district (neither). */
export interface ResourceRecord {
  districtId: string;
  streetId: string | null;
  communityId: string | null;
}

/** A community assignment that also knows its street (see `resourceActor`). */
export interface PlacedAssignment extends Assignment {
  streetId?: string | null;
}

export const RESOURCE_READERS = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker'] as const;
export const RESOURCE_EDITORS = ['district_officer', 'street_officer', 'community_admin', 'community_worker'] as const;

/**
 * Whether an assignment's area can use the resource: staff of a community or street also see what their
 * street or district offers to all its communities, since those are resources they can draw on.
 */
export function reaches(a: PlacedAssignment, r: ResourceRecord): boolean {
  switch (a.scopeType) {
    case 'district':
      return a.scopeId === r.districtId;
    case 'street':
      return a.scopeId === r.streetId || (r.streetId === null && a.districtId === r.districtId);
    case 'community':
      if (a.districtId !== r.districtId) return false;
      if (r.communityId !== null) return a.scopeId === r.communityId;
      return r.streetId === null || r.streetId === (a.streetId ?? undefined);
    default:
      return false;
  }
}

/**
 * Territory staff keep the resources of their area; changing one needs an assignment covering
 * exactly where it is offered (a community worker cannot edit what the street offers).
 * Grid assignments are widened to the grid's community first: resources serve a community.
 */
export const resourcePolicy = definePolicy<ResourceRecord, ResourceAction>(
  'resources.resource',
  (r) => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId }),
  {
    read: { roles: RESOURCE_READERS, anyScope: true, when: (_actor, r, a) => reaches(a, r) },
    create: RESOURCE_EDITORS,
    update: RESOURCE_EDITORS,
    // Whoever may use a resource may call its contact; the full number is shown on request and audited.
    reveal: { roles: RESOURCE_READERS, anyScope: true, when: (_actor, r, a) => reaches(a, r) },
  },
);
