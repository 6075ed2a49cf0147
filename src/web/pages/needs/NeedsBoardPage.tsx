import { Button, Col, Grid, Input, Row, Segmented, Select, Space, Table, Tag, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { DueTime } from '../../components/DueTime.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LoadMore } from '../../components/KeysetTable.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { useAuth } from '../../app/auth.tsx';
import { BulkActions, BulkResults } from './BulkActions.tsx';
import { NeedMap } from './NeedMap.tsx';
import { NEEDS_KEY, useCategories, useCategoryName, useCommunities, useGrids, useNeedMap, type BulkTransitionResult, type NeedView } from './needQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const STATES = ['reported', 'accepted', 'pooled', 'in_progress', 'waiting', 'referred', 'resolved', 'reopened', 'closed', 'rejected', 'merged'];
const SOURCES = ['visit', 'resident', 'staff', 'council', 'open311'];
/** Filters kept in the address, so going back from a need returns to the same view. */
const FILTERS = ['communityId', 'streetId', 'state', 'categoryId', 'gridId', 'source', 'overdue', 'open', 'handlerUserId', 'recordedByUserId', 'q'] as const;
/** Filters a workbench count links with and the filter bar has no control for: shown as tags one can remove. */
const LINKED_FILTERS = ['streetId', 'open', 'handlerUserId', 'recordedByUserId'] as const;
type Filter = Partial<Record<(typeof FILTERS)[number], string>>;

/** Needs of the caller's communities: a map of the grids, and the list with bulk triage. */
export function NeedsBoardPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // antd's link button takes the primary colour, which is not a text colour on the card; the
  // theme's link colour is (and follows large text).
  const linkColour = theme.useToken().token.colorLink;
  const phone = !screens.md;
  const [params, setParams] = useSearchParams();
  const filter: Filter = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const setFilter = (patch: Filter) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const communities = useCommunities();
  const communityList = communities.data ?? [];
  // One community is the caller's whole scope; with several the caller picks one (or sees all in the list).
  const communityId = filter.communityId ?? (communityList.length === 1 ? communityList[0]!.id : undefined);
  const community = communityList.find((c) => c.id === communityId);
  const grids = useGrids(communityId);
  const categories = useCategories(community?.districtId ?? communityList[0]?.districtId);
  const gridName = useMemo(() => new Map((grids.data ?? []).map((g) => [g.id, g.name])), [grids.data]);
  const categoryName = useCategoryName(categories.data);
  const [search, setSearch] = useState(filter.q ?? '');
  const [showMap, setShowMap] = useState<boolean | null>(null);
  const mapVisible = showMap ?? !phone;

  const listFilter = {
    communityId,
    streetId: filter.streetId,
    handlerUserId: filter.handlerUserId,
    recordedByUserId: filter.recordedByUserId,
    open: filter.open === '1' ? 'true' : undefined,
    state: filter.state,
    categoryId: filter.categoryId,
    gridId: filter.gridId,
    source: filter.source,
    overdue: filter.overdue === '1' ? 'true' : undefined,
    q: filter.q,
  };
  const list = useKeysetList<NeedView>(NEEDS_KEY, '/needs', listFilter, 50, !communities.isLoading);
  const overdueCount = useQuery({
    queryKey: [NEEDS_KEY, 'overdue-count', { ...listFilter, overdue: undefined }],
    queryFn: () => api.get<Page<NeedView>>('/needs', { ...listFilter, overdue: true, limit: 100 }),
    enabled: !communities.isLoading,
  });
  const overdueLabel = overdueCount.data ? `${overdueCount.data.items.length}${overdueCount.data.nextCursor ? '+' : ''}` : '…';
  const map = useNeedMap(
    // A chosen grid narrows the map to its points: the whole community may be too many to show.
    {
      communityId,
      gridId: filter.gridId,
      state: filter.state,
      categoryId: filter.categoryId,
      source: filter.source,
      overdue: filter.overdue === '1' ? true : undefined,
    },
    !!communityId && mapVisible,
  );

  // Overdue needs first; otherwise the server's order (newest first).
  const rows = useMemo(() => [...list.items].sort((a, b) => Number(b.overdue) - Number(a.overdue)), [list.items]);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const selected = rows.filter((n) => selectedIds.includes(n.id));
  const [results, setResults] = useState<BulkTransitionResult[] | null>(null);
  const resultOf = new Map((results ?? []).map((r) => [r.needId, r]));
  const refNoOf = (id: string) => rows.find((n) => n.id === id)?.refNo ?? id;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  // The due time comes right after the state, so it stays in view however narrow the list is.
  const columns: TableColumnsType<NeedView> = [
    {
      title: t('needsBoard.refNo'),
      dataIndex: 'refNo',
      render: (_, n) => (
        // On a phone the cell is capped, so its category and grid wrap instead of pushing the due time off screen.
        <div style={{ minWidth: 0, maxWidth: phone ? 150 : undefined }}>
          <Link to={`/needs/${n.id}`} data-testid="board-link" style={{ whiteSpace: 'nowrap' }}>
            {n.refNo}
          </Link>
          {n.urgency === 'urgent' && !screens.xxl && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('urgency.urgent')}</Tag>}
          {phone && (
            <div>
              <NeedStateTag state={n.state} />
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {categoryName(n)} · {gridName.get(n.gridId) ?? ''}
              </Typography.Text>
              {n.handlerName && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('needsBoard.handler')}: {n.handlerName}</Typography.Text></div>}
            </div>
          )}
          {resultOf.get(n.id) && <ResultTag result={resultOf.get(n.id)!} />}
        </div>
      ),
    },
    { title: t('needsBoard.state'), dataIndex: 'state', responsive: ['md'], render: (_, n) => <NeedStateTag state={n.state} /> },
    {
      title: t('needsBoard.due'),
      dataIndex: 'dueAt',
      render: (_, n) => (
        // A set width (the text wraps inside it) keeps the column's share of the row the same in every language.
        <div style={{ width: phone ? 88 : 150 }}>
          <DueTime dueAt={n.dueAt} overdue={n.overdue} wrap />
        </div>
      ),
    },
    {
      title: t('needsBoard.handler'),
      dataIndex: 'handlerName',
      responsive: ['lg'],
      render: (_, n) => <span style={{ whiteSpace: 'nowrap' }} data-testid="board-handler">{n.handlerName ?? n.referralOrgName ?? n.referralDepartment ?? '—'}</span>,
    },
    {
      title: t('needsBoard.category'),
      dataIndex: 'categoryName',
      responsive: ['md'],
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <span>{categoryName(n)}</span>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200, fontSize: 12 }}>
            {n.description}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('needsBoard.grid'), dataIndex: 'gridId', responsive: ['xxl'], render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{gridName.get(n.gridId) ?? ''}</span> },
    {
      title: t('needsBoard.urgency'),
      dataIndex: 'urgency',
      responsive: ['xxl'],
      render: (_, n) => <Tag color={n.urgency === 'urgent' ? 'red' : n.urgency === 'difficult' ? 'purple' : 'default'}>{t(`urgency.${n.urgency}`)}</Tag>,
    },
    { title: t('needsBoard.source'), dataIndex: 'source', responsive: ['xxl'], render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{t(`needSource.${n.source}`)}</span> },
    { title: t('needsBoard.created'), dataIndex: 'createdAt', responsive: ['xxl'], render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(n.createdAt).format('MM-DD HH:mm')}</span> },
  ];

  const linked = LINKED_FILTERS.filter((k) => filter[k]);
  const linkedLabel = (k: (typeof LINKED_FILTERS)[number]) =>
    k === 'handlerUserId'
      ? filter.handlerUserId === me?.user.id ? t('needsBoard.linked.assignedToMe') : t('needsBoard.linked.handler')
      : k === 'recordedByUserId'
        ? filter.recordedByUserId === me?.user.id ? t('needsBoard.linked.reportedByMe') : t('needsBoard.linked.recordedBy')
        : t(`needsBoard.linked.${k}`);

  const gridFilter = (
    <Select
      allowClear
      placeholder={t('needsBoard.allGrids')}
      aria-label={t('needsBoard.allGrids')}
      value={filter.gridId}
      onChange={(v) => setFilter({ gridId: v })}
      options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
      style={{ width: '100%' }}
      disabled={!communityId}
      data-testid="filter-grid"
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="needs-board">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('needsBoard.title')}
        </Typography.Title>
        {communityList.length > 1 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('needsBoard.allCommunities')}
            aria-label={t('needsBoard.allCommunities')}
            value={filter.communityId}
            onChange={(v) => setFilter({ communityId: v, gridId: undefined })}
            options={communityList.map((c) => ({ value: c.id, label: lang === 'en' && c.nameEn ? c.nameEn : c.name }))}
            style={{ minWidth: 200 }}
            data-testid="filter-community"
          />
        )}
      </Space>
      {linked.length > 0 && (
        <Space wrap data-testid="linked-filters">
          {linked.map((k) => (
            <Tag key={k} closable onClose={() => setFilter({ [k]: undefined })} style={{ fontSize: 14, padding: '2px 8px' }} data-testid={`linked-${k}`}>
              {linkedLabel(k)}
            </Tag>
          ))}
        </Space>
      )}
      <Card size="small">
        <Row gutter={[8, 8]}>
          <Col xs={24} sm={12} lg={6}>
            <Input.Search
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => setFilter({ q: v.trim().length >= 2 ? v.trim() : undefined })}
              placeholder={t('needsBoard.search')}
              aria-label={t('needsBoard.search')}
              data-testid="filter-q"
            />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select
              allowClear
              placeholder={t('needsBoard.allStates')}
              aria-label={t('needsBoard.allStates')}
              value={filter.state}
              onChange={(v) => setFilter({ state: v })}
              options={STATES.map((s) => ({ value: s, label: t(`needState.${s}`) }))}
              style={{ width: '100%' }}
              data-testid="filter-state"
            />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('needsBoard.allCategories')}
              aria-label={t('needsBoard.allCategories')}
              value={filter.categoryId}
              onChange={(v) => setFilter({ categoryId: v })}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: lang === 'en' && c.nameEn ? c.nameEn : c.name }))}
              style={{ width: '100%' }}
              data-testid="filter-category"
            />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            {gridFilter}
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select
              allowClear
              placeholder={t('needsBoard.allSources')}
              aria-label={t('needsBoard.allSources')}
              value={filter.source}
              onChange={(v) => setFilter({ source: v })}
              options={SOURCES.map((s) => ({ value: s, label: t(`needSource.${s}`) }))}
              style={{ width: '100%' }}
              data-testid="filter-source"
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9} xxl={9}>
          <Card
            size="small"
            data-testid="board-map-card"
            title={community ? t('needsBoard.mapOf', { name: lang === 'en' && community.nameEn ? community.nameEn : community.name }) : t('needsBoard.map')}
            extra={
              // The theme's link blue is 4.1:1 on white, under the 4.5:1 small text needs; its darker shade reads.
              <Button type="link" size="small" style={{ color: linkColour }} onClick={() => setShowMap(!mapVisible)} aria-expanded={mapVisible} data-testid="toggle-map">
                {mapVisible ? t('needsBoard.hideMap') : t('needsBoard.showMap')}
              </Button>
            }
            styles={{ body: mapVisible ? undefined : { display: 'none' } }}
          >
            {mapVisible &&
              (communityId ? (
                <>
                  <ErrorAlert error={map.error ?? grids.error} />
                  <NeedMap
                    communityId={communityId}
                    grids={grids.data ?? []}
                    map={map.data}
                    loading={grids.isLoading || map.isLoading}
                    selectedGridId={filter.gridId}
                    onSelectGrid={(gridId) => setFilter({ gridId })}
                    height={phone ? 260 : 420}
                  />
                </>
              ) : (
                <Typography.Text type="secondary">{t('needsBoard.pickCommunity')}</Typography.Text>
              ))}
          </Card>
        </Col>
        <Col xs={24} xl={15} xxl={15}>
          <Card size="small" data-testid="board-list">
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Segmented
                value={filter.overdue === '1' ? 'overdue' : 'all'}
                onChange={(v) => setFilter({ overdue: v === 'overdue' ? '1' : undefined })}
                options={[
                  { value: 'all', label: t('needsBoard.tabAll') },
                  { value: 'overdue', label: <span data-testid="overdue-tab">{t('needsBoard.tabOverdue', { count: overdueLabel })}</span> },
                ]}
                data-testid="overdue-filter"
              />
              {selected.length > 0 && <BulkActions selected={selected} onDone={(r) => { setResults(r); setSelectedIds([]); }} />}
              {results && <BulkResults results={results} refNoOf={refNoOf} onClose={() => setResults(null)} />}
              <ErrorAlert error={list.error} />
              <Table<NeedView>
                rowKey="id"
                size="small"
                loading={list.isPending}
                dataSource={rows}
                columns={columns}
                pagination={false}
                tableLayout="auto"
                scroll={{ x: 'max-content' }}
                rowSelection={{
                  selectedRowKeys: selectedIds,
                  onChange: (keys) => setSelectedIds(keys as string[]),
                  getCheckboxProps: (n) => ({
                    disabled: !n.allowedActions.some((a) => a === 'accept' || a === 'reject' || a === 'assign'),
                    'aria-label': n.refNo,
                  }) as never,
                  columnWidth: 36,
                }}
                onRow={(n) => ({
                  'data-testid': `board-row-${n.refNo}`,
                  'data-ref': n.refNo,
                  'data-overdue': n.overdue ? 'true' : 'false',
                  onDoubleClick: () => navigate(`/needs/${n.id}`),
                }) as never}
                rowClassName={(n) => (n.overdue ? 'need-row-overdue' : '')}
                // While the first page loads the table shows its spinner, not "no matching needs".
                locale={{ emptyText: list.isPending ? <span data-testid="board-loading">{t('needsBoard.loading')}</span> : t('needsBoard.empty') }}
              />
              {list.hasNextPage && <LoadMore list={list} />}
            </Space>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function ResultTag({ result }: { result: BulkTransitionResult }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Tag color="success" data-testid="bulk-row-ok">{t('needsBoard.rowOk')}</Tag>
  ) : (
    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, maxWidth: 200, whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="bulk-row-error">
      {result.error?.message}
    </Typography.Text>
  );
}
