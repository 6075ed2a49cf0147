import type { Actor } from '../../platform/authz/actor.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { awaitingConfirmationBy, countNeeds, NEED_STATES } from '../needs/index.ts';
import { describeScopes } from '../territory/index.ts';
import { careVisitsDue } from '../visits/index.ts';
import { workbenchPolicy } from './workbench.policy.ts';
import type { Workbench } from './workbench.schemas.ts';

const has = (actor: Actor, part: (typeof workbenchPolicy.actions)[number]) => workbenchPolicy.grants(actor, part).length > 0;

async function community(ctx: RequestContext, actor: Actor) {
  const [row] = await countNeeds(ctx, actor, {
    triage: { filter: { state: 'reported' } },
    overdue: { filter: { overdue: true } },
    assignedToMe: { filter: { handlerUserId: actor.userId, open: true } },
    awaitingResidents: { filter: { state: 'resolved' } },
  });
  return row!.counts;
}

async function reported(ctx: RequestContext, actor: Actor) {
  const rows = await countNeeds(ctx, actor, { count: { filter: { recordedByUserId: actor.userId } } }, {
    group: 'state',
    within: { recordedByUserId: actor.userId },
  });
  const order = (s: string) => NEED_STATES.indexOf(s as (typeof NEED_STATES)[number]);
  return rows.map((r) => ({ state: r.group as (typeof NEED_STATES)[number], count: r.counts.count })).sort((a, b) => order(a.state) - order(b.state));
}

/**
 * The units one level below the caller's districts (streets) and streets (communities) that have
 * any overdue need or any awaiting a resident's confirmation, most overdue first.
 */
async function oversight(ctx: RequestContext, actor: Actor) {
  const scopes = new Set(workbenchPolicy.grants(actor, 'oversight').map((a) => a.scopeType));
  const levels = (['street', 'community'] as const).filter((l) => scopes.has(l === 'street' ? 'district' : 'street'));
  const perLevel = await Promise.all(
    levels.map(async (level) => {
      const rows = await countNeeds(
        ctx,
        actor,
        { overdue: { filter: { overdue: true } }, awaitingResidents: { filter: { state: 'resolved' } } },
        { group: level === 'street' ? 'street_id' : 'community_id', within: {} },
      );
      return rows.map((r) => ({ level, unitId: r.group!, ...r.counts }));
    }),
  );
  return perLevel.flat().filter((u) => u.overdue + u.awaitingResidents > 0);
}

async function resident(ctx: RequestContext, actor: Actor) {
  const [row] = await countNeeds(ctx, actor, {
    awaitingYou: { filter: { state: 'resolved' }, also: awaitingConfirmationBy(actor) },
    open: { filter: { open: true } },
  });
  return row!.counts;
}

/** Roles the caller holds that no part of the workbench serves yet. */
function otherRoles(actor: Actor): string[] {
  const served = new Set(workbenchPolicy.actions.flatMap((p) => workbenchPolicy.rolesFor(p)));
  return [...new Set(actor.assignments.map((a) => a.role).filter((r) => !served.has(r)))];
}

export async function workbench(ctx: RequestContext): Promise<Workbench> {
  const actor = requireActor(ctx);
  const [c, care, rep, units, res] = await Promise.all([
    has(actor, 'community') ? community(ctx, actor) : undefined,
    has(actor, 'care') ? careVisitsDue(ctx, workbenchPolicy.grants(actor, 'care')) : undefined,
    has(actor, 'reported') ? reported(ctx, actor) : undefined,
    has(actor, 'oversight') ? oversight(ctx, actor) : undefined,
    has(actor, 'resident') ? resident(ctx, actor) : undefined,
  ]);
  // One query per kind of unit names every grid and unit shown.
  const names = await describeScopes(ctx.db, [
    ...(care ?? []).map((g) => ({ scopeType: 'grid' as const, scopeId: g.gridId, districtId: g.districtId })),
    ...(units ?? []).map((u) => ({ scopeType: u.level, scopeId: u.unitId, districtId: null })),
  ]);
  return {
    community: c,
    care: care?.map((g) => ({ gridId: g.gridId, gridName: names.get(g.gridId) ?? '', due: g.due })),
    reported: rep,
    oversight: units
      ?.map((u) => ({ ...u, unitName: names.get(u.unitId) ?? '' }))
      .sort((a, b) => b.overdue - a.overdue || b.awaitingResidents - a.awaitingResidents || a.unitName.localeCompare(b.unitName)),
    resident: res,
    otherRoles: otherRoles(actor),
  };
}
