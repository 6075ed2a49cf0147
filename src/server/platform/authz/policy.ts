import type { Role } from '../../../common/roles.ts';
import { AppError } from '../errors/app-error.ts';
import { covers, type Actor, type Assignment, type ScopePath } from './actor.ts';

/**
 * A rule grants an action to roles whose assignment scope covers the record; `when` narrows
 * it further for rules that depend on the record's state or on who the actor is.
 */
export interface Rule<R> {
  roles: readonly Role[];
  when?: (actor: Actor, record: R, assignment: Assignment) => boolean;
  /**
   * Public registers (e.g. social organizations): the role grants the action wherever its
   * assignment lies, so the record's scope path is not consulted.
   */
  anyScope?: boolean;
  /**
   * People named on the record by their account (a partner shop's clerks, a volunteer's own
   * account): granted whatever roles they hold, even none. Never a list filter by scope.
   */
  linked?: (actor: Actor, record: R) => boolean;
}

export interface Policy<R, A extends string> {
  readonly name: string;
  readonly actions: readonly A[];
  can(actor: Actor, action: A, record: R): boolean;
  /** Throws 403 `access.forbidden` unless allowed. Call only on records the actor may see. */
  authorize(actor: Actor, action: A, record: R): void;
  /** Actions the actor may take on this record, sent with it so the UI offers only those. */
  allowedActions(actor: Actor, record: R): A[];
  /** The actor's assignments that grant the action somewhere: the input of scoped list queries. */
  grants(actor: Actor, action: A): Assignment[];
  rolesFor(action: A): readonly Role[];
}

// The registry never evaluates a record, so it holds policies of every record type as `never`.
const registry: Policy<never, string>[] = [];

/** Every policy, for the permission summary sent to the web app and for matrix tests. */
export function allPolicies(): readonly Policy<never, string>[] {
  return registry;
}

/** `territory.household.create`-style names of what the actor may do somewhere in its scopes. */
export function permissionsOf(actor: Actor): string[] {
  return registry.flatMap((p) => p.actions.filter((a) => p.grants(actor, a).length > 0).map((a) => `${p.name}.${a}`));
}

/** Deny by default: an action not listed, or a role not listed for it, is refused. */
export function definePolicy<R, A extends string>(
  name: string,
  pathOf: (record: R) => ScopePath,
  rules: Record<A, readonly Role[] | Rule<R>>,
): Policy<R, A> {
  const normalized = Object.fromEntries(
    Object.entries(rules).map(([action, rule]) => [
      action,
      Array.isArray(rule) ? { roles: rule } : rule,
    ]),
  ) as Record<A, Rule<R>>;
  const actions = Object.keys(normalized) as A[];

  const can = (actor: Actor, action: A, record: R) => {
    const rule = normalized[action];
    if (!rule) return false;
    if (rule.linked?.(actor, record)) return true;
    const path = pathOf(record);
    return actor.assignments.some(
      (a) =>
        rule.roles.includes(a.role) &&
        (rule.anyScope || covers(a, path)) &&
        (!rule.when || rule.when(actor, record, a)),
    );
  };

  const policy: Policy<R, A> = {
    name,
    actions,
    can,
    authorize(actor, action, record) {
      if (!can(actor, action, record)) throw new AppError('access.forbidden');
    },
    allowedActions(actor, record) {
      return actions.filter((a) => can(actor, a, record));
    },
    grants(actor, action) {
      const rule = normalized[action];
      return rule ? actor.assignments.filter((a) => rule.roles.includes(a.role)) : [];
    },
    rolesFor(action) {
      return normalized[action]?.roles ?? [];
    },
  };
  registry.push(policy);
  return policy;
}
