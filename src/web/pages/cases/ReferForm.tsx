import { Alert, Button, Form, Input, Radio, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { requiredChoice } from '../../components/rules.ts';
import { useFormSave } from '../../components/SaveForm.tsx';
import { useOrganizations } from '../needs/needQueries.ts';
import { postCaseStep, SHAREABLE_FIELDS, STEP_INVALIDATES, type CaseDetail, type CaseStep, type ShareableField } from './caseQueries.ts';
import { tickedSome, writtenText } from './caseRules.ts';
import { FieldChecks } from './ReferralTags.tsx';
import { StepForm, type StepProps } from './StepForm.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  to: 'organization' | 'department';
  toOrganizationId?: string;
  toDepartment?: string;
  reason: string;
  fields: ShareableField[];
}

/** The fields the consents in force cover between them: all a referral may carry. */
export function consentedFields(c: CaseDetail): ShareableField[] {
  const active = (c.notes?.consents ?? []).filter((k) => !k.withdrawnAt);
  return SHAREABLE_FIELDS.filter((f) => active.some((k) => k.fields.includes(f)));
}

/**
 * The server names a refused field by its place in the list sent (`fields.1`); the form has one
 * box for the list, so the refusal lands there, naming the field (a consent withdrawn meanwhile).
 */
function onFieldList(error: unknown, sent: ShareableField[], t: TFunction): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => {
    const at = /^fields\.(\d+)$/.exec(f.field);
    const field = at ? sent[Number(at[1])] : undefined;
    return field ? { ...f, field: 'fields', message: t('caseReferral.fieldRefused', { field: t(`caseField.${field}`), message: f.message }) } : f;
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

/** Without a consent in force there is nothing to send: the form says so and where to start. */
function NoConsent({ c, onCancel, onOpen }: StepProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('caseReferral.noConsent')}
      description={
        <Space orientation="vertical" size={8}>
          <span>{t('caseReferral.noConsentHint')}</span>
          <Space wrap>
            {c.allowedActions.includes('record_consent') && (
              <Button type="primary" onClick={() => onOpen('record_consent')} data-testid="case-refer-record-consent">{t('caseReferral.recordConsent')}</Button>
            )}
            <Button onClick={onCancel} data-testid="case-refer-cancel">{t('common.cancel')}</Button>
          </Space>
        </Space>
      }
      data-testid="case-refer-no-consent"
    />
  );
}

/**
 * Referring the client to another organization on the platform or to a department named in
 * words, with a reason and only fields a consent in force covers: the boxes offer nothing else.
 */
function ReferFields({ c, onDone, onCancel, consented }: StepProps & { consented: ShareableField[] }) {
  const { t } = useTranslation();
  const orgs = useOrganizations(true);
  const saver = useFormSave<Values, CaseStep>({
    mutationFn: async (v) => {
      const body = {
        ...(v.to === 'organization' ? { toOrganizationId: v.toOrganizationId } : { toDepartment: v.toDepartment!.trim() }),
        reason: v.reason.trim(),
        fields: consented.filter((f) => v.fields.includes(f)),
      };
      try {
        return await postCaseStep(c.id, 'referrals', body);
      } catch (e) {
        throw onFieldList(e, body.fields, t);
      }
    },
    invalidate: STEP_INVALIDATES,
    onSaved: onDone,
  });
  const to = Form.useWatch('to', saver.form) ?? 'organization';
  const targets = (orgs.data ?? []).filter((o) => o.id !== c.organization.id && o.status === 'active').map((o) => ({ value: o.id, label: o.name }));
  return (
    <StepForm<Values> saver={saver} initialValues={{ to: 'organization', fields: [] }} submitLabel={t('caseAction.refer')} testId="case-refer" onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{t('caseReferral.hint')}</Typography.Paragraph>
      <Form.Item name="to" label={t('caseReferral.to')}>
        <Radio.Group
          options={[
            { value: 'organization', label: t('caseReferral.toKindOrganization') },
            { value: 'department', label: t('caseReferral.toKindDepartment') },
          ]}
          data-testid="case-refer-to"
        />
      </Form.Item>
      {to === 'organization' ? (
        <Form.Item name="toOrganizationId" label={t('caseReferral.organization')} rules={[requiredChoice(t, t('caseReferral.organization'))]}>
          <Select showSearch optionFilterProp="label" loading={orgs.isLoading} options={targets} notFoundContent={t('caseReferral.noOrganization')} data-testid="case-refer-organization" />
        </Form.Item>
      ) : (
        <Form.Item name="toDepartment" label={t('caseReferral.department')} extra={t('caseReferral.departmentHint')} rules={writtenText(t, t('caseReferral.department'), 100)}>
          <Input placeholder={t('caseReferral.departmentPlaceholder')} count={{ show: true, max: 100 }} data-testid="case-refer-department" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('caseReferral.reason')} rules={writtenText(t, t('caseReferral.reason'), 1000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 1000 }} data-testid="case-refer-reason" />
      </Form.Item>
      <Form.Item name="fields" label={t('caseReferral.fields')} extra={t('caseReferral.fieldsHint')} rules={tickedSome(t, t('caseReferral.fields'))}>
        <FieldChecks fields={consented} aria-label={t('caseReferral.fields')} data-testid="case-refer-fields" />
      </Form.Item>
    </StepForm>
  );
}

export function ReferForm(props: StepProps) {
  const consented = consentedFields(props.c);
  return consented.length ? <ReferFields {...props} consented={consented} /> : <NoConsent {...props} />;
}
