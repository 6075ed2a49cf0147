import { districtAsked } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { invalid, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { visibleUnit } from '../territory/index.ts';
import { DEFAULT_CALL_RULES, rulesProblem, type CallRules } from './calls.rules.ts';
import * as store from './calls.store.ts';

/** The district's default rules for new calls: read by its officers, set by the district office. */
export const callSettingsPolicy = definePolicy<{ districtId: string }, 'read' | 'update'>('calls.settings', (r) => ({ districtId: r.districtId }), {
  // A street office reads the defaults of its district, whose record names no street.
  read: { roles: ['district_officer', 'street_officer'], anyScope: true, when: (_actor, r, a) => a.districtId === r.districtId },
  update: ['district_officer'],
});


/** The district asked for, or the caller's only one; one the caller cannot read answers 404. */
export async function visibleDistrict(ctx: RequestContext, asked: string | undefined): Promise<string> {
  const id = districtAsked(requireActor(ctx), asked);
  if (!id) throw invalid({ field: 'districtId', code: 'validation.required' });
  return (await referenced('districtId', () => visibleUnit(ctx, 'district', id))).id;
}

async function place(ctx: RequestContext, asked: string | undefined) {
  return { actor: requireActor(ctx), districtId: await visibleDistrict(ctx, asked) };
}

/** Version 0 is the built-in default, before the district has set its own. */
export async function getCallSettings(ctx: RequestContext, districtIdAsked: string | undefined) {
  const { actor, districtId } = await place(ctx, districtIdAsked);
  callSettingsPolicy.authorize(actor, 'read', { districtId });
  const row = await store.settingsOf(ctx.db, districtId);
  return { districtId, version: row?.version ?? 0, rules: (row?.defaults as CallRules | undefined) ?? DEFAULT_CALL_RULES };
}

/** A new version of the defaults; calls already drafted keep the copy they took. */
export async function putCallSettings(ctx: RequestContext, districtIdAsked: string | undefined, rules: CallRules) {
  const { actor, districtId } = await place(ctx, districtIdAsked);
  callSettingsPolicy.authorize(actor, 'update', { districtId });
  const problem = rulesProblem(rules);
  if (problem) throw invalid(problem);
  const version = await command(ctx, async ({ trx, audit }) => {
    const before = await store.settingsOf(trx, districtId);
    const row = await trx
      .insertInto('call_settings')
      .values({ district_id: districtId, defaults: JSON.stringify(rules), version: 1, updated_by: actor.userId })
      .onConflict((oc) => oc.column('district_id').doUpdateSet((eb) => ({ defaults: eb.ref('excluded.defaults'), version: eb('call_settings.version', '+', 1), updated_by: actor.userId, updated_at: new Date() })))
      .returning('version')
      .executeTakeFirstOrThrow();
    await audit({ action: 'call_settings.put', entityType: 'call_settings', entityId: districtId, districtId, before: before ? { version: before.version, rules: before.defaults } : null, after: { version: row.version, rules } });
    return row.version;
  });
  return { districtId, version, rules };
}
