import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { HouseholdList } from './HouseholdList.tsx';
import { ResidentSearch } from './ResidentSearch.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** Households across everything the user may see, found by address, or residents by name. */
export function HouseholdSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const communityId = params.get('communityId') ?? undefined;
  const gridId = params.get('gridId') ?? undefined;
  const byName = params.get('by') === 'name';
  const setMode = (mode: string) => {
    const next = new URLSearchParams(params);
    if (mode === 'name') next.set('by', 'name');
    else next.delete('by');
    setParams(next, { replace: true });
  };
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('nav.households')}</Typography.Title>
      <Card size="small">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Segmented
            value={byName ? 'name' : 'address'}
            onChange={(v) => setMode(String(v))}
            options={[
              { value: 'address', label: <span data-testid="search-by-address">{t('territory.byAddress')}</span> },
              { value: 'name', label: <span data-testid="search-by-name">{t('territory.byName')}</span> },
            ]}
          />
          {byName ? <ResidentSearch filter={{ communityId, gridId }} /> : <HouseholdList filter={{ communityId, gridId }} initialQuery={params.get('q') ?? ''} />}
        </Space>
      </Card>
    </>
  );
}
