import { CalendarOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { ActivityList } from './ActivityList.tsx';
import { useActivities, useOverseenOrganization } from './activityQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** An organization's activities for its administrator, or the activities a social worker staffs: soonest first. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const organization = useOverseenOrganization();
  const list = useActivities(organization ? { organizationId: organization.id } : { staffedByMe: true });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{organization ? t('activity.ofOrganization', { name: organization.name }) : t('activity.mine')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{organization ? t('activity.ofOrganizationHint') : t('activity.mineHint')}</Typography.Paragraph>
      <Card size="small">
        <ErrorAlert error={list.error} />
        <ActivityList items={list.data?.items ?? []} loading={list.isLoading} empty={organization ? t('activity.noneOfOrganization') : t('activity.noneMine')} />
      </Card>
      {organization && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <CalendarOutlined aria-hidden />{' '}
          <a href={`/api/v1/public/calendars/organizations/${organization.id}/activities.ics`} data-testid="calendar-feed">{t('activity.calendarFeed')}</a>
          <Typography.Text type="secondary"> {t('activity.calendarFeedHint')}</Typography.Text>
        </Typography.Paragraph>
      )}
    </Space>
  );
}
