import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupervisionSummary } from './supervisionQueries.ts';

const FORM_COLOURS = { individual: 'blue', group: 'purple' } as const;

export function FormTag({ form }: { form: SupervisionSummary['form'] }) {
  const { t } = useTranslation();
  return <Tag color={FORM_COLOURS[form]} style={{ marginInlineEnd: 0 }}>{t(`supervision.formKind.${form}`)}</Tag>;
}

export function FunctionTags({ functions }: { functions: SupervisionSummary['functions'] }) {
  const { t } = useTranslation();
  return (
    <>
      {functions.map((f) => (
        <Tag key={f} style={{ marginInlineEnd: 0 }}>{t(`supervision.fn.${f}`)}</Tag>
      ))}
    </>
  );
}
