import { UserOutlined } from '@ant-design/icons';
import { Empty, Input, Space } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import { useTranslation } from 'react-i18next';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LoadMore } from '../../components/KeysetTable.tsx';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { SecondaryLine } from './HouseholdList.tsx';
import { TagChips } from './TagChips.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

type ResidentView = Static<typeof import('../../../server/modules/territory/register.schemas.ts').ResidentView>;

/**
 * Residents found by the start of their name (or an exact ID or phone number) among those the
 * caller may read: the server limits the search to their area, so a miss says how to search
 * again rather than that the person might live elsewhere.
 */
export function ResidentSearch({ filter }: { filter: { gridId?: string; communityId?: string } }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useKeysetList<ResidentView>('residents', '/residents', { ...filter, q }, 20, q.length > 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Input.Search
        allowClear
        enterButton
        placeholder={t('territory.searchName')}
        aria-label={t('territory.searchName')}
        onSearch={(v) => setQ(v.trim())}
        data-testid="resident-search"
        size="large"
      />
      <ErrorAlert error={query.error} />
      {q && (
        <List
          loading={query.isLoading}
          dataSource={query.items}
          data-testid="resident-list"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="resident-no-match">{t('territory.noNameMatch', { q })}</span>} /> }}
          renderItem={(r) => (
            <LinkListItem to={`/territory/residents/${r.id}`} testId="resident-item" align="flex-start">
              <UserOutlined aria-hidden style={{ marginTop: 4 }} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Space wrap size={[8, 4]}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <span>
                    {t(`gender.${r.gender}`)} · {t('needPage.subject.age', { age: r.age })} · {t(`relation.${r.relation}`)}
                  </span>
                </Space>
                <SecondaryLine breakAll>{r.householdAddress}</SecondaryLine>
                <TagChips tags={r.tags} />
              </div>
            </LinkListItem>
          )}
        />
      )}
      {query.hasNextPage && <LoadMore list={query} testId="resident-load-more" />}
    </Space>
  );
}
