import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { writtenText } from './caseRules.ts';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';
import { Typography } from '../../components/Typography.tsx';

/** A closed case opens again for a new assessment, saying why; the need it answered keeps its own state. */
export function ReopenForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const saver = useStepSave<{ reason: string }, 'reopen'>(c.id, 'reopen', (v) => ({ reason: v.reason.trim() }), onDone);
  return (
    <StepForm<{ reason: string }> saver={saver} initialValues={{}} submitLabel={t('caseAction.reopen')} testId="case-reopen" onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{t('case.reopenHint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('case.reopenReason')} rules={writtenText(t, t('case.reopenReason'), 1000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="case-reopen-reason" />
      </Form.Item>
    </StepForm>
  );
}
