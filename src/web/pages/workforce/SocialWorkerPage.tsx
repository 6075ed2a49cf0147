import { useQuery } from '@tanstack/react-query';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { SocialWorkerView as SocialWorker } from '../../../server/modules/workforce/workforce.schemas.ts';
import { QueryState } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { CommunityTags, EditableCard, RecordCrumbs } from '../../components/RecordCard.tsx';
import { ContinuingEducationCard } from './ContinuingEducationCard.tsx';
import { SocialWorkerForm } from './SocialWorkerForm.tsx';
import { certificateColor } from './SocialWorkersPage.tsx';
import { Card } from '../../components/Card.tsx';

export function SocialWorkerPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const labels = useCommonLabels();
  const navigate = useNavigate();
  const worker = useQuery({ queryKey: ['social-workers', id], queryFn: () => api.get<SocialWorker & { employerName?: string }>(`/social-workers/${id}`), enabled: !!id });
  const crumbs = <RecordCrumbs listPath="/social-workers" listTitle={t('nav.socialWorkers')} current={worker.data?.name ?? t('sw.add')} />;
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
  return (
    <>
      {crumbs}
      <EditableCard
        title={w.name}
        canEdit={actions.includes('update')}
        form={(close) => <SocialWorkerForm worker={w} onDone={() => { close(); void worker.refetch(); }} />}
      >
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
          <Descriptions.Item label={t('sw.communities')}><CommunityTags ids={w.communityIds} /></Descriptions.Item>
        </Descriptions>
      </EditableCard>
      <ContinuingEducationCard workerId={w.id} />
    </>
  );
}
