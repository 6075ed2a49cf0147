import { Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CERTIFICATE_LEVELS, EMPLOYER_TYPES, SOCIAL_WORKER_STATUSES } from '../../../common/organizations.ts';
import type { SocialWorkerView as SocialWorker } from '../../../server/modules/workforce/workforce.schemas.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { AddLink, KeysetTable, ListPage, useListFilter } from '../../components/KeysetTable.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { Typography } from '../../components/Typography.tsx';

export function certificateColor(level: string): string {
  return level === 'senior' ? 'purple' : level === 'intermediate' ? 'blue' : level === 'assistant' ? 'cyan' : 'default';
}

export function SocialWorkersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useCommonLabels();
  const [params] = useSearchParams();
  const { filter, set } = useListFilter({ organizationId: params.get('organizationId') ?? undefined });
  const list = useKeysetList<SocialWorker & { employerName?: string }>('social-workers', '/social-workers', filter);

  return (
    <ListPage
      title={t('nav.socialWorkers')}
      action={can('workforce.social_worker.create') && <AddLink to="/social-workers/new">{t('sw.add')}</AddLink>}
      filters={
        <>
          <Input.Search allowClear placeholder={t('sw.searchPlaceholder')} aria-label={t('sw.searchPlaceholder')} onSearch={(v) => set('q')(v.trim())} style={{ width: 200 }} />
          <Select allowClear placeholder={t('sw.certificateLevel')} aria-label={t('sw.certificateLevel')} style={{ width: 180 }} onChange={set('certificateLevel')} options={CERTIFICATE_LEVELS.map((v) => ({ value: v, label: labels.certificate(v) }))} />
          <Select allowClear placeholder={t('sw.employerType')} aria-label={t('sw.employerType')} style={{ width: 140 }} onChange={set('employerType')} options={EMPLOYER_TYPES.map((v) => ({ value: v, label: t(`employerType.${v}`) }))} />
          <Select allowClear placeholder={t('common.status')} aria-label={t('common.status')} style={{ width: 120 }} onChange={set('status')} options={SOCIAL_WORKER_STATUSES.map((v) => ({ value: v, label: t(`swStatus.${v}`) }))} />
        </>
      }
    >
      <KeysetTable
        list={list}
        scroll={{ x: 720 }}
        columns={[
          { title: t('sw.name'), dataIndex: 'name', render: (v, w) => <Link to={`/social-workers/${w.id}`}>{v}</Link> },
          { title: t('sw.employer'), dataIndex: 'employerName', render: (_, w) => w.employerName ?? t(`employerType.${w.employerType}`) },
          { title: t('sw.certificateLevel'), dataIndex: 'certificateLevel', render: (_, w) => <Tag color={certificateColor(w.certificateLevel)}>{labels.certificate(w.certificateLevel)}</Tag> },
          { title: t('sw.phone'), dataIndex: 'phoneMasked', render: (v) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (v) => t(`swStatus.${v}`) },
        ]}
      />
    </ListPage>
  );
}
