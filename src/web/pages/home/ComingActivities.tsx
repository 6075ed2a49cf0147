import { RightOutlined } from '@ant-design/icons';
import { Spin, Tag, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { bySoonest } from '../activities/ActivityList.tsx';
import { useActivities, useOverseenOrganization } from '../activities/activityQueries.ts';
import { isToday, startTime } from '../activities/sessionTime.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** How many coming activities the home lists; the rest are on the activities page. */
const SHOWN = 6;

/**
 * Activities with a session still to come, today's marked: those a social worker staffs (where
 * they sign people in), or all of an organization's for its administrator or supervisor.
 */
export function ComingActivities() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { hasRole } = useAuth();
  const organization = useOverseenOrganization();
  const staffs = hasRole('social_worker');
  const list = useActivities(organization ? { organizationId: organization.id } : { staffedByMe: true }, !!organization || staffs);
  if (!organization && !staffs) return null;
  const coming = bySoonest((list.data?.items ?? []).filter((a) => a.status === 'published' && a.nextStartsAt));
  return (
    <Card size="small" title={organization ? t('home.organizationSessions') : t('home.mySessions')} data-testid="home-sessions" extra={<Link to="/activities">{t('workbench.seeAll')}</Link>}>
      <ErrorAlert error={list.error} />
      {list.isLoading && <Spin />}
      {list.data && coming.length === 0 && <Typography.Text>{t('home.noSessions')}</Typography.Text>}
      {coming.slice(0, SHOWN).map((a) => (
        <Link
          key={a.id}
          to={`/activities/${a.id}`}
          data-testid="home-session"
          style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 0', color: 'inherit', borderTop: `1px solid ${token.colorBorderSecondary}` }}
        >
          <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {a.title} · {a.communityName}
          </span>
          <span style={{ whiteSpace: 'nowrap' }}>
            {isToday(a.nextStartsAt!) && <Tag color="orange">{t('activity.today')}</Tag>}
            {startTime(a.nextStartsAt!, t)}
          </span>
          <RightOutlined aria-hidden style={{ color: token.colorTextTertiary }} />
        </Link>
      ))}
    </Card>
  );
}
