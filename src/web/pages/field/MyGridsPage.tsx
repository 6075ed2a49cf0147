import { EditOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Progress, Space, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { unitName, useGridUnit } from '../territory/queries.ts';
import { shortAddress } from './shortAddress.ts';
import { useCoverage, useGridHouseholds, useMyGridAssignments, useWorklist } from './fieldQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Figure } from '../../components/Figure.tsx';
import { Card } from '../../components/Card.tsx';

function percent(share: number | undefined) {
  return Math.round((share ?? 0) * 100);
}

/** Households of a grid found by address, each one tap away from a visit. */
function GridHouseholdSearch({ gridId, communityName }: { gridId: string; communityName?: string }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useGridHouseholds(gridId, q, q.length > 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        size="large"
        allowClear
        placeholder={t('field.searchHousehold')}
        onSearch={(v) => setQ(v.trim())}
        loading={list.isFetching}
        data-testid="grid-household-search"
      />
      <ErrorAlert error={list.error} />
      {q && list.data?.length === 0 && <Typography.Text type="secondary">{t('field.noHouseholds')}</Typography.Text>}
      {(list.data ?? []).slice(0, 20).map((h) => (
        <div key={h.id} data-testid="grid-household-item" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
          <Link to={`/territory/households/${h.id}`} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{shortAddress(h.address, communityName)}</Link>
          <Link to={`/field/visit?householdId=${h.id}`}>
            <Button icon={<EditOutlined />} data-testid="record-visit">{t('field.visit')}</Button>
          </Link>
        </div>
      ))}
    </Space>
  );
}

function GridCard({ gridId, scopeName }: { gridId: string; scopeName: string }) {
  const { token } = theme.useToken();
  const { t, i18n } = useTranslation();
  const grid = useGridUnit(gridId);
  const coverage = useCoverage(gridId);
  const worklist = useWorklist(gridId);
  const c = coverage.data;
  const title = grid.data ? `${grid.data.communityName ?? ''} ${unitName(grid.data, i18n.language)}`.trim() : scopeName;
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}
      data-testid={`grid-card-${grid.data?.code ?? gridId}`}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
    >
      <ErrorAlert error={coverage.error ?? worklist.error} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8 }}>
        <Figure title={t('field.households')} value={c?.households} />
        <Figure title={t('field.visited30')} value={c?.visited30} suffix={c && <small>{percent(c.share30)}%</small>} />
        <Figure title={t('field.visited90')} value={c?.visited90} suffix={c && <small>{percent(c.share90)}%</small>} />
      </div>
      {c && <Progress percent={percent(c.share90)} success={{ percent: percent(c.share30) }} showInfo={false} size="small" aria-label={t('field.coverage')} />}
      <Link to={`/field/grids/${gridId}`} data-testid="open-worklist">
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '12px', background: worklist.data?.total ? token.colorErrorBg : token.colorSuccessBg, borderRadius: 8 }}>
          <Space>
            <UnorderedListOutlined />
            <Typography.Text strong>{t('field.careOverdue')}</Typography.Text>
          </Space>
          <Space>
            <Typography.Text strong type={worklist.data?.total ? 'danger' : 'success'} style={{ fontSize: '1.45em' }} data-testid="care-overdue-count">
              {worklist.data?.total ?? '–'}
            </Typography.Text>
            <RightOutlined />
          </Space>
        </div>
      </Link>
      <GridHouseholdSearch gridId={gridId} communityName={grid.data?.communityName} />
      <Link to="/field/visit">
        <Button block type="primary" size="large" icon={<EditOutlined />} data-testid="record-visit">{t('field.recordVisit')}</Button>
      </Link>
    </Card>
  );
}

/** The grid worker's start page on the phone: each grid's visit coverage and what is due. */
export function MyGridsPage() {
  const { t } = useTranslation();
  const grids = useMyGridAssignments();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('field.myGrids')}</Typography.Title>
      {grids.length === 0 && <Empty description={t('field.noGrids')} />}
      {grids.map((g) => (
        <GridCard key={g.scopeId} gridId={g.scopeId} scopeName={g.scopeName} />
      ))}
    </Space>
  );
}
