import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', withdrawn: 'warning' };

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`applicationStatus.${status}`)}</Tag>;
}
