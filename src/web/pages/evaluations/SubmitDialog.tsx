import { Alert, DatePicker, Form, Input, Modal, Radio, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { submitEvaluation, useEvaluationStep, type EvaluationView, type Grade, type SubmitBody } from './evaluationQueries.ts';
import { GradeTag } from './EvaluationTags.tsx';
import { conclusionsFor, points } from './scoring.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface ConclusionValues {
  conclusion: SubmitBody['conclusion'];
  rectification?: string;
  rectifyBy?: Dayjs;
}

/**
 * Handing the evaluation in: only the conclusions the kind and the grade allow are offered (a
 * failing score only fails); a rectification says what to put right and by when.
 */
export function SubmitDialog({ projectId, evaluation: e, score, grade, onClose }: { projectId: string; evaluation: EvaluationView; score: number; grade: Grade; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [form] = Form.useForm<ConclusionValues>();
  const [error, setError] = useState<unknown>(null);
  const submit = useEvaluationStep(projectId, (body: SubmitBody) => submitEvaluation(e.id, body));
  const options = conclusionsFor(e.kind, grade);
  const conclusion = Form.useWatch('conclusion', form);
  const send = (v: ConclusionValues) => {
    setError(null);
    const rectifies = v.conclusion === 'rectify';
    submit.mutate(
      { conclusion: v.conclusion, ...(rectifies && { rectification: v.rectification?.trim(), rectifyBy: v.rectifyBy?.format('YYYY-MM-DD') }) },
      {
        onSuccess: () => {
          void message.success(t('evaluations.submitted'));
          onClose();
        },
        onError: (err) => setError(applyServerErrors(form, err)),
      },
    );
  };
  return (
    <Modal
      open
      title={t(`evaluations.submitTitle.${e.kind}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('evaluations.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'evaluation-submit-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <Typography.Text strong>{t('evaluations.scoreLine', { points: points(score) })}</Typography.Text>
          <GradeTag grade={grade} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('evaluations.submitHint')}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} name={`conclude-${e.id}`} layout="vertical" onFinish={send} initialValues={options.length === 1 ? { conclusion: options[0] } : {}}>
          <Form.Item name="conclusion" label={t('evaluations.conclusionLabel')} rules={[requiredChoice(t, t('evaluations.conclusionLabel'))]}>
            <Radio.Group
              options={options.map((c) => ({ value: c, label: t(`evaluations.conclusion.${c}`) }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            />
          </Form.Item>
          {grade === 'fail' && <Alert type="warning" showIcon title={t('evaluations.failingOnly')} style={{ marginBottom: 16 }} />}
          {conclusion === 'accepted_with_conditions' && <Alert type="info" showIcon title={t('evaluations.conditionsInFindings')} style={{ marginBottom: 16 }} />}
          {conclusion === 'rectify' && (
            <>
              <Form.Item name="rectification" label={t('evaluations.rectification')} rules={[requiredText(t, t('evaluations.rectification')), { whitespace: true, message: t('common.requiredText', { field: t('evaluations.rectification') }) }]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={t('evaluations.rectificationPlaceholder')} data-testid="evaluation-rectification-input" />
              </Form.Item>
              <Form.Item name="rectifyBy" label={t('evaluations.rectifyBy')} rules={[requiredChoice(t, t('evaluations.rectifyBy'))]}>
                <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%', maxWidth: 240 }} data-testid="evaluation-rectify-by-input" />
              </Form.Item>
            </>
          )}
        </Form>
      </Space>
    </Modal>
  );
}
