import { Checkbox, Space, Tag, type GetProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Referral, ShareableField } from './caseQueries.ts';

/** The fields a consent covers or a referral carries, in words, in the forms' order. */
export function FieldTags({ fields }: { fields: readonly ShareableField[] }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[4, 4]} data-fields={fields.join(' ')}>
      {fields.map((f) => <Tag key={f} style={{ marginInlineEnd: 0 }}>{t(`caseField.${f}`)}</Tag>)}
    </Space>
  );
}

/**
 * The fields as boxes to tick, named by the form's label. ARIA does not let a group say it is
 * required (axe: aria-allowed-attr), so the mark Form.Item adds is dropped: the label's star and
 * the message naming the field say it instead.
 */
export function FieldChecks({ fields, 'aria-required': _required, ...group }: Omit<GetProps<typeof Checkbox.Group<ShareableField>>, 'options'> & { fields: readonly ShareableField[]; 'aria-required'?: unknown }) {
  const { t } = useTranslation();
  return <Checkbox.Group<ShareableField> {...group} options={fields.map((f) => ({ value: f, label: t(`caseField.${f}`) }))} />;
}

/** A referral still waiting reads in gold, as on the other boards; a decline in red. */
const COLOURS: Record<Referral['status'], string> = { sent: 'gold', accepted: 'green', declined: 'red' };

export function ReferralStatusTag({ status }: { status: Referral['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="referral-status" data-status={status} style={{ whiteSpace: 'nowrap', marginInlineEnd: 0 }}>
      {t(`referralStatus.${status}`)}
    </Tag>
  );
}
