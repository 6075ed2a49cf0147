import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { hours, periodOf, useAdminLoad } from '../worktasks/workTaskQueries.ts';
import { HomeLine } from './HomeLine.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/**
 * 社区减负 on the home of community staff and street officers: the administrative work the
 * community gave social workers this month, and the tasks outside the district's list that
 * reached the street's communities.
 */
export function AdminLoadWork() {
  const { t } = useTranslation();
  const { can, hasRole } = useAuth();
  const community = hasRole('community_admin', 'community_worker');
  const street = hasRole('street_officer');
  const shown = (community || street) && can('workforce.admin_load.read');
  const load = useAdminLoad(periodOf('thisMonth'), {}, shown);
  if (!shown || !load.data) return null;
  const tasks = load.data.tasks;
  const unlisted = (rows: typeof tasks) => rows.reduce((a, r) => a + r.unlisted, 0);
  // The hours a community's staff see are those their own community assigned.
  const communityMinutes = load.data.hours.filter((h) => h.origin === 'community').reduce((a, h) => a + h.minutes, 0);
  const communityUnlisted = unlisted(tasks.filter((r) => r.origin === 'community'));
  const streetUnlisted = unlisted(tasks);
  return (
    <Card size="small" title={t('worktasks.home.title')} data-testid="home-admin-load">
      {community && (
        <HomeLine
          to="/admin-load"
          testId="home-admin-hours"
          note={null}
        >
          <Typography.Text data-minutes={communityMinutes} data-count={communityUnlisted}>
            {t('worktasks.home.communityLine', { hours: hours(communityMinutes), unlisted: communityUnlisted })}
          </Typography.Text>
        </HomeLine>
      )}
      {street && (
        <HomeLine to="/admin-load" testId="home-admin-unlisted" note={null}>
          <Typography.Text type={streetUnlisted > 0 ? 'danger' : undefined} data-count={streetUnlisted}>
            {t('worktasks.home.streetLine', { count: streetUnlisted })}
          </Typography.Text>
        </HomeLine>
      )}
    </Card>
  );
}
