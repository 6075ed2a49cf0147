import { Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { HomeLine } from './HomeLine.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useCases } from '../cases/caseQueries.ts';
import { SuperviseeShare, SUPERVISEE_SHARES } from '../worklog/WorkLogHome.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The roles whose home shows their casework (the web serves them; the workbench counts do not). */
export const CASE_ROLES: readonly string[] = ['social_worker', 'supervisor'];


/** A social worker's open cases, the one waiting longest first: where today's work is. */
function MyCases() {
  const { t } = useTranslation();
  const list = useCases({ view: 'mine' });
  const open = (list.data?.items ?? []).filter((c) => c.status !== 'closed').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  return (
    <Card size="small" title={t('workbench.myCases', { count: open.length })} data-testid="home-cases" extra={<Link to="/cases">{t('workbench.seeAll')}</Link>}>
      <ErrorAlert error={list.error} />
      {list.isLoading && <Spin />}
      {list.data && open.length === 0 && <Typography.Text>{t('workbench.noCases')}</Typography.Text>}
      {open.map((c) => (
        <HomeLine key={c.id} to={`/cases/${c.id}`} testId="home-case" note={<Typography.Text strong>{t(`caseStatus.${c.status}`)}</Typography.Text>}>
          {c.client.name} · {c.refNo}
        </HomeLine>
      ))}
    </Card>
  );
}

/** A supervisor's approvals waiting, then the open caseload of each worker they supervise. */
function Supervision() {
  const { t } = useTranslation();
  const waiting = useCases({ view: 'review' });
  const all = useCases({});
  const loads = new Map<string, { name: string; open: number }>();
  for (const c of all.data?.items ?? []) {
    if (c.status === 'closed') continue;
    const load = loads.get(c.worker.id) ?? { name: c.worker.name, open: 0 };
    load.open += 1;
    loads.set(c.worker.id, load);
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('workbench.approvals', { count: waiting.data?.items.length ?? 0 })} data-testid="home-approvals" extra={<Link to="/cases?view=review">{t('workbench.seeAll')}</Link>}>
        <ErrorAlert error={waiting.error} />
        {waiting.isLoading && <Spin />}
        {waiting.data && waiting.data.items.length === 0 && <Typography.Text>{t('workbench.noApprovals')}</Typography.Text>}
        {waiting.data?.items.map((c) => (
          <HomeLine key={c.id} to={`/cases/${c.id}`} testId="home-approval" note={<Typography.Text strong>{t(`caseStatus.${c.status}`)}</Typography.Text>}>
            {c.worker.name} · {c.client.name} · {c.refNo}
          </HomeLine>
        ))}
      </Card>
      <Card size="small" title={t('workbench.caseloads')} data-testid="home-caseloads">
        <ErrorAlert error={all.error} />
        {all.isLoading && <Spin />}
        {all.data && loads.size === 0 && <Typography.Text>{t('workbench.noCaseloads')}</Typography.Text>}
        {[...loads].map(([id, load], i) => (
          <HomeLine key={id} to="/cases?view=all" testId="home-caseload" note={t('workbench.openCases', { count: load.open })}>
            {load.name}
            {i < SUPERVISEE_SHARES && <SuperviseeShare socialWorkerId={id} />}
          </HomeLine>
        ))}
      </Card>
    </Space>
  );
}

/** Casework on the home of a social worker and of a supervisor. */
export function CaseWork() {
  const { hasRole, can } = useAuth();
  if (!can('cases.case.read')) return null;
  return (
    <>
      {hasRole('social_worker') && <MyCases />}
      {hasRole('supervisor') && <Supervision />}
    </>
  );
}
