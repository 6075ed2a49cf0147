import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DistrictView as District } from '../../../server/modules/territory/structure.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import { scopeLink } from '../home/scopeLink.ts';
import { unitName, useChildren } from './queries.ts';
import { TerritoryPage } from './TerritoryFrame.tsx';
import { UnitList } from './UnitList.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

export function TerritoryHome() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const districts = useChildren<District>('districts', {});
  const shortcuts = (me?.assignments ?? []).filter((a) => ['district', 'street', 'community', 'grid'].includes(a.scopeType) && a.scopeId);
  return (
    <TerritoryPage start={{}} heading={<Typography.Title level={3} style={{ marginTop: 0 }}>{t('territory.title')}</Typography.Title>}>
      {shortcuts.length > 0 && (
        <Card size="small" title={t('territory.myScopes')}>
          <Space wrap>
            {shortcuts.map((a) => (
              <Link key={a.id} to={scopeLink(a)} data-testid="scope-shortcut">
                <Tag color="red" style={{ padding: '4px 10px', fontSize: 14 }}>
                  {t(`scope.${a.scopeType}`)} · {a.scopeName}
                </Tag>
              </Link>
            ))}
          </Space>
        </Card>
      )}
      <UnitList
        title={t('territory.districts')}
        query={districts}
        item={(d) => ({ id: d.id, title: unitName(d, i18n.language), description: `${t('territory.code')} ${d.code}${d.city ? ` · ${d.city}` : ''}` })}
        to={(id) => `/territory/districts/${id}`}
      />
    </TerritoryPage>
  );
}
