import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from './feedback.tsx';
import { Typography } from './Typography.tsx';
import { Card } from './Card.tsx';

/** What a keyset-paged list query offers its view (see useKeysetList). */
export interface KeysetList<T> {
  items: T[];
  error: unknown;
  isLoading: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

type Filter = Record<string, string | undefined>;

/** List filters where an emptied control means "no filter", not a search for "". */
export function useListFilter(initial: Filter = {}) {
  const [filter, setFilter] = useState<Filter>(initial);
  const set = (key: string) => (value: string | undefined) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  return { filter, set, setFilter };
}

/** Render only while `list.hasNextPage`, so an empty layout slot does not add a gap. */
export function LoadMore({ list, testId }: { list: KeysetList<unknown>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid={testId}>
      {t('common.loadMore')}
    </Button>
  );
}

export function KeysetTable<T extends { id: string }>({ list, ...table }: { list: KeysetList<T> } & Omit<TableProps<T>, 'dataSource' | 'loading'>) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={list.error} />
      <Table<T> rowKey="id" size="small" loading={list.isLoading} dataSource={list.items} pagination={false} {...table} />
      {list.hasNextPage && <LoadMore list={list} />}
    </Space>
  );
}

/** A register's list page: title with its main action (if the page has one), a filter bar, then the list. */
export function ListPage({ title, action, filters, children }: { title: ReactNode; action?: ReactNode; filters: ReactNode; children: ReactNode }) {
  const heading = <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {action !== undefined ? (
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          {heading}
          {action}
        </Space>
      ) : (
        heading
      )}
      <Card size="small">
        <Space wrap>{filters}</Space>
      </Card>
      {children}
    </Space>
  );
}

/** A list page's main action when new records are made on a page of their own. */
export function AddLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to}>
      <Button type="primary" icon={<PlusOutlined />}>{children}</Button>
    </Link>
  );
}
