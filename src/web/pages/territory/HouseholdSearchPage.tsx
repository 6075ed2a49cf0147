import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { HouseholdList } from './HouseholdList.tsx';

/** Households across everything the user may see, found by address. */
export function HouseholdSearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const communityId = params.get('communityId') ?? undefined;
  const gridId = params.get('gridId') ?? undefined;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('nav.households')}</Typography.Title>
      <Card size="small">
        <HouseholdList filter={{ communityId, gridId }} initialQuery={params.get('q') ?? ''} />
      </Card>
    </>
  );
}
