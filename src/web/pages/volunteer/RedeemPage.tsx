import { LeftOutlined, ShopOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Tag, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { dateText } from './volunteerFormat.ts';
import { useCancelRedemption, useMyVolunteer, useOffers, useRedeem, useRedemptions, type Offer, type Redemption, type VolunteerDetail } from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const STATUS_COLOR: Record<Redemption['status'], string> = { requested: 'gold', confirmed: 'green', declined: 'red', cancelled: 'default' };

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** One offer: what, from whom, for how many points and how many are left; redeemed after a confirmation. */
function OfferRow({ o, v, first }: { o: Offer; v: VolunteerDetail; first: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { modal, message } = useNotices();
  const redeem = useRedeem();
  const soldOut = o.stock !== null && o.stock <= 0;
  const short = v.points < o.points;
  const blocked = soldOut || short || !o.active || v.status !== 'active';
  const ask = () => {
    modal.confirm({
      title: t('volunteer.redeem.confirmTitle', { title: o.title }),
      content: t('volunteer.redeem.confirmContent', { points: o.points, after: v.points - o.points, provider: o.provider }),
      okText: t('volunteer.redeem.redeem'),
      okButtonProps: { 'data-testid': `confirm-redeem-${o.id}` } as Record<string, string>,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await redeem.mutateAsync(o.id);
          void message.success(t('volunteer.redeem.requested', { provider: o.provider }));
        } catch {
          // Shown in the row.
        }
      },
    });
  };
  return (
    <li data-testid={`offer-${o.id}`} data-points={o.points} style={{ padding: '12px 0', borderTop: first ? undefined : `1px solid ${token.colorBorderSecondary}` }}>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          <Typography.Text strong style={{ fontSize: '1.15em', display: 'block' }}>{o.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}><ShopOutlined aria-hidden /> {o.provider}</Typography.Text>
          {o.description && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>{o.description}</Typography.Paragraph>}
        </div>
        <div style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ fontSize: '1.15em', display: 'block' }}>{t('volunteer.redeem.cost', { points: o.points })}</Typography.Text>
          <Typography.Text type={soldOut ? 'danger' : 'secondary'}>
            {soldOut ? t('volunteer.redeem.soldOut') : o.stock === null ? t('volunteer.redeem.unlimited') : t('volunteer.redeem.stock', { stock: o.stock })}
          </Typography.Text>
        </div>
      </div>
      <ErrorAlert error={redeem.error} />
      <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 8, marginTop: 6 }}>
        {short && !soldOut && <Typography.Text type="secondary">{t('volunteer.redeem.notEnough')}</Typography.Text>}
        <Button type="primary" size="large" disabled={blocked} loading={redeem.isPending} autoInsertSpace={false} onClick={ask} aria-label={t('volunteer.redeem.redeemFor', { title: o.title })} data-testid={`redeem-${o.id}`}>
          {t('volunteer.redeem.redeem')}
        </Button>
      </div>
    </li>
  );
}

