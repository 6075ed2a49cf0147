import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useFormSave } from '../../components/SaveForm.tsx';
import type { CalendarDay, CalendarList } from './listsApi.ts';
import { requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';

/** The calendar that turns "working days" into dates: the national holidays and make-up working days, with local edits over them. */
export function CalendarTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useQuery({ queryKey: ['calendar-days', year], queryFn: () => api.get<CalendarList>('/calendar-days', { year }) });
  const national = days.data?.national;
  const editable = can('needs.calendar.update');
  const saver = useFormSave<{ date: string; kind: CalendarDay['kind']; name: string }, CalendarDay>({
    mutationFn: (v) => api.put(`/calendar-days/${v.date}`, { kind: v.kind, name: v.name ?? '' }),
    invalidate: ['calendar-days'],
    onSaved: () => saver.form.resetFields(['date', 'name']),
  });
  const remove = useMutation({
    mutationFn: (date: string) => api.delete(`/calendar-days/${date}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar-days'] }),
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('needSettings.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
      </Space>
      {national && (
        <Typography.Text type="secondary">
          {t('needSettings.calendarHint', { first: national.firstYear, last: national.lastYear })} {!editable && t('needSettings.calendarReadOnly')}
        </Typography.Text>
      )}
      {national && !national.published && (
        <Alert type="warning" showIcon data-testid="calendar-not-published" title={t('needSettings.notPublished', { year, first: national.firstYear, last: national.lastYear })} />
      )}
      <ErrorAlert error={days.error ?? remove.error} />
      {editable && (
        <>
          <ErrorAlert error={saver.error} />
          <Form form={saver.form} layout="inline" onFinish={saver.submit} initialValues={{ kind: 'holiday' }} style={{ rowGap: 8 }}>
            <Form.Item name="date" rules={[requiredText(t, t('threeLists.dateField')), { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('threeLists.dateFormat') }]}>
              <Input placeholder={`${year}-10-01`} style={{ width: 130 }} data-testid="calendar-date" />
            </Form.Item>
            <Form.Item name="kind">
              <Select style={{ width: 140 }} options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`needSettings.dayKind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name">
              <Input placeholder={t('needSettings.dayName')} count={{ show: true, max: 50 }} style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="calendar-add">{t('needSettings.addDay')}</Button>
          </Form>
        </>
      )}
      <Table<CalendarDay>
        data-testid="calendar-days"
        rowKey="date"
        size="small"
        loading={days.isLoading}
        dataSource={days.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('needSettings.noDays') }}
        columns={[
          { title: t('needSettings.date'), dataIndex: 'date' },
          { title: t('needSettings.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`needSettings.dayKind.${k}`)}</Tag> },
          { title: t('needSettings.dayName'), dataIndex: 'name' },
          {
            title: t('needSettings.source'),
            dataIndex: 'source',
            render: (s: CalendarDay['source']) => <Tag color={s === 'local' ? 'orange' : 'default'} data-testid={`calendar-source-${s}`}>{t(`needSettings.daySource.${s}`)}</Tag>,
          },
          ...(editable
            ? [{
                title: '',
                key: 'remove',
                // Only a local edit can be removed: the date then follows the national calendar again.
                render: (_: unknown, d: CalendarDay) =>
                  d.source === 'local' && (
                    <Popconfirm title={t('needSettings.removeDayConfirm')} onConfirm={() => remove.mutate(d.date)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                      <Button size="small" danger data-testid="calendar-remove">{t('needSettings.removeLocal')}</Button>
                    </Popconfirm>
                  ),
              }]
            : []),
        ]}
      />
    </Space>
  );
}
