import { theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isAdministrative, type WorkCategory } from '../../../common/worklogs.ts';
import { withQuery } from '../../api/client.ts';
import { dayLabel, hours } from './worklogDates.ts';
import type { WorkSummary } from './worklogQueries.ts';
import { Typography } from '../../components/Typography.tsx';

/** Professional work in blue, administrative in amber: told apart without the brand red, which reads as "wrong". */
export const PROFESSIONAL_COLOUR = '#2f6fb0';
export const ADMINISTRATIVE_COLOUR = '#c77c02';

const BAR_HEIGHT = 140;

function Swatch({ colour }: { colour: string }) {
  return <span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: colour, marginInlineEnd: 6, verticalAlign: 'middle' }} />;
}

export function Legend() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      <span><Swatch colour={PROFESSIONAL_COLOUR} />{t('worklog.professional')}</span>
      <span><Swatch colour={ADMINISTRATIVE_COLOUR} />{t('worklog.administrative')}</span>
    </div>
  );
}

/**
 * One stacked bar a day, professional below administrative, scaled to the longest day; each
 * bar opens that day's log and says its figures to a screen reader and on hover. The figures
 * are also in a table under it, for whoever would rather read numbers.
 */
export function DayBars({ summary, period, socialWorkerId }: { summary: WorkSummary; period: 'week' | 'month'; socialWorkerId?: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const longest = Math.max(60, ...summary.days.map((d) => d.professional + d.administrative));
  const week = period === 'week';
  const label = (day: string) => dayLabel(day, i18n.language, { month: 'short', day: 'numeric', weekday: 'short' });
  const figures = (d: WorkSummary['days'][number]) =>
    t('worklog.barLabel', { day: label(d.day), professional: hours(d.professional), administrative: hours(d.administrative), professionalMinutes: d.professional, administrativeMinutes: d.administrative });
  const cell: CSSProperties = { padding: '4px 8px', borderBottom: `1px solid ${token.colorBorderSecondary}`, textAlign: 'end' };
  return (
    <div data-testid="summary-bars">
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: week ? 8 : 2, height: BAR_HEIGHT + (week ? 20 : 0), borderBottom: `1px solid ${token.colorBorder}` }}>
        {summary.days.map((d) => {
          const total = d.professional + d.administrative;
          return (
            <div key={d.day} style={{ flex: '1 1 0', minWidth: 0, height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }}>
              {week && total > 0 && <span aria-hidden style={{ textAlign: 'center', fontSize: token.fontSizeSM, lineHeight: '20px' }}>{hours(total)}</span>}
              <Link
                to={withQuery('/work-log', { day: d.day, socialWorkerId })}
                aria-label={figures(d)}
                title={figures(d)}
                data-testid="summary-bar"
                data-day={d.day}
                data-professional={d.professional}
                data-administrative={d.administrative}
                style={{ display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', minHeight: 3, background: total ? undefined : token.colorBorderSecondary }}
              >
                <span style={{ display: 'block', height: (d.administrative / longest) * BAR_HEIGHT, background: ADMINISTRATIVE_COLOUR, borderRadius: d.professional ? '3px 3px 0 0' : 3 }} />
                <span style={{ display: 'block', height: (d.professional / longest) * BAR_HEIGHT, background: PROFESSIONAL_COLOUR, borderRadius: d.administrative ? 0 : '3px 3px 0 0' }} />
              </Link>
            </div>
          );
        })}
      </div>
      <div aria-hidden style={{ display: 'flex', gap: week ? 8 : 2, marginTop: 4 }}>
        {summary.days.map((d) => {
          const n = Number(d.day.slice(8));
          const shown = week ? dayLabel(d.day, i18n.language, { weekday: 'short' }) : n === 1 || n % 5 === 0 ? String(n) : '';
          return <span key={d.day} style={{ flex: '1 1 0', minWidth: 0, textAlign: 'center', fontSize: token.fontSizeSM, whiteSpace: 'nowrap', overflow: 'visible' }}>{shown}</span>;
        })}
      </div>
      <details style={{ marginTop: 12 }} data-testid="summary-figures">
        <summary style={{ cursor: 'pointer', color: token.colorLink }}>{t('worklog.showFigures')}</summary>
        <table style={{ borderCollapse: 'collapse', marginTop: 8, width: '100%', maxWidth: 480 }}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'start' }}>{t('worklog.date')}</th>
              <th scope="col" style={cell}>{t('worklog.professionalHours')}</th>
              <th scope="col" style={cell}>{t('worklog.administrativeHours')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.days.map((d) => (
              <tr key={d.day}>
                <th scope="row" style={{ ...cell, textAlign: 'start', fontWeight: 'normal', whiteSpace: 'nowrap' }}>{label(d.day)}</th>
                <td style={cell}>{hours(d.professional)}</td>
                <td style={cell}>{hours(d.administrative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** Horizontal bars with their figures: minutes by category, or by who assigned them. */
export function FigureBars({ rows, testId, empty }: { rows: { key: string; label: string; minutes: number; colour: string }[]; testId: string; empty: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const most = Math.max(1, ...rows.map((r) => r.minutes));
  if (rows.length === 0) return <Typography.Text type="secondary" data-testid={testId}>{empty}</Typography.Text>;
  return (
    <ul data-testid={testId} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 10 }}>
      {rows.map((r) => (
        <li key={r.key} data-testid={`${testId}-row`} data-minutes={r.minutes}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
            <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{r.label}</span>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{t('worklog.hoursValue', { h: hours(r.minutes) })}</Typography.Text>
          </div>
          <div aria-hidden style={{ height: 10, background: token.colorFillSecondary, borderRadius: 5, marginTop: 2 }}>
            <div style={{ width: `${(r.minutes / most) * 100}%`, minWidth: r.minutes ? 4 : 0, height: '100%', background: r.colour, borderRadius: 5 }} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function categoryRows(summary: WorkSummary, t: (key: string) => string) {
  return summary.byCategory.map((c) => ({
    key: c.category,
    label: t(`worklog.category.${c.category}`),
    minutes: c.minutes,
    colour: isAdministrative(c.category as WorkCategory) ? ADMINISTRATIVE_COLOUR : PROFESSIONAL_COLOUR,
  }));
}

export function originRows(summary: WorkSummary, t: (key: string) => string) {
  return summary.byOrigin.map((o) => ({
    key: `${o.unitId}|${o.name}`,
    label: `${t(`worklog.origin.${o.origin}`)} · ${o.name}`,
    minutes: o.minutes,
    colour: ADMINISTRATIVE_COLOUR,
  }));
}