/** One of the volunteer's redemptions: where it stands, why declined, and cancel while it waits. */
function RedemptionRow({ r, first }: { r: Redemption; first: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { modal, message } = useNotices();
  const cancel = useCancelRedemption();
  const ask = () => {
    modal.confirm({
      title: t('volunteer.redeem.cancelTitle'),
      content: t('volunteer.redeem.cancelContent', { title: r.offer.title, points: r.points }),
      okText: t('volunteer.redeem.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('volunteer.redeem.keep'),
      onOk: async () => {
        try {
          await cancel.mutateAsync(r.id);
          void message.success(t('volunteer.redeem.cancelled'));
        } catch {
          // Shown in the row.
        }
      },
    });
  };
  return (
    <li data-testid={`redemption-${r.id}`} data-status={r.status} style={{ padding: '12px 0', borderTop: first ? undefined : `1px solid ${token.colorBorderSecondary}` }}>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
            <Typography.Text strong>{r.offer.title}</Typography.Text>
            <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }}>{t(`volunteer.redeem.status.${r.status}`)}</Tag>
          </div>
          <Typography.Text type="secondary" style={{ display: 'block' }}><ShopOutlined aria-hidden /> {r.offer.provider}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {/* each date stays on one line on a narrow phone */}
            <span style={{ whiteSpace: 'nowrap' }}>{t('volunteer.redeem.requestedAt', { date: dateText(r.requestedAt, t) })}</span>
            {r.decidedAt && (
              <>
                {' · '}
                <span style={{ whiteSpace: 'nowrap' }}>{t('volunteer.redeem.decidedAt', { date: dateText(r.decidedAt, t) })}</span>
              </>
            )}
          </Typography.Text>
          {r.status === 'declined' && r.declineReason && <Typography.Text type="danger" style={{ display: 'block' }}>{t('volunteer.reason', { reason: r.declineReason })}</Typography.Text>}
        </div>
        <div style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ display: 'block', textDecoration: r.status === 'declined' || r.status === 'cancelled' ? 'line-through' : undefined }}>
            {t('volunteer.redeem.cost', { points: r.points })}
          </Typography.Text>
          {r.status === 'requested' && <Typography.Text type="secondary">{t('volunteer.redeem.held')}</Typography.Text>}
        </div>
      </div>
      <ErrorAlert error={cancel.error} />
      {r.status === 'requested' && r.actions.includes('cancel') && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 6 }}>
          <Button onClick={ask} loading={cancel.isPending} aria-label={t('volunteer.redeem.cancelFor', { title: r.offer.title })} data-testid={`cancel-redemption-${r.id}`}>{t('volunteer.redeem.cancel')}</Button>
        </div>
      )}
    </li>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Card size="small" title={<h4 id={id} style={{ margin: 0, fontSize: 'inherit', fontWeight: 'inherit' }}>{title}</h4>}>
        {children}
      </Card>
    </section>
  );
}

function Redeem({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const offers = useOffers();
  const mine = useRedemptions(v.id);
  const held = (mine.data ?? []).filter((r) => r.status === 'requested').reduce((n, r) => n + r.points, 0);
  return (
    <>
      <Card size="small" styles={{ body: { display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: '4px 12px' } }}>
        <span style={{ color: token.colorTextSecondary }}>{t('volunteer.redeem.balance')}</span>
        <span style={{ fontSize: '2em', fontWeight: 600, lineHeight: 1.2 }} data-testid="points-balance" data-value={v.points}>{v.points}</span>
        {held > 0 && <Typography.Text type="secondary" data-testid="points-held">{t('volunteer.redeem.heldTotal', { points: held })}</Typography.Text>}
      </Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('volunteer.redeem.intro')}</Typography.Paragraph>
      <Section title={t('volunteer.redeem.offers')} id="redeem-offers">
        {!offers.data ? (
          <QueryState isLoading={offers.isLoading} error={offers.error} />
        ) : offers.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.redeem.noOffers')} />
        ) : (
          <ul style={listStyle}>{offers.data.map((o, i) => <OfferRow key={o.id} o={o} v={v} first={i === 0} />)}</ul>
        )}
      </Section>
      <Section title={t('volunteer.redeem.mine')} id="redeem-mine">
        {!mine.data ? (
          <QueryState isLoading={mine.isLoading} error={mine.error} />
        ) : mine.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.redeem.noRedemptions')} />
        ) : (
          <ul style={listStyle} data-testid="redemptions">{mine.data.map((r, i) => <RedemptionRow key={r.id} r={r} first={i === 0} />)}</ul>
        )}
      </Section>
    </>
  );
}

/** 积分兑换: the balance, what it buys, and the volunteer's redemptions with where each stands. */
export function RedeemPage() {
  const { t } = useTranslation();
  const me = useMyVolunteer();
  const v = me.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="points-page">
      <Link to="/volunteer" style={{ alignSelf: 'flex-start' }}><LeftOutlined aria-hidden /> {t('volunteer.opportunities.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('volunteer.redeem.title')}</Typography.Title>
      {v === undefined ? (
        <QueryState isLoading={me.isLoading} error={me.error} />
      ) : v === null ? (
        <Alert type="info" showIcon title={t('volunteer.redeem.notRegistered')} action={<Link to="/volunteer">{t('volunteer.opportunities.goRegister')}</Link>} data-testid="volunteer-not-registered" />
      ) : (
        <Redeem v={v} />
      )}
    </div>
  );
}
