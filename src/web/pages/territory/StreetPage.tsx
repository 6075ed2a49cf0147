import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CommunityView as Community } from '../../../server/modules/territory/structure.schemas.ts';
import { unitName, useChildren, useStreet } from './queries.ts';
import { TerritoryPage, TerritoryQueryState } from './TerritoryFrame.tsx';
import { RegisterExport } from './RegisterExport.tsx';
import { UnitHeader, UnitList } from './UnitList.tsx';

export function StreetPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const street = useStreet(id);
  const communities = useChildren<Community>('communities', { streetId: id }, !!street.data);
  if (!street.data) return <TerritoryQueryState query={street} />;
  const s = street.data;
  return (
    <TerritoryPage start={{ districtId: s.districtId }}>
      <UnitHeader title={unitName(s, i18n.language)}>
        <Descriptions.Item label={t('territory.code')}>{s.code}</Descriptions.Item>
      </UnitHeader>
      <UnitList
        title={t('territory.communities')}
        query={communities}
        item={(c) => ({
          id: c.id,
          title: unitName(c, i18n.language),
          description: [`${t('territory.code')} ${c.code}`, c.serviceCenterAddress].filter(Boolean).join(' · '),
        })}
        to={(cid) => `/territory/communities/${cid}`}
      />
      <RegisterExport unit="street" id={s.id} />
    </TerritoryPage>
  );
}
