import { StarFilled } from '@ant-design/icons';
import { Progress, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hoursText } from './volunteerFormat.ts';
import type { VolunteerDetail } from './volunteerQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The stars' gold; drawn as icons beside the words that say how many. */
const GOLD = '#d48806';

function Figure({ label, children, sub, testId, value }: { label: string; children: ReactNode; sub?: ReactNode; testId: string; value: number }) {
  const { token } = theme.useToken();
  return (
    <div style={{ minWidth: 0, textAlign: 'center', padding: '4px 2px' }}>
      <div style={{ color: token.colorTextSecondary, fontSize: token.fontSizeSM }}>{label}</div>
      <div data-testid={testId} data-value={value} style={{ fontSize: '1.9em', fontWeight: 600, lineHeight: 1.25, overflowWrap: 'anywhere' }}>{children}</div>
      {sub && <div style={{ color: token.colorTextSecondary, fontSize: token.fontSizeSM }}>{sub}</div>}
    </div>
  );
}

/** "1 星" / "2 stars", or no star yet. */
export function starText(stars: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  return stars > 0 ? t('volunteer.starCount', { count: stars }) : t('volunteer.noStar');
}

/**
 * The three figures a volunteer looks for — verified hours, stars, points to spend — and how
 * far the next star is, with the district's rule below it.
 */
export function VolunteerFigures({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const verifiedHours = v.verifiedMinutes / 60;
  const prev = v.stars > 0 ? (v.starHours[v.stars - 1] ?? 0) : 0;
  const next = v.starHours[v.stars];
  const percent = next === undefined ? 100 : Math.max(0, Math.min(100, Math.floor(((verifiedHours - prev) / (next - prev)) * 100)));
  const rule = v.starHours.map((h, i) => t('volunteer.starRuleItem', { hours: h, stars: starText(i + 1, t) })).join(t('volunteer.ruleSeparator'));
  return (
    <Card size="small" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 10 } }} data-testid="volunteer-figures">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 4 }}>
        <Figure label={t('volunteer.hours')} testId="volunteer-hours" value={v.verifiedMinutes} sub={t('volunteer.hoursUnit')}>
          {hoursText(v.verifiedMinutes)}
        </Figure>
        <Figure label={t('volunteer.stars')} testId="volunteer-stars" value={v.stars} sub={starText(v.stars, t)}>
          {v.stars > 0 ? (
            <span aria-hidden style={{ color: GOLD, fontSize: v.stars > 3 ? '0.6em' : '0.8em', whiteSpace: 'nowrap' }}>
              {Array.from({ length: v.stars }, (_, i) => <StarFilled key={i} />)}
            </span>
          ) : (
            <span aria-hidden style={{ color: token.colorTextTertiary }}>–</span>
          )}
        </Figure>
        <Figure label={t('volunteer.points')} testId="volunteer-points" value={v.points} sub={t('volunteer.pointsUnit')}>
          {v.points}
        </Figure>
      </div>
      <div>
        <Typography.Text strong data-testid="volunteer-next-star">
          {v.nextStarHours === null ? t('volunteer.topStar') : t('volunteer.nextStar', { hours: v.nextStarHours, stars: starText(v.stars + 1, t) })}
        </Typography.Text>
        <Progress percent={percent} showInfo={false} strokeColor={GOLD} aria-label={t('volunteer.progress')} style={{ margin: '2px 0 0' }} />
        {rule && <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>{t('volunteer.starRule', { rule })}</Typography.Text>}
      </div>
    </Card>
  );
}
