import { Alert, DatePicker, Grid, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { todayInShanghai } from '../worklog/worklogDates.ts';
import { percentText } from '../board/money.ts';
import { useEngagement, type Engagement } from './budgetQueries.ts';
import { UnitPicker, useUnitChoice } from './UnitPicker.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The ways a household takes part, in the order the server's schema lists them (ENGAGEMENT_KINDS). */
const ENGAGEMENT_KINDS = ['reported', 'proposed', 'supported', 'voted', 'attended', 'volunteered'] as const satisfies readonly (keyof Engagement['kinds'])[];

/** Below this share of households engaged in 90 days, a community or grid is "cold". */
const COLD_PERCENT = 20;

type CommunityRow = Engagement['communities'][number];
type UnitRow = Omit<CommunityRow, 'grids'> & { grids?: UnitRow[] };

function PercentCell({ percent }: { percent: number }) {
  const { t } = useTranslation();
  const cold = percent < COLD_PERCENT;
  return (
    <Space size={6} wrap style={{ justifyContent: 'flex-end' }}>
      <span style={{ fontWeight: cold ? 600 : 400 }}>{percentText(percent)}</span>
      {cold && <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="cold-tag">{t('budget.engagement.cold')}</Tag>}
    </Space>
  );
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div style={{ minWidth: 110 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={testId}>{value}</div>
    </div>
  );
}

/**
 * 居民参与度: households that took part in the 90 days up to a day — reported a need, proposed,
 * supported, voted, attended or volunteered — per community and grid, the cold ones marked.
 */
export function EngagementPage() {
  const { t } = useTranslation();
  const choice = useUnitChoice();
  const { unit } = choice;
  const today = todayInShanghai();
  const [params, setParams] = useSearchParams();
  const asked = params.get('until') ?? '';
  const until = /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked <= today ? asked : today;
  const engagement = useEngagement({ ...unit, until });
  const e = engagement.data;
  const setUntil = (day: string | undefined) => {
    const p = new URLSearchParams(params);
    if (day && day !== today) p.set('until', day);
    else p.delete('until');
    setParams(p, { replace: true });
  };
  const phone = !Grid.useBreakpoint().sm;
  const rows: UnitRow[] = (e?.communities ?? []).map((c) => ({ ...c, grids: c.grids.length > 0 ? c.grids : undefined }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }} data-testid="engagement-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('budget.engagement.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('budget.engagement.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap size={[12, 8]} align="center">
          <UnitPicker choice={choice} testId="engagement-unit" label={t('budget.unit.label')} />
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <span>{t('budget.engagement.until')}</span>
            <DatePicker
              value={dayjs(until)}
              onChange={(d) => setUntil(d ? d.format('YYYY-MM-DD') : undefined)}
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              data-testid="engagement-until"
            />
          </label>
        </Space>
      </Card>
      <ErrorAlert error={choice.error ?? engagement.error} />
      {!choice.loading && !unit.communityId && !unit.streetId && <Alert type="info" showIcon title={t('budget.unit.none')} />}
      {e && (
        <Card size="small" data-testid="engagement-figures">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('budget.engagement.period', { since: e.since, until: e.until })}</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px', alignItems: 'flex-end' }}>
              <Figure label={t('budget.engagement.engaged')} value={e.engaged} testId="engagement-engaged" />
              <Figure label={t('budget.engagement.households')} value={e.households} testId="engagement-households" />
              <Figure label={t('budget.engagement.percent')} value={percentText(e.percent)} testId="engagement-percent" />
              {e.percent < COLD_PERCENT && <Tag color="blue" style={{ marginBottom: 6 }}>{t('budget.engagement.cold')}</Tag>}
            </div>
            <Typography.Text>{t('budget.engagement.summary', { engaged: e.engaged, households: e.households, percent: percentText(e.percent) })}</Typography.Text>
            <div>
              <Typography.Title level={4} style={{ fontSize: '1em', margin: '0 0 6px' }}>{t('budget.engagement.kindsTitle')}</Typography.Title>
              <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: '8px 24px' }} data-testid="engagement-kinds">
                {ENGAGEMENT_KINDS.map((k) => (
                  <li key={k} data-testid={`engagement-kind-${k}`}>
                    <Typography.Text type="secondary">{t(`budget.engagement.kind.${k}`)}</Typography.Text>{' '}
                    <Typography.Text strong>{e.kinds[k]}</Typography.Text>
                  </li>
                ))}
              </ul>
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>{t('budget.engagement.kindsHint')}</Typography.Text>
            </div>
          </Space>
        </Card>
      )}
      <Typography.Text type="secondary">{t('budget.engagement.coldHint', { percent: COLD_PERCENT })}</Typography.Text>
      <Table<UnitRow>
        rowKey="id"
        size="small"
        loading={engagement.isLoading}
        dataSource={rows}
        pagination={false}
        data-testid="engagement-table"
        locale={{ emptyText: t('budget.engagement.empty') }}
        expandable={{ childrenColumnName: 'grids', indentSize: 16 }}
        onRow={(r) => ({ 'data-testid': `engagement-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('budget.engagement.unitColumn'), dataIndex: 'name', render: (n: string, r) => (r.grids ? <Typography.Text strong>{n}</Typography.Text> : n) },
          // A phone has room for three columns: engaged of households in one.
          ...(phone
            ? [{ title: t('budget.engagement.engagedOf'), key: 'of', width: 100, align: 'right' as const, render: (_: unknown, r: UnitRow) => `${r.engaged} / ${r.households}` }]
            : [
                { title: t('budget.engagement.households'), dataIndex: 'households', width: 100, align: 'right' as const },
                { title: t('budget.engagement.engagedShort'), dataIndex: 'engaged', width: 100, align: 'right' as const },
              ]),
          { title: t('budget.engagement.percent'), dataIndex: 'percent', width: phone ? 96 : 150, align: 'right', render: (p: number) => <PercentCell percent={p} />, sorter: (a, b) => a.percent - b.percent },
        ]}
      />
    </Space>
  );
}
