import { UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/feedback.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useMeasureValue } from './DeliveryIndicators.tsx';
import { PROJECTS_KEY, useDelivery, type ProjectDetail } from './projectsApi.ts';
import { EVIDENCE_ACCEPT, submitWithEvidence, type ReportBody, type ReportView } from './reportQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  periodStart: Dayjs;
  periodEnd: Dayjs;
  narrative: string;
  gaps?: Record<string, string | undefined>;
  files?: UploadFile[];
}

/** The day after the last report, so periods follow one another; the project's start for the first. */
function firstDay(project: ProjectDetail, last: ReportView | undefined): Dayjs {
  const today = dayjs().startOf('day');
  const start = last ? dayjs(last.periodEnd).add(1, 'day') : project.periodStart ? dayjs(project.periodStart) : today.subtract(1, 'month');
  return start.isAfter(today) ? today : start;
}

/**
 * The contractor's report on a period that has ended: a narrative, a reason for each indicator
 * short of its target, and evidence. There is no field for a figure — the server counts them.
 */
export function ReportForm({ project, last, max, onClose }: { project: ProjectDetail; last: ReportView | undefined; max: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const delivery = useDelivery(project.id);
  const value = useMeasureValue();
  const short = (delivery.data?.indicators ?? []).filter((i) => !i.met);
  const saver = useFormSave<Values, Awaited<ReturnType<typeof submitWithEvidence>>>({
    mutationFn: (v) => {
      const gaps = Object.fromEntries(Object.entries(v.gaps ?? {}).flatMap(([m, text]) => (text?.trim() ? [[m, text.trim()]] : [])));
      const body: ReportBody = {
        periodStart: v.periodStart.format('YYYY-MM-DD'),
        periodEnd: v.periodEnd.format('YYYY-MM-DD'),
        narrative: v.narrative.trim(),
        ...(Object.keys(gaps).length ? { gaps } : {}),
      };
      return submitWithEvidence(project.id, body, (v.files ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])));
    },
    invalidate: [PROJECTS_KEY],
    onSaved: ({ failed }) => {
      if (failed) void message.warning(t('reports.evidenceFailed', { message: errorMessage(failed, t) }), 8);
      else void message.success(t('reports.submitted'));
      onClose();
    },
  });
  const narrative = t('reports.narrative');
  const today = dayjs().endOf('day');
  return (
    <FormModal<Values>
      title={t('reports.submitTitle')}
      saver={saver}
      onClose={onClose}
      saveTestId="report-save"
      initialValues={{ periodStart: firstDay(project, last), periodEnd: dayjs().startOf('day') }}
    >
      <Space wrap>
        <Form.Item name="periodStart" label={t('reports.periodStart')} rules={[requiredChoice(t, t('reports.periodStart'))]}>
          <DatePicker disabledDate={(d) => d.isAfter(today)} data-testid="report-period-start" />
        </Form.Item>
        <Form.Item name="periodEnd" label={t('reports.periodEnd')} rules={[requiredChoice(t, t('reports.periodEnd'))]} extra={t('reports.periodEndHint')}>
          <DatePicker disabledDate={(d) => d.isAfter(today)} data-testid="report-period-end" />
        </Form.Item>
      </Space>
      <Form.Item
        name="narrative"
        label={narrative}
        rules={[requiredText(t, narrative), { whitespace: true, message: t('common.requiredText', { field: narrative }) }, tooLong(t, narrative, 10_000)]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} showCount={{ formatter: ({ count }) => `${count} / 10000` }} placeholder={t('reports.narrativePlaceholder')} data-testid="report-narrative-input" />
      </Form.Item>
      {short.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 4 }}>
            <Typography.Text strong>{t('reports.gaps')}</Typography.Text>
          </legend>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('reports.gapsHint')}</Typography.Paragraph>
          {short.map((i) => {
            const label = t('reports.gapFor', { measure: t(`measure.${i.measure}`) });
            return (
              <Form.Item
                key={i.measure}
                name={['gaps', i.measure]}
                label={label}
                extra={i.actual === null ? t('reports.noActual', { target: value(i.measure, i.target) }) : t('reports.targetActual', { target: value(i.measure, i.target), actual: value(i.measure, i.actual) })}
                rules={[tooLong(t, label, 2000)]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('reports.gapPlaceholder')} data-testid={`report-gap-${i.measure}`} />
              </Form.Item>
            );
          })}
        </fieldset>
      )}
      <Form.Item
        name="files"
        label={t('reports.evidence')}
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, max)}
        extra={t('reports.evidenceHint', { max })}
      >
        {/* Files are sent after the report is saved: nothing is uploaded while the form is open. */}
        <Upload accept={EVIDENCE_ACCEPT} multiple maxCount={max} beforeUpload={() => false} listType="text">
          <Button icon={<UploadOutlined />} data-testid="report-files">{t('reports.chooseFiles')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
