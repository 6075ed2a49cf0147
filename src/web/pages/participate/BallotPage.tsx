import { CheckCircleFilled, LeftOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Tag, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { BallotNote } from './BallotNote.tsx';
import { roundPhase, whenText, yuan } from './participateFormat.ts';
import { useCastBallot, useRound, type Candidate, type RoundDetail } from './participateQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The rule in one sentence, and how many may be chosen. */
function RuleLine({ r }: { r: RoundDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" data-testid="ballot-rule">
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>
        {t('participate.ballot.budget', { budget: yuan(r.totalBudgetFen, i18n.language), unit: r.unit.name })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 16 }}>{t(`participate.ballot.rule.${r.rule}`)}</Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 16 }}>
        {r.maxChoices ? t('participate.ballot.maxChoices', { n: r.maxChoices }) : t('participate.ballot.anyChoices')}
        {t('participate.ballot.oneBallot')}
      </Typography.Paragraph>
    </Card>
  );
}

/** Votes and winners once counted: the winners first, then by votes. */
function Results({ r }: { r: RoundDetail }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const sorted = [...r.candidates].sort((a, b) => Number(b.won ?? false) - Number(a.won ?? false) || (b.votes ?? 0) - (a.votes ?? 0));
  return (
    <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('participate.ballot.results')}</Typography.Title>} data-testid="ballot-results">
      {r.turnout && <Typography.Paragraph>{t('participate.ballot.turnout', { voted: r.turnout.online + r.turnout.assisted, households: r.turnout.households, percent: r.turnout.percent })}</Typography.Paragraph>}
      {sorted.map((c, i) => (
        <div key={c.id} data-testid={`result-${c.id}`} data-won={c.won ? 'true' : 'false'} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 0', borderTop: i === 0 ? undefined : `1px solid ${token.colorBorderSecondary}` }}>
          <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            <Typography.Text strong>{c.title}</Typography.Text>
            <div><Typography.Text type="secondary">{t('participate.ballot.cost', { cost: yuan(c.costFen, i18n.language) })}</Typography.Text></div>
          </div>
          <div style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
            <div>{t('participate.ballot.votes', { count: c.votes ?? 0 })}</div>
            {c.won ? <Tag color="green" icon={<TrophyOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>{t('participate.ballot.won')}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>{t('participate.ballot.notWon')}</Tag>}
          </div>
        </div>
      ))}
    </Card>
  );
}

/** One candidate to tick; a street round's candidates also say the community each is for. */
function CandidateBox({ c, checked, disabled, onChange, street }: { c: Candidate; checked: boolean; disabled: boolean; onChange: (v: boolean) => void; street: boolean }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Checkbox
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
      style={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: 4,
        padding: '12px 14px',
        marginInlineStart: 0,
        borderRadius: 8,
        border: `${checked ? 2 : 1}px solid ${checked ? token.colorPrimary : token.colorBorder}`,
        background: checked ? token.colorPrimaryBg : token.colorBgContainer,
      }}
      data-testid={`ballot-candidate-${c.id}`}
    >
      <div style={{ minWidth: 0, overflowWrap: 'anywhere', color: token.colorText }}>
        <div style={{ fontSize: 17, fontWeight: 600 }}>{c.title}</div>
        {c.description && <div style={{ fontSize: 15, whiteSpace: 'pre-wrap' }}>{c.description}</div>}
        <div style={{ fontSize: 15, color: token.colorTextSecondary }}>
          {t('participate.ballot.cost', { cost: yuan(c.costFen, i18n.language) })}
          {street ? ` · ${c.community.name}` : ''}
        </div>
      </div>
    </Checkbox>
  );
}

