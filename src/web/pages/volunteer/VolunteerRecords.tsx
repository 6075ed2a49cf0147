import { Empty, Tag, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText, hoursText, signedPoints } from './volunteerFormat.ts';
import type { HoursItem, LedgerItem } from './volunteerQueries.ts';
import { Typography } from '../../components/Typography.tsx';

export const HOURS_TAG_COLOR: Record<HoursItem['status'], string> = { claimed: 'gold', verified: 'green', rejected: 'red' };

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** A row of a record list: what and when on the left, the figure on the right. */
function Row({ children, figure, testId, data, first }: { children: ReactNode; figure: ReactNode; testId: string; data?: Record<string, string>; first: boolean }) {
  const { token } = theme.useToken();
  return (
    <li data-testid={testId} {...data} style={{ display: 'flex', alignItems: 'flex-start', gap: 8, padding: '10px 0', borderTop: first ? undefined : `1px solid ${token.colorBorderSecondary}` }}>
      <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{children}</div>
      <div style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>{figure}</div>
    </li>
  );
}

/** Hours of service, newest first, each with where it stands: to be verified, verified, or not accepted and why. */
export function HoursList({ items }: { items: HoursItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.noHours')} />;
  return (
    <ul style={listStyle} data-testid="hours-list">
      {items.map((h, i) => (
        <Row
          key={h.id}
          first={i === 0}
          testId="hours-item"
          data={{ 'data-status': h.status, 'data-session': h.sessionId }}
          figure={<Typography.Text strong style={{ fontSize: '1.1em', textDecoration: h.status === 'rejected' ? 'line-through' : undefined }}>{t('volunteer.hoursValue', { hours: hoursText(h.minutes) })}</Typography.Text>}
        >
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
            <Typography.Text strong>{h.activityTitle}</Typography.Text>
            <Tag color={HOURS_TAG_COLOR[h.status]} style={{ marginInlineEnd: 0 }}>{t(`volunteer.hoursStatus.${h.status}`)}</Tag>
          </div>
          <Typography.Text type="secondary">{dateText(h.servedOn, t)}</Typography.Text>
          {h.status === 'claimed' && <Typography.Text type="secondary" style={{ display: 'block' }}>{t('volunteer.claimedNote')}</Typography.Text>}
          {h.status === 'rejected' && h.rejectReason && <Typography.Text type="danger" style={{ display: 'block' }}>{t('volunteer.reason', { reason: h.rejectReason })}</Typography.Text>}
        </Row>
      ))}
    </ul>
  );
}

const KIND_COLOR: Record<LedgerItem['kind'], string> = { earn: 'green', redeem: 'blue', refund: 'purple' };

/** The time bank's entries, newest first: points earned (+), redeemed (−) and refunded (+), and the balance after each. */
export function LedgerList({ items }: { items: LedgerItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.noLedger')} />;
  return (
    <ul style={listStyle} data-testid="ledger">
      {items.map((e, i) => (
        <Row
          key={e.seq}
          first={i === 0}
          testId="ledger-item"
          data={{ 'data-kind': e.kind, 'data-points': String(e.points) }}
          figure={
            <>
              <Typography.Text strong type={e.points > 0 ? 'success' : undefined} style={{ fontSize: '1.15em', display: 'block' }}>{signedPoints(e.points)}</Typography.Text>
              <Typography.Text type="secondary">{t('volunteer.balanceAfter', { balance: e.balanceAfter })}</Typography.Text>
            </>
          }
        >
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
            <Tag color={KIND_COLOR[e.kind]} style={{ marginInlineEnd: 0 }}>{t(`volunteer.ledgerKind.${e.kind}`)}</Tag>
            <Typography.Text>{e.label}</Typography.Text>
          </div>
          <Typography.Text type="secondary">{dateText(e.at, t)}</Typography.Text>
        </Row>
      ))}
    </ul>
  );
}
