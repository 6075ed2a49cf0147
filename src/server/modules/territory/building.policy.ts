import { ROLES } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { contextPath, type UnitScope } from './territory.reach.ts';
import { own } from './territory.rules.ts';

export const buildingPolicy = definePolicy<UnitScope, 'read' | 'create' | 'update'>('territory.building', contextPath, {
  read: ROLES,
  create: own(['community_admin', 'community_worker', 'grid_worker']),
  update: own(['community_admin', 'community_worker', 'grid_worker']),
});
