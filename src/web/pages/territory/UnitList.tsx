import { RightOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';

export interface UnitItem {
  id: string;
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
}

/** Child units as a drill-down list that reads well on a phone too. */
export function UnitList({ title, items, loading, error, to, testId }: {
  title: string;
  items: UnitItem[];
  loading: boolean;
  error: unknown;
  to: (id: string) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} size="small" data-testid={testId}>
      <ErrorAlert error={error} />
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(item) => (
          <Link to={to(item.id)} style={{ display: 'block', color: 'inherit' }}>
            <List.Item extra={<RightOutlined style={{ color: '#bbb' }} />} style={{ paddingInline: 8 }}>
              <List.Item.Meta
                title={<Typography.Text strong>{item.title}</Typography.Text>}
                description={item.description}
              />
              {item.extra}
            </List.Item>
          </Link>
        )}
      />
    </Card>
  );
}
