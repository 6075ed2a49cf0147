import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { referenceChanged, type ReferenceCache } from '../../platform/cache/reference-cache.ts';
import type { LimitUnit } from '../../platform/calendar/working-days.ts';
import { invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { DB } from '../../tables.ts';
import type { DefaultRoute, NeedCategoriesTable, Urgency } from './needs.tables.ts';

type CachePlatform = { referenceCache?: ReferenceCache };

export interface Limit {
  amount: number;
  unit: LimitUnit;
}
export type Limits = Record<Urgency, { triage: Limit; resolve: Limit }>;

const hours = (amount: number): Limit => ({ amount, unit: 'hours' });
const days = (amount: number): Limit => ({ amount, unit: 'working_days' });

/** DESIGN 3.5: urgent triage within 2 hours; ordinary 2–3 working days; difficult 7. */
export const DEFAULT_LIMITS: Limits = {
  urgent: { triage: hours(2), resolve: days(1) },
  normal: { triage: days(1), resolve: days(3) },
  difficult: { triage: days(2), resolve: days(7) },
};

interface Seed {
  code: string;
  name: string;
  nameEn: string;
  route?: DefaultRoute;
  children?: Seed[];
}

export const DEFAULT_TREE: Seed[] = [
  { code: 'elderly_care', name: '养老服务', nameEn: 'Elderly care', children: [
    { code: 'elderly_meals', name: '助餐', nameEn: 'Meal help' },
    { code: 'elderly_home_care', name: '居家照护', nameEn: 'Home care' },
  ] },
  { code: 'disability_support', name: '助残服务', nameEn: 'Disability support' },
  { code: 'children_youth', name: '儿童与青少年', nameEn: 'Children and youth', route: 'refer' },
  { code: 'environment_sanitation', name: '环境卫生', nameEn: 'Environment and sanitation' },
  { code: 'property_facilities', name: '物业与设施', nameEn: 'Property and facilities', children: [
    { code: 'facility_lighting', name: '楼道照明', nameEn: 'Stairwell lighting' },
    { code: 'facility_elevator', name: '电梯', nameEn: 'Elevators' },
  ] },
  { code: 'neighbour_disputes', name: '邻里纠纷', nameEn: 'Neighbour disputes' },
  { code: 'employment_assistance', name: '就业与救助', nameEn: 'Employment and assistance', route: 'refer' },
  { code: 'health', name: '健康服务', nameEn: 'Health', route: 'refer' },
  { code: 'safety', name: '安全隐患', nameEn: 'Safety' },
  { code: 'culture_activities', name: '文化活动', nameEn: 'Culture and activities', route: 'project_pool' },
  { code: 'other', name: '其他', nameEn: 'Other' },
];

/** The key of a district's categories in the reference cache: every write to need_categories announces it. */
export const categoriesKey = (districtId: string) => `categories:${districtId}`;

export type CategoryRow = Selectable<NeedCategoriesTable>;

/**
 * A district's whole category tree (inactive categories included) by id, from the process's
 * reference cache when there is one, so that a report does not read it. A district without
 * categories is given the default tree first. The rows are shared: read them, never change them.
 */
export function districtCategories(platform: CachePlatform, db: Kysely<DB>, districtId: string): Promise<ReadonlyMap<string, CategoryRow>> {
  const load = () => loadCategories(platform, db, districtId);
  return platform.referenceCache ? platform.referenceCache.get(categoriesKey(districtId), load) : load();
}

/** Gives a district the default category tree the first time anything needs categories there. */
export async function ensureDefaultCategories(platform: CachePlatform, db: Kysely<DB>, districtId: string): Promise<void> {
  await districtCategories(platform, db, districtId);
}

async function loadCategories(platform: CachePlatform, db: Kysely<DB>, districtId: string): Promise<Map<string, CategoryRow>> {
  const read = () => db.selectFrom('need_categories').selectAll().where('district_id', '=', districtId).execute();
  let rows = await read();
  if (rows.length === 0) {
    await (db.isTransaction ? insertDefaultTree(platform, db, districtId) : db.transaction().execute((trx) => insertDefaultTree(platform, trx, districtId)));
    rows = await read();
  }
  return new Map(rows.map((r) => [r.id, r]));
}

/** Codes are unique per district, so a concurrent second call inserts nothing. */
async function insertDefaultTree(platform: CachePlatform, trx: Kysely<DB>, districtId: string): Promise<void> {
  let sort = 0;
  const insert = async (s: Seed, parentId: string | null) => {
    const id = newId();
    const r = await trx
      .insertInto('need_categories')
      .values({
        district_id: districtId,
        id,
        parent_id: parentId,
        code: s.code,
        name: s.name,
        name_en: s.nameEn,
        limits: JSON.stringify(DEFAULT_LIMITS),
        default_route: s.route ?? 'community',
        open311_code: s.code,
        sort: (sort += 10),
      })
      .onConflict((oc) => oc.columns(['district_id', 'code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!r) return;
    for (const c of s.children ?? []) await insert(c, id);
  };
  for (const s of DEFAULT_TREE) await insert(s, null);
  await referenceChanged(platform, trx, categoriesKey(districtId));
}

/** A category's name for a reader: its English name in English when it has one, its own name otherwise. */
export const categoryNameIn = (c: Pick<CategoryRow, 'name' | 'name_en'>, locale: Locale): string => (locale === 'en' && c.name_en) || c.name;

interface Reader extends CachePlatform {
  db: Kysely<DB>;
  locale: Locale;
}

/**
 * Rows with their category's name in the reader's language. Queries join the stored (Chinese)
 * name; the cached tree gives the other language without a second join in every query.
 */
export async function inReaderLanguage<T extends { district_id: string; category_id: string; category_name: string }>(ctx: Reader, rows: readonly T[]): Promise<T[]> {
  if (ctx.locale !== 'en' || rows.length === 0) return [...rows];
  const trees = new Map<string, ReadonlyMap<string, CategoryRow>>();
  for (const d of new Set(rows.map((r) => r.district_id))) trees.set(d, await districtCategories(ctx, ctx.db, d));
  return rows.map((r) => {
    const c = trees.get(r.district_id)?.get(r.category_id);
    return c ? { ...r, category_name: categoryNameIn(c, ctx.locale) } : r;
  });
}

export function limitsOf(raw: unknown): Limits {
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return { ...DEFAULT_LIMITS, ...(value as Partial<Limits>) };
}

/** The category codes of a district: the one vocabulary needs, resources and matching share. */
export async function categoryCodesOf(platform: CachePlatform, db: Kysely<DB>, districtId: string): Promise<Set<string>> {
  return new Set([...(await districtCategories(platform, db, districtId)).values()].map((c) => c.code));
}

/**
 * A district's active category for a new need. A category of another district is, for this
 * need, one that does not exist (404 on `field`); an inactive one is refused with a 400.
 */
export async function activeCategory(platform: CachePlatform, db: Kysely<DB>, districtId: string, categoryId: string, field = 'categoryId'): Promise<CategoryRow> {
  const category = (await districtCategories(platform, db, districtId)).get(categoryId);
  if (!category) throw notFoundAt(field);
  if (!category.active) throw invalid({ field, code: 'need.unknown_category' });
  return category;
}
