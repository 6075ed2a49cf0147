import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { Community, SocialWorker } from '../../api/types.ts';
import { QueryState } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { useChildren } from '../territory/queries.ts';
import { SocialWorkerForm } from './SocialWorkerForm.tsx';
import { certificateColor } from './SocialWorkersPage.tsx';

export function SocialWorkerPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const labels = useCommonLabels();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const worker = useQuery({ queryKey: ['social-workers', id], queryFn: () => api.get<SocialWorker & { employerName?: string }>(`/social-workers/${id}`), enabled: !!id });
  const communities = useChildren<Community>('communities', {});
  const crumbs = <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/social-workers">{t('nav.socialWorkers')}</Link> }, { title: worker.data?.name ?? t('sw.add') }]} />;
  if (!id) {
    return (
      <>
        {crumbs}
        <Card size="small" title={t('sw.add')}>
          <SocialWorkerForm onDone={(w) => navigate(`/social-workers/${w.id}`, { replace: true })} />
        </Card>
      </>
    );
  }
  if (!worker.data) return <QueryState isLoading={worker.isLoading} error={worker.error} />;
  const w = worker.data;
  const actions = w.allowedActions ?? [];
  const revealPath = actions.includes('reveal') ? `/social-workers/${w.id}/reveal` : undefined;
  // Communities outside the reader's scope are counted, not named.
  const communityTags = (ids: string[]) => {
    const known = ids.map((cid) => communities.data?.find((c) => c.id === cid)).filter((c) => !!c);
    const others = ids.length - known.length;
    return [
      ...known.map((c) => <Tag key={c.id}>{c.name}</Tag>),
      ...(others > 0 ? [<Tag key="others">{t(known.length ? 'common.andOthers' : 'common.count', { count: others })}</Tag>] : []),
    ];
  };
  return (
    <>
      {crumbs}
      <Card size="small" title={w.name} extra={actions.includes('update') && !editing && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}>
        {editing ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <SocialWorkerForm worker={w} onDone={() => { setEditing(false); void worker.refetch(); }} />
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        ) : (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('resident.gender')}>{w.gender ? t(`gender.${w.gender}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>{t(`swStatus.${w.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('resident.idNumber')}><MaskedValue masked={w.idNumberMasked} field="idNumber" revealPath={revealPath} /></Descriptions.Item>
            <Descriptions.Item label={t('sw.phone')}><MaskedValue masked={w.phoneMasked} field="phone" revealPath={revealPath} /></Descriptions.Item>
            <Descriptions.Item label={t('sw.employer')}>
              {w.employerType === 'organization' && w.employerOrganizationId ? (
                <Link to={`/organizations/${w.employerOrganizationId}`}>{w.employerName ?? t('employerType.organization')}</Link>
              ) : (
                w.employerName ?? t(`employerType.${w.employerType}`)
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('sw.certificateLevel')}><Tag color={certificateColor(w.certificateLevel)}>{labels.certificate(w.certificateLevel)}</Tag></Descriptions.Item>
            {w.certificateNo && <Descriptions.Item label={t('sw.certificateNo')}>{w.certificateNo}</Descriptions.Item>}
            {w.certificateDate && <Descriptions.Item label={t('sw.certificateDate')}>{w.certificateDate}</Descriptions.Item>}
            <Descriptions.Item label={t('sw.payGrade')}>{w.payGrade || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('sw.communities')}>{communityTags(w.communityIds)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </>
  );
}
