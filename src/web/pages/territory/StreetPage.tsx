import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Community } from '../../api/types.ts';
import { QueryState } from '../../components/feedback.tsx';
import { unitName, useChildren, useStreet } from './queries.ts';
import { TerritoryCrumbs, TerritoryFrame } from './TerritoryFrame.tsx';
import { UnitList } from './UnitList.tsx';

export function StreetPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const street = useStreet(id);
  const communities = useChildren<Community>('communities', { streetId: id }, !!street.data);
  if (!street.data) return <TerritoryFrame><QueryState isLoading={street.isLoading} error={street.error} /></TerritoryFrame>;
  const s = street.data;
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ districtId: s.districtId }} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>{unitName(s, i18n.language)}</Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('territory.code')}>{s.code}</Descriptions.Item>
          </Descriptions>
        </div>
        <UnitList
          title={t('territory.communities')}
          loading={communities.isLoading}
          error={communities.error}
          items={(communities.data ?? []).map((c) => ({
            id: c.id,
            title: unitName(c, i18n.language),
            description: [`${t('territory.code')} ${c.code}`, c.serviceCenterAddress].filter(Boolean).join(' · '),
          }))}
          to={(cid) => `/territory/communities/${cid}`}
        />
      </Space>
    </TerritoryFrame>
  );
}
