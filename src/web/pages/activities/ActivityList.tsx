import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { ActivityStatusTag } from './ActivityStatusTag.tsx';
import type { ActivityView } from './activityQueries.ts';
import { isToday, startTime } from './sessionTime.ts';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

/** Soonest first; activities with nothing left to hold after them. */
export function bySoonest(items: ActivityView[]): ActivityView[] {
  return [...items].sort((a, b) => (a.nextStartsAt ?? '9999').localeCompare(b.nextStartsAt ?? '9999'));
}

/** Activities as rows that open their page: what, where, and when the next session is. */
export function ActivityList({ items, loading, empty }: { items: ActivityView[]; loading?: boolean; empty: string }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={bySoonest(items)}
      locale={{ emptyText: empty }}
      data-testid="activity-list"
      renderItem={(a) => (
        <LinkListItem to={`/activities/${a.id}`} testId="activity-row" align="flex-start">
          <div style={{ flex: 1, minWidth: 0 }}>
            <Space wrap size={6}>
              <Typography.Text strong style={{ fontSize: 16 }}>{a.title}</Typography.Text>
              {a.status === 'cancelled' && <ActivityStatusTag status={a.status} />}
              <Tag>{t(`activityMethod.${a.method}`)}</Tag>
              {a.nextStartsAt && isToday(a.nextStartsAt) && <Tag color="orange">{t('activity.today')}</Tag>}
            </Space>
            <div style={{ overflowWrap: 'anywhere' }}>
              <Typography.Text type="secondary">
                {a.communityName}
                {a.venueName || a.venueNote ? ` · ${a.venueName ?? a.venueNote}` : ''}
                {' · '}
                {t(`recurrence.${a.recurrence}`)} · {t('activity.sessionCount', { count: a.sessionCount })}
              </Typography.Text>
            </div>
            <div>
              {a.nextStartsAt ? (
                <Typography.Text>{t(Date.parse(a.nextStartsAt) <= Date.now() ? 'activity.running' : 'activity.next', { when: startTime(a.nextStartsAt, t) })}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('activity.noneLeft')}</Typography.Text>
              )}
            </div>
          </div>
        </LinkListItem>
      )}
    />
  );
}
