import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

export interface UnitItem {
  id: string;
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
}

/** Child units as a drill-down list that reads well on a phone too. */
export function UnitList<T>({ title, query, item, to, testId }: {
  title: string;
  query: { isLoading: boolean; error: unknown; data?: T[] };
  item: (unit: T) => UnitItem;
  to: (id: string) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small" data-testid={testId}>
      <ErrorAlert error={query.error} />
      <List
        loading={query.isLoading}
        dataSource={(query.data ?? []).map(item)}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(item) => (
          <LinkListItem to={to(item.id)}>
            <List.Item.Meta
              title={<Typography.Text strong>{item.title}</Typography.Text>}
              description={item.description}
            />
            {item.extra}
          </LinkListItem>
        )}
      />
    </Card>
  );
}

/** A unit's name and key facts (Descriptions items) above its children; `extra` goes below. */
export function UnitHeader({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        {children}
      </Descriptions>
      {extra}
    </div>
  );
}
