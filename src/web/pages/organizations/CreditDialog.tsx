import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CREDIT_LISTS, CREDIT_RECORD_KINDS, INSPECTION_RESULTS, OBJECTION_OUTCOMES, type CreditRecordKind } from '../../../common/credit.ts';
import { api } from '../../api/client.ts';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { CREDIT_KEY, type CreditView, type ListEntryView } from './creditQueries.ts';
import { useNotices } from '../../app/notices.tsx';

export type CreditDialogAction = 'add_record' | 'add_list_entry' | 'repair' | 'lodge_objection' | 'answer_objection';

interface Values {
  kind?: CreditRecordKind;
  list?: string;
  occurredOn?: Dayjs;
  enteredOn?: Dayjs;
  removedOn?: Dayjs;
  reportYear?: number;
  inspectionResult?: string;
  authority?: string;
  reason?: string;
  awardName?: string;
  internalNote?: string;
  source?: string;
  grounds?: string;
  outcome?: 'upheld' | 'rejected';
  answer?: string;
}

const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** What each action sends; the server names any field it refuses, and the form shows it there. */
function send(organizationId: string, action: CreditDialogAction, entry: ListEntryView | undefined, v: Values): Promise<CreditView> {
  const base = `/organizations/${organizationId}/credit`;
  switch (action) {
    case 'add_record':
      return api.post(`${base}/records`, {
        kind: v.kind,
        occurredOn: day(v.occurredOn),
        source: v.source ?? '',
        ...(v.kind === 'annual_report' ? { reportYear: v.reportYear } : {}),
        ...(v.kind === 'inspection' ? { inspectionResult: v.inspectionResult } : {}),
        ...(v.kind === 'penalty' ? { authority: v.authority ?? '', reason: v.reason ?? '', internalNote: trimmed(v.internalNote) } : {}),
        ...(v.kind === 'award' ? { awardName: v.awardName ?? '' } : {}),
      });
    case 'add_list_entry':
      return api.post(`${base}/entries`, { list: v.list, enteredOn: day(v.enteredOn), authority: v.authority ?? '', reason: v.reason ?? '' });
    case 'repair':
      return api.post(`${base}/entries/${entry!.id}/repair`, { removedOn: day(v.removedOn), reason: v.reason ?? '' });
    case 'lodge_objection':
      return api.post(`${base}/entries/${entry!.id}/objections`, { grounds: v.grounds ?? '' });
    case 'answer_objection':
      return api.post(`${base}/entries/${entry!.id}/answer`, { outcome: v.outcome, answer: v.answer ?? '', ...(v.outcome === 'upheld' ? { removedOn: day(v.removedOn) } : {}) });
  }
}

/**
 * One dialog per credit action, with the fields that action needs; required-field messages
 * name the field. The server's answer refreshes the whole credit section.
 */
export function CreditDialog({ organizationId, action, entry, onClose }: {
  organizationId: string;
  action: CreditDialogAction;
  entry?: ListEntryView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<Values, CreditView>({
    mutationFn: (v) => send(organizationId, action, entry, v),
    invalidate: [CREDIT_KEY],
    onSaved: () => {
      void message.success(t('credit.done'));
      onClose();
    },
  });
  const kind = Form.useWatch('kind', saver.form);
  const outcome = Form.useWatch('outcome', saver.form);
  const initialValues: Partial<Record<keyof Values, unknown>> =
    { kind: 'annual_report', reportYear: dayjs().year() - 1, occurredOn: dayjs(), enteredOn: dayjs(), removedOn: dayjs(), outcome: 'rejected',
    // Every field has a value from the start, so a server refusal of any of them lands under it.
    source: '', authority: '', reason: '', awardName: '', internalNote: '', grounds: '', answer: '' };

  const dateField = (name: 'occurredOn' | 'enteredOn' | 'removedOn', label: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[requiredChoice(t, label)]}>
      <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
    </Form.Item>
  );
  const textField = (name: keyof Values, label: string, max: number, area = false) => (
    <Form.Item name={name} label={label} rules={[requiredText(t, label), tooLong(t, label, max)]}>
      {area ? <Input.TextArea rows={3} showCount maxLength={max} /> : <Input showCount maxLength={max} />}
    </Form.Item>
  );

  return (
    <FormModal<Values>
      title={t(`creditAction.${action}`)}
      onClose={onClose}
      saver={saver}
      initialValues={initialValues}
      saveTestId="credit-dialog-save"
    >
      {action === 'add_record' && (
        <>
          <Form.Item name="kind" label={t('credit.kind')} rules={[requiredChoice(t, t('credit.kind'))]}>
            <Select options={CREDIT_RECORD_KINDS.map((k) => ({ value: k, label: t(`creditKind.${k}`) }))} />
          </Form.Item>
          {dateField('occurredOn', t('credit.occurredOn'))}
          {kind === 'annual_report' && (
            <Form.Item name="reportYear" label={t('credit.reportYear')} rules={[requiredText(t, t('credit.reportYear'))]}>
              <InputNumber min={1980} max={dayjs().year()} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {kind === 'inspection' && (
            <Form.Item name="inspectionResult" label={t('credit.inspectionResult')} rules={[requiredChoice(t, t('credit.inspectionResult'))]}>
              <Select options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`inspectionResult.${r}`) }))} />
            </Form.Item>
          )}
          {kind === 'penalty' && (
            <>
              {textField('authority', t('credit.penaltyAuthority'), 100)}
              {textField('reason', t('credit.penaltyReason'), 500, true)}
              <Form.Item name="internalNote" label={t('credit.internalNote')} rules={[tooLong(t, t('credit.internalNote'), 1000)]}>
                <Input.TextArea rows={2} showCount maxLength={1000} />
              </Form.Item>
            </>
          )}
          {kind === 'award' && textField('awardName', t('credit.awardName'), 200)}
          {textField('source', t('credit.source'), 200)}
        </>
      )}
      {action === 'add_list_entry' && (
        <>
          <Form.Item name="list" label={t('credit.list')} rules={[requiredChoice(t, t('credit.list'))]}>
            <Radio.Group options={CREDIT_LISTS.map((l) => ({ value: l, label: t(`creditList.${l}`) }))} />
          </Form.Item>
          {dateField('enteredOn', t('credit.enteredOn'))}
          {textField('authority', t('credit.authority'), 100)}
          {textField('reason', t('credit.reason'), 500, true)}
        </>
      )}
      {action === 'repair' && (
        <>
          {dateField('removedOn', t('credit.removedOn'), t('credit.removedOnHint'))}
          {textField('reason', t('credit.removalReason'), 500, true)}
        </>
      )}
      {action === 'lodge_objection' && textField('grounds', t('credit.objectionGrounds'), 1000, true)}
      {action === 'answer_objection' && (
        <>
          {entry?.objections.filter((o) => o.outcome === null).map((o) => <p key={o.id}>{o.grounds}</p>)}
          <Form.Item name="outcome" label={t('credit.outcome')} rules={[requiredChoice(t, t('credit.outcome'))]}>
            <Radio.Group options={OBJECTION_OUTCOMES.map((o) => ({ value: o, label: t(`objectionOutcome.${o}`) }))} />
          </Form.Item>
          {textField('answer', t('credit.objectionAnswer'), 1000, true)}
          {outcome === 'upheld' && dateField('removedOn', t('credit.removedOn'), t('credit.removedOnHint'))}
        </>
      )}
    </FormModal>
  );
}
