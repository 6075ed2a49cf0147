import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from './projectsApi.ts';

const COLOURS: Partial<Record<ProjectStatus, string>> = { draft: 'default', submitted: 'gold', approved: 'green', cancelled: 'default' };

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'blue'} data-testid="project-status">{t(`projectStatus.${status}`)}</Tag>;
}
