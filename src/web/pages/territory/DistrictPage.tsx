import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';
import { unitName, useChildren, useDistrict } from './queries.ts';
import { TerritoryPage, TerritoryQueryState } from './TerritoryFrame.tsx';
import { TagSynonyms } from './TagSynonyms.tsx';
import { UnitHeader, UnitList } from './UnitList.tsx';

export function DistrictPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const district = useDistrict(id);
  const streets = useChildren<Street>('streets', { districtId: id }, !!district.data);
  if (!district.data) return <TerritoryQueryState query={district} />;
  const d = district.data;
  return (
    <TerritoryPage start={{ districtId: d.id }}>
      <UnitHeader title={unitName(d, i18n.language)}>
        <Descriptions.Item label={t('territory.code')}>{d.code}</Descriptions.Item>
        {d.city && <Descriptions.Item label={t('territory.city')}>{d.city}</Descriptions.Item>}
      </UnitHeader>
      <UnitList
        title={t('territory.streets')}
        query={streets}
        item={(s) => ({ id: s.id, title: unitName(s, i18n.language), description: `${t('territory.code')} ${s.code}` })}
        to={(sid) => `/territory/streets/${sid}`}
      />
      <TagSynonyms districtId={d.id} />
    </TerritoryPage>
  );
}
