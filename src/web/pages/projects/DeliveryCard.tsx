import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { ActivityForm } from '../activities/ActivityForm.tsx';
import { ActivityList } from '../activities/ActivityList.tsx';
import { useActivities } from '../activities/activityQueries.ts';
import { IndicatorList, MilestoneList } from './DeliveryIndicators.tsx';
import { DELIVERING_STATUSES, type ProjectDetail, useDelivery, useProjectContract } from './projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The contractor's administrator and social workers run its activities (the server decides; this only offers the button). */
function useRunsActivitiesFor(organizationId: string | undefined): boolean {
  const { me } = useAuth();
  return !!organizationId && !!me?.assignments.some((a) => (a.role === 'org_admin' || a.role === 'social_worker') && a.scopeType === 'organization' && a.scopeId === organizationId);
}

/**
 * A project under contract: its indicators against actuals counted from its activities, its
 * milestones, and the activities themselves, which the contractor's people publish here.
 */
export function DeliveryCard({ project, communityName }: { project: ProjectDetail; communityName: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const delivery = useDelivery(project.id);
  const contract = useProjectContract(project.id);
  const activities = useActivities({ projectId: project.id });
  const [publishing, setPublishing] = useState(false);
  const organizationId = contract.data?.contract?.organizationId;
  const runs = useRunsActivitiesFor(organizationId);
  const delivering = DELIVERING_STATUSES.includes(project.status);
  const named = (id: string, k: number) => communityName(id) ?? t('delivery.communityN', { n: k + 1 });
  const communities = project.communityIds.map((id, k) => ({ id, name: named(id, k) }));
  return (
    <Card size="small" title={t('delivery.title')} data-testid="delivery-card">
      <ErrorAlert error={delivery.error} />
      {delivery.isLoading && <Spin />}
      {delivery.data && (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={14}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>{t('delivery.indicators')}</Typography.Title>
            <IndicatorList delivery={delivery.data} />
          </Col>
          <Col xs={24} md={10}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>{t('delivery.milestones')}</Typography.Title>
            <MilestoneList milestones={delivery.data.milestones} />
          </Col>
        </Row>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('delivery.activities')}</Typography.Title>
        {runs && delivering && organizationId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)} data-testid="publish-activity">{t('activity.publish')}</Button>
        )}
      </div>
      {runs && !delivering && project.status === 'contracted' && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('delivery.startFirst')}</Typography.Paragraph>}
      <ErrorAlert error={activities.error} />
      <ActivityList items={activities.data?.items ?? []} loading={activities.isLoading} empty={t('delivery.noActivities')} />
      {publishing && organizationId && <ActivityForm projectId={project.id} organizationId={organizationId} communities={communities} onClose={() => setPublishing(false)} />}
    </Card>
  );
}
