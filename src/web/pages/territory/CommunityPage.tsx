import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { GridView as GridUnit } from '../../../server/modules/territory/structure.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import { unitName, useChildren, useCommunity } from './queries.ts';
import { TerritoryPage, TerritoryQueryState } from './TerritoryFrame.tsx';
import { UnitHeader, UnitList } from './UnitList.tsx';

export function CommunityPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const community = useCommunity(id);
  const grids = useChildren<GridUnit>('grids', { communityId: id }, !!community.data);
  if (!community.data) return <TerritoryQueryState query={community} />;
  const c = community.data;
  const canImport = can('territory.import.residents');
  return (
    <TerritoryPage start={{ streetId: c.streetId, districtId: c.districtId }}>
      <UnitHeader
        title={unitName(c, i18n.language)}
        extra={
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
        }
      >
        <Descriptions.Item label={t('territory.code')}>{c.code}</Descriptions.Item>
        <Descriptions.Item label={t('territory.serviceCenter')}>{c.serviceCenterAddress || '—'}</Descriptions.Item>
      </UnitHeader>
      <UnitList
        title={t('territory.grids')}
        testId="grid-list"
        query={grids}
        item={(g) => ({
          id: g.id,
          title: g.name,
          description: (
            <Space size={4} wrap>
              <span>{t('territory.code')} {g.code}</span>
              {g.kind && <Tag>{t(`gridKind.${g.kind}`)}</Tag>}
              {g.householdCount !== undefined && <span>{t('territory.householdCount', { count: g.householdCount })}</span>}
            </Space>
          ),
        })}
        to={(gid) => `/territory/grids/${gid}`}
      />
    </TerritoryPage>
  );
}
