import { Button, Checkbox, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { cardTitle, countedHint, MeetingStatusTag, TopicStatusTag } from './CouncilParts.tsx';
import { beijingTime, COUNCIL_KEY, patchMeeting, useMeeting, useMembers, votesText, type Meeting, type MeetingPatch } from './councilQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

interface RecordValues {
  attendeeIds: string[];
  guests: string;
  minutes: string;
}

/** Who came, who else sat in, and the minutes; "held" marks the meeting as having taken place, after which its topics are voted on. */
function RecordForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const members = useMembers(meeting.community.id);
  const [holding, setHolding] = useState(false);
  const saver = useFormSave<RecordValues & { held?: true }, Meeting>({
    mutationFn: (v) => {
      const body: MeetingPatch = { attendeeIds: v.attendeeIds ?? [], guests: v.guests?.trim() ?? '', minutes: v.minutes ?? '' };
      if (v.held) body.held = true;
      return patchMeeting(meeting.id, body);
    },
    invalidate: [COUNCIL_KEY],
    onSaved: (saved) => {
      setHolding(false);
      void message.success(t(saved.status === 'held' && meeting.status !== 'held' ? 'council.meeting.markedHeld' : 'council.meeting.saved'));
    },
  });
  const attended = new Set(meeting.attendees.map((a) => a.id));
  // Serving members, and anyone recorded as present who has since left the council.
  const roster = (members.data?.items ?? []).filter((m) => m.active || attended.has(m.id));
  const chosen: string[] = Form.useWatch('attendeeIds', saver.form) ?? meeting.attendees.map((a) => a.id);
  const hold = () => {
    setHolding(true);
    void saver.form.validateFields().then(
      (v) => saver.submit({ ...v, held: true }),
      () => setHolding(false),
    );
  };
  return (
    <SaveForm<RecordValues & { held?: true }>
      saver={saver}
      initialValues={{ attendeeIds: meeting.attendees.map((a) => a.id), guests: meeting.guests, minutes: meeting.minutes }}
    >
      <Form.Item
        name="attendeeIds"
        label={t('council.meeting.attendance')}
        extra={t('council.meeting.attendanceHint', { count: chosen.filter((id) => roster.some((m) => m.id === id)).length, total: roster.filter((m) => m.active).length })}
      >
        <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: '8px 16px', width: '100%' }}>
          {roster.map((m) => (
            <Checkbox key={m.id} value={m.id} data-testid={`attendance-${m.id}`}>
              {m.name}
              {m.title && <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>（{m.title}）</Typography.Text>}
              {!m.active && <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}> · {t('council.member.inactive')}</Typography.Text>}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      {roster.length > 0 && chosen.length < roster.filter((m) => m.active).length && (
        <Button size="small" onClick={() => saver.form.setFieldValue('attendeeIds', roster.filter((m) => m.active || attended.has(m.id)).map((m) => m.id))} style={{ marginTop: -12, marginBottom: 16 }} data-testid="attendance-all">
          {t('council.meeting.allPresent')}
        </Button>
      )}
      <Form.Item name="guests" label={t('council.meeting.guests')} extra={t('council.meeting.guestsHint')} rules={[tooLong(t, t('council.meeting.guests'), 500)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="guests-input" />
      </Form.Item>
      <Form.Item name="minutes" label={t('council.meeting.minutes')} extra={countedHint(t('council.meeting.minutesHint'))} rules={[tooLong(t, t('council.meeting.minutes'), 10000)]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} showCount maxLength={10000} data-testid="minutes-input" />
      </Form.Item>
      <Space wrap>
        <Button type={meeting.status === 'held' ? 'primary' : 'default'} htmlType="submit" loading={saver.saving && !holding} data-testid="meeting-save">{t('common.save')}</Button>
        {meeting.status === 'planned' && (
          <Button type="primary" onClick={hold} loading={saver.saving && holding} data-testid="meeting-held-button">{t('council.meeting.markHeld')}</Button>
        )}
      </Space>
      {meeting.status === 'planned' && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('council.meeting.markHeldHint')}</Typography.Paragraph>}
    </SaveForm>
  );
}

/** What was recorded, for those who read but do not keep the council's papers. */
function RecordView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label={t('council.meeting.attendance')}>
        {meeting.attendees.length ? meeting.attendees.map((a) => a.name).join(t('council.listSeparator')) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('council.meeting.guests')}>{meeting.guests || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('council.meeting.minutes')}>
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{meeting.minutes || '—'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 会议: one council meeting — when and where, who attended, its minutes and the topics it took up. */
export function MeetingPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  const listPath = meeting.data ? `/council?communityId=${meeting.data.community.id}&tab=meetings` : '/council?tab=meetings';
  const heading = meeting.data ? t('council.meeting.heading', { time: beijingTime(meeting.data.startsAt) }) : t('council.meeting.one');
  const crumbs = <RecordCrumbs listPath={listPath} listTitle={t('council.title')} current={heading} />;
  if (!meeting.data) return <>{crumbs}<QueryState isLoading={meeting.isLoading} error={meeting.error} /></>;
  const m = meeting.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }} data-testid="meeting-page">
      <div>
        {crumbs}
        <Space wrap size={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>{heading}</Typography.Title>
          <MeetingStatusTag status={m.status} />
        </Space>
      </div>
      <Card size="small" title={cardTitle(t('council.meeting.details'))}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('council.meeting.startsAt')}>{beijingTime(m.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('council.meeting.place')}>{m.place}</Descriptions.Item>
          <Descriptions.Item label={t('council.community')}>{m.community.name}</Descriptions.Item>
          <Descriptions.Item label={t('common.status')}><MeetingStatusTag status={m.status} /></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={cardTitle(t('council.meeting.topics'))} data-testid="meeting-topics">
        {m.topics.length === 0 ? (
          <Typography.Text type="secondary">{t('council.meeting.noTopics')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={m.topics}
            renderItem={(x) => (
              <List.Item key={x.id} style={{ paddingInline: 0 }} data-testid={`meeting-topic-${x.id}`}>
                <Space wrap size={8}>
                  <Link to={`/council/topics/${x.id}`} style={{ overflowWrap: 'anywhere' }}>{x.title}</Link>
                  <TopicStatusTag status={x.status} />
                  <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{t('council.meeting.topicBy', { proposer: x.proposer })}</Typography.Text>
                  {x.votes && <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{t('council.meeting.topicVotes', { votes: votesText(x.votes) })}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={cardTitle(t('council.meeting.record'))} data-testid="meeting-record">
        {m.canManage ? <RecordForm key={`${m.id}-${m.status}`} meeting={m} /> : <RecordView meeting={m} />}
      </Card>
    </Space>
  );
}
