import { Alert, Grid, Segmented, Select, Space, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useCommunityChoices } from '../volunteers/communities.ts';
import { OffersTab } from './OffersTab.tsx';
import { PartnersTab } from './PartnersTab.tsx';
import { RedemptionList } from './RedemptionList.tsx';
import { REDEMPTION_STATUSES, useRedemptions, type RedemptionStatus } from './timeBankQueries.ts';
import { Typography } from '../../components/Typography.tsx';

const TABS = ['redemptions', 'offers', 'partners'] as const;
type Tab = (typeof TABS)[number];

/** The community's redemptions: those waiting first; its own offers are confirmed here, a partner's by the shop. */
function RedemptionsTab({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: RedemptionStatus | 'all' = asked === 'all' || (REDEMPTION_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as RedemptionStatus | 'all') : 'requested';
  const list = useRedemptions({ communityId, status: status === 'all' ? undefined : status }, true, status === 'requested' ? 30_000 : undefined);
  const phone = !Grid.useBreakpoint().sm;
  const options = [...REDEMPTION_STATUSES.map((s) => ({ value: s, label: t(`timebank.redemptionStatus.${s}`) })), { value: 'all', label: t('timebank.redemptions.all') }];
  const setStatus = (s: string) => {
    const next = new URLSearchParams(params);
    if (s === 'requested') next.delete('status');
    else next.set('status', s);
    setParams(next, { replace: true });
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="redemptions-tab">
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>{t('timebank.redemptions.hint')}</Typography.Paragraph>
      {/* Five choices overflow a phone: a picker there. */}
      {phone ? (
        <Select value={status} onChange={setStatus} options={options} aria-label={t('common.status')} style={{ width: '100%' }} data-testid="redemption-filter-status" />
      ) : (
        <div>
          <Segmented<string> value={status} onChange={setStatus} options={options} data-testid="redemption-filter-status" />
        </div>
      )}
      <ErrorAlert error={list.error} />
      {list.isLoading && <Spin style={{ display: 'block', margin: '16px auto' }} />}
      <RedemptionList
        items={list.data ?? []}
        loading={list.isLoading}
        empty={t(status === 'requested' ? 'timebank.redemptions.noneWaiting' : 'timebank.redemptions.none')}
        showProvider
        testId="redemption-list"
      />
    </Space>
  );
}

/**
 * 时间银行: what a community's volunteers spend their points on. Its staff keep the partner
 * shops (and the accounts that confirm for them) and the offers, and confirm redemptions of
 * the community's own offers.
 */
export function TimeBankPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const choices = useCommunityChoices();
  const asked = params.get('communityId');
  const communityId = asked && choices.own.some((c) => c.id === asked) ? asked : choices.own[0]?.id;
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'redemptions';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'tab') next.delete('status');
    setParams(next, { replace: true });
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }} data-testid="time-bank-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('timebank.title')}</Typography.Title>
        {choices.own.length > 1 && (
          <Select
            value={communityId}
            onChange={(v: string) => set('communityId', v)}
            aria-label={t('volunteers.community')}
            style={{ minWidth: 160, maxWidth: '100%' }}
            options={choices.options(choices.own)}
            data-testid="time-bank-community"
          />
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('timebank.hint')}</Typography.Paragraph>
      <ErrorAlert error={choices.query.error} />
      {choices.query.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {choices.query.isSuccess && !communityId && <Alert type="info" showIcon title={t('timebank.noCommunity')} />}
      {communityId && (
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k === 'redemptions' ? undefined : k)}
          destroyOnHidden
          items={[
            { key: 'redemptions', label: t('timebank.tabs.redemptions'), children: <RedemptionsTab key={communityId} communityId={communityId} /> },
            { key: 'offers', label: t('timebank.tabs.offers'), children: <OffersTab key={communityId} communityId={communityId} /> },
            { key: 'partners', label: t('timebank.tabs.partners'), children: <PartnersTab key={communityId} communityId={communityId} /> },
          ]}
        />
      )}
    </Space>
  );
}
