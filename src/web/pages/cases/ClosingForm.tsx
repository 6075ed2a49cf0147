import { Alert, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice, tooLong } from '../../components/rules.ts';
import { writtenText } from './caseRules.ts';
import { GOAL_RESULTS, OUTCOMES, type ClosingBody, type GoalResult } from './caseQueries.ts';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  outcome: ClosingBody['outcome'];
  /** Per goal of the plan, in its order. */
  results: { result: GoalResult; note?: string }[];
  summary: string;
  reply?: string;
}

/**
 * Asking to close: the outcome, a result per goal and a summary for the case's team, and — when
 * the case answers a need — the words its reporter will read once the supervisor approves.
 */
export function ClosingForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const goals = c.notes?.goals ?? [];
  const saver = useStepSave<Values, 'closing'>(
    c.id,
    'closing',
    (v) => ({
      outcome: v.outcome,
      results: goals.map((g, i) => ({ goal: g.goal, result: v.results[i]!.result, note: (v.results[i]!.note ?? '').trim() })),
      summary: v.summary.trim(),
      ...(v.reply?.trim() ? { reply: v.reply.trim() } : {}),
    }),
    onDone,
  );
  const replyRules = c.needId ? writtenText(t, t('case.reply'), 500) : [tooLong(t, t('case.reply'), 500)];
  return (
    <StepForm<Values> saver={saver} initialValues={{ results: goals.map(() => ({ note: '' })) }} submitLabel={t('caseAction.request_closing')} testId="case-closing" onCancel={onCancel}>
      <Form.Item name="outcome" label={t('case.outcome')} rules={[requiredChoice(t, t('case.outcome'))]}>
        <Radio.Group data-testid="case-closing-outcome">
          <Space orientation="vertical">
            {OUTCOMES.map((o) => <Radio key={o} value={o} data-testid={`case-closing-outcome-${o}`}>{t(`outcome.${o}`)}</Radio>)}
          </Space>
        </Radio.Group>
      </Form.Item>
      {goals.map((g, i) => (
        <fieldset key={g.goal} style={{ border: 0, padding: 0, margin: '0 0 8px' }} data-testid="case-closing-goal">
          <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4, overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{t('case.goalNoTitled', { goal: i + 1, title: g.title })}</legend>
          <Form.Item name={['results', i, 'result']} label={t('case.goalResult')} rules={[requiredChoice(t, t('case.goalResult'))]}>
            <Radio.Group optionType="button" options={GOAL_RESULTS.map((r) => ({ value: r, label: t(`goalResult.${r}`) }))} data-testid={`case-closing-result-${i}`} />
          </Form.Item>
          <Form.Item name={['results', i, 'note']} label={t('case.goalResultNote')} rules={[tooLong(t, t('case.goalResultNote'), 1000)]}>
            <Input data-testid={`case-closing-result-${i}-note`} />
          </Form.Item>
        </fieldset>
      ))}
      <Form.Item name="summary" label={t('case.closingSummary')} extra={t('case.closingSummaryHint')} rules={writtenText(t, t('case.closingSummary'), 2000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="case-closing-summary" />
      </Form.Item>
      <Alert type={c.needId ? 'warning' : 'info'} showIcon title={c.needId ? t('case.replyHint') : t('case.replyOptionalHint')} id="case-closing-reply-hint" style={{ marginBottom: 8 }} />
      <Form.Item name="reply" label={t('case.reply')} rules={replyRules}>
        {/* What the reporter may read is said before the box, not under it: the worker writes with it in mind. */}
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 500 }} aria-describedby="case-closing-reply-hint" data-testid="case-closing-reply" />
      </Form.Item>
      {c.needId && <Typography.Paragraph type="secondary">{t('case.closingResolvesNeed')}</Typography.Paragraph>}
    </StepForm>
  );
}
