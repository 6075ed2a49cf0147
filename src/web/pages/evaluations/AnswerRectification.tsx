import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { answerRectification, useEvaluationStep, type EvaluationView } from './evaluationQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

/** The contractor's administrator reports what was put right; the evaluator then re-checks it. */
export function AnswerRectification({ projectId, evaluation: e }: { projectId: string; evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<unknown>(null);
  const answer = useEvaluationStep(projectId, (note: string) => answerRectification(e.id, note));
  const send = (v: { note: string }) => {
    setError(null);
    answer.mutate(v.note.trim(), { onSuccess: () => void message.success(t('evaluations.answered')), onError: (err) => setError(applyServerErrors(form, err)) });
  };
  const field = t('evaluations.answerNote');
  return (
    <section aria-label={t('evaluations.answerTitle')} data-testid="evaluation-answer-form">
      <Typography.Title level={5}>{t('evaluations.answerTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('evaluations.answerHint', { date: e.rectifyBy ?? '—' })}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} name={`answer-${e.id}`} layout="vertical" onFinish={send}>
        <Form.Item name="note" label={field} rules={[requiredText(t, field), { whitespace: true, message: t('common.requiredText', { field }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={t('evaluations.answerPlaceholder')} data-testid="evaluation-answer-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="evaluation-answer-submit">{t('evaluations.answerSubmit')}</Button>
      </Form>
    </section>
  );
}
