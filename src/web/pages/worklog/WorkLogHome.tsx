import { useTranslation } from 'react-i18next';
import { HomeLine } from '../home/HomeLine.tsx';
import { thisWeek } from './worklogDates.ts';
import { useKeepsWorkLog, useWorkSummary } from './worklogQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** On a social worker's home: this week's professional share (to the week's summary) and today's log. */
export function MyWorkWeek() {
  const { t } = useTranslation();
  const keeps = useKeepsWorkLog();
  const week = thisWeek();
  const summary = useWorkSummary(week.from, week.to, undefined, keeps);
  if (!keeps) return null;
  const share = summary.data?.share ?? null;
  return (
    <Card size="small" title={t('worklog.homeTitle')} data-testid="home-worklog">
      <HomeLine
        to="/work-log/summary"
        testId="home-worklog-share"
        note={summary.data && <Typography.Text strong data-share={share ?? ''}>{share === null ? t('worklog.weekNone') : `${share.toFixed(1)}%`}</Typography.Text>}
      >
        {t('worklog.weekShareLabel')}
      </HomeLine>
      <HomeLine to="/work-log" testId="home-worklog-today" note={null}>
        <Typography.Text strong>{t('worklog.logToday')}</Typography.Text>
      </HomeLine>
    </Card>
  );
}

/** At most this many supervisees' weeks are asked for, one request each, on a supervisor's home. */
export const SUPERVISEE_SHARES = 10;

/** A supervisee's professional share this week, beside their caseload; nothing when it cannot be read. */
export function SuperviseeShare({ socialWorkerId }: { socialWorkerId: string }) {
  const { t } = useTranslation();
  const week = thisWeek();
  const summary = useWorkSummary(week.from, week.to, socialWorkerId);
  const share = summary.data?.share;
  if (share === undefined || share === null) return null;
  return <span data-testid="home-supervisee-share" data-share={share}> · {t('worklog.superviseeShare', { share: share.toFixed(1) })}</span>;
}
