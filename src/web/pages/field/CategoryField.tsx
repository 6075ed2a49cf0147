import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/PlainFields.tsx';
import { useCategories } from '../needs/needQueries.ts';
import { categoryChoices } from './categoryChoices.ts';

/**
 * Need categories in the system's picker, for the phone's forms: about forty choices under their
 * group's heading read well on a phone's wheel or list, with nothing to download.
 */
export function CategoryField({ districtId, ...field }: {
  id: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  problem?: string | undefined;
  districtId: string | undefined;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories(districtId);
  return (
    <SelectField
      {...field}
      label={t('field.category')}
      placeholder={categories.isLoading ? t('common.loading') : t('field.categoryPlaceholder')}
      options={categoryChoices(categories.data ?? [], i18n.language === 'en', t)}
    />
  );
}
