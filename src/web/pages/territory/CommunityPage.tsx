import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { GridUnit } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { unitName, useChildren, useCommunity } from './queries.ts';
import { TerritoryCrumbs, TerritoryFrame } from './TerritoryFrame.tsx';
import { UnitList } from './UnitList.tsx';

export function CommunityPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const community = useCommunity(id);
  const grids = useChildren<GridUnit>('grids', { communityId: id }, !!community.data);
  if (!community.data) return <TerritoryFrame><QueryState isLoading={community.isLoading} error={community.error} /></TerritoryFrame>;
  const c = community.data;
  const canImport = can('territory.import.residents');
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ streetId: c.streetId, districtId: c.districtId }} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>{unitName(c, i18n.language)}</Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('territory.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('territory.serviceCenter')}>{c.serviceCenterAddress || '—'}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginTop: 8 }}>
            <Link to={`/households?communityId=${c.id}`}>
              <Button icon={<SearchOutlined />}>{t('territory.searchHouseholds')}</Button>
            </Link>
            {canImport && (
              <Link to={`/territory/communities/${c.id}/import`}>
                <Button icon={<UploadOutlined />} data-testid="import-link">{t('import.title')}</Button>
              </Link>
            )}
          </Space>
        </div>
        <UnitList
          title={t('territory.grids')}
          testId="grid-list"
          loading={grids.isLoading}
          error={grids.error}
          items={(grids.data ?? []).map((g) => ({
            id: g.id,
            title: g.name,
            description: (
              <Space size={4} wrap>
                <span>{t('territory.code')} {g.code}</span>
                {g.kind && <Tag>{t(`gridKind.${g.kind}`)}</Tag>}
                {g.householdCount !== undefined && <span>{t('territory.householdCount', { count: g.householdCount })}</span>}
              </Space>
            ),
          }))}
          to={(gid) => `/territory/grids/${gid}`}
        />
      </Space>
    </TerritoryFrame>
  );
}
