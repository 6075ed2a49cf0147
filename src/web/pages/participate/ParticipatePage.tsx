import { CalendarOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Tag, theme } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { dayText, roundPhase, whenText, yuan } from './participateFormat.ts';
import { takesSupports, useCouncilTopics, useMine, useProposals, type ProposalSummary, type RoundSummary, type TopicSummary } from './participateQueries.ts';
import { KindTag, ProposalStatusTag, SupportProgress, TOPIC_STATUS_COLOR } from './ProposalParts.tsx';
import { SupportButton } from './SupportButton.tsx';
import { BallotNote } from './BallotNote.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const PAGE = 20;

function Section({ id, title, children, testId, extra }: { id: string; title: string; children: ReactNode; testId: string; extra?: ReactNode }) {
  return (
    <Card
      size="small"
      title={<Typography.Title level={4} id={id} style={{ margin: 0, whiteSpace: 'normal' }}>{title}</Typography.Title>}
      extra={extra}
      aria-labelledby={id}
      data-testid={testId}
      role="region"
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>{children}</div>
    </Card>
  );
}

/** How the household voted: when and how the ballot was cast. */
function RoundLine({ r }: { r: RoundSummary }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const phase = roundPhase(r);
  return (
    <div data-testid={`round-${r.id}`} data-phase={phase} style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, paddingTop: 10, display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Typography.Text strong style={{ fontSize: '1.1em' }}>{r.title}</Typography.Text>
      <Typography.Text type="secondary">{t('participate.roundFacts', { unit: r.unit.name, budget: yuan(r.totalBudgetFen, i18n.language), count: r.candidateCount })}</Typography.Text>
      <Typography.Text>
        <CalendarOutlined aria-hidden /> {phase === 'soon' ? t('participate.roundOpens', { when: whenText(r.opensAt, t) }) : phase === 'open' ? t('participate.roundCloses', { when: whenText(r.closesAt, t) }) : t(`participate.roundPhase.${phase}`)}
      </Typography.Text>
      {r.myBallot ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <BallotNote ballot={r.myBallot} />
          <Link to={`/vote/${r.id}`}>{t('participate.seeBallot')}</Link>
        </div>
      ) : phase === 'open' ? (
        <Button type="primary" size="large" block style={{ minHeight: 48, fontSize: 17 }} onClick={() => navigate(`/vote/${r.id}`)} data-testid={`vote-${r.id}`}>
          {t('participate.goVote')}
        </Button>
      ) : (
        <Link to={`/vote/${r.id}`}>{t(phase === 'counted' || phase === 'published' ? 'participate.seeResults' : 'participate.seeRound')}</Link>
      )}
    </div>
  );
}

export function ProposalCard({ p, takes }: { p: ProposalSummary; takes: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`proposal-card-${p.id}`} data-status={p.status} data-title={p.title} styles={{ body: { display: 'flex', flexDirection: 'column', gap: 6 } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
        <KindTag kind={p.kind} />
        <ProposalStatusTag status={p.status} />
        {p.mine && <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('participate.mineTag')}</Tag>}
      </div>
      <Link to={`/participate/proposals/${p.id}`} style={{ fontSize: '1.15em', fontWeight: 600, overflowWrap: 'anywhere' }}>{p.title}</Link>
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {p.mine ? t('participate.proposedByMe', { date: dayText(p.createdAt, t) }) : t('participate.proposedBy', { name: p.proposer, date: dayText(p.createdAt, t) })}
        {p.place && (
          <>
            {' · '}
            <EnvironmentOutlined aria-hidden /> {p.place}
          </>
        )}
      </Typography.Text>
      <SupportProgress count={p.supportCount} threshold={p.threshold} kind={p.kind} status={p.status} />
      <SupportButton p={p} canSupport={takes} canUnsupport={takes} />
    </Card>
  );
}

