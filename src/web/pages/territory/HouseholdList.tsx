import { EnvironmentOutlined } from '@ant-design/icons';
import { Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../api/types.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { LoadMore } from '../../components/KeysetTable.tsx';

const PAGE = 20;

/** Households of a unit, searchable by address, paged with the server's keyset cursor. */
export function HouseholdList({ filter, initialQuery = '' }: { filter: { gridId?: string; communityId?: string }; initialQuery?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initialQuery);
  const query = useKeysetList<Household>('households', '/households', { ...filter, q: q || undefined }, PAGE);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Input.Search
        allowClear
        enterButton
        defaultValue={initialQuery}
        placeholder={t('territory.searchAddress')}
        onSearch={(v) => setQ(v.trim())}
        data-testid="household-search"
        size="large"
      />
      <ErrorAlert error={query.error} />
      <List
        loading={query.isLoading}
        dataSource={query.items}
        data-testid="household-list"
        locale={{ emptyText: q ? t('territory.noMatch') : t('common.empty') }}
        renderItem={(h) => (
          <LinkListItem to={`/territory/households/${h.id}`} testId="household-item">
            <List.Item.Meta
              avatar={<EnvironmentOutlined style={{ color: '#c0392b', marginTop: 4 }} />}
              title={<Typography.Text style={{ wordBreak: 'break-all' }}>{h.address}</Typography.Text>}
              description={[h.gridName, h.householdNo && `${t('household.no')} ${h.householdNo}`, h.memberCount !== undefined && t('household.memberCount', { count: h.memberCount })]
                .filter(Boolean)
                .join(' · ')}
            />
          </LinkListItem>
        )}
      />
      {query.hasNextPage && <LoadMore list={query} testId="load-more" />}
    </Space>
  );
}
