import { Button, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice } from '../../components/rules.ts';
import { assignEvaluator, useEvaluationStep, useEvaluatorCandidates, type Candidate } from './evaluationQueries.ts';
import { useNotices } from '../../app/notices.tsx';

/** The evaluator's name, with the firm unless the name already carries it. */
export const evaluatorLabel = (c: Candidate) => (c.name.includes(c.organizationName) ? c.name : `${c.name}（${c.organizationName}）`);

/** The funder picks the third-party evaluator: only evaluators tied to none of the delivering organizations are offered. */
export function AssignEvaluator({ projectId, current, onDone }: { projectId: string; current: string | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const candidates = useEvaluatorCandidates(projectId, true);
  const [form] = Form.useForm<{ userId: string }>();
  const [error, setError] = useState<unknown>(null);
  const assign = useEvaluationStep(projectId, (userId: string) => assignEvaluator(projectId, userId));
  const send = (v: { userId: string }) => {
    setError(null);
    assign.mutate(v.userId, {
      onSuccess: () => {
        void message.success(t('evaluations.assigned'));
        onDone?.();
      },
      onError: (err) => setError(applyServerErrors(form, err)),
    });
  };
  const field = t('evaluations.evaluator');
  return (
    <>
      <ErrorAlert error={error ?? candidates.error} />
      <Form form={form} name={`assign-evaluator-${projectId}`} layout="vertical" onFinish={send} initialValues={current ? { userId: current } : {}} style={{ maxWidth: 520 }}>
        <Form.Item name="userId" label={current ? t('evaluations.reassign') : t('evaluations.assign')} rules={[requiredChoice(t, field)]} extra={t('evaluations.assignHint')}>
          <Select
            loading={candidates.isLoading}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: evaluatorLabel(c) }))}
            placeholder={t('evaluations.assignPlaceholder')}
            notFoundContent={t('evaluations.noCandidates')}
            data-testid="evaluation-assign-select"
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="evaluation-assign-submit">{current ? t('evaluations.reassignSubmit') : t('evaluations.assignSubmit')}</Button>
          {current && onDone && <Button onClick={onDone}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
    </>
  );
}
