import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, type GetProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { WORK_LOG_KEY } from '../worklog/worklogQueries.ts';
import { SUPERVISION_FORMS, SUPERVISION_FUNCTIONS, SUPERVISION_KEY, type SupervisionBody, type SupervisionDetail } from './supervisionQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  superviseeIds: string[];
  form: SupervisionBody['form'];
  functions: SupervisionBody['functions'];
  heldOn: Dayjs;
  minutes: number;
  notes: string;
}

/**
 * Boxes to tick under a form label. ARIA does not let a group say it is required (axe:
 * aria-allowed-attr), so the mark Form.Item adds is dropped: the label's star and the message
 * naming the field say it instead (as the case forms' FieldChecks).
 */
function Boxes({ 'aria-required': _required, ...group }: GetProps<typeof Checkbox.Group<string>> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group<string> {...group} />;
}

const formFor = (count: number): SupervisionBody['form'] => (count >= 2 ? 'group' : 'individual');

/**
 * A supervision session with some of the caller's supervisees: who took part (the form follows
 * from how many), the functions it covered (Kadushin), the day, how long, and the sealed notes.
 */
export function SupervisionForm({ supervisees, onSaved }: { supervisees: { id: string; name: string }[]; onSaved: (saved: SupervisionDetail) => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<Values, SupervisionDetail>({
    mutationFn: (v) =>
      api.post<SupervisionDetail>('/supervision-sessions', {
        superviseeIds: v.superviseeIds,
        form: v.form,
        functions: v.functions,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        minutes: v.minutes,
        notes: v.notes.trim(),
      } satisfies SupervisionBody),
    invalidate: [SUPERVISION_KEY, WORK_LOG_KEY],
    onSaved: (saved) => {
      saver.form.resetFields();
      void message.success(t('supervision.form.saved'));
      onSaved(saved);
    },
  });
  const form = saver.form;
  const matchesCount = {
    validator: async (_: unknown, value: Values['form'] | undefined) => {
      const count = ((form.getFieldValue('superviseeIds') as string[] | undefined) ?? []).length;
      if (value && count > 0 && value !== formFor(count)) throw new Error(t('supervision.form.formMismatch'));
    },
  };
  return (
    <SaveForm<Values>
      saver={saver}
      initialValues={{ superviseeIds: [], form: 'individual', functions: [], heldOn: dayjs(), minutes: 60 }}
    >
      <div data-testid="sup-form">
        <Form.Item
          name="superviseeIds"
          label={t('supervision.form.supervisees')}
          rules={[{ ...requiredChoice(t, t('supervision.form.supervisees')), type: 'array' as const }]}
        >
          <Boxes
            style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}
            onChange={(ids) => {
              if (ids.length > 0) form.setFieldValue('form', formFor(ids.length));
              void form.validateFields(['form']).catch(() => undefined);
            }}
          >
            {supervisees.map((w) => (
              <Checkbox key={w.id} value={w.id} data-testid={`sup-supervisee-${w.id}`} style={{ minHeight: 32, alignItems: 'center' }}>
                {w.name}
              </Checkbox>
            ))}
          </Boxes>
        </Form.Item>
        <Form.Item name="form" label={t('supervision.form.form')} extra={t('supervision.form.formHint')} dependencies={['superviseeIds']} rules={[requiredChoice(t, t('supervision.form.form')), matchesCount]}>
          <Radio.Group>
            {SUPERVISION_FORMS.map((f) => (
              <Radio key={f} value={f} data-testid={`sup-form-${f}`}>{t(`supervision.formKind.${f}`)}</Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="functions"
          label={t('supervision.form.functions')}
          rules={[{ ...requiredChoice(t, t('supervision.form.functions')), type: 'array' as const }]}
        >
          <Boxes style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {SUPERVISION_FUNCTIONS.map((f) => (
              <Checkbox key={f} value={f} data-testid={`sup-function-${f}`}>{t(`supervision.fnLong.${f}`)}</Checkbox>
            ))}
          </Boxes>
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="heldOn" label={t('supervision.form.heldOn')} rules={[requiredChoice(t, t('supervision.form.heldOn'))]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: 160 }} data-testid="sup-day" />
          </Form.Item>
          <Form.Item
            name="minutes"
            label={t('supervision.form.minutes')}
            rules={[requiredText(t, t('supervision.form.minutes')), { type: 'number', min: 10, max: 480, message: t('supervision.form.minutesRange') }]}
          >
            <InputNumber min={10} max={480} step={15} precision={0} suffix={t('supervision.form.minutesUnit')} style={{ width: 150 }} data-testid="sup-minutes" />
          </Form.Item>
        </div>
        {/* Who may read the notes is said with the label, before the box (the counter stands under it): the supervisor writes with it in mind. */}
        <Form.Item
          name="notes"
          label={
            <span>
              {t('supervision.form.notes')}
              <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>{t('supervision.form.notesHint')}</Typography.Text>
            </span>
          }
          rules={[requiredText(t, t('supervision.form.notes')), { whitespace: true, message: t('common.requiredText', { field: t('supervision.form.notes') }) }, tooLong(t, t('supervision.form.notes'), 4000)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} count={{ show: true, max: 4000 }} data-testid="sup-notes" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="sup-submit">{t('supervision.form.submit')}</Button>
      </div>
    </SaveForm>
  );
}

/** The form's hint when the caller supervises nobody on the register. */
export function NoSupervisees() {
  const { t } = useTranslation();
  return <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('supervision.form.noSupervisees')}</Typography.Paragraph>;
}
