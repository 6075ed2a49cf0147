import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function ActivityStatusTag({ status }: { status: 'published' | 'cancelled' }) {
  const { t } = useTranslation();
  return <Tag color={status === 'cancelled' ? 'default' : 'green'} data-testid="activity-status">{t(`activityStatus.${status}`)}</Tag>;
}
