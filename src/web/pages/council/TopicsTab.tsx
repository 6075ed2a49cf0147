import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Grid, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useGrids } from '../needs/needQueries.ts';
import { countedHint, TopicStatusTag } from './CouncilParts.tsx';
import { beijingDate, beijingTime, COUNCIL_KEY, createTopic, useTopics, votesText, type TopicDetail, type TopicSource, type TopicStatus, type TopicSummary } from './councilQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

interface TopicValues {
  title: string;
  subject: string;
  proposer?: string;
  affected?: string;
  affectedGridIds?: string[];
}

function TopicDialog({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const navigate = useNavigate();
  const grids = useGrids(communityId);
  const saver = useFormSave<TopicValues, TopicDetail>({
    mutationFn: (v) =>
      createTopic({
        communityId,
        title: v.title.trim(),
        subject: v.subject.trim(),
        ...(v.proposer?.trim() ? { proposer: v.proposer.trim() } : {}),
        ...(v.affected?.trim() ? { affected: v.affected.trim() } : {}),
        ...(v.affectedGridIds?.length ? { affectedGridIds: v.affectedGridIds } : {}),
      }),
    invalidate: [COUNCIL_KEY],
    onSaved: (saved) => {
      void message.success(t('council.topics.created', { title: saved.title }));
      onClose();
      navigate(`/council/topics/${saved.id}`);
    },
  });
  const blank = (field: string) => ({ whitespace: true, message: t('common.requiredText', { field }) });
  return (
    <FormModal<TopicValues> title={t('council.topics.new')} onClose={onClose} saver={saver} saveTestId="topic-submit" initialValues={{ affectedGridIds: [] }}>
      <div data-testid="topic-form">
        <Form.Item name="title" label={t('council.topic.title')} rules={[requiredText(t, t('council.topic.title')), blank(t('council.topic.title')), tooLong(t, t('council.topic.title'), 60)]}>
          <Input placeholder={t('council.topics.titlePlaceholder')} data-testid="topic-title" />
        </Form.Item>
        <Form.Item name="subject" label={t('council.topic.subject')} extra={countedHint(t('council.topics.subjectHint'))} rules={[requiredText(t, t('council.topic.subject')), blank(t('council.topic.subject')), tooLong(t, t('council.topic.subject'), 2000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={2000} data-testid="topic-subject" />
        </Form.Item>
        <Form.Item name="proposer" label={t('council.topic.proposer')} extra={t('council.topics.proposerHint')} rules={[tooLong(t, t('council.topic.proposer'), 50)]}>
          <Input data-testid="topic-proposer" />
        </Form.Item>
        <Form.Item name="affected" label={t('council.topic.affected')} extra={t('council.topics.affectedHint')} rules={[tooLong(t, t('council.topic.affected'), 200)]}>
          <Input data-testid="topic-affected" />
        </Form.Item>
        <Form.Item name="affectedGridIds" label={t('council.topic.affectedGrids')} extra={t('council.topics.gridsHint')}>
          <Select
            mode="multiple"
            loading={grids.isLoading}
            options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            optionFilterProp="label"
            placeholder={t('council.topics.gridsPlaceholder')}
            data-testid="topic-grids"
          />
        </Form.Item>
      </div>
    </FormModal>
  );
}

/** 议题: what the council has on its agenda and what it decided, newest first. */
export function TopicsTab({ communityId, canManage }: { communityId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const topics = useTopics(communityId);
  const [adding, setAdding] = useState(false);
  const phone = !Grid.useBreakpoint().sm;
  const items = topics.data ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="council-topics">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>{t('council.topics.hint')}</Typography.Paragraph>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-topic-button">{t('council.topics.new')}</Button>
        )}
      </Space>
      <ErrorAlert error={topics.error} />
      {phone ? (
        <List<TopicSummary>
          size="small"
          bordered
          loading={topics.isLoading}
          dataSource={items}
          locale={{ emptyText: t('council.topics.empty') }}
          style={{ background: 'var(--ant-color-bg-container, #fff)' }}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid={`topic-row-${r.id}`}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={8}>
                  <Link to={`/council/topics/${r.id}`} style={{ overflowWrap: 'anywhere', fontWeight: 500 }}>{r.title}</Link>
                  <TopicStatusTag status={r.status} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                  {t(`council.source.${r.source}`)} · {r.proposer} · {beijingDate(r.createdAt)}
                </Typography.Text>
                <Typography.Text style={{ fontSize: '0.9em' }}>
                  {r.meeting ? t('council.topics.meetingAt', { time: beijingTime(r.meeting.startsAt) }) : t('council.topic.noMeeting')}
                  {r.votes && <> · {t('council.topics.votesShort', { votes: votesText(r.votes) })}</>}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<TopicSummary>
          rowKey="id"
          size="small"
          loading={topics.isLoading}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('council.topics.empty') }}
          onRow={(r) => ({ 'data-testid': `topic-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('council.topic.title'),
              dataIndex: 'title',
              fixed: 'left',
              width: 200,
              render: (title: string, r) => <Link to={`/council/topics/${r.id}`} style={{ overflowWrap: 'anywhere' }}>{title}</Link>,
            },
            { title: t('council.topic.source'), dataIndex: 'source', width: 110, render: (s: TopicSource) => t(`council.source.${s}`) },
            { title: t('council.topic.proposer'), dataIndex: 'proposer', width: 110 },
            { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: TopicStatus) => <TopicStatusTag status={s} /> },
            {
              title: t('council.topic.meeting'),
              dataIndex: 'meeting',
              width: 150,
              render: (m: TopicSummary['meeting']) =>
                m ? <Link to={`/council/meetings/${m.id}`} style={{ whiteSpace: 'nowrap' }}>{beijingTime(m.startsAt)}</Link> : <Typography.Text type="secondary">{t('council.topic.noMeeting')}</Typography.Text>,
            },
            {
              title: <span title={t('council.votesOrder')}>{t('council.topic.votes')}</span>,
              dataIndex: 'votes',
              width: 90,
              render: (v: TopicSummary['votes']) => (v ? <span title={t('council.votesLabel', v)} style={{ whiteSpace: 'nowrap' }}>{votesText(v)}</span> : '—'),
            },
            { title: t('council.topic.createdAt'), dataIndex: 'createdAt', width: 110, render: (iso: string) => beijingDate(iso) },
          ]}
        />
      )}
      {adding && <TopicDialog communityId={communityId} onClose={() => setAdding(false)} />}
    </Space>
  );
}
