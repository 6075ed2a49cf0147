import { useQuery } from '@tanstack/react-query';
import { Alert, Layout, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PublicBoard } from '../../../server/modules/participation/participation.schemas.ts';
import { api } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { yuan } from './money.ts';
import { BudgetUsedLine, TurnoutLine } from './TurnoutSummary.tsx';
import { GridTurnoutTable, VoteBars } from './VoteBars.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type Round = PublicBoard['rounds'][number];
type Decision = PublicBoard['decisions'][number];

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

function Section({ title, testId, children, empty }: { title: string; testId: string; children: ReactNode; empty?: string | false }) {
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>{title}</Typography.Title>} data-testid={testId}>
      {empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : children}
    </Card>
  );
}

/** A plain list with a line between items: lighter than antd's List, and reads well on a phone. */
function Items({ children }: { children: ReactNode }) {
  return <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>{children}</ul>;
}

const ROUND_COLOURS: Record<Round['status'], string> = { draft: 'default', open: 'processing', counted: 'gold', published: 'green' };
const TOPIC_COLOURS: Record<Decision['status'], string> = { open: 'default', passed: 'green', rejected: 'red', implementing: 'processing', done: 'green' };

function RoundBlock({ r, first }: { r: Round; first: boolean }) {
  const { t } = useTranslation();
  const counted = r.candidates.some((c) => c.votes !== null);
  return (
    <li style={{ borderTop: first ? undefined : '1px solid #f0f0f0', paddingTop: first ? 0 : 12 }} data-testid="board-round">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{r.title}</Typography.Title>
          <Tag color={ROUND_COLOURS[r.status]} style={{ marginInlineEnd: 0 }}>{t(`budget.status.${r.status}`)}</Tag>
        </Space>
        <Typography.Text>
          {t('budget.board.roundFacts', { unit: r.unitName, total: yuan(r.totalBudgetFen), from: when(r.opensAt), to: when(r.closesAt) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('budget.board.ruleLine', { rule: t(`budget.rule.${r.rule}`), text: t(`budget.ruleHint.${r.rule}`) })}</Typography.Text>
        {counted && <BudgetUsedLine candidates={r.candidates} totalBudgetFen={r.totalBudgetFen} />}
        {counted ? (
          <VoteBars candidates={r.candidates} />
        ) : (
          <>
            <Typography.Text strong>{t('budget.board.candidates', { count: r.candidates.length })}</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {r.candidates.map((c, i) => <li key={`${c.title}-${i}`}>{c.title} · {yuan(c.costFen)}</li>)}
            </ul>
            {r.status === 'open' && <Typography.Text type="secondary">{t('budget.board.howToVote')}</Typography.Text>}
          </>
        )}
        {r.turnout && (
          <>
            <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{t('budget.results.turnoutTitle')}</Typography.Title>
            <TurnoutLine turnout={r.turnout} />
            <GridTurnoutTable rows={r.turnout.byGrid} showCommunity={r.turnout.byGrid.some((g) => g.community !== r.turnout!.byGrid[0]?.community)} testId="board-turnout-by-grid" />
          </>
        )}
      </Space>
    </li>
  );
}

/**
 * 公示栏: a community's or street's notice board, read by anyone without signing in — the
 * council's agenda and decisions, the budget rounds with their results and turnout by grid,
 * and coming activities. The server gives no personal data; proposers are named as the
 * community's settings allow (孙某, or not at all).
 */
export function BoardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = { communityId: params.get('communityId') ?? undefined, streetId: params.get('streetId') ?? undefined };
  const asked = !!(query.communityId || query.streetId);
  const board = useQuery({ queryKey: ['public', 'board', query], queryFn: () => api.get<PublicBoard>('/public/board', query), enabled: asked });
  const b = board.data;
  const publicity = `/publicity?${query.streetId ? `streetId=${query.streetId}` : `communityId=${query.communityId ?? ''}`}`;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, paddingInline: 16, height: 'auto', minHeight: 64, lineHeight: 1.4 }}>
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 18, margin: '12px 0' }}>
          {b ? t('budget.board.titleOf', { unit: b.unit.name }) : t('budget.board.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <main data-testid="public-board">
          {!asked ? (
            <Alert type="info" showIcon title={t('budget.board.noUnit')} />
          ) : !b ? (
            <QueryState isLoading={board.isLoading} error={board.error} />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('budget.board.intro')}</Typography.Paragraph>

              <Section title={t('budget.board.agenda')} testId="board-agenda" empty={b.agenda.length === 0 && t('budget.board.agendaEmpty')}>
                <Items>
                  {b.agenda.map((a, i) => (
                    <li key={`${a.title}-${i}`}>
                      <Typography.Text strong>{a.title}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary">
                          {[b.unit.kind === 'street' && a.community, a.proposer && t('budget.board.proposer', { name: a.proposer }), t('budget.board.supports', { count: a.supportCount }), a.meetingAt ? t('budget.board.meetingAt', { at: when(a.meetingAt) }) : t('budget.board.meetingTbd')]
                            .filter(Boolean)
                            .join(' · ')}
                        </Typography.Text>
                      </div>
                    </li>
                  ))}
                </Items>
              </Section>

              <Section title={t('budget.board.decisions')} testId="board-decisions" empty={b.decisions.length === 0 && t('budget.board.decisionsEmpty')}>
                <Items>
                  {b.decisions.map((d, i) => (
                    <li key={`${d.title}-${i}`} style={{ borderTop: i > 0 ? '1px solid #f0f0f0' : undefined, paddingTop: i > 0 ? 12 : 0 }}>
                      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                        <Space wrap size={8}>
                          <Typography.Text strong>{d.title}</Typography.Text>
                          <Tag color={TOPIC_COLOURS[d.status]} style={{ marginInlineEnd: 0 }}>{t(`budget.board.topicStatus.${d.status}`)}</Tag>
                        </Space>
                        <Typography.Text type="secondary">
                          {[b.unit.kind === 'street' && d.community, d.proposer && t('budget.board.proposer', { name: d.proposer }), t('budget.board.decidedAt', { at: day(d.decidedAt) })].filter(Boolean).join(' · ')}
                        </Typography.Text>
                        <Typography.Text>{t('budget.board.votes', { for: d.votes.for, against: d.votes.against, abstain: d.votes.abstain })}</Typography.Text>
                        {d.decision && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.decision}</Typography.Paragraph>}
                        {d.feedback.length > 0 && (
                          <div>
                            <Typography.Text strong>{t('budget.board.feedback')}</Typography.Text>
                            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                              {d.feedback.map((f, j) => (
                                <li key={j}>
                                  <Typography.Text type="secondary">{day(f.at)}</Typography.Text> {f.text}
                                  {f.done && <Tag color="green" style={{ marginInlineStart: 6 }}>{t('budget.board.done')}</Tag>}
                                </li>
                              ))}
                            </ul>
                          </div>
                        )}
                      </Space>
                    </li>
                  ))}
                </Items>
              </Section>

              <Section title={t('budget.board.rounds')} testId="board-rounds" empty={b.rounds.length === 0 && t('budget.board.roundsEmpty')}>
                <Items>{b.rounds.map((r, i) => <RoundBlock key={`${r.title}-${i}`} r={r} first={i === 0} />)}</Items>
              </Section>

              <Section title={t('budget.board.activities')} testId="board-activities" empty={b.activities.length === 0 && t('budget.board.activitiesEmpty')}>
                <Activities items={b.activities} />
              </Section>

              <Section title={t('budget.board.publicity')} testId="board-publicity">
                <Typography.Paragraph style={{ margin: '0 0 8px' }}>{t('budget.board.publicityHint')}</Typography.Paragraph>
                <Link to={publicity} data-testid="board-publicity-link">{t('budget.board.publicityLink')}</Link>
              </Section>
            </Space>
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}

/** Activities by day, as a calendar reads: the day, then each activity's hours, title and place. */
function Activities({ items }: { items: PublicBoard['activities'] }) {
  const { t } = useTranslation();
  const days = new Map<string, PublicBoard['activities']>();
  for (const a of [...items].sort((x, y) => x.startsAt.localeCompare(y.startsAt))) {
    const key = day(a.startsAt);
    days.set(key, [...(days.get(key) ?? []), a]);
  }
  return (
    <Items>
      {[...days.entries()].map(([key, list]) => (
        <li key={key}>
          <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 4px' }}>{dayjs(key).format(t('budget.board.dayFormat'))}</Typography.Title>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 4 }}>
            {list.map((a, i) => {
              const end = dayjs(a.endsAt);
              const sameDay = day(a.endsAt) === key;
              return (
                <li key={`${a.title}-${i}`} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
                  <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {dayjs(a.startsAt).format('HH:mm')}–{sameDay ? end.format('HH:mm') : end.format('MM-DD HH:mm')}
                  </span>
                  <span style={{ overflowWrap: 'anywhere' }}>
                    <Typography.Text strong>{a.title}</Typography.Text>
                    {a.place && <Typography.Text type="secondary"> · {a.place}</Typography.Text>}
                  </span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </Items>
  );
}
