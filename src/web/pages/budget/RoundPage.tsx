import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Grid, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { yuan } from '../board/money.ts';
import { BudgetUsedLine, TurnoutLine } from '../board/TurnoutSummary.tsx';
import { GridTurnoutTable, VoteBars } from '../board/VoteBars.tsx';
import { AssistedBallotCard } from './AssistedBallotCard.tsx';
import { RoundStatusTag, unitText, when, windowText } from './budgetParts.tsx';
import { useRound, useRoundStep, type Candidate, type RoundDetail } from './budgetQueries.ts';
import { CandidateForm } from './CandidateForm.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

const cardTitle = (text: string) => <Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{text}</Typography.Title>;

const boardPath = (r: RoundDetail) => `/board?${r.unit.kind === 'street' ? 'streetId' : 'communityId'}=${r.unit.id}`;

function CandidatesCard({ round, step }: { round: RoundDetail; step: ReturnType<typeof useRoundStep> }) {
  const { t } = useTranslation();
  const editing = round.actions.includes('edit');
  const counted = round.candidates.some((c) => c.votes !== null);
  const street = round.unit.kind === 'street';
  const phone = !Grid.useBreakpoint().md;
  const outcome = (c: Candidate) => (
    <Space size={4} wrap>
      {c.won ? <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('budget.results.won')}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>{t('budget.results.lost')}</Tag>}
      {c.pipelineId && <Link to={`/three-lists?communityId=${c.community.id}`} data-testid={`pipeline-link-${c.id}`}>{t('budget.results.inPool')}</Link>}
    </Space>
  );
  const remove = (c: Candidate) => (
    <Popconfirm title={t('budget.candidate.removeConfirm', { title: c.title })} onConfirm={() => step.mutate(`candidates/${c.id}/remove`)} okText={t('common.ok')} cancelText={t('common.cancel')}>
      <Button size="small" danger icon={<DeleteOutlined />} data-testid={`remove-candidate-${c.id}`}>{t('budget.candidate.remove')}</Button>
    </Popconfirm>
  );
  const title = cardTitle(t('budget.round.candidates', { count: round.candidates.length }));
  // A phone reads each candidate as a short block rather than a table that scrolls sideways.
  if (phone) {
    return (
      <Card size="small" title={title} data-testid="candidates-card">
        <List<Candidate>
          dataSource={round.candidates}
          locale={{ emptyText: t(editing ? 'budget.round.noCandidatesYet' : 'budget.round.noCandidates') }}
          renderItem={(c) => (
            <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid={`candidate-row-${c.id}`}>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{c.title}</Typography.Text>
              {c.description && <div><Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{c.description}</Typography.Text></div>}
              <div>{[street && c.community.name, yuan(c.costFen), t(`budget.source.${c.source}`), c.votes !== null && t('budget.results.votes', { count: c.votes })].filter(Boolean).join(' · ')}</div>
              {(counted || editing) && <div style={{ marginTop: 4 }}>{counted ? outcome(c) : remove(c)}</div>}
            </List.Item>
          )}
        />
      </Card>
    );
  }
  return (
    <Card size="small" title={title} data-testid="candidates-card">
      <Table<Candidate>
        rowKey="id"
        size="small"
        dataSource={round.candidates}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t(editing ? 'budget.round.noCandidatesYet' : 'budget.round.noCandidates') }}
        onRow={(c) => ({ 'data-testid': `candidate-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('budget.candidate.title'),
            dataIndex: 'title',
            render: (title: string, c) => (
              <>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{title}</Typography.Text>
                {c.description && <div><Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{c.description}</Typography.Text></div>}
              </>
            ),
          },
          ...(street ? [{ title: t('budget.candidate.community'), key: 'community', width: 120, render: (_: unknown, c: Candidate) => c.community.name }] : []),
          { title: t('budget.candidate.costColumn'), dataIndex: 'costFen', width: 140, align: 'right' as const, render: (fen: number) => yuan(fen) },
          { title: t('budget.candidate.source'), dataIndex: 'source', width: 110, render: (s: Candidate['source']) => t(`budget.source.${s}`) },
          ...(counted
            ? [
                { title: t('budget.results.votesTitle'), dataIndex: 'votes', width: 80, align: 'right' as const, render: (v: number | null) => v ?? '—' },
                {
                  title: t('budget.results.outcome'),
                  key: 'won',
                  width: 150,
                  render: (_: unknown, c: Candidate) => outcome(c),
                },
              ]
            : []),
          ...(editing
            ? [
                {
                  title: <span>{t('budget.round.actions')}</span>,
                  key: 'remove',
                  width: 90,
                  render: (_: unknown, c: Candidate) => remove(c),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function ResultsCard({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const street = round.unit.kind === 'street';
  return (
    <Card size="small" title={cardTitle(t('budget.results.title'))} data-testid="round-results">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <BudgetUsedLine candidates={round.candidates} totalBudgetFen={round.totalBudgetFen} />
        <VoteBars candidates={round.candidates.map((c) => ({ id: c.id, title: c.title, costFen: c.costFen, votes: c.votes, won: c.won, extra: street ? c.community.name : undefined }))} testId="vote-bars" />
        {round.turnout && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('budget.results.turnoutTitle')}</Typography.Title>
            <TurnoutLine turnout={round.turnout} />
            <GridTurnoutTable rows={round.turnout.byGrid} showCommunity={street} testId="turnout-by-grid" />
          </>
        )}
      </Space>
    </Card>
  );
}

/** 预算轮次: its facts, candidates, the assisted ballots while voting runs, and the count and its publication. */
export function RoundPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const round = useRound(id);
  const step = useRoundStep(id ?? '');
  const crumbs = <RecordCrumbs listPath="/budget-rounds" listTitle={t('budget.title')} current={round.data?.title ?? t('budget.round.title')} />;
  if (!round.data) return <>{crumbs}<QueryState isLoading={round.isLoading} error={round.error} /></>;
  const r = round.data;
  const can = (a: RoundDetail['actions'][number]) => r.actions.includes(a);
  const confirm = (title: string, content: string, path: string, done: string) => {
    void modal.confirm({
      title,
      content,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      // A refusal closes the dialog and shows above the page, where it stays to be read.
      onOk: () => step.mutateAsync(path).then(() => void message.success(done), () => undefined),
    });
  };
  const closed = Date.now() >= Date.parse(r.closesAt);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1200 }} data-testid="round-page">
      <div>
        {crumbs}
        <Space wrap size={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>{r.title}</Typography.Title>
          <RoundStatusTag status={r.status} />
        </Space>
      </div>
      <ErrorAlert error={step.error} />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="round-facts">
          <Descriptions.Item label={t('budget.list.unit')}>{unitText(r, t)}</Descriptions.Item>
          <Descriptions.Item label={t('budget.list.total')}>{yuan(r.totalBudgetFen)}</Descriptions.Item>
          <Descriptions.Item label={t('budget.list.window')}>{windowText(r)}</Descriptions.Item>
          <Descriptions.Item label={t('budget.list.rule')}>
            <span>
              {t(`budget.rule.${r.rule}`)}
              <Typography.Text type="secondary">{t('budget.round.ruleExplained', { text: t(`budget.ruleHint.${r.rule}`) })}</Typography.Text>
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('budget.round.maxChoices')}>{r.maxChoices === null ? t('budget.round.noLimit') : t('budget.round.upTo', { count: r.maxChoices })}</Descriptions.Item>
          <Descriptions.Item label={t('budget.round.ballotRule')}>{t('budget.round.oneHousehold')}</Descriptions.Item>
        </Descriptions>
        <Space wrap size={8} style={{ marginTop: 12 }}>
          {can('open') && (
            <Button
              type="primary"
              disabled={r.candidates.length < 2}
              onClick={() => confirm(t('budget.round.openTitle'), t('budget.round.openConfirm', { window: windowText(r) }), 'open', t('budget.round.opened'))}
              data-testid="open-round-button"
            >
              {t('budget.round.open')}
            </Button>
          )}
          {can('count') && (
            <Button type="primary" onClick={() => confirm(t('budget.round.countTitle'), t('budget.round.countConfirm'), 'count', t('budget.round.counted'))} data-testid="count-button">
              {t('budget.round.count')}
            </Button>
          )}
          {can('publish') && (
            <Button type="primary" onClick={() => confirm(t('budget.round.publishTitle'), t('budget.round.publishConfirm'), 'publish', t('budget.round.published'))} data-testid="publish-button">
              {t('budget.round.publish')}
            </Button>
          )}
          {r.status === 'published' && (
            <Link to={boardPath(r)} target="_blank" data-testid="round-board-link">{t('budget.round.onBoard')}</Link>
          )}
        </Space>
        {can('open') && r.candidates.length < 2 && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('budget.round.needTwo')}</Typography.Paragraph>}
        {r.status === 'open' && !closed && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('budget.round.countLater', { at: when(r.closesAt) })}</Typography.Paragraph>}
        {r.status === 'counted' && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('budget.round.publishHint')}</Typography.Paragraph>}
      </Card>
      {r.status === 'open' && r.ballotsSoFar && (
        <Alert
          type="info"
          showIcon
          data-testid="ballots-so-far"
          title={t('budget.round.ballotsSoFar', { total: r.ballotsSoFar.online + r.ballotsSoFar.assisted, online: r.ballotsSoFar.online, assisted: r.ballotsSoFar.assisted })}
          description={t('budget.round.ballotsSecret')}
        />
      )}
      {(r.status === 'counted' || r.status === 'published') && <ResultsCard round={r} />}
      <CandidatesCard round={r} step={step} />
      {can('edit') && (
        <Card size="small" title={cardTitle(t('budget.candidate.addTitle'))}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('budget.candidate.hint')}</Typography.Paragraph>
          <CandidateForm round={r} />
        </Card>
      )}
      {can('record_ballot') && <AssistedBallotCard round={r} />}
    </Space>
  );
}
