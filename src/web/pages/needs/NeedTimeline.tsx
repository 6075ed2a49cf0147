import { LockOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { STATE_COLOURS } from './needColours.ts';
import type { TimelineEntry } from './needQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Timeline } from '../../components/Timeline.tsx';

dayjs.extend(relativeTime);

/**
 * Every step of a need, oldest first: who did what, when, and the state it led to. Staff see
 * what the resident was told and the internal note, each marked; a resident sees the reply only.
 */
export function NeedTimeline({ entries, forResident = false }: { entries: TimelineEntry[]; forResident?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-cn';
  // A resident reads what happens next rather than the name of a step ("pool" means nothing to them).
  const label = (action: string) => (forResident && action === 'pool' ? t('residentWords.pooled') : t(`needAction.${action}`, { defaultValue: action }));
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((e) => {
        const at = dayjs(e.at).locale(locale);
        return {
          key: e.id,
          color: (e.toState && STATE_COLOURS[e.toState]) || '#bfbfbf',
          content: (
            <div data-testid="timeline-entry" data-action={e.action} data-state={e.toState ?? ''} style={{ overflowWrap: 'anywhere' }}>
              <Space wrap size={4}>
                <Typography.Text strong>{label(e.action)}</Typography.Text>
                {!forResident && e.toState && e.toState !== e.fromState && (
                  <Typography.Text type="secondary">
                    {e.fromState ? `${t(`needState.${e.fromState}`)} → ` : '→ '}
                    {t(`needState.${e.toState}`)}
                  </Typography.Text>
                )}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {e.actorName || t('needPage.system')} · {at.format('YYYY-MM-DD HH:mm')} ({at.fromNow()})
                </Typography.Text>
              </div>
              {e.reply && (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="timeline-reply">
                  {!forResident && <Tag color="blue">{t('needPage.visibleToResident')}</Tag>}
                  {e.reply}
                </Typography.Paragraph>
              )}
              {!forResident && e.note && (
                <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="timeline-note">
                  <Tag color="orange" icon={<LockOutlined />}>{t('needPage.staffOnly')}</Tag>
                  {e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
