import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { Preferences, PreferencesPatch } from './accounts.schemas.ts';

const DEFAULTS: Preferences = { largeText: false };

/** What is stored, with the defaults for what was never set (and without keys no longer known). */
function present(stored: unknown): Preferences {
  const largeText = (stored as { largeText?: unknown } | null)?.largeText;
  return { largeText: typeof largeText === 'boolean' ? largeText : DEFAULTS.largeText };
}

export async function myPreferences(ctx: RequestContext): Promise<Preferences> {
  const actor = requireActor(ctx);
  const row = await ctx.db.selectFrom('users').select('preferences').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  return present(row.preferences);
}

/** Changes the given preferences only; answers all of them as stored. */
export async function updateMyPreferences(ctx: RequestContext, patch: PreferencesPatch): Promise<Preferences> {
  const actor = requireActor(ctx);
  return command(ctx, async ({ trx, audit }) => {
    const row = await trx.selectFrom('users').select('preferences').where('id', '=', actor.userId).forUpdate().executeTakeFirstOrThrow();
    const before = present(row.preferences);
    const after: Preferences = { ...before, ...patch };
    await trx.updateTable('users').set({ preferences: JSON.stringify(after), updated_at: new Date() }).where('id', '=', actor.userId).execute();
    await audit({ action: 'user.update_preferences', entityType: 'user', entityId: actor.userId, before, after });
    return after;
  });
}
