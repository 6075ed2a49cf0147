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
          <Link to={`/territory/households/${h.id}`} style={{ display: 'block', color: 'inherit' }} data-testid="household-item">
            <List.Item extra={<RightOutlined style={{ color: '#bbb' }} />} style={{ paddingInline: 8 }}>
              <List.Item.Meta
                avatar={<EnvironmentOutlined style={{ color: '#c0392b', marginTop: 4 }} />}
                title={
                  <Space wrap size={[8, 4]}>
                    <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="household-address">{inGrid ? shortAddress(h.address, h.communityName) : h.address}</Typography.Text>
                    {h.headName && (
                      <Typography.Text strong data-testid="household-head">
                        {t('household.head', { name: h.headName, age: h.headAge })}
                      </Typography.Text>
                    )}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={4}>
                    <span>
                      {[!inGrid && h.gridName, h.householdNo && `${t('household.no')} ${h.householdNo}`, t('household.memberCount', { count: h.memberCount })]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {h.tags.length > 0 && (
                      <Space wrap size={4} data-testid="household-tags">
                        {h.tags.map((tag) => (
                          <Tag key={tag} style={{ marginInlineEnd: 0 }}>{tagLabel(tag)}</Tag>
                        ))}
                      </Space>
                    )}
                  </Space>
                }
              />
            </List.Item>
          </Link>
        )}
      />
      {query.hasNextPage && <LoadMore list={query} testId="load-more" />}
    </Space>
  );
}
