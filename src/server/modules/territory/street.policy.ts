import { ROLES } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { contextPath, type UnitScope } from './territory.reach.ts';
import { own } from './territory.rules.ts';

export const streetPolicy = definePolicy<UnitScope, 'read' | 'create' | 'update'>('territory.street', contextPath, {
  read: ROLES,
  create: own(['platform_admin', 'district_officer']),
  update: own(['platform_admin', 'district_officer']),
});
