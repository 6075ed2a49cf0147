import type { Role } from '../../../common/roles.ts';
import { covers } from '../../platform/authz/actor.ts';
import type { Rule } from '../../platform/authz/policy.ts';
import { ownPath, type UnitScope } from './territory.reach.ts';

/**
 * A write rule: the assignment must cover the unit itself. Read rules also accept scopes lying
 * inside the unit (context), which must never grant a change.
 */
export function own<R extends UnitScope>(roles: readonly Role[]): Rule<R> {
  return { roles, when: (_actor, record, a) => covers(a, ownPath(record)) };
}
