import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { applyServerErrors, ErrorAlert, isNotFound } from '../../components/feedback.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { CE_KEY, useContinuingEducation, type CeBody, type CeStatus } from '../supervision/supervisionQueries.ts';
import { dayLabel } from '../worklog/worklogDates.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

interface Values {
  completedOn: Dayjs;
  hours: number;
  title: string;
  provider?: string;
}

/** Hours as written: 30, 30.5. */
const h = (n: number) => String(Math.round(n * 10) / 10);

function CeForm({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<CeStatus>(`/social-workers/${workerId}/continuing-education`, {
        completedOn: v.completedOn.format('YYYY-MM-DD'),
        hours: v.hours,
        title: v.title.trim(),
        ...(v.provider?.trim() ? { provider: v.provider.trim() } : {}),
      } satisfies CeBody),
    onSuccess: (status) => {
      qc.setQueryData([CE_KEY, workerId], status);
      void qc.invalidateQueries({ queryKey: ['workforce-view'] });
      form.resetFields();
      void message.success(t('supervision.ce.saved'));
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('supervision.ce.add')}</Typography.Title>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ completedOn: dayjs() }}
        style={{ maxWidth: 640 }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        data-testid="ce-add"
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="completedOn" label={t('supervision.ce.day')} rules={[requiredChoice(t, t('supervision.ce.day'))]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: 160 }} data-testid="ce-day" />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t('supervision.ce.hours')}
            rules={[
              requiredText(t, t('supervision.ce.hours')),
              { validator: async (_: unknown, v: number | null | undefined) => { if (typeof v === 'number' && (v <= 0 || v > 200 || !Number.isInteger(v * 2))) throw new Error(t('supervision.ce.hoursRange')); } },
            ]}
          >
            <InputNumber min={0.5} max={200} step={0.5} suffix={t('supervision.ce.hoursUnit')} style={{ width: 140 }} data-testid="ce-hours" />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('supervision.ce.courseTitle')} rules={[requiredText(t, t('supervision.ce.courseTitle')), { whitespace: true, message: t('common.requiredText', { field: t('supervision.ce.courseTitle') }) }, tooLong(t, t('supervision.ce.courseTitle'), 100)]}>
          <Input placeholder={t('supervision.ce.courseTitlePlaceholder')} count={{ show: true, max: 100 }} data-testid="ce-title" />
        </Form.Item>
        <Form.Item name="provider" label={t('supervision.ce.provider')} rules={[tooLong(t, t('supervision.ce.provider'), 100)]}>
          <Input data-testid="ce-provider" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ce-submit">{t('supervision.ce.submit')}</Button>
      </Form>
    </>
  );
}

/**
 * 继续教育 on a social worker's page: hours done in the current three-year cycle against the
 * district's requirement and against what is expected by now, the records, and — for the worker
 * or their employer's administrator — a form to add one. Those who may not read it (404) see no card.
 */
export function ContinuingEducationCard({ workerId }: { workerId: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const ce = useContinuingEducation(workerId);
  if (isNotFound(ce.error)) return null;
  if (ce.error) return <ErrorAlert error={ce.error} />;
  const data = ce.data;
  if (!data) return null;
  const cycle = data.cycle;
  const date = (d: string) => dayLabel(d, i18n.language, { year: 'numeric', month: 'short', day: 'numeric' });
  const pct = (n: number) => (cycle && cycle.required > 0 ? Math.min(100, (n / cycle.required) * 100) : 0);
  return (
    <Card
      size="small"
      title={<Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em' }}>{t('supervision.ce.title')}</Typography.Title>}
      style={{ marginTop: 12 }}
      data-testid="ce-card"
      data-done={cycle?.done ?? ''}
      data-required={cycle?.required ?? ''}
      data-behind={cycle ? String(cycle.behind) : ''}
    >
      {cycle ? (
        <>
          <Typography.Paragraph style={{ marginTop: 0 }}>{t('supervision.ce.cycle', { start: date(cycle.start), end: date(cycle.end) })}</Typography.Paragraph>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', alignItems: 'baseline' }}>
            <Typography.Text strong style={{ fontSize: '1.25em' }}>{t('supervision.ce.done', { done: h(cycle.done), required: cycle.required })}</Typography.Text>
            <Typography.Text type="secondary">{t('supervision.ce.expected', { expected: h(cycle.expectedByNow) })}</Typography.Text>
          </div>
          <div aria-hidden style={{ position: 'relative', height: 14, background: token.colorFillSecondary, borderRadius: 4, margin: '10px 0 8px' }}>
            <div style={{ width: `${pct(cycle.done)}%`, minWidth: cycle.done ? 3 : 0, height: '100%', background: cycle.behind ? '#ad4e00' : '#2f6fb0', borderRadius: 4 }} />
            <span style={{ position: 'absolute', insetInlineStart: `calc(${pct(cycle.expectedByNow)}% - 1px)`, top: -4, bottom: -4, width: 2, background: 'rgba(0, 0, 0, 0.85)' }} />
          </div>
          {cycle.behind ? (
            <Alert type="warning" showIcon title={t('supervision.ce.behind', { done: h(cycle.done), expected: h(cycle.expectedByNow) })} data-testid="ce-behind" />
          ) : (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="ce-on-track">{t('supervision.ce.onTrack')}</Typography.Paragraph>
          )}
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('supervision.ce.noCycle')}</Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('supervision.ce.records')}</Typography.Title>
      <List
        size="small"
        dataSource={data.records}
        rowKey="id"
        locale={{ emptyText: t('supervision.ce.empty') }}
        renderItem={(r) => (
          <List.Item data-testid="ce-record" style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', justifyContent: 'flex-start', paddingInline: 0 }}>
            <span style={{ whiteSpace: 'nowrap' }}>{date(r.completedOn)}</span>
            <span style={{ flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' }}>
              {r.title}
              {r.provider && <Typography.Text type="secondary"> · {r.provider}</Typography.Text>}
            </span>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{t('supervision.ce.hoursValue', { hours: h(r.hours) })}</Typography.Text>
          </List.Item>
        )}
      />
      {data.canRecord && <CeForm workerId={workerId} />}
    </Card>
  );
}
