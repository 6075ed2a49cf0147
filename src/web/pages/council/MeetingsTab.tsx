import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Grid, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { MeetingStatusTag } from './CouncilParts.tsx';
import { beijingTime, COUNCIL_KEY, createMeeting, useMeetings, useTopics, type Meeting, type MeetingSummary } from './councilQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

interface MeetingValues {
  startsAt: Dayjs;
  place: string;
  topicIds?: string[];
}

function MeetingDialog({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const navigate = useNavigate();
  const topics = useTopics(communityId);
  // Open topics only: a decided one has had its meeting. One already on a planned meeting moves to this one.
  const open = (topics.data ?? []).filter((x) => x.status === 'open' && x.meeting?.status !== 'held');
  const saver = useFormSave<MeetingValues, Meeting>({
    mutationFn: (v) => createMeeting({ communityId, startsAt: v.startsAt.second(0).millisecond(0).toISOString(), place: v.place.trim(), topicIds: v.topicIds ?? [] }),
    invalidate: [COUNCIL_KEY],
    onSaved: (saved) => {
      void message.success(t('council.meetings.created'));
      onClose();
      navigate(`/council/meetings/${saved.id}`);
    },
  });
  return (
    <FormModal<MeetingValues> title={t('council.meetings.new')} onClose={onClose} saver={saver} saveTestId="meeting-submit" initialValues={{ topicIds: [] }}>
      <div data-testid="meeting-form">
        <Typography.Paragraph type="secondary">{t('council.meetings.newHint')}</Typography.Paragraph>
        <Form.Item name="startsAt" label={t('council.meeting.startsAt')} rules={[requiredChoice(t, t('council.meeting.startsAt'))]}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            data-testid="meeting-starts-at"
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('council.meeting.place')}
          rules={[requiredText(t, t('council.meeting.place')), { whitespace: true, message: t('common.requiredText', { field: t('council.meeting.place') }) }, tooLong(t, t('council.meeting.place'), 100)]}
        >
          <Input placeholder={t('council.meetings.placePlaceholder')} data-testid="meeting-place" />
        </Form.Item>
        <Form.Item name="topicIds" label={t('council.meeting.topics')} extra={t('council.meetings.topicsHint')}>
          <Select
            mode="multiple"
            loading={topics.isLoading}
            optionFilterProp="label"
            options={open.map((x) => ({
              value: x.id,
              label: x.meeting ? t('council.meetings.topicMoves', { title: x.title, time: beijingTime(x.meeting.startsAt) }) : x.title,
            }))}
            notFoundContent={t('council.meetings.noOpenTopics')}
            data-testid="meeting-topics"
          />
        </Form.Item>
      </div>
    </FormModal>
  );
}

/** 会议: the council's meetings, newest first; staff call a new one with the topics it takes up. */
export function MeetingsTab({ communityId, canManage }: { communityId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const meetings = useMeetings(communityId);
  const [adding, setAdding] = useState(false);
  const phone = !Grid.useBreakpoint().sm;
  const items = meetings.data ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="council-meetings">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>{t('council.meetings.hint')}</Typography.Paragraph>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-meeting-button">{t('council.meetings.new')}</Button>
        )}
      </Space>
      <ErrorAlert error={meetings.error} />
      {phone ? (
        <List<MeetingSummary>
          size="small"
          bordered
          loading={meetings.isLoading}
          dataSource={items}
          locale={{ emptyText: t('council.meetings.empty') }}
          style={{ background: 'var(--ant-color-bg-container, #fff)' }}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid={`meeting-row-${r.id}`}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={8}>
                  <Link to={`/council/meetings/${r.id}`} style={{ fontWeight: 500 }}>{beijingTime(r.startsAt)}</Link>
                  <MeetingStatusTag status={r.status} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: '0.9em', overflowWrap: 'anywhere' }}>
                  {r.place} · {t('council.meetings.topicCount', { count: r.topicCount })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<MeetingSummary>
          rowKey="id"
          size="small"
          loading={meetings.isLoading}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('council.meetings.empty') }}
          onRow={(r) => ({ 'data-testid': `meeting-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('council.meeting.startsAt'),
              dataIndex: 'startsAt',
              width: 150,
              render: (iso: string, r) => <Link to={`/council/meetings/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{beijingTime(iso)}</Link>,
            },
            { title: t('council.meeting.place'), dataIndex: 'place', render: (p: string) => <span style={{ overflowWrap: 'anywhere' }}>{p}</span> },
            { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: 'planned' | 'held') => <MeetingStatusTag status={s} /> },
            { title: t('council.meeting.topicCount'), dataIndex: 'topicCount', width: 90, align: 'right' },
          ]}
        />
      )}
      {adding && <MeetingDialog communityId={communityId} onClose={() => setAdding(false)} />}
    </Space>
  );
}
