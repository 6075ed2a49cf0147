import { DatePicker, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { choiceOf, PERIOD_CHOICES, periodOf, type Period, type PeriodChoice } from '../pages/worktasks/workTaskQueries.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period kept in the address (?from=&to=, this month by default) with the page's other
 * filters: `update` sets or clears any of them in one history entry.
 */
export function usePeriodParams() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period: Period = DATE.test(from) && DATE.test(to) ? { from, to } : periodOf('thisMonth');
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return { params, period, update };
}

/** This month / last month / this quarter, or two days at most `maxDays` apart. */
export function PeriodFilter({ period, onChange, maxDays, testId }: { period: Period; onChange: (p: Period) => void; maxDays: number; testId: string }) {
  const { t } = useTranslation();
  const picker = (which: 'from' | 'to') => (
    <DatePicker
      value={dayjs(period[which])}
      allowClear={false}
      onChange={(d) => d && onChange({ ...period, [which]: d.format('YYYY-MM-DD') })}
      disabledDate={(d) =>
        which === 'from' ? d.isAfter(period.to, 'day') || dayjs(period.to).diff(d, 'day') >= maxDays : d.isBefore(period.from, 'day') || d.diff(period.from, 'day') >= maxDays
      }
      aria-label={t(`period.${which}`)}
      placeholder={t(`period.${which}`)}
      style={{ width: '10em' }}
      data-testid={`${testId}-${which}`}
    />
  );
  return (
    <>
      <Radio.Group
        optionType="button"
        value={choiceOf(period) ?? undefined}
        onChange={(e) => onChange(periodOf(e.target.value as PeriodChoice))}
        options={PERIOD_CHOICES.map((c) => ({ value: c, label: t(`period.${c}`) }))}
        aria-label={t('period.label')}
        data-testid={`${testId}-period`}
      />
      <Space wrap size={4} align="center">
        {picker('from')}
        <span aria-hidden>–</span>
        {picker('to')}
      </Space>
    </>
  );
}
