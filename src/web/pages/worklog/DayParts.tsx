import { Tag, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdministrative } from '../../../common/worklogs.ts';
import { hours } from './worklogDates.ts';
import type { WorkDay } from './worklogQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A row of a read-only list: what, then how long. */
function FigureRow({ children, minutes, testId }: { children: ReactNode; minutes: number; testId?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <li data-testid={testId} style={{ display: 'flex', alignItems: 'baseline', gap: 8, padding: '8px 0', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
      <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{children}</span>
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{t('worklog.hoursValue', { h: hours(minutes) })}</Typography.Text>
    </li>
  );
}

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** Case sessions and activity shifts already on record: the professional part filled in, never typed again. */
export function RecordedWork({ day }: { day: WorkDay }) {
  const { t } = useTranslation();
  const total = day.recorded.reduce((n, r) => n + r.minutes, 0);
  return (
    <Card size="small" title={t('worklog.recorded')} extra={day.recorded.length > 0 && <Typography.Text strong>{t('worklog.hoursValue', { h: hours(total) })}</Typography.Text>} data-testid="worklog-recorded">
      {day.recorded.length === 0 ? (
        <Typography.Text type="secondary">{t('worklog.recordedNone')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('worklog.recordedHint')}</Typography.Paragraph>
          <ul style={listStyle}>
            {day.recorded.map((r, i) => (
              <FigureRow key={i} minutes={r.minutes} testId="worklog-recorded-item">
                <Tag>{t(`worklog.source.${r.source}`)}</Tag>
                {r.label} · {t(`worklog.category.${r.category}`)}
              </FigureRow>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** What was logged by hand, as a list: a day that cannot be changed (closed, or someone else's). */
export function LoggedWork({ day }: { day: WorkDay }) {
  const { t } = useTranslation();
  const parts = [
    { title: t('worklog.professional'), entries: day.entries.filter((e) => !isAdministrative(e.category)) },
    { title: t('worklog.administrative'), entries: day.entries.filter((e) => isAdministrative(e.category)) },
  ];
  return (
    <Card size="small" title={t('worklog.logged')} data-testid="worklog-logged">
      {day.entries.length === 0 && <Typography.Text type="secondary">{t('worklog.nothingLogged')}</Typography.Text>}
      {parts.filter((p) => p.entries.length > 0).map((p) => (
        <section key={p.title} style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: '4px 0' }}>{p.title}</Typography.Title>
          <ul style={listStyle}>
            {p.entries.map((e) => (
              <FigureRow key={e.id} minutes={e.minutes} testId="worklog-logged-entry">
                {t(`worklog.category.${e.category}`)}
                {e.taskTitle && ` · ${e.taskTitle}`}
                {e.originName && <Typography.Text type="secondary"> · {t('worklog.assignedByName', { name: e.originName })}</Typography.Text>}
                {e.note && <Typography.Text type="secondary"> · {e.note}</Typography.Text>}
              </FigureRow>
            ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}

/** The day's totals and the professional share, as they stand (live while logging). */
export function DayTotals({ professional, administrative, share }: { professional: number; administrative: number; share: number | null }) {
  const { t } = useTranslation();
  return (
    <div data-testid="worklog-share" data-share={share ?? ''} aria-live="polite" style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12, rowGap: 2, alignItems: 'baseline' }}>
      <span>{t('worklog.totalProfessional', { h: hours(professional) })}</span>
      <span>{t('worklog.totalAdministrative', { h: hours(administrative) })}</span>
      <Typography.Text strong style={{ fontSize: '1.15em' }}>{share === null ? t('worklog.shareNone') : t('worklog.share', { share: share.toFixed(1) })}</Typography.Text>
    </div>
  );
}
