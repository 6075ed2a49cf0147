import { Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ORGANIZATION_TYPES, RATING_STATUSES, RATINGS } from '../../../common/organizations.ts';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { AddLink, KeysetTable, ListPage, useListFilter } from '../../components/KeysetTable.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { RatingBadge } from '../../components/RatingBadge.tsx';
import { Typography } from '../../components/Typography.tsx';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useCommonLabels();
  const { filter, set } = useListFilter();
  const list = useKeysetList<Organization>('organizations', '/organizations', filter);

  return (
    <ListPage
      title={t('nav.organizations')}
      action={can('organizations.organization.create') && <AddLink to="/organizations/new">{t('org.add')}</AddLink>}
      filters={
        <>
          <Input.Search allowClear placeholder={t('org.searchPlaceholder')} aria-label={t('org.searchPlaceholder')} onSearch={(v) => set('q')(v.trim())} style={{ width: 240 }} />
          <Select allowClear placeholder={t('org.type')} aria-label={t('org.type')} style={{ width: 200 }} onChange={set('type')} options={ORGANIZATION_TYPES.map((v) => ({ value: v, label: labels.orgType(v) }))} />
          <Select allowClear placeholder={t('org.rating')} aria-label={t('org.rating')} style={{ width: 110 }} onChange={set('rating')} options={RATINGS.map((v) => ({ value: v, label: v }))} />
          <Select allowClear placeholder={t('org.ratingStatus')} aria-label={t('org.ratingStatus')} style={{ width: 140 }} onChange={set('ratingStatus')} options={RATING_STATUSES.map((v) => ({ value: v, label: t(`ratingStatus.${v}`) }))} />
          <Select allowClear placeholder={t('common.status')} aria-label={t('common.status')} style={{ width: 120 }} onChange={set('status')} options={['active', 'deregistered'].map((v) => ({ value: v, label: t(`orgStatus.${v}`) }))} />
        </>
      }
    >
      <KeysetTable
        list={list}
        scroll={{ x: 820 }}
        columns={[
          { title: t('org.name'), dataIndex: 'name', render: (v, o) => <Link to={`/organizations/${o.id}`}>{v}</Link> },
          { title: t('org.type'), dataIndex: 'type', render: (_, o) => labels.orgType(o.type), width: 200 },
          { title: t('org.uscc'), dataIndex: 'uscc', width: 190, render: (v) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('org.rating'), dataIndex: 'rating', width: 190, render: (_, o) => <RatingBadge rating={o.rating} validUntil={o.ratingValidUntil} status={o.ratingStatus} /> },
          { title: t('org.serviceFields'), dataIndex: 'serviceFields', render: (v: string[]) => v.map((f) => <Tag key={f}>{labels.serviceField(f)}</Tag>) },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (v) => (v ? t(`orgStatus.${v}`) : '') },
        ]}
      />
    </ListPage>
  );
}
