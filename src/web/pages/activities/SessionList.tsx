import { StarFilled, TeamOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SessionView } from './activityQueries.ts';
import { CheckinCode } from './CheckinCode.tsx';
import { sessionPhase, sessionSpan } from './sessionTime.ts';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

function PhaseTag({ s }: { s: SessionView }) {
  const { t } = useTranslation();
  if (s.cancelled) return <Tag>{t('activity.sessionCancelled')}</Tag>;
  const phase = sessionPhase(s);
  if (phase === 'open') return <Tag color="orange">{t('activity.sessionOpen')}</Tag>;
  if (phase === 'over') return <Tag color="default">{t('activity.sessionOver')}</Tag>;
  return null;
}

/** Every session of an activity with its counts; staff open a session's roster to sign people in. */
export function SessionList({ sessions, capacity }: { sessions: SessionView[]; capacity: number }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={sessions}
      data-testid="session-list"
      renderItem={(s) => (
        <List.Item data-testid="session-row" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, paddingInline: 0 }}>
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>
            <Space wrap size={6}>
              <Typography.Text strong>{t('activity.sessionNo', { seq: s.seq })}</Typography.Text>
              <Typography.Text>{sessionSpan(s, t)}</Typography.Text>
              <PhaseTag s={s} />
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t('activity.counts', { registered: s.registered, capacity, attended: s.attended })}
                {s.averageRating !== null && (
                  <>
                    {' · '}
                    <StarFilled aria-hidden style={{ color: '#ad6800' }} /> {t('activity.rating', { average: s.averageRating.toFixed(1), count: s.ratings })}
                  </>
                )}
              </Typography.Text>
            </div>
            {s.checkinCode && !s.cancelled && sessionPhase(s) !== 'over' && <CheckinCode code={s.checkinCode} size="small" />}
          </div>
          {!s.cancelled && (
            <Link to={`/activity-sessions/${s.id}`}>
              <Button icon={<TeamOutlined />} data-testid="session-roster">{t('activity.roster')}</Button>
            </Link>
          )}
        </List.Item>
      )}
    />
  );
}
