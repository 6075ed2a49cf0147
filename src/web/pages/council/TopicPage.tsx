import { Button, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { cardTitle, countedHint, MeetingStatusTag, StanceTag, TopicStatusTag } from './CouncilParts.tsx';
import { addFeedback, addOpinion, beijingTime, COUNCIL_KEY, STANCES, useMembers, useTopic, type Stance, type TopicDetail } from './councilQueries.ts';
import { DecisionCard, ResultCard } from './DecisionCard.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

interface OpinionValues {
  speakerKind: 'member' | 'other';
  memberId?: string;
  speaker?: string;
  stance: Stance;
  text: string;
}

/** Recording what was said at the meeting: a member picked from the council, or anyone else by name. */
function OpinionForm({ topic, meetingId }: { topic: TopicDetail; meetingId: string }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const members = useMembers(topic.community.id);
  const saver = useFormSave<OpinionValues, TopicDetail>({
    mutationFn: (v) =>
      addOpinion(topic.id, {
        meetingId,
        ...(v.speakerKind === 'member' ? { memberId: v.memberId } : { speaker: v.speaker?.trim() }),
        stance: v.stance,
        text: v.text.trim(),
      }),
    invalidate: [COUNCIL_KEY],
    onSaved: () => {
      void message.success(t('council.opinions.saved'));
      saver.form.resetFields(['memberId', 'speaker', 'text']);
    },
  });
  const kind = Form.useWatch('speakerKind', saver.form) ?? 'member';
  const active = (members.data?.items ?? []).filter((m) => m.active);
  return (
    <div data-testid="opinion-form">
      <Typography.Title level={5} style={{ marginTop: 0, fontSize: '1em' }}>{t('council.opinions.record')}</Typography.Title>
      <SaveForm<OpinionValues> saver={saver} initialValues={{ speakerKind: 'member', stance: 'for' }}>
        <Form.Item name="speakerKind" label={t('council.opinions.speakerKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: t('council.opinions.byMember') },
              { value: 'other', label: t('council.opinions.byOther') },
            ]}
            data-testid="opinion-speaker-kind"
          />
        </Form.Item>
        {kind === 'member' ? (
          <Form.Item name="memberId" label={t('council.opinions.member')} rules={[requiredChoice(t, t('council.opinions.member'))]}>
            <Select
              loading={members.isLoading}
              options={active.map((m) => ({ value: m.id, label: m.title ? `${m.name}（${m.title}）` : m.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ maxWidth: 320 }}
              data-testid="opinion-member"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="speaker"
            label={t('council.opinions.speaker')}
            extra={t('council.opinions.speakerHint')}
            rules={[requiredText(t, t('council.opinions.speaker')), { whitespace: true, message: t('common.requiredText', { field: t('council.opinions.speaker') }) }, tooLong(t, t('council.opinions.speaker'), 50)]}
          >
            <Input style={{ maxWidth: 320 }} data-testid="opinion-speaker" />
          </Form.Item>
        )}
        <Form.Item name="stance" label={t('council.opinions.stance')} rules={[requiredChoice(t, t('council.opinions.stance'))]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={STANCES.map((s) => ({ value: s, label: t(`council.stance.${s}`) }))} data-testid="opinion-stance" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('council.opinions.text')}
          rules={[requiredText(t, t('council.opinions.text')), { whitespace: true, message: t('common.requiredText', { field: t('council.opinions.text') }) }, tooLong(t, t('council.opinions.text'), 2000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={2000} data-testid="opinion-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="opinion-submit">{t('council.opinions.submit')}</Button>
      </SaveForm>
    </div>
  );
}

function OpinionsCard({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const canRecord = topic.actions.includes('opinion') && !!topic.meeting;
  if (topic.opinions.length === 0 && !canRecord) return null;
  return (
    <Card size="small" title={cardTitle(t('council.opinions.title', { count: topic.opinions.length }))} data-testid="topic-opinions">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {topic.opinions.length === 0 ? (
          <Typography.Text type="secondary">{t('council.opinions.empty')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={topic.opinions}
            renderItem={(o) => (
              <List.Item key={o.id} data-testid={`opinion-${o.id}`} style={{ paddingInline: 0 }}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={8}>
                    <Typography.Text strong>{o.speaker}</Typography.Text>
                    <StanceTag stance={o.stance} />
                    <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{beijingTime(o.createdAt)}</Typography.Text>
                  </Space>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{o.text}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {canRecord && <OpinionForm topic={topic} meetingId={topic.meeting!.id} />}
      </Space>
    </Card>
  );
}

interface FeedbackValues {
  text: string;
  done: boolean;
}

/** 反馈: what was done after the decision, told to the residents concerned; "done" closes the topic. */
function FeedbackCard({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const saver = useFormSave<FeedbackValues, TopicDetail>({
    mutationFn: (v) => addFeedback(topic.id, { text: v.text.trim(), done: !!v.done }),
    invalidate: [COUNCIL_KEY],
    onSaved: () => {
      void message.success(t('council.feedback.saved'));
      saver.form.resetFields();
    },
  });
  const canAdd = topic.actions.includes('feedback');
  if (topic.feedback.length === 0 && !canAdd) return null;
  return (
    <Card size="small" title={cardTitle(t('council.feedback.title'))} data-testid="topic-feedback">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('council.feedback.hint')}</Typography.Text>
        {topic.feedback.length > 0 && (
          <List
            size="small"
            dataSource={topic.feedback}
            renderItem={(f) => (
              <List.Item key={f.id} style={{ paddingInline: 0 }}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={8}>
                    <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{beijingTime(f.at)} · {f.by}</Typography.Text>
                    {f.done && <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('council.feedback.doneTag')}</Tag>}
                  </Space>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{f.text}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {canAdd && (
          <div data-testid="feedback-form">
            <SaveForm<FeedbackValues> saver={saver} initialValues={{ done: false }}>
              <Form.Item
                name="text"
                label={t('council.feedback.text')}
                extra={countedHint(t('council.feedback.textHint'))}
                rules={[requiredText(t, t('council.feedback.text')), { whitespace: true, message: t('common.requiredText', { field: t('council.feedback.text') }) }, tooLong(t, t('council.feedback.text'), 2000)]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={2000} data-testid="feedback-text" />
              </Form.Item>
              <Form.Item name="done" valuePropName="checked" extra={t('council.feedback.doneHint')}>
                <Checkbox data-testid="feedback-done">{t('council.feedback.done')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="feedback-submit">{t('council.feedback.submit')}</Button>
            </SaveForm>
          </div>
        )}
      </Space>
    </Card>
  );
}

/**
 * 议题: one matter before the council (一事一议) — what it is about and whom it touches, its
 * meeting, what was said there, the members' vote and decision, and what was done afterwards.
 */
export function TopicPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const topic = useTopic(id);
  const listPath = topic.data ? `/council?communityId=${topic.data.community.id}` : '/council';
  const crumbs = <RecordCrumbs listPath={listPath} listTitle={t('council.title')} current={topic.data?.title ?? t('council.topic.one')} />;
  if (!topic.data) return <>{crumbs}<QueryState isLoading={topic.isLoading} error={topic.error} /></>;
  const x = topic.data;
  const decided = x.votes !== null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }} data-testid="topic-page">
      <div>
        {crumbs}
        <Space wrap size={8} align="center">
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>{x.title}</Typography.Title>
          <TopicStatusTag status={x.status} />
        </Space>
      </div>
      <Card size="small" title={cardTitle(t('council.topic.details'))} data-testid="topic-details">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('council.topic.subject')} span={{ xs: 1, md: 2 }}>
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{x.subject}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('council.topic.proposer')}>{x.proposer}</Descriptions.Item>
          <Descriptions.Item label={t('council.topic.source')}>
            <span>
              {t(`council.source.${x.source}`)}
              {x.proposalId && (
                <>
                  {' · '}
                  <Link to={`/proposals/${x.proposalId}`} style={{ textDecoration: 'underline' }}>{t('council.topic.toProposal')}</Link>
                </>
              )}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('council.topic.affected')}>{x.affected || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('council.topic.affectedGrids')}>
            {x.affectedGrids.length ? <Space size={[0, 4]} wrap>{x.affectedGrids.map((g) => <Tag key={g.id}>{g.name}</Tag>)}</Space> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.status')}><TopicStatusTag status={x.status} /></Descriptions.Item>
          <Descriptions.Item label={t('council.topic.createdAt')}>{beijingTime(x.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('council.topic.meeting')} span={{ xs: 1, md: 2 }}>
            {x.meeting ? (
              <Space wrap size={8} data-testid="topic-meeting">
                <Link to={`/council/meetings/${x.meeting.id}`}>{t('council.topic.meetingLink', { time: beijingTime(x.meeting.startsAt), place: x.meeting.place })}</Link>
                <MeetingStatusTag status={x.meeting.status} />
              </Space>
            ) : (
              <Space wrap size={8}>
                <Typography.Text type="secondary">{t('council.topic.noMeetingYet')}</Typography.Text>
                {x.actions.includes('schedule') && <Link to={`/council?communityId=${x.community.id}&tab=meetings`}>{t('council.topic.callMeeting')}</Link>}
              </Space>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <OpinionsCard topic={x} />
      {decided ? <ResultCard topic={x} /> : x.meeting && (x.actions.includes('decide') || x.actions.includes('opinion')) ? <DecisionCard topic={x} meetingId={x.meeting.id} /> : null}
      {decided && <FeedbackCard topic={x} />}
    </Space>
  );
}
