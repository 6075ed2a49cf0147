import { EditOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { unitName, useGridUnit, useTagLabel } from '../territory/queries.ts';
import { shortAddress } from './shortAddress.ts';
import { useAllGridHouseholds, useCoverage, useRecentVisits, useWorklist, type WorklistItem } from './fieldQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const rowStyle = { display: 'flex', alignItems: 'center', gap: 8, padding: '10px 0', borderBottom: '1px solid #f0f0f0' } as const;

function WorklistRow({ item, communityName }: { item: WorklistItem; communityName?: string }) {
  const { t } = useTranslation();
  const tagLabel = useTagLabel();
  const to = `/field/visit?householdId=${item.householdId}&residentId=${item.residentId}&kind=care`;
  return (
    <div style={rowStyle} data-testid="worklist-row" data-resident={item.residentName}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space wrap size={4}>
          <Typography.Text strong style={{ fontSize: '1.15em' }}>{item.residentName}</Typography.Text>
          {item.tags.map((code) => (
            <Tag key={code} color="orange" style={{ marginInlineEnd: 0 }}>{tagLabel(code)}</Tag>
          ))}
        </Space>
        <div style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text type="secondary">{shortAddress(item.householdAddress, communityName)}</Typography.Text>
        </div>
        <div>
          {item.daysOverdue === null ? (
            <Typography.Text type="danger" strong>{t('field.neverVisited')}</Typography.Text>
          ) : (
            <Space wrap size={8}>
              <Typography.Text type="danger" strong>{t('field.daysOverdue', { count: item.daysOverdue })}</Typography.Text>
              <Typography.Text type="secondary">{t('field.lastVisit', { date: item.lastVisitDate })}</Typography.Text>
            </Space>
          )}
          <Typography.Text type="secondary"> · {t('field.everyDays', { count: item.careIntervalDays })}</Typography.Text>
        </div>
      </div>
      <Link to={to}>
        <Button type="primary" icon={<EditOutlined />} style={{ height: 44 }} data-testid="record-visit">{t('field.visit')}</Button>
      </Link>
    </div>
  );
}

/** Households with no visit in 90 days: computed here from the grid's households and its recent visits. */
function NotVisited({ gridId, communityName }: { gridId: string; communityName?: string }) {
  const { t } = useTranslation();
  const from = useMemo(() => dayjs().subtract(90, 'day').format('YYYY-MM-DD'), []);
  const households = useAllGridHouseholds(gridId, true);
  const visits = useRecentVisits(gridId, from);
  const rows = useMemo(() => {
    if (!households.data || !visits.data) return undefined;
    const seen = new Set(visits.data.map((v) => v.householdId));
    return households.data.filter((h) => !seen.has(h.id));
  }, [households.data, visits.data]);
  const [shown, setShown] = useState(30);
  if (households.error || visits.error) return <ErrorAlert error={households.error ?? visits.error} />;
  if (!rows) return <Spin style={{ display: 'block', margin: '16px auto' }} />;
  if (rows.length === 0) return <Empty description={t('field.allVisited')} />;
  return (
    <div data-testid="not-visited">
      {rows.slice(0, shown).map((h) => (
        <div key={h.id} style={rowStyle} data-testid="not-visited-row">
          <Link to={`/territory/households/${h.id}`} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{shortAddress(h.address, communityName)}</Link>
          <Link to={`/field/visit?householdId=${h.id}&kind=routine`}>
            <Button icon={<EditOutlined />} style={{ height: 44 }} data-testid="record-visit">{t('field.visit')}</Button>
          </Link>
        </div>
      ))}
      {rows.length > shown && (
        <Button block onClick={() => setShown(shown + 30)} style={{ marginTop: 8 }}>{t('common.loadMore')}</Button>
      )}
    </div>
  );
}

/** One grid's visit worklist: who is past their care interval, and which households nobody has visited. */
export function GridWorklistPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const grid = useGridUnit(id);
  const coverage = useCoverage(id);
  const worklist = useWorklist(id);
  const [showNotVisited, setShowNotVisited] = useState(false);
  if (!grid.data) return <QueryState isLoading={grid.isLoading} error={grid.error} />;
  const c = coverage.data;
  const notVisited = c ? c.households - c.visited90 : undefined;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/field"><LeftOutlined /> {t('field.myGrids')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {grid.data.communityName} {unitName(grid.data, i18n.language)}
      </Typography.Title>
      {c && (
        <Typography.Text type="secondary" data-testid="coverage">
          {t('field.coverageLine', { households: c.households, visited30: c.visited30, visited90: c.visited90 })}
        </Typography.Text>
      )}
      <Card size="small" title={t('field.worklistTitle', { count: worklist.data?.total ?? 0 })}>
        <ErrorAlert error={worklist.error} />
        {worklist.isLoading && <Spin style={{ display: 'block', margin: '16px auto' }} />}
        <div data-testid="worklist">
          {worklist.data?.items.length === 0 && <Empty description={t('field.worklistEmpty')} />}
          {worklist.data?.items.map((item) => <WorklistRow key={item.residentId} item={item} communityName={grid.data?.communityName} />)}
        </div>
      </Card>
      <Card
        size="small"
        title={t('field.notVisitedTitle', { count: notVisited ?? 0 })}
        extra={!showNotVisited && <Button onClick={() => setShowNotVisited(true)} data-testid="show-not-visited">{t('field.show')}</Button>}
      >
        {showNotVisited ? <NotVisited gridId={grid.data.id} communityName={grid.data.communityName} /> : <Typography.Text type="secondary">{t('field.notVisitedHint')}</Typography.Text>}
      </Card>
      <Link to="/field/visit">
        <Button block size="large" icon={<EditOutlined />} data-testid="record-visit">{t('field.recordOtherVisit')}</Button>
      </Link>
    </Space>
  );
}
