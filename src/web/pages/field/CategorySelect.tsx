import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, type CategoryView } from '../needs/needQueries.ts';

function nameOf(c: CategoryView, en: boolean) {
  return en && c.nameEn ? c.nameEn : c.name;
}

/**
 * Need categories as one searchable list grouped by their parent: a phone shows one
 * column well, where a cascader would need two. A parent with children is a heading and
 * is offered again as the last choice of its group.
 */
export function CategorySelect({ id, value, onChange, testId, districtId }: {
  /** Given by Form.Item, so that its label names this field. */
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  testId?: string;
  districtId?: string;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const categories = useCategories(districtId);
  const active = (categories.data ?? []).filter((c) => c.active);
  const top = active.filter((c) => !c.parentId);
  const options = top.map((p) => {
    const children = active.filter((c) => c.parentId === p.id);
    if (children.length === 0) return { value: p.id, label: nameOf(p, en) };
    return {
      label: nameOf(p, en),
      title: nameOf(p, en),
      options: [
        ...children.map((c) => ({ value: c.id, label: nameOf(c, en), search: `${nameOf(p, en)} ${nameOf(c, en)} ${p.name} ${c.name}` })),
        // The parent itself stays pickable for needs that fit none of its children.
        { value: p.id, label: t('field.categoryGeneral', { name: nameOf(p, en) }), search: `${nameOf(p, en)} ${p.name}` },
      ],
    };
  });
  return (
    <Select
      id={id}
      size="large"
      value={value}
      onChange={onChange}
      options={options}
      loading={categories.isLoading}
      placeholder={t('field.categoryPlaceholder')}
      showSearch={{ optionFilterProp: ['label', 'search'] }}
      listHeight={320}
      data-testid={testId}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    />
  );
}
