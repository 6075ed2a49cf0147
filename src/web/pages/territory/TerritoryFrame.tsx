import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, Col, Grid, Row, Space, Tree } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Page } from '../../api/client.ts';
import type { CommunityView as Community, DistrictView as District, GridView as GridUnit, StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';
import { QueryState } from '../../components/feedback.tsx';
import { unitName, useChain, useChildren } from './queries.ts';
import { Card } from '../../components/Card.tsx';

interface TreeNode {
  key: string;
  title: string;
  isLeaf?: boolean;
  children?: TreeNode[];
}

const CHILD: Record<string, { kind: string; param: string; leaf: boolean } | undefined> = {
  districts: { kind: 'streets', param: 'districtId', leaf: false },
  streets: { kind: 'communities', param: 'streetId', leaf: false },
  communities: { kind: 'grids', param: 'communityId', leaf: true },
};

function patch(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: patch(n.children, key, children) } : n));
}

/** District → street → community → grid tree, loaded level by level (desktop only). */
function TerritoryTree() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const districts = useChildren<District>('districts', {});
  const [loaded, setLoaded] = useState<TreeNode[] | null>(null);
  const roots: TreeNode[] =
    loaded ?? (districts.data ?? []).map((d) => ({ key: `districts:${d.id}`, title: unitName(d, i18n.language) }));

  const loadData = async (node: { key: React.Key }) => {
    const [kind, id] = String(node.key).split(':');
    const child = CHILD[kind!];
    if (!child) return;
    const rows = (await api.get<Page<Street | Community | GridUnit>>(`/${child.kind}`, { [child.param]: id, limit: 200 })).items;
    const children = rows.map((r) => ({ key: `${child.kind}:${r.id}`, title: unitName(r, i18n.language), isLeaf: child.leaf }));
    setLoaded((prev) => patch(prev ?? roots, String(node.key), children));
  };

  return (
    <Card size="small" title={t('territory.tree')} styles={{ body: { padding: 8, maxHeight: 'calc(100vh - 180px)', overflow: 'auto' } }}>
      <Tree
        key={i18n.language}
        treeData={roots}
        loadData={loadData}
        onSelect={(keys) => {
          const key = String(keys[0] ?? '');
          const [kind, id] = key.split(':');
          if (kind && id) navigate(`/territory/${kind}/${id}`);
        }}
      />
    </Card>
  );
}

export interface ChainStart {
  districtId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  gridId?: string | null;
}

/** Breadcrumbs from the territory root down to the current page. */
export function TerritoryCrumbs({ start, current }: { start: ChainStart; current?: string }) {
  const { t, i18n } = useTranslation();
  const chain = useChain(start);
  const items: { title: ReactNode }[] = [{ title: <Link to="/territory"><HomeOutlined /> {t('nav.territory')}</Link> }];
  if (chain.district) items.push({ title: <Link to={`/territory/districts/${chain.district.id}`}>{unitName(chain.district, i18n.language)}</Link> });
  if (chain.street) items.push({ title: <Link to={`/territory/streets/${chain.street.id}`}>{unitName(chain.street, i18n.language)}</Link> });
  if (chain.community) items.push({ title: <Link to={`/territory/communities/${chain.community.id}`}>{unitName(chain.community, i18n.language)}</Link> });
  if (chain.grid) items.push({ title: <Link to={`/territory/grids/${chain.grid.id}`}>{chain.grid.name}</Link> });
  if (current) items.push({ title: current });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} data-testid="breadcrumbs" />;
}

export function TerritoryFrame({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  if (!screens.lg) return <>{children}</>;
  return (
    <Row gutter={16} wrap={false}>
      <Col flex="260px">
        <TerritoryTree />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {children}
      </Col>
    </Row>
  );
}

/** What a unit page shows until its unit has loaded: a spinner, not found, or the error. */
export function TerritoryQueryState({ query }: { query: { isLoading: boolean; error: unknown } }) {
  return (
    <TerritoryFrame>
      <QueryState isLoading={query.isLoading} error={query.error} />
    </TerritoryFrame>
  );
}

/** A territory page: the frame, crumbs from the root, then its sections stacked. */
export function TerritoryPage({ start, heading, children }: { start: ChainStart; heading?: ReactNode; children: ReactNode }) {
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={start} />
      {heading}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {children}
      </Space>
    </TerritoryFrame>
  );
}
