import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, theme } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOURS_STEP_MINUTES, MAX_SHIFT_MINUTES } from '../../../common/volunteers.ts';
import { hoursText } from './volunteerFormat.ts';
import { Typography } from '../../components/Typography.tsx';

/** The session's own length in half hours, as the claim starts from (30 minutes to 12 hours). */
export function sessionMinutes(s: { startsAt: string; endsAt: string }): number {
  const m = Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000 / HOURS_STEP_MINUTES) * HOURS_STEP_MINUTES;
  return Math.max(HOURS_STEP_MINUTES, Math.min(MAX_SHIFT_MINUTES, Number.isFinite(m) ? m : 2 * HOURS_STEP_MINUTES));
}

/**
 * Hours served at a session, moved by half hours with two large buttons (no typing on a phone),
 * then sent for the organizer to verify.
 */
export function ClaimHours({ initial, pending, onSubmit, onCancel, testId }: {
  initial: number;
  pending: boolean;
  onSubmit: (minutes: number) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const label = useId();
  const hint = useId();
  const [minutes, setMinutes] = useState(initial);
  const step = (d: number) => setMinutes((m) => Math.max(HOURS_STEP_MINUTES, Math.min(MAX_SHIFT_MINUTES, m + d * HOURS_STEP_MINUTES)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(minutes);
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8, paddingTop: 8, borderTop: `1px solid ${token.colorBorderSecondary}` }}
      data-testid={testId}
    >
      <Typography.Text strong id={label}>{t('volunteer.opportunities.claimMinutes')}</Typography.Text>
      <div role="group" aria-labelledby={label} aria-describedby={hint} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Button size="large" icon={<MinusOutlined />} onClick={() => step(-1)} disabled={minutes <= HOURS_STEP_MINUTES} aria-label={t('volunteer.opportunities.less')} style={{ minWidth: 48 }} data-testid={`${testId}-less`} />
        <output aria-live="polite" style={{ minWidth: '6em', textAlign: 'center', fontSize: '1.5em', fontWeight: 600 }} data-testid={`${testId}-minutes`} data-minutes={minutes}>
          {t('volunteer.hoursValue', { hours: hoursText(minutes) })}
        </output>
        <Button size="large" icon={<PlusOutlined />} onClick={() => step(1)} disabled={minutes >= MAX_SHIFT_MINUTES} aria-label={t('volunteer.opportunities.more')} style={{ minWidth: 48 }} data-testid={`${testId}-more`} />
      </div>
      <Typography.Text type="secondary" id={hint}>{t('volunteer.opportunities.claimHint')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, maxWidth: 400 }}>
        <Button size="large" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" size="large" htmlType="submit" loading={pending} data-testid={`${testId}-submit`}>{t('volunteer.opportunities.claimSubmit')}</Button>
      </div>
    </form>
  );
}
