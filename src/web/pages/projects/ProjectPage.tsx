import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CommunityView as Community, StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';
import { QueryState } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { useActivities } from '../activities/activityQueries.ts';
import { EvaluationCard } from '../evaluations/EvaluationCard.tsx';
import { useChildren } from '../territory/queries.ts';
import { CommitResource } from './CommitResource.tsx';
import { ProjectActions } from './ProjectActions.tsx';
import { ProjectStatusTag } from './ProjectStatusTag.tsx';
import { ContractCard } from './ContractCard.tsx';
import { DeliveryCard } from './DeliveryCard.tsx';
import { ReportsCard } from './ReportsCard.tsx';
import { DELIVERY_STATUSES, useProject, yuan } from './projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';
import { Timeline } from '../../components/Timeline.tsx';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** One project: what it answers (common needs, needs, communities, households reached), its plan, resources and timeline. */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const project = useProject(id);
  const communities = useChildren<Community>('communities', {});
  const streets = useChildren<Street>('streets', {});
  // The contractor's people cannot read the register: its activities name the communities they serve.
  const activities = useActivities({ projectId: id }, !!project.data && DELIVERY_STATUSES.includes(project.data.status));
  if (!project.data) return <QueryState isLoading={project.isLoading} error={project.error} />;
  const p = project.data;
  const knownCommunity = (cid: string) => {
    const own = p.communities.find((c) => c.id === cid);
    const named = own && (i18n.language === 'en' ? own.nameEn || own.name : own.name);
    return named || communities.data?.find((c) => c.id === cid)?.name || activities.data?.items.find((a) => a.communityId === cid)?.communityName;
  };
  const communityName = (cid: string) => knownCommunity(cid) ?? '—';
  const purchaser = p.purchaserLevel === 'district' ? t('projects.purchaserDistrict') : streets.data?.find((s) => s.id === p.purchaserStreetId)?.name ?? t('projects.purchaserStreet');
  const next = ['draft', 'submitted', 'approved', 'contracted', 'in_delivery'].includes(p.status) ? t(`projectNext.${p.status}`) : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }} data-testid="project-page">
      <Link to="/projects">{t('projects.title')}</Link>
      <Space wrap size={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-title">{p.title}</Typography.Title>
        <ProjectStatusTag status={p.status} />
        <Typography.Text type="secondary" data-testid="project-ref">{p.refNo}</Typography.Text>
      </Space>
      {next && <Typography.Paragraph style={{ margin: 0 }}>{t('projects.whatNext')} {next}</Typography.Paragraph>}
      <Space wrap>
        <ProjectActions project={p} />
        {p.allowedActions.includes('commit_resource') && <CommitResource projectId={p.id} communityId={p.communityIds.length === 1 ? p.communityIds[0] : undefined} />}
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('projects.budgetShown')}><span data-testid="project-budget">{t('projects.yuan', { amount: yuan(p.budgetFen) })}</span></Descriptions.Item>
          <Descriptions.Item label={t('projects.fundingSource')}>{t(`fundingSource.${p.fundingSource}`)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.purchaser')}>{purchaser}</Descriptions.Item>
          <Descriptions.Item label={t('projects.period')}>{p.periodStart || p.periodEnd ? `${p.periodStart ?? '…'} — ${p.periodEnd ?? '…'}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.needs')}>
            <Space wrap size={4}>
              <Tag color="blue" data-testid="project-households">{t('projects.households', { count: p.householdCount })}</Tag>
              <Tag>{t('projects.beneficiaries', { count: p.beneficiaryCount })}</Tag>
              <Tag data-testid="project-need-count">{t('projects.needsCount', { count: p.needs.length })}</Tag>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.targetBeneficiaries')}>{p.targetBeneficiaries ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.communities')}>{p.communityIds.map(communityName).join('、')}</Descriptions.Item>
        </Descriptions>
        {p.objectives && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{p.objectives}</Typography.Paragraph>}
      </Card>
      {DELIVERY_STATUSES.includes(p.status) && <DeliveryCard project={p} communityName={knownCommunity} />}
      {DELIVERY_STATUSES.includes(p.status) && <ReportsCard project={p} />}
      <Card size="small" title={t('projects.origins')}>
        <List
          size="small"
          dataSource={p.origins}
          renderItem={(o) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space wrap size={4}>
                <Typography.Text strong>{o.title}</Typography.Text>
                <Typography.Text type="secondary">{o.communityIds.map(communityName).join('、')} · {t('projects.households', { count: o.householdCount })} · {t('projects.needsCount', { count: o.memberCount })}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('projects.needs')}>
        <div style={{ maxHeight: 280, overflowY: 'auto' }}>
          <Space wrap size={[8, 4]}>
            {p.needs.map((n) => (
              <Space key={n.id} size={2}>
                <Link to={`/needs/${n.id}`}>{n.refNo}</Link>
                <NeedStateTag state={n.state} />
              </Space>
            ))}
          </Space>
        </div>
      </Card>
      <Card size="small" title={t('projects.commitments')}>
        <List
          size="small"
          dataSource={p.commitments}
          locale={{ emptyText: t('projects.noCommitments') }}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="commitment">
              <Space wrap size={4}>
                <Typography.Text strong delete={!!c.withdrawnAt}>{c.resourceName}</Typography.Text>
                {c.withdrawnAt && <Tag>{t('projects.withdrawn')}</Tag>}
                <Typography.Text type="secondary">{c.periodStart || c.periodEnd ? `${c.periodStart ?? '…'} — ${c.periodEnd ?? '…'}` : ''}</Typography.Text>
              </Space>
              <div>{c.terms}</div>
            </List.Item>
          )}
        />
      </Card>
      <EvaluationCard project={p} />
      <ContractCard projectId={p.id} targetBeneficiaries={p.targetBeneficiaries} />
      <Card size="small" title={t('projects.timeline')}>
        <Timeline
          items={p.timeline.map((e) => ({
            content: (
              <>
                <Typography.Text strong>{e.action === 'create' ? t('projectAction.create') : e.action === 'update' ? t('projectAction.update') : t(`projectAction.${e.action}`)}</Typography.Text>
                {' · '}{t(`projectStatus.${e.toStatus}`)}
                <div><Typography.Text type="secondary">{when(e.at)}{e.actorName ? ` · ${e.actorName}` : ''}</Typography.Text></div>
                {e.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
