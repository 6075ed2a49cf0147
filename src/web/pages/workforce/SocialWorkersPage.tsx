import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CERTIFICATE_LEVELS, EMPLOYER_TYPES, SOCIAL_WORKER_STATUSES } from '../../../common/organizations.ts';
import type { SocialWorker } from '../../api/types.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';

export function certificateColor(level: string): string {
  return level === 'senior' ? 'purple' : level === 'intermediate' ? 'blue' : level === 'assistant' ? 'cyan' : 'default';
}

export function SocialWorkersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useCommonLabels();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<Record<string, string | undefined>>({ organizationId: params.get('organizationId') ?? undefined });
  const list = useKeysetList<SocialWorker & { employerName?: string }>('social-workers', '/social-workers', filter);
  const set = (k: string) => (v: string | undefined) => setFilter((f) => ({ ...f, [k]: v || undefined }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.socialWorkers')}</Typography.Title>
        {can('workforce.social_worker.create') && (
          <Link to="/social-workers/new">
            <Button type="primary" icon={<PlusOutlined />}>{t('sw.add')}</Button>
          </Link>
        )}
      </Space>
      <Card size="small">
        <Space wrap>
          <Input.Search allowClear placeholder={t('sw.searchPlaceholder')} onSearch={(v) => set('q')(v.trim())} style={{ width: 200 }} />
          <Select allowClear placeholder={t('sw.certificateLevel')} style={{ width: 180 }} onChange={set('certificateLevel')} options={CERTIFICATE_LEVELS.map((v) => ({ value: v, label: labels.certificate(v) }))} />
          <Select allowClear placeholder={t('sw.employerType')} style={{ width: 140 }} onChange={set('employerType')} options={EMPLOYER_TYPES.map((v) => ({ value: v, label: t(`employerType.${v}`) }))} />
          <Select allowClear placeholder={t('common.status')} style={{ width: 120 }} onChange={set('status')} options={SOCIAL_WORKER_STATUSES.map((v) => ({ value: v, label: t(`swStatus.${v}`) }))} />
        </Space>
      </Card>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('sw.name'), dataIndex: 'name', render: (v, w) => <Link to={`/social-workers/${w.id}`}>{v}</Link> },
          { title: t('sw.employer'), dataIndex: 'employerName', render: (v, w) => v ?? t(`employerType.${w.employerType}`) },
          { title: t('sw.certificateLevel'), dataIndex: 'certificateLevel', render: (v) => <Tag color={certificateColor(v)}>{labels.certificate(v)}</Tag> },
          { title: t('sw.phone'), dataIndex: 'phoneMasked', render: (v) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (v) => t(`swStatus.${v}`) },
        ]}
      />
      {list.hasNextPage && (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>
      )}
    </Space>
  );
}
