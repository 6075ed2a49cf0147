import { Progress, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { whenText } from './participateFormat.ts';
import { photoUrl, type ProposalDetail, type ProposalKind, type ProposalStatus, type Step, type TopicStatus } from './participateQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Timeline } from '../../components/Timeline.tsx';

export const PROPOSAL_STATUS_COLOR: Record<ProposalStatus, string> = { open: 'blue', on_agenda: 'purple', pooled: 'green', withdrawn: 'default', declined: 'red' };
export const TOPIC_STATUS_COLOR: Record<TopicStatus, string> = { open: 'blue', passed: 'green', rejected: 'red', implementing: 'gold', done: 'cyan' };

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PROPOSAL_STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="proposal-status" data-status={status}>
      {t(`participate.status.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: ProposalKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'wish' ? 'magenta' : 'geekblue'} style={{ marginInlineEnd: 0 }} data-kind={kind}>
      {t(`participate.kind.${kind}`)}
    </Tag>
  );
}

/**
 * Supports against the threshold that takes the proposal on, as a bar and in words; once it
 * moved on (no threshold) only the count.
 */
export function SupportProgress({ count, threshold, kind, status }: { count: number; threshold: number | null; kind: ProposalKind; status: ProposalStatus }) {
  const { t } = useTranslation();
  if (threshold === null || status !== 'open') {
    return <Typography.Text data-testid="support-count" data-count={count}>{t('participate.supportCount', { count })}</Typography.Text>;
  }
  const left = Math.max(0, threshold - count);
  const percent = Math.min(100, Math.round((count / Math.max(1, threshold)) * 100));
  return (
    <div data-testid="support-count" data-count={count} data-threshold={threshold}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
        <Typography.Text strong>{t('participate.supportsOf', { count, threshold })}</Typography.Text>
        {left > 0 && <Typography.Text type="secondary">{t(kind === 'wish' ? 'participate.leftToPool' : 'participate.leftToCouncil', { left })}</Typography.Text>}
      </div>
      <Progress percent={percent} showInfo={false} size={['100%', 12]} aria-label={t('participate.supportsOf', { count, threshold })} />
    </div>
  );
}

/** What one step means, in a sentence a resident understands. */
function stepSentence(s: Step, p: Pick<ProposalDetail, 'mine' | 'proposer' | 'kind'>, t: TFunction): string {
  const text = s.text.trim();
  switch (s.kind) {
    case 'proposed':
      return p.mine ? t('participate.step.proposedMine') : t('participate.step.proposed', { name: p.proposer });
    case 'recorded': {
      const said = p.mine ? t('participate.step.recordedMine') : t('participate.step.recorded', { name: p.proposer });
      return text ? `${said}${t('participate.step.recordedBy', { name: text })}` : said;
    }
    case 'threshold':
      return /^\d+$/.test(text) ? t('participate.step.thresholdN', { n: text }) : t(p.kind === 'wish' ? 'participate.step.thresholdPool' : 'participate.step.thresholdCouncil');
    case 'meeting':
      return s.at ? t('participate.step.meeting', { when: whenText(s.at, t), place: text || '—' }) : t('participate.step.meetingNoTime', { place: text || '—' });
    case 'passed':
    case 'rejected': {
      // The votes come as "for–against–abstain".
      const v = /^(\d+)\D+(\d+)\D+(\d+)$/.exec(text);
      return v ? t(`participate.step.${s.kind}Votes`, { for: v[1], against: v[2], abstain: v[3] }) : t(`participate.step.${s.kind}`);
    }
    case 'in_budget':
      return text ? t('participate.step.inBudgetRound', { round: text }) : t('participate.step.in_budget');
    case 'won':
    case 'lost':
      return /^\d+$/.test(text) ? t(`participate.step.${s.kind}Votes`, { votes: text }) : t(`participate.step.${s.kind}`);
    case 'pooled':
      return text ? t('participate.step.pooledRef', { ref: text }) : t('participate.step.pooled');
    case 'declined':
      return text ? t('participate.step.declinedReason', { reason: text }) : t('participate.step.declined');
    case 'withdrawn':
      return p.mine ? t('participate.step.withdrawnMine') : t('participate.step.withdrawn');
    default:
      return t(`participate.step.${s.kind}`);
  }
}

/** Kinds whose `text` is already said in the sentence. */
const TEXT_IN_SENTENCE = new Set(['threshold', 'meeting', 'passed', 'rejected', 'declined', 'proposed', 'recorded', 'withdrawn', 'in_budget', 'won', 'lost', 'pooled', 'on_agenda']);

/** The proposal's way so far, oldest first: one plain sentence a step, with when. */
export function ProposalSteps({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const color = (s: Step) => (s.kind === 'declined' || s.kind === 'rejected' || s.kind === 'lost' ? 'red' : s.kind === 'withdrawn' ? 'gray' : s.at === null ? 'gray' : s.kind === 'done' || s.kind === 'won' || s.kind === 'passed' ? 'green' : 'blue');
  return (
    <Timeline
      data-testid="proposal-steps"
      items={p.steps.map((s, i) => ({
        key: `${s.kind}-${i}`,
        color: color(s),
        content: (
          <div data-testid="proposal-step" data-kind={s.kind} style={{ overflowWrap: 'anywhere' }}>
            <div style={{ fontSize: '1.05em' }}>{stepSentence(s, p, t)}</div>
            {s.text && !TEXT_IN_SENTENCE.has(s.kind) && <div>{s.text}</div>}
            {s.at && s.kind !== 'meeting' && <Typography.Text type="secondary">{whenText(s.at, t)}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}

/** The proposal's photos, each opening full size in a new tab. */
export function ProposalPhotos({ id, count }: { id: string; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="proposal-photos">
      {Array.from({ length: count }, (_, i) => i + 1).map((seq) => (
        <a key={seq} href={photoUrl(id, seq)} target="_blank" rel="noreferrer" aria-label={t('participate.photoOpen', { n: seq })}>
          <img src={photoUrl(id, seq)} alt={t('participate.photoAlt', { n: seq })} loading="lazy" style={{ width: 104, height: 104, objectFit: 'cover', borderRadius: 6, display: 'block' }} />
        </a>
      ))}
    </div>
  );
}
