import { LeftOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { ActivityStatusTag } from './ActivityStatusTag.tsx';
import { type SessionView, useActivity } from './activityQueries.ts';
import { CancelActivity } from './CancelActivity.tsx';
import { CheckinCode } from './CheckinCode.tsx';
import { SessionList } from './SessionList.tsx';
import { sessionPhase, sessionSpan } from './sessionTime.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The session staff work at now: the one whose door is open, else the next to come. */
function currentSession(sessions: SessionView[]): SessionView | undefined {
  const live = sessions.filter((s) => !s.cancelled && sessionPhase(s) !== 'over');
  return live.find((s) => sessionPhase(s) === 'open') ?? live[0];
}

/** One activity: what and where, who staffs it, every session with its counts, and the sign-in code of the session at hand. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  if (!activity.data) return <QueryState isLoading={activity.isLoading} error={activity.error} />;
  const a = activity.data;
  const current = a.status === 'published' ? currentSession(a.sessions) : undefined;
  const signs = a.allowedActions.includes('sign_attendance');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }} data-testid="activity-page">
      <Space wrap size={16}>
        <Link to="/activities"><LeftOutlined /> {t('nav.activities')}</Link>
        {a.projectId && <Link to={`/projects/${a.projectId}`}>{t('activity.project')}</Link>}
      </Space>
      <Space wrap size={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="activity-title">{a.title}</Typography.Title>
        <ActivityStatusTag status={a.status} />
        <Tag>{t(`activityMethod.${a.method}`)}</Tag>
      </Space>
      {current && (
        <Card size="small" data-testid="current-session" title={sessionPhase(current) === 'open' ? t('activity.nowSession') : t('activity.nextSession')}>
          <Space orientation="vertical" size={8} style={{ width: '100%', alignItems: 'center' }}>
            <Typography.Text strong style={{ fontSize: 18 }}>{t('activity.sessionNo', { seq: current.seq })} · {sessionSpan(current, t)}</Typography.Text>
            {signs && current.checkinCode && <CheckinCode code={current.checkinCode} />}
            <Typography.Text>{t('activity.counts', { registered: current.registered, capacity: a.capacity, attended: current.attended })}</Typography.Text>
            <Link to={`/activity-sessions/${current.id}`} style={{ width: '100%', maxWidth: 360 }}>
              <Button type="primary" size="large" block icon={<TeamOutlined />} style={{ height: 52, fontSize: 18 }} data-testid="open-roster">
                {signs ? t('activity.signAtDoor') : t('activity.roster')}
              </Button>
            </Link>
          </Space>
        </Card>
      )}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          {a.organizationName && <Descriptions.Item label={t('activity.organizer')}>{a.organizationName}</Descriptions.Item>}
          <Descriptions.Item label={t('activity.community')}>{a.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('activity.venue')}>{a.venueName ?? (a.venueNote || '—')}</Descriptions.Item>
          <Descriptions.Item label={t('activity.capacity')}>{t('activity.people', { count: a.capacity })}</Descriptions.Item>
          <Descriptions.Item label={t('activity.recurrence')}>{t(`recurrence.${a.recurrence}`)} · {t('activity.sessionCount', { count: a.sessionCount })}</Descriptions.Item>
          <Descriptions.Item label={t('activity.staff')}>{a.staff.length ? a.staff.map((s) => s.name).join('、') : '—'}</Descriptions.Item>
          {a.audience && <Descriptions.Item label={t('activity.audience')}>{a.audience}</Descriptions.Item>}
          {a.volunteersNeeded > 0 && <Descriptions.Item label={t('activity.volunteers')}>{t('activity.people', { count: a.volunteersNeeded })}</Descriptions.Item>}
        </Descriptions>
        {a.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{a.description}</Typography.Paragraph>}
      </Card>
      <Card size="small" title={t('activity.sessions')}>
        <SessionList sessions={a.sessions} capacity={a.capacity} />
      </Card>
      {a.allowedActions.includes('manage') && <CancelActivity activityId={a.id} />}
    </Space>
  );
}
