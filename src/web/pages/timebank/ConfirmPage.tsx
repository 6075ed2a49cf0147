import { Alert, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { RedemptionList } from './RedemptionList.tsx';
import { useMyPartners, useRedemptions } from './timeBankQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const RECENT = 20;
const cardTitle = (text: string) => <Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{text}</Typography.Title>;

/**
 * 兑换核销, for a partner shop's clerk on their phone: the redemptions waiting at the shop, each
 * confirmed once the volunteer has had the service (or declined with a reason, which gives the
 * points back), and the ones decided lately. Waiting ones refresh by themselves.
 */
export function ConfirmPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mine = useMyPartners();
  const partners = mine.data ?? [];
  const asked = params.get('partnerId');
  const partner = partners.find((p) => p.id === asked) ?? partners[0];
  const waiting = useRedemptions({ partnerId: partner?.id, status: 'requested' }, !!partner, 20_000);
  const all = useRedemptions({ partnerId: partner?.id }, !!partner);
  const recent = (all.data ?? [])
    .filter((r) => r.status !== 'requested')
    .sort((a, b) => (b.decidedAt ?? b.requestedAt).localeCompare(a.decidedAt ?? a.requestedAt))
    .slice(0, RECENT);
  const pending = waiting.data ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }} data-testid="time-bank-confirm-page">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('timebank.confirm.title')}</Typography.Title>
        {partner && partners.length === 1 && <Typography.Text style={{ fontSize: 16 }}>{partner.name}</Typography.Text>}
      </div>
      {partners.length > 1 && (
        <Select
          size="large"
          value={partner?.id}
          onChange={(v: string) => setParams({ partnerId: v }, { replace: true })}
          aria-label={t('timebank.confirm.partner')}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: '100%' }}
          data-testid="confirm-partner"
        />
      )}
      <ErrorAlert error={mine.error} />
      {mine.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {!mine.isLoading && !partner && <Alert type="info" showIcon title={t('timebank.confirm.noPartner')} data-testid="confirm-no-partner" />}
      {partner && (
        <>
          {!partner.active && <Alert type="warning" showIcon title={t('timebank.confirm.inactive')} />}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('timebank.confirm.hint')}</Typography.Paragraph>
          <Card size="small" title={cardTitle(t('timebank.confirm.waiting', { count: pending.length }))} data-testid="confirm-waiting">
            <ErrorAlert error={waiting.error} />
            {waiting.isLoading && <Spin style={{ display: 'block', margin: '16px auto' }} />}
            <RedemptionList items={pending} loading={waiting.isLoading} empty={t('timebank.confirm.noneWaiting')} large testId="confirm-waiting-list" />
          </Card>
          <Card size="small" title={cardTitle(t('timebank.confirm.recent'))} data-testid="confirm-recent">
            <ErrorAlert error={all.error} />
            <RedemptionList items={recent} loading={all.isLoading} empty={t('timebank.confirm.noneRecent')} testId="confirm-recent-list" />
          </Card>
        </>
      )}
    </Space>
  );
}
