import { Button, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { ANSWER_INVALIDATES, answerReferral, REFERRAL_DECISIONS, type AnswerBody } from './caseQueries.ts';
import { writtenText } from './caseRules.ts';
import { Typography } from '../../components/Typography.tsx';

/**
 * Accepting or declining a referral, with words: the receiving organization's administrator
 * answering on the platform, or the case's worker recording what a department answered. It is
 * answered once, so the hint above the fields says so before anything is sent.
 */
export function AnswerForm({ referralId, hint, submitLabel, testId, onDone, onCancel }: {
  referralId: string;
  hint: string;
  submitLabel: string;
  testId: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const saver = useFormSave<AnswerBody, unknown>({
    mutationFn: (v) => answerReferral(referralId, { decision: v.decision, answer: v.answer.trim() }),
    invalidate: ANSWER_INVALIDATES,
    onSaved: onDone,
  });
  return (
    <div data-testid={`${testId}-form`}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <SaveForm<AnswerBody> saver={saver} initialValues={{}}>
        <Form.Item name="decision" label={t('caseReferral.decision')} rules={[requiredChoice(t, t('caseReferral.decision'))]}>
          <Radio.Group optionType="button" options={REFERRAL_DECISIONS.map((d) => ({ value: d, label: t(`referralDecision.${d}`) }))} data-testid={`${testId}-decision`} />
        </Form.Item>
        <Form.Item name="answer" label={t('caseReferral.answer')} rules={writtenText(t, t('caseReferral.answer'), 1000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 1000 }} data-testid={`${testId}-answer`} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saver.saving} data-testid={`${testId}-submit`}>{submitLabel}</Button>
          {onCancel && <Button onClick={onCancel} data-testid={`${testId}-cancel`}>{t('common.cancel')}</Button>}
        </Space>
      </SaveForm>
    </div>
  );
}
