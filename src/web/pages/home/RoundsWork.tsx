import { Spin } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { HomeLine } from './HomeLine.tsx';
import { useApplications } from '../applications/applicationQueries.ts';
import { EvaluatorWork } from '../evaluations/EvaluatorWork.tsx';
import { useMyPanels } from '../reviews/reviewQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The roles whose home shows their part in the rounds and evaluations (the web serves them, the workbench counts do not). */
export const ROUND_ROLES: readonly string[] = ['org_admin', 'reviewer', 'evaluator'];


/** An organization's applications still to finish before their deadline, and those under way. */
function ApplicantWork() {
  const { t } = useTranslation();
  const list = useApplications({});
  const live = (list.data?.items ?? []).filter((a) => a.status !== 'withdrawn');
  return (
    <Card size="small" title={t('home.myApplications')} data-testid="home-applications" extra={<Link to="/calls">{t('home.openCalls')}</Link>}>
      {list.isLoading && <Spin />}
      {list.data && live.length === 0 && <Typography.Text>{t('home.noApplications')}</Typography.Text>}
      {live.map((a) => (
        <HomeLine key={a.id} to={`/applications/${a.id}`} testId="home-application" note={a.status === 'draft' ? t('home.draftUntil', { date: dayjs(a.deadline).format('MM-DD HH:mm') }) : t(`applicationStatus.${a.status}`)}>
          {a.title} · {a.callTitle}
        </HomeLine>
      ))}
    </Card>
  );
}

/** A reviewer's panels with the sheets they still owe. */
function ReviewerWork() {
  const { t } = useTranslation();
  const list = useMyPanels();
  return (
    <Card size="small" title={t('home.myReviews')} data-testid="home-reviews">
      {list.isLoading && <Spin />}
      {list.data && list.data.items.length === 0 && <Typography.Text>{t('home.noReviews')}</Typography.Text>}
      {list.data?.items.map((c) => (
        <HomeLine key={c.callId} to={`/reviews/${c.callId}`} testId="home-review" note={c.owed > 0 ? t('home.owed', { count: c.owed }) : t(`callStatus.${c.status}`)}>
          {c.title}
        </HomeLine>
      ))}
    </Card>
  );
}

export function RoundsWork() {
  const { hasRole } = useAuth();
  return (
    <>
      {hasRole('org_admin') && <ApplicantWork />}
      {hasRole('reviewer') && <ReviewerWork />}
      {hasRole('evaluator') && <EvaluatorWork />}
    </>
  );
}
