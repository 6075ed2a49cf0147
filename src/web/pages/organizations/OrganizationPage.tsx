import { useQuery } from '@tanstack/react-query';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import { QueryState } from '../../components/feedback.tsx';
import { useCommonLabels } from '../../components/labels.ts';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { RatingBadge } from '../../components/RatingBadge.tsx';
import { CommunityTags, EditableCard, RecordCrumbs } from '../../components/RecordCard.tsx';
import { CreditSection } from './CreditSection.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';
import { TrackRecordSection } from './TrackRecordSection.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

export function OrganizationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const labels = useCommonLabels();
  const navigate = useNavigate();
  const org = useQuery({ queryKey: ['organizations', id], queryFn: () => api.get<Organization>(`/organizations/${id}`), enabled: !!id });
  const crumbs = <RecordCrumbs listPath="/organizations" listTitle={t('nav.organizations')} current={org.data?.name ?? t('org.add')} />;

  if (!id) {
    return (
      <>
        {crumbs}
        <Card title={t('org.add')} size="small">
          <OrganizationForm onDone={(o) => navigate(`/organizations/${o.id}`, { replace: true })} />
        </Card>
      </>
    );
  }
  if (!org.data) return <QueryState isLoading={org.isLoading} error={org.error} />;
  const o = org.data;
  const actions = o.allowedActions ?? [];
  const canEdit = actions.includes('update') || actions.includes('update_contacts');
  return (
    <>
      {crumbs}
      <EditableCard
        title={<span style={{ whiteSpace: 'normal' }}>{o.name}</span>}
        canEdit={canEdit}
        form={(close) => <OrganizationForm org={o} onDone={() => { close(); void org.refetch(); }} />}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('org.uscc')}><Typography.Text code>{o.uscc}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t('org.type')}>{labels.orgType(o.type)}</Descriptions.Item>
          <Descriptions.Item label={t('org.registrationDate')}>{o.registrationDate}</Descriptions.Item>
          <Descriptions.Item label={t('org.registrationAuthority')}>{o.registrationAuthority}</Descriptions.Item>
          <Descriptions.Item label={t('org.rating')}><RatingBadge rating={o.rating} validUntil={o.ratingValidUntil} status={o.ratingStatus} /></Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>{o.status ? t(`orgStatus.${o.status}`) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('org.serviceFields')}>{o.serviceFields.map((f) => <Tag key={f}>{labels.serviceField(f)}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('org.serviceCommunities')}><CommunityTags ids={o.serviceCommunityIds} /></Descriptions.Item>
          <Descriptions.Item label={t('org.address')}>{o.address || '—'}</Descriptions.Item>
          {o.contactName !== undefined && <Descriptions.Item label={t('org.contactName')}>{o.contactName || '—'}</Descriptions.Item>}
          {o.contactPhoneMasked !== undefined && (
            <Descriptions.Item label={t('org.contactPhone')}>
              <MaskedValue masked={o.contactPhoneMasked} field="contactPhone" revealPath={actions.includes('reveal') ? `/organizations/${o.id}/reveal` : undefined} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </EditableCard>
      <TrackRecordSection organizationId={o.id} />
      <CreditSection organizationId={o.id} />
      <div style={{ marginTop: 12 }}>
        <Link to={`/social-workers?organizationId=${o.id}`}>{t('org.staff')}</Link>
      </div>
    </>
  );
}
