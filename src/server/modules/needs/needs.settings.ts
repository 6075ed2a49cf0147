import { districtAsked, type Actor } from '../../platform/authz/actor.ts';
import { referenceChanged } from '../../platform/cache/reference-cache.ts';
import * as calendar from '../../platform/calendar/calendar.store.ts';
import { isPublished, NATIONAL_FIRST_YEAR, NATIONAL_LAST_YEAR } from '../../platform/calendar/national-calendar.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { Static } from '../../platform/http/schema.ts';
import { ensureDefaultCategories, limitsOf } from './needs.categories.ts';
import { calendarPolicy, needCategoryPolicy } from './needs.policy.ts';
import type * as S from './needs.schemas.ts';
import type { NeedCategoriesTable } from './needs.tables.ts';
import type { Selectable } from 'kysely';

/** The district a settings request is about: the one asked for, or the caller's only one. */
export function districtOf(actor: Actor, asked: string | undefined): string {
  const id = districtAsked(actor, asked);
  if (!id) throw invalid({ field: 'districtId', code: 'validation.required' });
  return id;
}

export function categoryView(r: Selectable<NeedCategoriesTable>) {
  return {
    id: r.id,
    districtId: r.district_id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    limits: limitsOf(r.limits),
    defaultRoute: r.default_route,
    open311Code: r.open311_code,
    active: r.active,
  };
}

export async function listCategories(ctx: RequestContext, q: Static<typeof S.CategoryQuery>) {
  const actor = requireActor(ctx);
  const districtId = districtOf(actor, q.districtId);
  needCategoryPolicy.authorize(actor, 'read', { districtId });
  const exists = await ctx.db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst();
  if (!exists) throw new AppError('resource.not_found');
  await ensureDefaultCategories(ctx, ctx.db, districtId);
  const rows = await ctx.db.selectFrom('need_categories').selectAll().where('district_id', '=', districtId).orderBy('sort').orderBy('code').execute();
  return { items: rows.map(categoryView) };
}

export async function listCalendarDays(ctx: RequestContext, year: number) {
  const actor = requireActor(ctx);
  calendarPolicy.authorize(actor, 'read', {});
  return {
    items: await calendar.listCalendarDays(ctx.db, year, ctx.locale),
    national: { published: isPublished(year), firstYear: NATIONAL_FIRST_YEAR, lastYear: NATIONAL_LAST_YEAR },
  };
}

/** A local edit over the national calendar: a holiday or a working day of this deployment's own. */
export async function putCalendarDay(ctx: RequestContext, date: string, body: Static<typeof S.CalendarDayBody>) {
  const actor = requireActor(ctx);
  calendarPolicy.authorize(actor, 'update', {});
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw invalid({ field: 'date', code: 'calendar.not_a_date' });
  }
  const day = { date, kind: body.kind, name: body.name.trim() };
  await command(ctx, async ({ trx, audit }) => {
    const before = await calendar.findLocalDay(trx, date);
    await calendar.putLocalDay(trx, day);
    await referenceChanged(ctx, trx, calendar.CALENDAR_KEY);
    await audit({ action: 'calendar.put', entityType: 'calendar_day', entityId: null, before: before ?? null, after: day });
  });
  return { ...day, source: 'local' as const };
}

/** Removes a local edit: the date follows the national calendar again. */
export async function deleteCalendarDay(ctx: RequestContext, date: string) {
  const actor = requireActor(ctx);
  calendarPolicy.authorize(actor, 'update', {});
  await command(ctx, async ({ trx, audit }) => {
    const before = await calendar.findLocalDay(trx, date);
    if (!before) throw new AppError('calendar.not_edited');
    await calendar.deleteLocalDay(trx, date);
    await referenceChanged(ctx, trx, calendar.CALENDAR_KEY);
    await audit({ action: 'calendar.delete', entityType: 'calendar_day', entityId: null, before });
  });
}
