import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Empty, Grid, Row, Select, Space, Spin, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { CommonNeedsColumn } from './CommonNeedsColumn.tsx';
import { type ThreeLists, useCommunities, useDefaultCommunity } from './listsApi.ts';
import { ResourcesColumn } from './ResourcesColumn.tsx';
import { StreetGroups } from './StreetGroups.tsx';
import { SuggestedGroups } from './SuggestedGroups.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** 三清单: a community's common needs, the resources that could meet them, and the projects formed from them. */
export function ThreeListsPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const communities = useCommunities();
  const fallback = useDefaultCommunity(communities.data);
  const communityId = params.get('communityId') ?? fallback;
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState('needs');
  useEffect(() => setSelected(null), [communityId]);
  // On a phone the columns are tabs: choosing a common need shows its matching resources.
  const select = (id: string | null) => {
    setSelected(id);
    if (id) setTab('resources');
  };

  const lists = useQuery({
    queryKey: ['three-lists', communityId],
    queryFn: () => api.get<ThreeLists>(`/communities/${communityId}/three-lists`),
    enabled: !!communityId,
  });
  const matches = useMemo(() => {
    const m = lists.data?.matches.find((x) => x.commonNeedId === selected);
    return m?.resources ?? null;
  }, [lists.data, selected]);

  const needs = lists.data && (
    <CommonNeedsColumn communityId={communityId!} needs={lists.data.needs} selected={selected} onSelect={select} />
  );
  const resources = communityId && <ResourcesColumn communityId={communityId} matches={selected ? matches ?? [] : null} />;
  const projects = lists.data && (
    <Card size="small" title={t('threeLists.projectsList')} data-testid="projects-list">
      {lists.data.projects.length === 0 ? (
        <Empty description={t('threeLists.projectsEmpty')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {lists.data.projects.map((p) => (
            <Card key={p.commonNeedId} size="small">
              <Typography.Text strong>{p.title}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {t(`commonNeedStatus.${p.status}`)} · {t('threeLists.beneficiaries', { count: p.beneficiaryCount })}
                  {p.projectRef ? ` · ${p.projectRef}` : ''}
                </Typography.Text>
              </div>
            </Card>
          ))}
          {!lists.data.projects.some((p) => p.status === 'projected') && <Typography.Text type="secondary">{t('threeLists.projectsLater')}</Typography.Text>}
        </Space>
      )}
    </Card>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="three-lists">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.threeLists')}</Typography.Title>
        <Select
          showSearch
          optionFilterProp="label"
          data-testid="community-picker"
          value={communityId}
          loading={communities.isLoading}
          placeholder={t('threeLists.pickCommunity')}
          aria-label={t('threeLists.pickCommunity')}
          onChange={(v: string) => setParams({ communityId: v })}
          style={{ minWidth: 200, maxWidth: '100%' }}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      <ErrorAlert error={communities.error ?? lists.error} />
      <StreetGroups />
      {!communityId && !communities.isLoading && <Alert type="info" title={t('threeLists.noCommunity')} />}
      {lists.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {communityId && lists.data && <SuggestedGroups communityId={communityId} commonNeeds={lists.data.needs} />}
      {lists.data && selected && <Alert type="info" showIcon closable onClose={() => setSelected(null)} title={t('threeLists.matchingFor', { title: lists.data.needs.find((n) => n.id === selected)?.title ?? '' })} />}
      {lists.data &&
        (screens.lg ? (
          <Row gutter={16} align="top">
            <Col span={8}>{needs}</Col>
            <Col span={8}>{resources}</Col>
            <Col span={8}>{projects}</Col>
          </Row>
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'needs', label: t('threeLists.needsList'), children: needs },
              { key: 'resources', label: t('threeLists.resourcesList'), children: resources },
              { key: 'projects', label: t('threeLists.projectsList'), children: projects },
            ]}
          />
        ))}
    </Space>
  );
}
