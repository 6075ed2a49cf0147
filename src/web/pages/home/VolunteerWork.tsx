import { useTranslation } from 'react-i18next';
import { useMyPartners } from '../timebank/timeBankQueries.ts';
import { hoursText } from '../volunteer/volunteerFormat.ts';
import { useMyVolunteer } from '../volunteer/volunteerQueries.ts';
import { HomeLine } from './HomeLine.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A resident who volunteers sees their hours, stars and points; a partner shop's clerk, the redemptions waiting for them. */
export function VolunteerWork({ resident }: { resident: boolean }) {
  const { t } = useTranslation();
  const mine = useMyVolunteer(resident);
  const shops = useMyPartners();
  const v = resident ? mine.data : null;
  const waiting = shops.data ?? [];
  if (!v && waiting.length === 0) return null;
  return (
    <Card size="small" title={t('workbench.volunteering')} data-testid="workbench-volunteering" style={{ maxWidth: 720 }}>
      {v && (
        <HomeLine to="/volunteer" testId="home-volunteer" note={<Typography.Text strong>{t('workbench.volunteerPoints', { points: v.points })}</Typography.Text>}>
          {t('workbench.volunteerHours', { hours: hoursText(v.verifiedMinutes), stars: v.stars })}
        </HomeLine>
      )}
      {waiting.map((p) => (
        <HomeLine key={p.id} to="/time-bank/confirm" testId="home-redemptions" note={<Typography.Text strong data-count={p.pendingRedemptions}>{t('workbench.redemptionsWaiting', { count: p.pendingRedemptions })}</Typography.Text>}>
          {p.name}
        </HomeLine>
      ))}
    </Card>
  );
}
