import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { yuan } from '../board/money.ts';
import { RoundStatusTag, unitText, useManagesUnit, windowText } from './budgetParts.tsx';
import { useRounds, type RoundRule, type RoundStatus, type RoundSummary } from './budgetQueries.ts';
import { RoundForm } from './RoundForm.tsx';
import { UnitPicker, useUnitChoice } from './UnitPicker.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/**
 * 微项目预算: the participatory budget rounds of a community or a street. Residents vote by
 * household; the community's staff record assisted ballots; after the count the results go on
 * the public notice board and the winners into the project pool.
 */
export function BudgetRoundsPage() {
  const { t } = useTranslation();
  const choice = useUnitChoice();
  const { unit } = choice;
  const rounds = useRounds(unit);
  const manages = useManagesUnit();
  const [creating, setCreating] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const items = rounds.data ?? [];
  const boardLink = unit.streetId ? `/board?streetId=${unit.streetId}` : unit.communityId ? `/board?communityId=${unit.communityId}` : null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1200 }} data-testid="budget-rounds-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('budget.title')}</Typography.Title>
        {manages(unit) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-round-button">{t('budget.list.newRound')}</Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('budget.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap size={[12, 8]} align="center">
          <UnitPicker choice={choice} testId="budget-unit" label={t('budget.unit.label')} />
          {boardLink && (
            <Link to={boardLink} target="_blank" data-testid="board-link">{t('budget.list.boardLink')}</Link>
          )}
        </Space>
      </Card>
      <ErrorAlert error={choice.error ?? rounds.error} />
      {!choice.loading && !unit.communityId && !unit.streetId && <Alert type="info" showIcon title={t('budget.unit.none')} />}
      {phone ? (
        // A phone reads each round as a short block rather than a table that scrolls sideways.
        <Card size="small" styles={{ body: { paddingBlock: 0 } }}>
          <List<RoundSummary>
            loading={rounds.isLoading}
            dataSource={items}
            locale={{ emptyText: t('budget.list.empty') }}
            renderItem={(r) => (
              <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid={`round-row-${r.id}`}>
                <Space size={8} wrap>
                  <Link to={`/budget-rounds/${r.id}`} style={{ overflowWrap: 'anywhere', fontWeight: 600 }}>{r.title}</Link>
                  <RoundStatusTag status={r.status} />
                </Space>
                <div>{[unitText(r, t), yuan(r.totalBudgetFen), t(`budget.rule.${r.rule}`), t('budget.list.candidateCount', { count: r.candidateCount })].join(' · ')}</div>
                <Typography.Text type="secondary">{windowText(r)}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      ) : (
        <Table<RoundSummary>
          rowKey="id"
          size="small"
          loading={rounds.isLoading}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 980 }}
          locale={{ emptyText: t('budget.list.empty') }}
          onRow={(r) => ({ 'data-testid': `round-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('budget.list.round'),
              dataIndex: 'title',
              fixed: 'left',
              width: 200,
              render: (title: string, r) => <Link to={`/budget-rounds/${r.id}`} style={{ overflowWrap: 'anywhere' }}>{title}</Link>,
            },
            { title: t('budget.list.unit'), key: 'unit', width: 150, render: (_, r) => unitText(r, t) },
            { title: t('budget.list.total'), dataIndex: 'totalBudgetFen', width: 120, align: 'right', render: (fen: number) => yuan(fen) },
            { title: t('budget.list.rule'), dataIndex: 'rule', width: 150, render: (rule: RoundRule) => t(`budget.rule.${rule}`) },
            { title: t('budget.list.window'), key: 'window', width: 200, render: (_, r) => windowText(r) },
            { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: RoundStatus) => <RoundStatusTag status={s} /> },
            { title: t('budget.list.candidates'), dataIndex: 'candidateCount', width: 110, align: 'right' },
          ]}
        />
      )}
      {creating && (unit.communityId || unit.streetId) && <RoundForm unit={unit} unitName={choice.unitName ?? ''} onClose={() => setCreating(false)} />}
    </Space>
  );
}
