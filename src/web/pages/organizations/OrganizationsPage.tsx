import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ORGANIZATION_TYPES, RATING_STATUSES, RATINGS } from '../../../common/organizations.ts';
import type { Organization } from '../../api/types.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { RatingBadge } from '../../components/RatingBadge.tsx';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useCommonLabels();
  const [filter, setFilter] = useState<Record<string, string | undefined>>({});
  const list = useKeysetList<Organization>('organizations', '/organizations', filter);
  const set = (k: string) => (v: string | undefined) => setFilter((f) => ({ ...f, [k]: v || undefined }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.organizations')}</Typography.Title>
        {can('organizations.organization.create') && (
          <Link to="/organizations/new">
            <Button type="primary" icon={<PlusOutlined />}>{t('org.add')}</Button>
          </Link>
        )}
      </Space>
      <Card size="small">
        <Space wrap>
          <Input.Search allowClear placeholder={t('org.searchPlaceholder')} onSearch={(v) => set('q')(v.trim())} style={{ width: 240 }} />
          <Select allowClear placeholder={t('org.type')} style={{ width: 200 }} onChange={set('type')} options={ORGANIZATION_TYPES.map((v) => ({ value: v, label: labels.orgType(v) }))} />
          <Select allowClear placeholder={t('org.rating')} style={{ width: 110 }} onChange={set('rating')} options={RATINGS.map((v) => ({ value: v, label: v }))} />
          <Select allowClear placeholder={t('org.ratingStatus')} style={{ width: 140 }} onChange={set('ratingStatus')} options={RATING_STATUSES.map((v) => ({ value: v, label: t(`ratingStatus.${v}`) }))} />
          <Select allowClear placeholder={t('common.status')} style={{ width: 120 }} onChange={set('status')} options={['active', 'deregistered'].map((v) => ({ value: v, label: t(`orgStatus.${v}`) }))} />
        </Space>
      </Card>
      <ErrorAlert error={list.error} />
      <Table<Organization>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          { title: t('org.name'), dataIndex: 'name', render: (v, o) => <Link to={`/organizations/${o.id}`}>{v}</Link> },
          { title: t('org.type'), dataIndex: 'type', render: (v) => labels.orgType(v), width: 200 },
          { title: t('org.uscc'), dataIndex: 'uscc', width: 190, render: (v) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('org.rating'), dataIndex: 'rating', width: 190, render: (_, o) => <RatingBadge rating={o.rating} validUntil={o.ratingValidUntil} status={o.ratingStatus} /> },
          { title: t('org.serviceFields'), dataIndex: 'serviceFields', render: (v: string[]) => v.map((f) => <Tag key={f}>{labels.serviceField(f)}</Tag>) },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (v) => (v ? t(`orgStatus.${v}`) : '') },
        ]}
      />
      {list.hasNextPage && (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>
      )}
    </Space>
  );
}
