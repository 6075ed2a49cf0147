import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Space, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, withQuery } from '../../api/client.ts';
import { QueryState } from '../../components/feedback.tsx';
import { categoryRows, DayBars, FigureBars, Legend, originRows } from './SummaryCharts.tsx';
import { dayLabel, hours, isDay, nextPeriod, periodEnd, periodStart, todayInShanghai, type Period } from './worklogDates.ts';
import { useWorkSummary, type WorkSummary } from './worklogQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The professional share, large, with the administrative share against the district's target. */
function ShareFigure({ summary }: { summary: WorkSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { share, adminShareTarget: target } = summary;
  const admin = share === null ? null : Math.round((100 - share) * 10) / 10;
  const over = admin !== null && admin > target;
  return (
    <Card size="small" data-testid="summary-share" data-share={share ?? ''} data-over={over ? 'true' : 'false'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 16, rowGap: 4 }}>
        <div>
          <div style={{ fontSize: 44, lineHeight: 1.1, fontWeight: 700, color: share === null ? token.colorTextSecondary : token.colorText }}>{share === null ? '—' : `${share.toFixed(1)}%`}</div>
          <div style={{ fontSize: '1.1em' }}>{t('worklog.shareLabel')}</div>
        </div>
        <Typography.Text style={{ flex: '1 1 200px' }}>{t('worklog.hoursLine', { professional: hours(summary.professional), administrative: hours(summary.administrative) })}</Typography.Text>
      </div>
      {admin === null ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('worklog.noData')}</Typography.Paragraph>
      ) : over ? (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('worklog.adminOver', { share: admin.toFixed(1), target })} data-testid="summary-over" />
      ) : (
        <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="summary-within">{t('worklog.adminWithin', { share: admin.toFixed(1), target })}</Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * A social worker's week (Monday to Sunday) or calendar month: the professional share against
 * the district's target, the time per day, by category and by who assigned the administrative
 * part. A supervisor or employer reads a worker's (?socialWorkerId=).
 */
export function WorkSummaryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInShanghai();
  const period: Period = params.get('period') === 'month' ? 'month' : 'week';
  const asked = params.get('start');
  const from = periodStart(period, isDay(asked) ? asked : today);
  const to = periodEnd(period, from);
  const socialWorkerId = params.get('socialWorkerId') ?? undefined;
  const own = !socialWorkerId;
  const query = useWorkSummary(from, to, socialWorkerId);
  const current = periodStart(period, today);

  const go = (next: { period?: Period; start?: string }) => {
    const p = new URLSearchParams(params);
    const chosen = next.period ?? period;
    const start = periodStart(chosen, next.start ?? from);
    if (chosen === 'week') p.delete('period');
    else p.set('period', chosen);
    if (start === periodStart(chosen, today)) p.delete('start');
    else p.set('start', start);
    setParams(p);
  };

  const data = query.data;
  const name = data?.name ?? '';
  const span =
    period === 'week'
      ? `${dayLabel(from, i18n.language, { year: 'numeric', month: 'short', day: 'numeric' })} – ${dayLabel(to, i18n.language, { month: 'short', day: 'numeric' })}`
      : dayLabel(from, i18n.language, { year: 'numeric', month: 'long' });
  const later = nextPeriod(period, from, 1);
  const notWorker = query.error instanceof ApiError && query.error.code === 'work_log.not_a_social_worker';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 760 }} data-testid="summary-page">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 12, rowGap: 4 }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>{own ? t('worklog.summaryTitle') : t('worklog.summaryTitleOf', { name })}</Typography.Title>
        <Link to={withQuery('/work-log', { socialWorkerId })} data-testid="summary-to-day"><EditOutlined aria-hidden /> {own ? t('worklog.toDay') : t('worklog.toDayOf', { name })}</Link>
      </div>

      <Space.Compact role="group" aria-label={t('worklog.periodChoice')}>
        {(['week', 'month'] as const).map((p) => (
          <Button key={p} type={p === period ? 'primary' : 'default'} aria-pressed={p === period} onClick={() => go({ period: p, start: today >= from && today <= to ? today : from })} style={{ height: 40, minWidth: 72 }} data-testid={`summary-period-${p}`}>
            {t(`worklog.period.${p}`)}
          </Button>
        ))}
      </Space.Compact>

      <nav aria-label={t('worklog.periodNav')} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Button icon={<LeftOutlined />} onClick={() => go({ start: nextPeriod(period, from, -1) })} aria-label={t(`worklog.prev.${period}`)} style={{ height: 40, width: 44 }} data-testid="summary-prev" />
        <div style={{ flex: 1, textAlign: 'center', fontWeight: 600, fontSize: '1.1em' }} data-testid="summary-span" data-from={from} data-to={to}>
          {span}
        </div>
        <Button icon={<RightOutlined />} onClick={() => go({ start: later })} disabled={later > today} aria-label={t(`worklog.next.${period}`)} style={{ height: 40, width: 44 }} data-testid="summary-next" />
      </nav>
      {from !== current && (
        <Button type="link" onClick={() => go({ start: today })} style={{ alignSelf: 'center', height: 'auto', padding: 0 }}>
          {t(`worklog.current.${period}`)}
        </Button>
      )}

      {notWorker ? (
        <Alert type="info" showIcon title={(query.error as ApiError).message} />
      ) : !data ? (
        <QueryState isLoading={query.isLoading} error={query.error} />
      ) : (
        <>
          <ShareFigure summary={data} />
          <Card size="small" title={t('worklog.perDay')}>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Legend />
              <DayBars summary={data} period={period} socialWorkerId={socialWorkerId} />
            </Space>
          </Card>
          <Card size="small" title={t('worklog.byCategory')}>
            <FigureBars rows={categoryRows(data, t)} testId="summary-categories" empty={t('worklog.noData')} />
          </Card>
          <Card size="small" title={t('worklog.byOrigin')}>
            <FigureBars rows={originRows(data, t)} testId="summary-origins" empty={t('worklog.byOriginNone')} />
          </Card>
        </>
      )}
    </div>
  );
}