function TopicLine({ topic }: { topic: TopicSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div data-testid={`topic-${topic.id}`} data-status={topic.status} style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, paddingTop: 10, display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
        <Typography.Text strong style={{ fontSize: '1.1em', overflowWrap: 'anywhere' }}>{topic.title}</Typography.Text>
        <Tag color={TOPIC_STATUS_COLOR[topic.status]} style={{ marginInlineEnd: 0 }}>{t(`participate.topicStatus.${topic.status}`)}</Tag>
      </div>
      {topic.meeting && (
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          <CalendarOutlined aria-hidden /> {t(topic.meeting.status === 'held' ? 'participate.meetingHeld' : 'participate.meetingPlanned', { when: whenText(topic.meeting.startsAt, t), place: topic.meeting.place })}
        </Typography.Text>
      )}
      {!topic.meeting && topic.status === 'open' && <Typography.Text type="secondary">{t('participate.meetingNone')}</Typography.Text>}
      {topic.votes && (
        <Typography.Text data-testid="topic-votes">
          {t('participate.votes', { for: topic.votes.for, against: topic.votes.against, abstain: topic.votes.abstain })}
          {topic.decidedAt && !topic.meeting && ` · ${dayText(topic.decidedAt, t)}`}
        </Typography.Text>
      )}
    </div>
  );
}

type Filter = 'all' | 'mine';

/**
 * 参与议事: on a resident's phone, the budget votes open to the household, the proposals of the
 * community (support them, or see one's own), and the council topics that concern the household.
 */
export function ParticipatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('filter') === 'mine' ? 'mine' : 'all';
  const [shown, setShown] = useState(PAGE);
  const mine = useMine();
  const m = mine.data;
  const proposals = useProposals({}, !!m?.community);
  const topics = useCouncilTopics(m?.community?.id);
  const waitingForCouncil = new Set((topics.data ?? []).flatMap((x) => (x.status === 'open' && x.proposalId ? [x.proposalId] : [])));
  const items = (proposals.data ?? []).filter((p) => filter === 'all' || p.mine);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="participate-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('participate.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 16 }}>{t('participate.intro')}</Typography.Paragraph>
      {!m ? (
        <QueryState isLoading={mine.isLoading} error={mine.error} />
      ) : !m.community ? (
        <Alert type="info" showIcon title={t('participate.noCommunity')} />
      ) : (
        <>
          <Button type="primary" size="large" block icon={<PlusOutlined aria-hidden />} style={{ height: 56, fontSize: 19 }} onClick={() => navigate('/participate/new')} data-testid="propose-button">
            {t('participate.propose')}
          </Button>
          <Section id="participate-rounds" title={t('participate.roundsTitle')} testId="participate-rounds">
            {m.rounds.length === 0 ? <Typography.Text type="secondary">{t('participate.roundsNone')}</Typography.Text> : m.rounds.map((r) => <RoundLine key={r.id} r={r} />)}
          </Section>
          <Section
            id="participate-proposals"
            title={t('participate.proposalsTitle', { community: m.community.name })}
            testId="participate-proposals"
          >
            <Segmented<Filter>
              block
              value={filter}
              onChange={(v) => {
                const next = new URLSearchParams(params);
                if (v === 'mine') next.set('filter', 'mine');
                else next.delete('filter');
                setParams(next, { replace: true });
                setShown(PAGE);
              }}
              aria-label={t('participate.filter')}
              options={[
                { value: 'all', label: t('participate.filterAll') },
                { value: 'mine', label: t('participate.filterMine') },
              ]}
              data-testid="proposal-filter"
            />
            <ErrorAlert error={proposals.error} />
            {proposals.isLoading && <QueryState isLoading error={null} />}
            {proposals.data && items.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(filter === 'mine' ? 'participate.noneMine' : 'participate.none')} />
            )}
            {items.slice(0, shown).map((p) => <ProposalCard key={p.id} p={p} takes={takesSupports(p, waitingForCouncil)} />)}
            {items.length > shown && (
              <Button block onClick={() => setShown((n) => n + PAGE)} data-testid="proposals-more">{t('participate.more', { count: items.length - shown })}</Button>
            )}
          </Section>
          <Section id="participate-topics" title={t('participate.topicsTitle')} testId="participate-topics">
            <Typography.Text type="secondary">{t('participate.topicsHint')}</Typography.Text>
            {m.topics.length === 0 ? <Typography.Text type="secondary">{t('participate.topicsNone')}</Typography.Text> : m.topics.map((topic) => <TopicLine key={topic.id} topic={topic} />)}
          </Section>
        </>
      )}
    </div>
  );
}
