import { ROLES } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { contextPath, type UnitScope } from './territory.reach.ts';
import { own } from './territory.rules.ts';

export const gridPolicy = definePolicy<UnitScope, 'read' | 'create' | 'update'>('territory.grid', contextPath, {
  read: ROLES,
  create: own(['district_officer', 'street_officer', 'community_admin']),
  update: own(['district_officer', 'street_officer', 'community_admin']),
});
