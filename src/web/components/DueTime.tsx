import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { Typography } from './Typography.tsx';

dayjs.extend(relativeTime);

/** A due time as "in 3 hours" / "2 days ago", red once overdue; the absolute time on hover. */
/** `wrap` lets the text break where a column is narrow (a phone). */
export function DueTime({ dueAt, overdue, wrap = false }: { dueAt: string | null | undefined; overdue: boolean; wrap?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">{t('dueTime.none')}</Typography.Text>;
  // The language is read so the relative text follows a language switch.
  const d = dayjs(dueAt).locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  const text = overdue ? t('dueTime.overdue', { when: d.fromNow() }) : t('dueTime.due', { when: d.fromNow() });
  return (
    <Tooltip title={d.format('YYYY-MM-DD HH:mm')}>
      <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue} data-testid="due-time" data-overdue={overdue ? 'true' : 'false'} style={{ whiteSpace: wrap ? 'normal' : 'nowrap' }}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
