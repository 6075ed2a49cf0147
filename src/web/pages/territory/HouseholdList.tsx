import { EnvironmentOutlined } from '@ant-design/icons';
import { Input, Space, theme } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import { shortAddress } from '../field/shortAddress.ts';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { TagChips } from './TagChips.tsx';

type HouseholdListItem = Static<typeof import('../../../server/modules/territory/register.schemas.ts').HouseholdListItem>;
import { useKeysetList } from '../../api/useKeysetList.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LoadMore } from '../../components/KeysetTable.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

const PAGE = 20;
/** A row is one link: the whole line opens the household. */
/** A second line that recedes, in the theme's secondary text colour (darker again in large text). */
export function SecondaryLine({ children, breakAll }: { children: ReactNode; breakAll?: boolean }) {
  const { token } = theme.useToken();
  return <div style={{ color: token.colorTextSecondary, ...(breakAll ? { wordBreak: 'break-all' } : {}) }}>{children}</div>;
}

/** Households of a unit, searchable by address, paged with the server's keyset cursor. */
export function HouseholdList({ filter, initialQuery = '' }: { filter: { gridId?: string; communityId?: string }; initialQuery?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [q, setQ] = useState(initialQuery);
  const query = useKeysetList<HouseholdListItem>('households', '/households', { ...filter, q: q || undefined }, PAGE);
  // Inside one grid the city, district, street and community repeat on every row: the head of household and care tags tell them apart.
  const inGrid = !!filter.gridId;

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
          <LinkListItem to={`/territory/households/${h.id}`} testId="household-item" align="flex-start">
            <EnvironmentOutlined aria-hidden style={{ color: token.colorPrimary, marginTop: 4 }} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Space wrap size={[8, 4]}>
                <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="household-row-address">{inGrid ? shortAddress(h.address, h.communityName) : h.address}</Typography.Text>
                {h.headName && (
                  <Typography.Text strong data-testid="household-head">
                    {t('household.head', { name: h.headName, age: h.headAge })}
                  </Typography.Text>
                )}
              </Space>
              <SecondaryLine>
                {[!inGrid && h.gridName, h.householdNo && `${t('household.no')} ${h.householdNo}`, t('household.memberCount', { count: h.memberCount })]
                  .filter(Boolean)
                  .join(' · ')}
              </SecondaryLine>
              <TagChips tags={h.tags} testId="household-tags" />
            </div>
          </LinkListItem>
        )}
      />
      {query.hasNextPage && <LoadMore list={query} testId="load-more" />}
    </Space>
  );
}
