import { useTranslation } from 'react-i18next';
import { HomeLine } from '../home/HomeLine.tsx';
import { roundPhase, whenText } from './participateFormat.ts';
import { useMine } from './participateQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/**
 * A resident's home: budget votes waiting for the household, their own proposals and where they
 * stand, and council topics that concern them — all from one request. Nothing shows when none.
 */
export function ParticipationHome() {
  const { t } = useTranslation();
  const mine = useMine();
  const m = mine.data;
  if (!m?.community) return null;
  const toVote = m.rounds.filter((r) => !r.myBallot && roundPhase(r) === 'open');
  const own = m.proposals.filter((p) => p.mine).slice(0, 3);
  // A topic raised from one's own proposal is said on the proposal's line.
  const ownIds = new Set(own.map((p) => p.id));
  const meetingOf = new Map(m.topics.flatMap((x) => (x.proposalId && x.meeting?.status === 'planned' ? [[x.proposalId, x.meeting] as const] : [])));
  const topics = m.topics.filter((x) => x.status !== 'done' && !(x.proposalId && ownIds.has(x.proposalId))).slice(0, 3);
  return (
    <Card size="small" title={t('participate.home.title')} data-testid="participation-home" style={{ maxWidth: 720 }}>
      {toVote.map((r) => (
        <HomeLine key={r.id} to={`/vote/${r.id}`} testId="home-round" note={<Typography.Text strong type="danger">{t('participate.home.vote')}</Typography.Text>}>
          <div style={{ fontSize: 16 }}>{t('participate.home.roundOpen', { title: r.title })}</div>
          <Typography.Text type="secondary">{t('participate.home.closes', { when: whenText(r.closesAt, t) })}</Typography.Text>
        </HomeLine>
      ))}
      {own.map((p) => (
        <HomeLine key={p.id} to={`/participate/proposals/${p.id}`} testId="home-proposal" note={<Typography.Text strong>{t(`participate.status.${p.status}`)}</Typography.Text>}>
          <div style={{ fontSize: 16 }}>{p.title}</div>
          {p.status === 'open' && p.threshold !== null && <Typography.Text type="secondary">{t('participate.supportsOf', { count: p.supportCount, threshold: p.threshold })}</Typography.Text>}
          {meetingOf.has(p.id) && <div><Typography.Text type="secondary">{t('participate.meetingPlanned', { when: whenText(meetingOf.get(p.id)!.startsAt, t), place: meetingOf.get(p.id)!.place })}</Typography.Text></div>}
        </HomeLine>
      ))}
      {topics.map((x) => (
        <HomeLine key={x.id} to="/participate" testId="home-topic" note={<Typography.Text strong>{t(`participate.topicStatus.${x.status}`)}</Typography.Text>}>
          <div style={{ fontSize: 16 }}>{x.title}</div>
          {x.meeting && x.meeting.status === 'planned' && <Typography.Text type="secondary">{t('participate.meetingPlanned', { when: whenText(x.meeting.startsAt, t), place: x.meeting.place })}</Typography.Text>}
        </HomeLine>
      ))}
      <HomeLine to="/participate" testId="home-participate" note={null}>
        {toVote.length + own.length + topics.length === 0 ? t('participate.home.none') : t('participate.home.all')}
      </HomeLine>
    </Card>
  );
}
