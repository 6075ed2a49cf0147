import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { tooLong } from '../../components/rules.ts';
import { writtenText } from './caseRules.ts';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  goals: { title: string; measure?: string }[];
}

/** The server's bounds on a plan. */
const MAX_GOALS = 10;

/**
 * The service plan: one to ten goals, each with how its progress is measured. A plan sent back
 * by the supervisor opens with its goals, to be revised rather than written again.
 */
export function PlanForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const saver = useStepSave<Values, 'plan'>(c.id, 'plan', (v) => ({ goals: v.goals.map((g) => ({ title: g.title.trim(), measure: (g.measure ?? '').trim() })) }), onDone);
  const current = c.notes?.goals ?? [];
  const goals = current.length ? current.map((g) => ({ title: g.title, measure: g.measure })) : [{ title: '', measure: '' }];
  return (
    <StepForm<Values> saver={saver} initialValues={{ goals }} submitLabel={t('caseAction.submit_plan')} testId="case-plan" onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{t('case.planHint')}</Typography.Paragraph>
      <Form.List name="goals">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <fieldset key={f.key} data-testid="case-plan-goal" style={{ border: 0, padding: 0, margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', columnGap: 12, alignItems: 'flex-start' }}>
                <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>{t('case.goalNo', { goal: i + 1 })}</legend>
                <Form.Item name={[f.name, 'title']} label={t('case.goalTitle')} rules={writtenText(t, t('case.goalTitle'), 200)} style={{ flex: '1 1 240px' }}>
                  <Input data-testid={`case-plan-goal-${i}-title`} />
                </Form.Item>
                <Form.Item name={[f.name, 'measure']} label={t('case.goalMeasure')} rules={[tooLong(t, t('case.goalMeasure'), 200)]} style={{ flex: '1 1 240px' }}>
                  <Input placeholder={t('case.goalMeasurePlaceholder')} data-testid={`case-plan-goal-${i}-measure`} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  disabled={fields.length === 1}
                  aria-label={t('case.removeGoal', { goal: i + 1 })}
                  style={{ marginTop: 30 }}
                  data-testid={`case-plan-goal-${i}-remove`}
                />
              </fieldset>
            ))}
            {fields.length < MAX_GOALS && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', measure: '' })} style={{ display: 'flex', marginBottom: 16 }} data-testid="case-plan-add-goal">
                {t('case.addGoal')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </StepForm>
  );
}
