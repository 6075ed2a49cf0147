import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredChoice, tooLong } from '../../components/rules.ts';
import { SHAREABLE_FIELDS, type ShareableField } from './caseQueries.ts';
import { tickedSome, writtenText } from './caseRules.ts';
import { FieldChecks } from './ReferralTags.tsx';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  givenBy: 'client' | 'guardian';
  guardianName?: string;
  guardianRelation?: string;
  fields: ShareableField[];
  givenOn: Dayjs;
}

/**
 * What the client — or a guardian — agreed may leave the case in a referral. The page does not
 * know the client's age: the server refuses a minor's own consent, and says so at "given by".
 */
export function ConsentForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const saver = useStepSave<Values, 'consents'>(
    c.id,
    'consents',
    (v) => ({
      givenBy: v.givenBy,
      ...(v.givenBy === 'guardian' ? { guardianName: v.guardianName!.trim(), ...(v.guardianRelation?.trim() ? { guardianRelation: v.guardianRelation.trim() } : {}) } : {}),
      // In the forms' order, whatever order the boxes were ticked in.
      fields: SHAREABLE_FIELDS.filter((f) => v.fields.includes(f)),
      givenOn: v.givenOn.format('YYYY-MM-DD'),
    }),
    onDone,
  );
  const givenBy = Form.useWatch('givenBy', saver.form) ?? 'client';
  return (
    <StepForm<Values> saver={saver} initialValues={{ givenBy: 'client', fields: [], givenOn: dayjs() }} submitLabel={t('caseAction.record_consent')} testId="case-consent" onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{t('caseConsent.hint')}</Typography.Paragraph>
      <Form.Item name="givenBy" label={t('caseConsent.givenBy')} rules={[requiredChoice(t, t('caseConsent.givenBy'))]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'client', label: t('caseConsent.givenByClient') },
            { value: 'guardian', label: t('caseConsent.givenByGuardian') },
          ]}
          data-testid="case-consent-given-by"
        />
      </Form.Item>
      {givenBy === 'guardian' && (
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="guardianName" label={t('caseConsent.guardianName')} rules={writtenText(t, t('caseConsent.guardianName'), 50)} style={{ flex: '1 1 200px' }}>
            <Input autoComplete="off" data-testid="case-consent-guardian-name" />
          </Form.Item>
          <Form.Item name="guardianRelation" label={t('caseConsent.guardianRelation')} rules={[tooLong(t, t('caseConsent.guardianRelation'), 20)]} style={{ flex: '1 1 200px' }}>
            <Input placeholder={t('caseConsent.guardianRelationPlaceholder')} autoComplete="off" data-testid="case-consent-guardian-relation" />
          </Form.Item>
        </div>
      )}
      <Form.Item name="fields" label={t('caseConsent.fields')} rules={tickedSome(t, t('caseConsent.fields'))}>
        <FieldChecks fields={SHAREABLE_FIELDS} aria-label={t('caseConsent.fields')} data-testid="case-consent-fields" />
      </Form.Item>
      <Form.Item name="givenOn" label={t('caseConsent.date')} rules={[requiredChoice(t, t('caseConsent.date'))]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} data-testid="case-consent-date" />
      </Form.Item>
    </StepForm>
  );
}
