import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredChoice } from '../../components/rules.ts';
import { writtenText } from './caseRules.ts';
import { StepForm, useStepSave, type StepProps } from './StepForm.tsx';

interface Values {
  heldOn: Dayjs;
  minutes: number;
  note: string;
  /** Per goal of the plan, in its order. */
  progress: (number | null)[];
}

/** A session held with the client: the day (never later than today), how long, what happened, and where each goal now stands. */
export function SessionForm({ c, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const goals = c.notes?.goals ?? [];
  const saver = useStepSave<Values, 'sessions'>(
    c.id,
    'sessions',
    (v) => ({
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      minutes: v.minutes,
      note: v.note.trim(),
      // Only the goals that moved: the journal then says what this session changed.
      goalProgress: goals.flatMap((g, i) => (typeof v.progress?.[i] === 'number' && v.progress[i] !== g.progress ? [{ goal: g.goal, progress: v.progress[i] }] : [])),
    }),
    onDone,
  );
  return (
    <StepForm<Values>
      saver={saver}
      initialValues={{ heldOn: dayjs(), minutes: 60, progress: goals.map((g) => g.progress) }}
      submitLabel={t('caseAction.record_session')}
      testId="case-session"
      onCancel={onCancel}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
        <Form.Item name="heldOn" label={t('case.heldOn')} rules={[requiredChoice(t, t('case.heldOn'))]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} data-testid="case-session-date" />
        </Form.Item>
        <Form.Item name="minutes" label={t('case.minutes')} rules={[{ required: true, message: t('common.requiredText', { field: t('case.minutes') }) }]}>
          <InputNumber min={1} max={720} step={15} precision={0} style={{ width: 150 }} suffix={t('case.minutesUnit')} data-testid="case-session-minutes" />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t('case.sessionNote')} rules={writtenText(t, t('case.sessionNote'), 4000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} count={{ show: true, max: 4000 }} data-testid="case-session-note" />
      </Form.Item>
      {goals.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          {goals.map((g, i) => (
            <Form.Item key={g.goal} name={['progress', i]} label={t('case.progressOf', { title: g.title })} style={{ flex: '1 1 240px' }}>
              <InputNumber min={0} max={100} step={10} precision={0} suffix="%" style={{ width: 120 }} data-testid={`case-session-progress-${i}`} />
            </Form.Item>
          ))}
        </div>
      )}
    </StepForm>
  );
}
