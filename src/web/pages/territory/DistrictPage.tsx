import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Street } from '../../api/types.ts';
import { QueryState } from '../../components/feedback.tsx';
import { unitName, useChildren, useDistrict } from './queries.ts';
import { TerritoryCrumbs, TerritoryFrame } from './TerritoryFrame.tsx';
import { UnitList } from './UnitList.tsx';

export function DistrictPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const district = useDistrict(id);
  const streets = useChildren<Street>('streets', { districtId: id }, !!district.data);
  if (!district.data) return <TerritoryFrame><QueryState isLoading={district.isLoading} error={district.error} /></TerritoryFrame>;
  const d = district.data;
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ districtId: d.id }} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>{unitName(d, i18n.language)}</Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('territory.code')}>{d.code}</Descriptions.Item>
            {d.city && <Descriptions.Item label={t('territory.city')}>{d.city}</Descriptions.Item>}
          </Descriptions>
        </div>
        <UnitList
          title={t('territory.streets')}
          loading={streets.isLoading}
          error={streets.error}
          items={(streets.data ?? []).map((s) => ({ id: s.id, title: unitName(s, i18n.language), description: `${t('territory.code')} ${s.code}` }))}
          to={(sid) => `/territory/streets/${sid}`}
        />
      </Space>
    </TerritoryFrame>
  );
}
