import type { TFunction } from 'i18next';
import type { CategoryView } from '../needs/needQueries.ts';

export interface CategoryChoice {
  value: string;
  label: string;
  /** Both languages' names and the parent's, for a picker that filters as one types. */
  search: string;
}
export interface CategoryGroup {
  label: string;
  options: CategoryChoice[];
}

/**
 * Active need categories as one list grouped by their parent: a phone shows one column well,
 * where a cascader would need two. A parent with children is a heading, not a choice, and is
 * offered again as the last choice of its group ("其他") for needs that fit none of its children.
 */
export function categoryChoices(categories: CategoryView[], en: boolean, t: TFunction): (CategoryChoice | CategoryGroup)[] {
  const nameOf = (c: CategoryView) => (en && c.nameEn ? c.nameEn : c.name);
  const active = categories.filter((c) => c.active);
  return active
    .filter((c) => !c.parentId)
    .map((p) => {
      const children = active.filter((c) => c.parentId === p.id);
      if (children.length === 0) return { value: p.id, label: nameOf(p), search: `${nameOf(p)} ${p.name}` };
      return {
        label: nameOf(p),
        options: [
          ...children.map((c) => ({ value: c.id, label: nameOf(c), search: `${nameOf(p)} ${nameOf(c)} ${p.name} ${c.name}` })),
          { value: p.id, label: t('field.categoryGeneral', { name: nameOf(p) }), search: `${nameOf(p)} ${p.name}` },
        ],
      };
    });
}
