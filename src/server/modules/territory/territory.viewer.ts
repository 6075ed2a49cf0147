import type { Actor } from '../../platform/authz/actor.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { reachOf, type Reach } from './territory.reach.ts';

/** The signed-in actor with the place of each of their assignments in the territory tree. */
export interface Viewer {
  actor: Actor;
  reaches: Reach[];
}

export async function viewerOf(ctx: RequestContext): Promise<Viewer> {
  const actor = requireActor(ctx);
  return { actor, reaches: await reachOf(ctx.db, actor.assignments) };
}

export const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
