import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../needs/needQueries.ts';
import { categoryChoices } from './categoryChoices.ts';

/** Need categories in antd's searchable select, for the office's forms (split, budget candidates). */
export function CategorySelect({ id, value, onChange, testId, districtId }: {
  /** Given by Form.Item, so that its label names this field. */
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  testId?: string;
  districtId?: string;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories(districtId);
  return (
    <Select
      id={id}
      size="large"
      value={value}
      onChange={onChange}
      options={categoryChoices(categories.data ?? [], i18n.language === 'en', t)}
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
