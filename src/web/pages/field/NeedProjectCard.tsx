import { useTranslation } from 'react-i18next';
import type { NeedDetail } from '../needs/needQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

// Once the service runs or the project is accepted, "you will be told when it starts" would be stale.
const NEXT: Record<string, string> = {
  draft: 'myProject.draft', submitted: 'myProject.submitted', approved: 'myProject.approved',
  in_delivery: 'myProject.delivering', midterm: 'myProject.delivering', final: 'myProject.delivering',
  accepted: 'myProject.accepted', accepted_with_conditions: 'myProject.accepted', closed: 'myProject.accepted',
};

/** The project answering a resident's need, and what happens next, in plain words. */
export function NeedProjectCard({ project }: { project: NonNullable<NeedDetail['project']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('myProject.title')} data-testid="need-project">
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>
        {t('myProject.body', { title: project.title, refNo: project.refNo })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 16 }}>{t(NEXT[project.status] ?? 'myProject.later')}</Typography.Paragraph>
    </Card>
  );
}
