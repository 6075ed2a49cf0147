import { Alert, Button, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { useFormSave } from '../../components/SaveForm.tsx';
import { useCategories, type CategoryView } from '../needs/needQueries.ts';
import { useCommunityChoices } from '../volunteers/communities.ts';
import { cardTitle, countedHint, TopicStatusTag } from './CouncilParts.tsx';
import {
  beijingTime,
  COUNCIL_KEY,
  decide,
  useDraftRounds,
  useMeeting,
  useMembers,
  VOTE_CHOICES,
  type DecisionBody,
  type TopicDetail,
  type VoteChoice,
} from './councilQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type FollowKind = 'none' | 'budget' | 'common_need';

interface DecisionValues {
  decision: string;
  followKind: FollowKind;
  roundId?: string;
  costYuan?: number;
  categoryId?: string;
}

/** Yuan from fen, without trailing zeros: 5000000 → "50,000". */
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

const CHOICE_COLORS: Record<VoteChoice, string> = { for: 'green', against: 'red', abstain: 'default' };

/** How many must attend, how many did, and how the votes recorded so far stand. */
function QuorumPanel({ topic, present, votes }: { topic: TopicDetail; present: number; votes: Record<string, VoteChoice> }) {
  const { t } = useTranslation();
  const q = topic.quorum;
  const met = present >= q.needed;
  const tally = { for: 0, against: 0, abstain: 0 };
  for (const c of Object.values(votes)) tally[c] += 1;
  const majority = Math.floor(present / 2) + 1;
  return (
    <div data-testid="decision-quorum" style={{ background: 'rgba(0,0,0,0.02)', border: '1px solid rgba(5,5,5,0.06)', borderRadius: 8, padding: 12 }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text>{t('council.decision.rule', { percent: q.percent, needed: q.needed })}</Typography.Text>
        <Space wrap size={8}>
          <Typography.Text>{t('council.decision.members', { members: q.members, needed: q.needed, percent: q.percent })}</Typography.Text>
          <Typography.Text strong data-testid="decision-present">{t('council.decision.present', { present, needed: q.needed })}</Typography.Text>
          <Tag color={met ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>{t(met ? 'council.decision.quorumMet' : 'council.decision.quorumNotMet')}</Tag>
        </Space>
        <Typography.Text data-testid="decision-tally">
          {t('council.decision.tally', tally)}
          {present > 0 && <> {t('council.decision.majority', { majority, present })}</>}
        </Typography.Text>
      </Space>
    </div>
  );
}

/** Active need categories, grouped under their parent; a parent stays pickable for what fits none of its children. */
function CategoryPicker({ id, value, onChange, districtId }: { id?: string; value?: string; onChange?: (v: string) => void; districtId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const categories = useCategories(districtId);
  const nameOf = (c: CategoryView) => (en && c.nameEn ? c.nameEn : c.name);
  const active = (categories.data ?? []).filter((c) => c.active);
  const options = active
    .filter((c) => !c.parentId)
    .map((p) => {
      const children = active.filter((c) => c.parentId === p.id);
      if (children.length === 0) return { value: p.id, label: nameOf(p) };
      return {
        label: nameOf(p),
        title: nameOf(p),
        options: [...children.map((c) => ({ value: c.id, label: nameOf(c) })), { value: p.id, label: t('council.decision.categoryGeneral', { name: nameOf(p) }) }],
      };
    });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={categories.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ maxWidth: 320 }}
      data-testid="decision-category"
    />
  );
}

/** The follow-ups a passed decision may set going; the project pool only for who may put topics into it (the administrator). */
function FollowUpFields({ communityId, districtId, mayPool }: { communityId: string; districtId: string | undefined; mayPool: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DecisionValues>();
  const kind: FollowKind = Form.useWatch('followKind', form) ?? 'none';
  const rounds = useDraftRounds(communityId, kind === 'budget');
  return (
    <>
      <Form.Item name="followKind" label={t('council.decision.followUp')} extra={t('council.decision.followUpHint')}>
        <Radio.Group
          options={[
            { value: 'none', label: t('council.decision.followNone') },
            { value: 'budget', label: t('council.decision.followBudget') },
            ...(mayPool ? [{ value: 'common_need', label: t('council.decision.followPool') }] : []),
          ]}
          data-testid="decision-follow-up"
        />
      </Form.Item>
      {kind === 'budget' && (
        <>
          <Form.Item
            name="roundId"
            label={t('council.decision.round')}
            rules={[requiredChoice(t, t('council.decision.round'))]}
            extra={
              rounds.data && rounds.data.length === 0 ? (
                <>
                  {t('council.decision.noDraftRound')} <Link to={`/budget-rounds?communityId=${communityId}`}>{t('council.decision.toRounds')}</Link>
                </>
              ) : (
                t('council.decision.roundHint')
              )
            }
          >
            <Select
              loading={rounds.isLoading}
              options={(rounds.data ?? []).map((r) => ({ value: r.id, label: t('council.decision.roundOption', { title: r.title, budget: yuan(r.totalBudgetFen) }) }))}
              style={{ maxWidth: 420 }}
              data-testid="decision-round"
            />
          </Form.Item>
          <Form.Item name="costYuan" label={t('council.decision.cost')} extra={t('council.decision.costHint')} rules={[requiredText(t, t('council.decision.cost'))]}>
            <InputNumber min={0.01} max={1_000_000_000} precision={2} suffix={t('council.yuan')} style={{ width: 220 }} data-testid="decision-cost" />
          </Form.Item>
        </>
      )}
      {kind !== 'none' && (
        <Form.Item name="categoryId" label={t('council.decision.category')} extra={t('council.decision.categoryHint')} rules={[requiredChoice(t, t('council.decision.category'))]}>
          <CategoryPicker districtId={districtId} />
        </Form.Item>
      )}
    </>
  );
}

/**
 * 表决: each member present at the held meeting votes for, against or abstains (only the votes
 * recorded are sent); with the quorum met and more than half of those present for, it passes
 * and its follow-up (a budget candidate or a common need in the project pool) is set going.
 */
export function DecisionCard({ topic, meetingId }: { topic: TopicDetail; meetingId: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  const members = useMembers(topic.community.id);
  const choices = useCommunityChoices();
  const districtId = choices.all.find((c) => c.id === topic.community.id)?.districtId;
  const [votes, setVotes] = useState<Record<string, VoteChoice>>({});
  const [noVotes, setNoVotes] = useState(false);
  const saver = useFormSave<DecisionValues, TopicDetail>({
    mutationFn: (v) => {
      const body: DecisionBody = {
        meetingId,
        votes: Object.entries(votes).map(([memberId, choice]) => ({ memberId, choice })),
        decision: v.decision.trim(),
      };
      if (v.followKind === 'budget') body.followUp = { kind: 'budget', roundId: v.roundId!, costFen: Math.round((v.costYuan ?? 0) * 100), categoryId: v.categoryId! };
      if (v.followKind === 'common_need') body.followUp = { kind: 'common_need', categoryId: v.categoryId! };
      return decide(topic.id, body);
    },
    invalidate: [COUNCIL_KEY, 'budget-rounds'],
    onSaved: () => window.scrollTo({ top: 0, behavior: 'smooth' }),
  });
  const submit = (v: DecisionValues) => {
    if (Object.keys(votes).length === 0) {
      setNoVotes(true);
      return;
    }
    setNoVotes(false);
    saver.submit(v);
  };
  const held = (meeting.data?.status ?? topic.meeting?.status) === 'held';
  const memberIds = new Set((members.data?.items ?? []).filter((m) => m.active).map((m) => m.id));
  const titles = new Map((members.data?.items ?? []).map((m) => [m.id, m.title]));
  const voters = (meeting.data?.attendees ?? []).filter((a) => memberIds.has(a.id));
  const setVote = (memberId: string, choice: VoteChoice | null) => {
    setNoVotes(false);
    setVotes((prev) => {
      const next = { ...prev };
      if (choice) next[memberId] = choice;
      else delete next[memberId];
      return next;
    });
  };
  const meetingLink = <Link to={`/council/meetings/${meetingId}`} style={{ textDecoration: 'underline' }}>{t('council.decision.toMeeting')}</Link>;
  return (
    <Card size="small" title={cardTitle(t('council.decision.title'))} data-testid="topic-decision">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ErrorAlert error={meeting.error ?? members.error} />
        {(meeting.isLoading || members.isLoading) && <Spin style={{ display: 'block', margin: '16px auto' }} />}
        {meeting.data && members.data && (
          <>
            <QuorumPanel topic={topic} present={voters.length} votes={votes} />
            {!held ? (
              <Alert type="info" showIcon title={<>{t('council.decision.notHeld')} {meetingLink}</>} data-testid="decision-not-held" />
            ) : !topic.actions.includes('decide') ? (
              <Typography.Text type="secondary">{t('council.decision.notYours')}</Typography.Text>
            ) : voters.length === 0 ? (
              <Alert type="warning" showIcon title={<>{t('council.decision.noAttendees')} {meetingLink}</>} data-testid="decision-no-attendees" />
            ) : (
              <div data-testid="decision-form">
                {/* Not SaveForm: the server's answer (e.g. the quorum not met) shows beside the button just pressed. */}
                <Form<DecisionValues> form={saver.form} layout="vertical" initialValues={{ followKind: 'none' }} onFinish={submit}>
                  <Typography.Title level={5} style={{ marginTop: 0, fontSize: '1em' }}>{t('council.decision.votes')}</Typography.Title>
                  <Typography.Paragraph type="secondary">{t('council.decision.votesHint')}</Typography.Paragraph>
                  <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 16 }}>
                    {voters.map((a) => (
                      <div key={a.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' }} data-testid={`voter-${a.id}`}>
                        <span id={`voter-name-${a.id}`} style={{ minWidth: 120 }}>
                          {a.name}
                          {titles.get(a.id) && <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>（{titles.get(a.id)}）</Typography.Text>}
                        </span>
                        {/* Nothing chosen until the member's vote is recorded: null keeps the group controlled and empty. */}
                        <Radio.Group
                          optionType="button"
                          buttonStyle="solid"
                          name={`vote-${a.id}`}
                          value={votes[a.id] ?? null}
                          onChange={(e) => setVote(a.id, e.target.value as VoteChoice)}
                          options={VOTE_CHOICES.map((c) => ({ value: c, label: t(`council.voteChoice.${c}`) }))}
                          aria-label={t('council.decision.voteOf', { name: a.name })}
                          data-testid={`vote-${a.id}`}
                        />
                        {votes[a.id] && (
                          <Button type="link" size="small" onClick={() => setVote(a.id, null)} aria-label={t('council.decision.clearOf', { name: a.name })} style={{ paddingInline: 4 }}>
                            {t('council.decision.clear')}
                          </Button>
                        )}
                      </div>
                    ))}
                  </div>
                  <Form.Item
                    name="decision"
                    label={t('council.decision.text')}
                    extra={countedHint(t('council.decision.textHint'))}
                    rules={[requiredText(t, t('council.decision.text')), { whitespace: true, message: t('common.requiredText', { field: t('council.decision.text') }) }, tooLong(t, t('council.decision.text'), 2000)]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={2000} data-testid="decision-text" />
                  </Form.Item>
                  <FollowUpFields communityId={topic.community.id} districtId={districtId} mayPool={topic.actions.includes('pool')} />
                  {noVotes && <Alert type="error" showIcon title={t('council.decision.noVotes')} style={{ marginBottom: 16 }} data-testid="decision-no-votes" />}
                  <ErrorAlert error={saver.error} />
                  <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="decision-submit">{t('council.decision.submit')}</Button>
                </Form>
              </div>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

/** The decision as recorded: passed or not, the count, each member's vote, and what it set going. */
export function ResultCard({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const v = topic.votes!;
  const passed = topic.status !== 'rejected';
  const follow = topic.followUp;
  return (
    <Card size="small" title={cardTitle(t('council.result.title'))} data-testid="topic-result">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type={passed ? 'success' : 'warning'}
          showIcon
          title={t(passed ? 'council.result.passed' : 'council.result.rejected', v)}
          data-testid="topic-result-outcome"
        />
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('common.status')}><TopicStatusTag status={topic.status} /></Descriptions.Item>
          {topic.decidedAt && <Descriptions.Item label={t('council.result.decidedAt')}>{beijingTime(topic.decidedAt)}</Descriptions.Item>}
          <Descriptions.Item label={t('council.result.decision')} span={{ xs: 1, md: 2 }}>
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{topic.decision || '—'}</span>
          </Descriptions.Item>
          {follow && (
            <Descriptions.Item label={t('council.result.followUp')} span={{ xs: 1, md: 2 }}>
              <span data-testid="topic-follow-up">
                {t(follow.kind === 'budget' ? 'council.result.inBudget' : 'council.result.inPool')}{' '}
                <Link to={follow.kind === 'budget' ? `/budget-rounds/${follow.id}` : `/three-lists?communityId=${topic.community.id}`} style={{ textDecoration: 'underline' }}>{follow.label}</Link>
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {topic.memberVotes.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('council.result.memberVotes')}</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }} data-testid="topic-member-votes">
              {topic.memberVotes.map((m) => (
                <Tag key={m.memberId} color={CHOICE_COLORS[m.choice]} style={{ marginInlineEnd: 0 }}>
                  {m.name} · {t(`council.voteChoice.${m.choice}`)}
                </Tag>
              ))}
            </div>
          </div>
        )}
      </Space>
    </Card>
  );
}
