import { Empty, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useMyActivities } from './myActivitiesQueries.ts';
import { RateCard } from './RateCard.tsx';
import { SessionCard } from './SessionCard.tsx';
import { Typography } from '../../components/Typography.tsx';

/**
 * A resident's activities on the phone: sessions a member attended and has not rated yet come
 * first (only those who came may rate), then the coming month's sessions, their own community's first.
 */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const my = useMyActivities();
  const d = my.data;
  const names = new Map((d?.members ?? []).map((m) => [m.id, m.name]));
  const toRate = (d?.attended ?? []).filter((s) => s.members.some((m) => m.attended && !m.rated));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }} data-testid="my-activities">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('myActivities.title')}</Typography.Title>
      <ErrorAlert error={my.error} />
      {my.isLoading && <Spin style={{ display: 'block', margin: '32px auto' }} />}
      {toRate.length > 0 && (
        <section aria-labelledby="to-rate" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Typography.Title level={4} id="to-rate" style={{ margin: 0 }}>{t('myActivities.toRate')}</Typography.Title>
          {toRate.map((s) => <RateCard key={s.sessionId} s={s} names={names} />)}
        </section>
      )}
      {d && (
        <section aria-labelledby="upcoming" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Typography.Title level={4} id="upcoming" style={{ margin: 0 }}>{t('myActivities.upcoming')}</Typography.Title>
          {d.upcoming.length === 0 && <Empty description={t('myActivities.none')} />}
          {d.upcoming.map((s) => <SessionCard key={s.sessionId} s={s} names={names} />)}
        </section>
      )}
    </Space>
  );
}
