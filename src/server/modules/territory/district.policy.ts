import { ROLES } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { contextPath, type UnitScope } from './territory.reach.ts';
import { own } from './territory.rules.ts';

/** Every role whose scope lies in a unit reads it (a grid worker sees their district as context). */
export const districtPolicy = definePolicy<UnitScope, 'read' | 'create' | 'update'>('territory.district', contextPath, {
  read: ROLES,
  create: own(['platform_admin']),
  update: own(['platform_admin']),
});
