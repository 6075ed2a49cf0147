import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice } from '../../components/rules.ts';
import { writtenText } from './caseRules.ts';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';
import { WorkerSelect } from './WorkerSelect.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  workerId: string;
  note: string;
}

/** Handing the case to another of the organization's workers, with what they need to know to carry on. */
export function TransferForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const saver = useStepSave<Values, 'transfer'>(c.id, 'transfer', (v) => ({ workerId: v.workerId, note: v.note.trim() }), onDone);
  return (
    <StepForm<Values> saver={saver} initialValues={{}} submitLabel={t('caseAction.transfer')} testId="case-transfer" onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{t('case.transferHint', { worker: c.worker.name })}</Typography.Paragraph>
      <Form.Item name="workerId" label={t('case.newWorker')} rules={[requiredChoice(t, t('case.newWorker'))]}>
        <WorkerSelect organizationId={c.organization.id} excludeId={c.worker.id} data-testid="case-transfer-worker" />
      </Form.Item>
      <Form.Item name="note" label={t('case.handoverNote')} rules={writtenText(t, t('case.handoverNote'), 2000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="case-transfer-note" />
      </Form.Item>
    </StepForm>
  );
}
