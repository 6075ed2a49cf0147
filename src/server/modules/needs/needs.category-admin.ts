import type { Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { referenceChanged } from '../../platform/cache/reference-cache.ts';
import { AppError, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { Static } from '../../platform/http/schema.ts';
import { DEFAULT_AUTO_CONFIRM_DAYS } from './needs.jobs.ts';
import { categoriesKey, DEFAULT_LIMITS, ensureDefaultCategories } from './needs.categories.ts';
import { needCategoryPolicy, needSettingsPolicy } from './needs.policy.ts';
import type * as S from './needs.schemas.ts';
import { categoryView, districtOf } from './needs.settings.ts';
import type { NeedCategoriesTable } from './needs.tables.ts';

type Row = Selectable<NeedCategoriesTable>;

/** Codes and Open311 codes are unique per district; say which one clashes instead of a 500. */
async function checkUnique(ctx: RequestContext, districtId: string, code: string | null, open311: string | null | undefined, except?: string) {
  const rows = await ctx.db
    .selectFrom('need_categories')
    .select(['id', 'code', 'open311_code'])
    .where('district_id', '=', districtId)
    .where((eb) => eb.or([eb('code', '=', code ?? ''), eb('open311_code', '=', open311 ?? '')]))
    .execute();
  const others = rows.filter((r) => r.id !== except);
  if (code && others.some((r) => r.code === code)) throw new AppError('need_category.duplicate_code');
  if (open311 && others.some((r) => r.open311_code === open311)) throw new AppError('need_category.duplicate_open311');
}

export async function createCategory(ctx: RequestContext, body: Static<typeof S.CreateCategoryBody>) {
  const actor = requireActor(ctx);
  // Every need reader reads every district's categories (the list answers 404 for a missing district only).
  const district = await ctx.db.selectFrom('districts').select('id').where('id', '=', body.districtId).executeTakeFirst();
  if (!district) throw notFoundAt('districtId');
  needCategoryPolicy.authorize(actor, 'create', { districtId: body.districtId });
  await ensureDefaultCategories(ctx, ctx.db, body.districtId);
  if (body.parentId) {
    // A category of another district does not exist for this one.
    const parent = await ctx.db.selectFrom('need_categories').select('id').where('district_id', '=', body.districtId).where('id', '=', body.parentId).executeTakeFirst();
    if (!parent) throw notFoundAt('parentId');
  }
  await checkUnique(ctx, body.districtId, body.code, body.open311Code);
  const values = {
    district_id: body.districtId,
    id: newId(),
    parent_id: body.parentId ?? null,
    code: body.code,
    name: body.name.trim(),
    name_en: body.nameEn ?? null,
    limits: JSON.stringify(body.limits ?? DEFAULT_LIMITS),
    default_route: body.defaultRoute ?? 'community',
    open311_code: body.open311Code ?? null,
    active: body.active ?? true,
    sort: 1000,
  };
  const row = await command(ctx, async ({ trx, audit }) => {
    const r = await trx.insertInto('need_categories').values(values).returningAll().executeTakeFirstOrThrow();
    await referenceChanged(ctx, trx, categoriesKey(r.district_id));
    await audit({ action: 'need_category.create', entityType: 'need_category', entityId: r.id, districtId: r.district_id, after: values });
    return r;
  });
  return categoryView(row);
}

export async function updateCategory(ctx: RequestContext, id: string, body: Static<typeof S.UpdateCategoryBody>) {
  const actor = requireActor(ctx);
  const districts = [...new Set(actor.assignments.map((a) => a.districtId).filter((d): d is string => !!d))];
  const current: Row | undefined = districts.length
    ? await ctx.db.selectFrom('need_categories').selectAll().where('district_id', 'in', districts).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!current || !needCategoryPolicy.can(actor, 'read', { districtId: current.district_id })) throw new AppError('resource.not_found');
  needCategoryPolicy.authorize(actor, 'update', { districtId: current.district_id });
  if (body.open311Code) await checkUnique(ctx, current.district_id, null, body.open311Code, id);
  const changes = {
    ...(body.name !== undefined ? { name: body.name.trim() } : {}),
    ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
    ...(body.limits !== undefined ? { limits: JSON.stringify(body.limits) } : {}),
    ...(body.defaultRoute !== undefined ? { default_route: body.defaultRoute } : {}),
    ...(body.open311Code !== undefined ? { open311_code: body.open311Code } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
  };
  const row = await command(ctx, async ({ trx, audit }) => {
    const r = await trx
      .updateTable('need_categories')
      .set({ ...changes, updated_at: new Date() })
      .where('district_id', '=', current.district_id)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await referenceChanged(ctx, trx, categoriesKey(current.district_id));
    await audit({ action: 'need_category.update', entityType: 'need_category', entityId: id, districtId: current.district_id, before: categoryView(current), after: body });
    return r;
  });
  return categoryView(row);
}

export async function getSettings(ctx: RequestContext, q: Static<typeof S.SettingsQuery>) {
  const actor = requireActor(ctx);
  const districtId = districtOf(actor, q.districtId);
  if (!needSettingsPolicy.can(actor, 'read', { districtId })) throw new AppError('resource.not_found');
  const row = await ctx.db.selectFrom('need_settings').select('auto_confirm_days').where('district_id', '=', districtId).executeTakeFirst();
  return { districtId, autoConfirmDays: row?.auto_confirm_days ?? DEFAULT_AUTO_CONFIRM_DAYS };
}

export async function putSettings(ctx: RequestContext, body: Static<typeof S.SettingsBody>) {
  const actor = requireActor(ctx);
  // The settings of a district the caller may not read answer like GET: 404.
  if (!needSettingsPolicy.can(actor, 'read', { districtId: body.districtId })) throw notFoundAt('districtId');
  needSettingsPolicy.authorize(actor, 'update', { districtId: body.districtId });
  await command(ctx, async ({ trx, audit }) => {
    const before = await trx.selectFrom('need_settings').select('auto_confirm_days').where('district_id', '=', body.districtId).executeTakeFirst();
    await trx
      .insertInto('need_settings')
      .values({ district_id: body.districtId, auto_confirm_days: body.autoConfirmDays })
      .onConflict((oc) => oc.column('district_id').doUpdateSet({ auto_confirm_days: body.autoConfirmDays, updated_at: new Date() }))
      .execute();
    await audit({
      action: 'need_settings.update',
      entityType: 'need_settings',
      entityId: null,
      districtId: body.districtId,
      before: { autoConfirmDays: before?.auto_confirm_days ?? DEFAULT_AUTO_CONFIRM_DAYS },
      after: { autoConfirmDays: body.autoConfirmDays },
    });
  });
  return { districtId: body.districtId, autoConfirmDays: body.autoConfirmDays };
}
