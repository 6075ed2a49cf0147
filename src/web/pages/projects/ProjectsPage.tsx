import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { ProjectStatusTag } from './ProjectStatusTag.tsx';
import { type ProjectView, useProjects, yuan } from './projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

function ProjectItem({ p }: { p: ProjectView }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="project-row" style={{ display: 'block', paddingInline: 0 }}>
      <Space wrap size={6}>
        <Link to={`/projects/${p.id}`} style={{ fontSize: 16 }}>{p.title}</Link>
        <ProjectStatusTag status={p.status} />
      </Space>
      <div>
        <Typography.Text type="secondary">
          {p.refNo} · {t('projects.yuan', { amount: yuan(p.budgetFen) })} · {t(`fundingSource.${p.fundingSource}`)}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

/** 项目清单: the projects of the caller's units, and those awaiting their approval first. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { can, hasRole } = useAuth();
  const all = useProjects();
  const officer = hasRole('street_officer', 'district_officer');
  const awaiting = useProjects({ awaitingMe: true });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('projects.title')}</Typography.Title>
        {can('projects.project.create') && (
          <Link to="/projects/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="draft-project">{t('projects.draft')}</Button>
          </Link>
        )}
      </Space>
      {officer && (
        <Card size="small" title={t('projects.awaitingMe')} data-testid="awaiting-approval">
          <ErrorAlert error={awaiting.error} />
          <List loading={awaiting.isLoading} dataSource={awaiting.data?.items ?? []} locale={{ emptyText: t('projects.awaitingEmpty') }} renderItem={(p) => <ProjectItem p={p} />} />
        </Card>
      )}
      <Card size="small">
        <ErrorAlert error={all.error} />
        {all.data && all.data.items.length === 0 ? (
          <Empty description={t('projects.empty')} />
        ) : (
          <List loading={all.isLoading} dataSource={all.data?.items ?? []} renderItem={(p) => <ProjectItem p={p} />} data-testid="projects" />
        )}
      </Card>
    </Space>
  );
}
