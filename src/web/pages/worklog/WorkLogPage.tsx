import { BarChartOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Tag, theme } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, withQuery } from '../../api/client.ts';
import { QueryState } from '../../components/feedback.tsx';
import { DayEditor } from './DayEditor.tsx';
import { DayTotals, LoggedWork, RecordedWork } from './DayParts.tsx';
import { dayLabel, isDay, shiftDay, todayInShanghai } from './worklogDates.ts';
import { useWorkDay, type WorkDay } from './worklogQueries.ts';
import { Typography } from '../../components/Typography.tsx';

/** Why a day cannot be changed, in words. */
function ReadOnlyNote({ day, own, today }: { day: WorkDay; own: boolean; today: string }) {
  const { t } = useTranslation();
  const text = !own ? t('worklog.readOnlyOther', { name: day.name }) : day.day > today ? t('worklog.future') : t('worklog.closed');
  return <Alert type="info" showIcon title={text} data-testid="worklog-readonly" />;
}

/** The day shown, the days either side (none after today) and a date to pick. */
function DayNav({ day, today, go }: { day: string; today: string; go: (day: string) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  // On a narrow phone the buttons keep only their arrows (and their names for screen readers).
  const wide = !!Grid.useBreakpoint().sm;
  return (
    <nav aria-label={t('worklog.dayNav')} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Button icon={<LeftOutlined />} onClick={() => go(shiftDay(day, -1))} aria-label={wide ? undefined : t('worklog.prevDay')} style={{ height: 40, minWidth: 44 }} data-testid="worklog-prev">
        {wide && t('worklog.prevDay')}
      </Button>
      <div style={{ flex: '1 1 auto', textAlign: 'center', minWidth: 120 }}>
        <div style={{ fontWeight: 600, fontSize: '1.15em' }} data-testid="worklog-day" data-day={day}>
          {dayLabel(day, i18n.language, { month: 'long', day: 'numeric', weekday: 'short' })}
          {day === today && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('worklog.today')}</Tag>}
        </div>
        <input
          type="date"
          value={day}
          max={today}
          onChange={(e) => isDay(e.target.value) && e.target.value <= today && go(e.target.value)}
          aria-label={t('worklog.pickDay')}
          style={{ border: 'none', background: 'transparent', color: token.colorTextSecondary, fontSize: token.fontSizeSM, fontFamily: 'inherit', padding: 2 }}
          data-testid="worklog-pick-day"
        />
      </div>
      <Button onClick={() => go(shiftDay(day, 1))} disabled={day >= today} aria-label={wide ? undefined : t('worklog.nextDay')} style={{ height: 40, minWidth: 44 }} data-testid="worklog-next">
        {wide && t('worklog.nextDay')} <RightOutlined />
      </Button>
    </nav>
  );
}

/**
 * A social worker's day, made for a phone: the case sessions and shifts already on record, then
 * minutes of professional and administrative work (with who assigned it) and time against their
 * open tasks, the totals and the professional share as they are typed. A supervisor or an
 * employer's administrator reads a worker's day (?socialWorkerId=) without changing it.
 */
export function WorkLogPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  const today = todayInShanghai();
  const asked = params.get('day');
  const day = isDay(asked) ? asked : today;
  const socialWorkerId = params.get('socialWorkerId') ?? undefined;
  const own = !socialWorkerId;
  const query = useWorkDay(day, socialWorkerId);
  const [dirty, setDirty] = useState(false);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);

  const go = (next: string) => {
    if (next === day) return;
    if (dirty && !window.confirm(t('worklog.leaveUnsaved'))) return;
    setDirty(false);
    const p = new URLSearchParams(params);
    if (next === today) p.delete('day');
    else p.set('day', next);
    setParams(p);
  };

  const data = query.data;
  const notWorker = query.error instanceof ApiError && query.error.code === 'work_log.not_a_social_worker';
  const summary = withQuery('/work-log/summary', { socialWorkerId, start: undefined });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 760 }} data-testid="worklog-page">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 12, rowGap: 4 }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
          {own ? t('worklog.title') : t('worklog.titleOf', { name: data?.name ?? '' })}
          {!own && <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>{t('worklog.readOnly')}</Tag>}
        </Typography.Title>
        <Link to={summary} data-testid="worklog-to-summary"><BarChartOutlined aria-hidden /> {own ? t('worklog.toSummary') : t('worklog.toSummaryOf', { name: data?.name ?? '' })}</Link>
      </div>

      {!notWorker && <DayNav day={day} today={today} go={go} />}
      {!notWorker && day !== today && (
        <Button type="link" onClick={() => go(today)} style={{ alignSelf: 'center', height: 'auto', padding: 0 }} data-testid="worklog-today">
          {t('worklog.backToToday')}
        </Button>
      )}

      {notWorker ? (
        <Alert type="info" showIcon title={(query.error as ApiError).message} data-testid="worklog-not-worker" />
      ) : !data ? (
        <QueryState isLoading={query.isLoading} error={query.error} />
      ) : (
        <>
          {!data.editable && <ReadOnlyNote day={data} own={own} today={today} />}
          <RecordedWork day={data} />
          {data.editable ? (
            <DayEditor key={`${data.socialWorkerId}/${data.day}`} day={data} onDirty={onDirty} />
          ) : (
            <>
              <LoggedWork day={data} />
              <div style={{ padding: '10px 12px', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, background: token.colorBgContainer }}>
                <DayTotals professional={data.professional} administrative={data.administrative} share={data.share} />
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
