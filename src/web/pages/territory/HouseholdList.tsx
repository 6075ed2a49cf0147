import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Static } from 'typebox';
import { shortAddress } from '../field/shortAddress.ts';
import { useTagLabel } from './queries.ts';

type HouseholdListItem = Static<typeof import('../../../server/modules/territory/register.schemas.ts').HouseholdListItem>;
import { useKeysetList } from '../../api/useKeysetList.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LoadMore } from '../../components/KeysetTable.tsx';

const PAGE = 20;
/** A row is one link: the whole line opens the household. */
export const ROW = { display: 'flex', alignItems: 'flex-start', gap: 12, width: '100%', padding: '12px 8px', color: 'inherit' } as const;
/** Grey enough to recede, dark enough (7:1) to read. */
export const SECONDARY = { color: '#595959' } as const;

/** Households of a unit, searchable by address, paged with the server's keyset cursor. */
export function HouseholdList({ filter, initialQuery = '' }: { filter: { gridId?: string; communityId?: string }; initialQuery?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initialQuery);
  const query = useKeysetList<HouseholdListItem>('households', '/households', { ...filter, q: q || undefined }, PAGE);
  const tagLabel = useTagLabel();
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
          // The list item holds the link (an <li> directly in the list), so the list reads as one to a screen reader.
          <List.Item style={{ padding: 0 }}>
            <Link to={`/territory/households/${h.id}`} style={ROW} data-testid="household-item">
              <EnvironmentOutlined aria-hidden style={{ color: '#c0392b', marginTop: 4 }} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Space wrap size={[8, 4]}>
                  <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="household-row-address">{inGrid ? shortAddress(h.address, h.communityName) : h.address}</Typography.Text>
                  {h.headName && (
                    <Typography.Text strong data-testid="household-head">
                      {t('household.head', { name: h.headName, age: h.headAge })}
                    </Typography.Text>
                  )}
                </Space>
                <div style={SECONDARY}>
                  {[!inGrid && h.gridName, h.householdNo && `${t('household.no')} ${h.householdNo}`, t('household.memberCount', { count: h.memberCount })]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                {h.tags.length > 0 && (
                  <Space wrap size={4} style={{ marginTop: 4 }} data-testid="household-tags">
                    {h.tags.map((tag) => (
                      <Tag key={tag} style={{ marginInlineEnd: 0 }}>{tagLabel(tag)}</Tag>
                    ))}
                  </Space>
                )}
              </div>
              <RightOutlined aria-hidden style={{ color: '#8c8c8c' }} />
            </Link>
          </List.Item>
        )}
      />
      {query.hasNextPage && <LoadMore list={query} testId="load-more" />}
    </Space>
  );
}
