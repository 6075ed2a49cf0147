import { ROLES } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { contextPath, type UnitScope } from './territory.reach.ts';
import { own } from './territory.rules.ts';

/** A community's own admin keeps its service-center address current, and nothing else of it. */
export const communityPolicy = definePolicy<UnitScope, 'read' | 'create' | 'update' | 'update_service_center'>(
  'territory.community',
  contextPath,
  {
    read: ROLES,
    create: own(['platform_admin', 'district_officer', 'street_officer']),
    update: own(['platform_admin', 'district_officer', 'street_officer']),
    update_service_center: own(['platform_admin', 'district_officer', 'street_officer', 'community_admin']),
  },
);