/** The household's one ballot: candidates to tick (at most maxChoices), a confirmation, then the ballot as cast. */
function Vote({ r }: { r: RoundDetail }) {
  const { t, i18n } = useTranslation();
  const { modal } = useNotices();
  const cast = useCastBallot(r.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const full = r.maxChoices !== null && chosen.length >= r.maxChoices;
  const cost = r.candidates.filter((c) => chosen.includes(c.id)).reduce((s, c) => s + c.costFen, 0);
  const toggle = (id: string, on: boolean) => setChosen((cur) => (on ? [...cur, id] : cur.filter((x) => x !== id)));
  const submit = () => {
    modal.confirm({
      title: t('participate.ballot.confirmTitle'),
      content: (
        <div>
          <Typography.Paragraph strong>{t('participate.ballot.confirmOnce')}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {r.candidates.filter((c) => chosen.includes(c.id)).map((c) => <li key={c.id}>{c.title}</li>)}
          </ul>
        </div>
      ),
      okText: t('participate.ballot.confirmOk'),
      cancelText: t('participate.ballot.confirmBack'),
      onOk: async () => {
        try {
          await cast.mutateAsync({ candidateIds: chosen });
          window.scrollTo(0, 0);
        } catch {
          // Shown above the button.
        }
      },
    });
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('participate.ballot.choose')}</Typography.Title>
      {r.candidates.map((c) => (
        <CandidateBox key={c.id} c={c} checked={chosen.includes(c.id)} disabled={!chosen.includes(c.id) && full} onChange={(on) => toggle(c.id, on)} street={r.unit.kind === 'street'} />
      ))}
      <Typography.Text style={{ fontSize: 16 }} data-testid="ballot-chosen" aria-live="polite">
        {t('participate.ballot.chosen', { count: chosen.length, cost: yuan(cost, i18n.language) })}
        {full && ` ${t('participate.ballot.full')}`}
      </Typography.Text>
      <ErrorAlert error={cast.error} />
      <Button type="primary" size="large" block disabled={chosen.length === 0} loading={cast.isPending} onClick={submit} style={{ height: 56, fontSize: 19 }} data-testid="ballot-submit">
        {t('participate.ballot.submit')}
      </Button>
    </div>
  );
}

/** What the household chose, when, and where the results will be. */
function Done({ r }: { r: RoundDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ballot = r.myBallot!;
  const titles = r.candidates.filter((c) => ballot.candidateIds.includes(c.id));
  const communityId = r.unit.kind === 'community' ? r.unit.id : titles[0]?.community.id ?? r.candidates[0]?.community.id;
  const boardLink = r.unit.kind === 'street' ? `/board?streetId=${r.unit.id}` : `/board?communityId=${communityId}`;
  return (
    <Card size="small" data-testid="ballot-done" style={{ borderColor: '#52c41a' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> {t('participate.ballot.doneTitle')}
      </Typography.Title>
      <div style={{ margin: '6px 0' }}><BallotNote ballot={ballot} /></div>
      <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 16 }}>{t('participate.ballot.yourChoices')}</Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20, margin: '4px 0 8px', fontSize: 16 }} data-testid="ballot-choices">
        {titles.map((c) => <li key={c.id}>{c.title}</li>)}
      </ul>
      <Typography.Paragraph style={{ margin: '0 0 8px', fontSize: 16 }}>{t('participate.ballot.resultsWhere')}</Typography.Paragraph>
      {(communityId || r.unit.kind === 'street') && (
        <Button block size="large" style={{ minHeight: 48 }} href={boardLink} onClick={(e) => { e.preventDefault(); navigate(boardLink); }} data-testid="board-link">
          {t('participate.ballot.toBoard')}
        </Button>
      )}
    </Card>
  );
}

/** 微项目预算投票: a household's ballot for a budget round on a phone, or where the round stands. */
export function BallotPage() {
  const { t } = useTranslation();
  const { roundId } = useParams();
  const round = useRound(roundId);
  const r = round.data;
  const phase = r ? roundPhase(r) : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="ballot-page">
      <Link to="/participate" style={{ alignSelf: 'flex-start' }}><LeftOutlined aria-hidden /> {t('participate.title')}</Link>
      {!r ? (
        <QueryState isLoading={round.isLoading} error={round.error} />
      ) : (
        <>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>{r.title}</Typography.Title>
          <Typography.Text style={{ fontSize: 16 }} data-testid="ballot-window" data-phase={phase}>
            {phase === 'open'
              ? t('participate.roundCloses', { when: whenText(r.closesAt, t) })
              : phase === 'soon'
                ? t('participate.roundOpens', { when: whenText(r.opensAt, t) })
                : t('participate.ballot.window', { from: whenText(r.opensAt, t), to: whenText(r.closesAt, t) })}
          </Typography.Text>
          {r.myBallot ? (
            <Done r={r} />
          ) : phase !== 'open' ? (
            <Alert type={phase === 'soon' || phase === 'draft' ? 'info' : 'warning'} showIcon title={t(`participate.ballot.phase.${phase}`)} data-testid="ballot-closed" />
          ) : !r.actions.includes('vote') ? (
            <Alert type="info" showIcon title={t('participate.ballot.cannotVote')} data-testid="ballot-closed" />
          ) : null}
          <RuleLine r={r} />
          {(phase === 'counted' || phase === 'published') && <Results r={r} />}
          {!r.myBallot && phase === 'open' && r.actions.includes('vote') && <Vote r={r} />}
          {!r.myBallot && phase !== 'open' && phase !== 'counted' && phase !== 'published' && (
            <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('participate.ballot.candidates')}</Typography.Title>}>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {r.candidates.map((c) => <li key={c.id}>{c.title}</li>)}
              </ul>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
