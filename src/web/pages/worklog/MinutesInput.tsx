import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { stepped } from './dayLines.ts';
import { hours } from './worklogDates.ts';
import { Typography } from '../../components/Typography.tsx';

/**
 * Minutes of one kind of work: typed, or moved by half hours with the buttons either side
 * (large enough for a thumb). The line shows them in hours beside its name (hoursOf).
 */
export function MinutesInput({ value, onChange, what, testId, invalid, describedBy }: {
  value: string;
  onChange: (value: string) => void;
  /** What the minutes are of, for the screen reader's label ("Casework"). */
  what: string;
  testId: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'nowrap' }}>
      <Button onClick={() => onChange(stepped(value, false))} aria-label={t('worklog.lessOf', { what })} style={{ minWidth: 44, height: 40, paddingInline: 8 }} autoInsertSpace={false}>
        −½
      </Button>
      <Input
        type="number"
        inputMode="numeric"
        min={0}
        max={1440}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={t('worklog.minutesOf', { what })}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        status={invalid ? 'error' : undefined}
        suffix={<span aria-hidden>{t('worklog.minutes')}</span>}
        style={{ width: '6.5em', height: 40 }}
        data-testid={testId}
      />
      <Button onClick={() => onChange(stepped(value, true))} aria-label={t('worklog.moreOf', { what })} style={{ minWidth: 44, height: 40, paddingInline: 8 }} autoInsertSpace={false}>
        +½
      </Button>
    </div>
  );
}

/** A line's minutes in hours, as a worker counts them ("1.5 小时"); nothing while empty or mistyped. */
export function HoursOf({ minutes }: { minutes: string }) {
  const { t } = useTranslation();
  const n = Number(minutes.trim() || '0');
  if (!Number.isInteger(n) || n <= 0) return null;
  return <Typography.Text type="secondary" style={{ display: 'block', fontWeight: 'normal', whiteSpace: 'nowrap' }}>{t('worklog.hoursValue', { h: hours(n) })}</Typography.Text>;
}
