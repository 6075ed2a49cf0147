import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice } from '../../components/rules.ts';
import { recheckRectification, useEvaluationStep, type EvaluationView } from './evaluationQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface RecheckValues {
  result: 'passed' | 'failed';
  note?: string;
}

/** The evaluator's re-check of the contractor's rectification: passed releases what waited for the mid-term, failed stops it. */
export function RecheckForm({ projectId, evaluation: e }: { projectId: string; evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [form] = Form.useForm<RecheckValues>();
  const [error, setError] = useState<unknown>(null);
  const recheck = useEvaluationStep(projectId, (body: RecheckValues) => recheckRectification(e.id, body));
  const send = (v: RecheckValues) => {
    setError(null);
    recheck.mutate({ result: v.result, note: v.note?.trim() ?? '' }, { onSuccess: () => void message.success(t('evaluations.rechecked')), onError: (err) => setError(applyServerErrors(form, err)) });
  };
  return (
    <section aria-label={t('evaluations.recheckTitle')} data-testid="evaluation-recheck-form">
      <Typography.Title level={5}>{t('evaluations.recheckTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('evaluations.recheckHint')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} name={`recheck-${e.id}`} layout="vertical" onFinish={send}>
        <Form.Item name="result" label={t('evaluations.recheckResultLabel')} rules={[requiredChoice(t, t('evaluations.recheckResultLabel'))]}>
          <Radio.Group options={(['passed', 'failed'] as const).map((r) => ({ value: r, label: t(`evaluations.recheckResult.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('evaluations.recheckNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="evaluation-recheck-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={recheck.isPending} data-testid="evaluation-recheck-submit">{t('evaluations.recheckSubmit')}</Button>
      </Form>
    </section>
  );
}
