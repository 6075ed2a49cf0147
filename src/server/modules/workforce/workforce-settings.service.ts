import type { Kysely } from 'kysely';
import { districtAsked } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import type { AdmittedMatter } from './workforce.tables.ts';
import './worklogs.errors.ts';
import { workforceSettingsPolicy } from './worklogs.policy.ts';
import type { PutSettingsBody, WorkforceSettings } from './worklogs.schemas.ts';

export interface WorkforceTargets {
  adminShareTarget: number;
  workersPer10kTarget: number;
  supervisionRatioTarget: number;
  ceHoursAssistant: number;
  ceHoursOther: number;
}

/** Story 7's "above the 25 % target"; DESIGN 3.4's one supervisor to eight; 72 / 90 CE hours per three years. */
export const DEFAULT_TARGETS: WorkforceTargets = { adminShareTarget: 25, workersPer10kTarget: 12, supervisionRatioTarget: 8, ceHoursAssistant: 72, ceHoursOther: 90 };


async function settingsOf(db: Kysely<DB>, districtId: string): Promise<{ admittedMatters: AdmittedMatter[] } & WorkforceTargets> {
  const row = await db.selectFrom('workforce_settings').selectAll().where('district_id', '=', districtId).executeTakeFirst();
  if (!row) return { admittedMatters: [], ...DEFAULT_TARGETS };
  return {
    admittedMatters: row.admitted_matters,
    adminShareTarget: row.admin_share_target,
    workersPer10kTarget: Number(row.workers_per_10k_target),
    supervisionRatioTarget: row.supervision_ratio_target,
    ceHoursAssistant: row.ce_hours_assistant,
    ceHoursOther: row.ce_hours_other,
  };
}

export async function admittedMatters(db: Kysely<DB>, districtId: string): Promise<AdmittedMatter[]> {
  return (await settingsOf(db, districtId)).admittedMatters;
}

export async function workforceTargets(db: Kysely<DB>, districtId: string): Promise<WorkforceTargets> {
  const { admittedMatters: _, ...targets } = await settingsOf(db, districtId);
  return targets;
}

export async function adminShareTarget(db: Kysely<DB>, districtId: string): Promise<number> {
  return (await settingsOf(db, districtId)).adminShareTarget;
}

export async function getSettings(ctx: RequestContext, asked: string | undefined): Promise<WorkforceSettings> {
  const actor = requireActor(ctx);
  const districtId = districtAsked(actor, asked);
  if (!districtId) throw invalid({ field: 'districtId', code: 'validation.required' });
  if (!workforceSettingsPolicy.can(actor, 'read', { districtId })) throw new AppError('resource.not_found');
  return { districtId, ...(await settingsOf(ctx.db, districtId)), canUpdate: workforceSettingsPolicy.can(actor, 'update', { districtId }) };
}

/** The district's list of matters that may be assigned to communities, and its target; tasks keep the matter they were assigned under. */
export async function putSettings(ctx: RequestContext, body: PutSettingsBody): Promise<WorkforceSettings> {
  const actor = requireActor(ctx);
  if (!workforceSettingsPolicy.can(actor, 'read', { districtId: body.districtId })) throw notFoundAt('districtId');
  workforceSettingsPolicy.authorize(actor, 'update', { districtId: body.districtId });
  const matters = body.admittedMatters.map((m) => ({ code: m.code.trim(), title: m.title.trim() }));
  const seen = new Set<string>();
  matters.forEach((m, i) => {
    if (!m.code || !m.title) throw invalid({ field: `admittedMatters.${i}.${m.code ? 'title' : 'code'}`, code: 'validation.required' });
    if (seen.has(m.code)) throw invalid({ field: `admittedMatters.${i}.code`, code: 'workforce_settings.duplicate_matter' });
    seen.add(m.code);
  });
  const saved = await command(ctx, async ({ trx, audit }) => {
    const before = await settingsOf(trx, body.districtId);
    // Targets left out keep their value.
    const after = {
      admittedMatters: matters,
      adminShareTarget: body.adminShareTarget,
      workersPer10kTarget: body.workersPer10kTarget ?? before.workersPer10kTarget,
      supervisionRatioTarget: body.supervisionRatioTarget ?? before.supervisionRatioTarget,
      ceHoursAssistant: body.ceHoursAssistant ?? before.ceHoursAssistant,
      ceHoursOther: body.ceHoursOther ?? before.ceHoursOther,
    };
    const values = {
      admitted_matters: JSON.stringify(matters),
      admin_share_target: after.adminShareTarget,
      workers_per_10k_target: after.workersPer10kTarget,
      supervision_ratio_target: after.supervisionRatioTarget,
      ce_hours_assistant: after.ceHoursAssistant,
      ce_hours_other: after.ceHoursOther,
    };
    await trx
      .insertInto('workforce_settings')
      .values({ district_id: body.districtId, ...values })
      .onConflict((oc) => oc.column('district_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    await audit({ action: 'workforce_settings.update', entityType: 'workforce_settings', entityId: null, districtId: body.districtId, before, after });
    return after;
  });
  return { districtId: body.districtId, ...saved, canUpdate: true };
}
