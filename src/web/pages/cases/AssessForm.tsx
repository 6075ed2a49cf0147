import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice, tooLong } from '../../components/rules.ts';
import { ASSESSMENT_DOMAINS, type AssessmentBody, type Domain } from './caseQueries.ts';
import { SCORES } from './caseWords.ts';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  domains: Record<Domain, { score: number; note?: string }>;
  summary?: string;
}

/**
 * The assessment: a score and a note per domain, and a summary. A reassessment starts from the
 * last one, so the worker changes what has changed.
 */
export function AssessForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const saver = useStepSave<Values, 'assessment'>(
    c.id,
    'assessment',
    (v) => ({
      domains: Object.fromEntries(ASSESSMENT_DOMAINS.map((d) => [d, { score: v.domains[d].score, note: (v.domains[d].note ?? '').trim() }])) as AssessmentBody['domains'],
      summary: (v.summary ?? '').trim(),
    }),
    onDone,
  );
  const scores = SCORES.map((s) => ({ value: s, label: t('case.scoreLabel', { score: s, meaning: t(`caseScore.${s}`) }) }));
  return (
    <StepForm<Values> saver={saver} initialValues={c.notes?.assessment ?? {}} submitLabel={t('caseAction.assess')} testId="case-assess" onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{t('case.scoreScale')}</Typography.Paragraph>
      {ASSESSMENT_DOMAINS.map((d) => (
        <div key={d} style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }} data-domain={d}>
          <Form.Item name={['domains', d, 'score']} label={t('case.domainScore', { domain: t(`caseDomain.${d}`) })} rules={[requiredChoice(t, t('case.domainScore', { domain: t(`caseDomain.${d}`) }))]} style={{ width: 200 }}>
            <Select options={scores} data-testid={`case-assess-${d}-score`} />
          </Form.Item>
          <Form.Item name={['domains', d, 'note']} label={t('case.domainNote', { domain: t(`caseDomain.${d}`) })} rules={[tooLong(t, t('case.domainNote', { domain: t(`caseDomain.${d}`) }), 1000)]} style={{ flex: '1 1 260px' }}>
            <Input data-testid={`case-assess-${d}-note`} />
          </Form.Item>
        </div>
      ))}
      <Form.Item name="summary" label={t('case.assessmentSummary')} rules={[tooLong(t, t('case.assessmentSummary'), 2000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="case-assess-summary" />
      </Form.Item>
    </StepForm>
  );
}
