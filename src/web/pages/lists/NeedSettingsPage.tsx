import { Grid, Select, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { AutoConfirmTab } from './AutoConfirmTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { CategoriesTab } from './CategoriesTab.tsx';
import { useDefaultDistrict, useDistricts } from './listsApi.ts';
import { Open311ClientsTab } from './Open311ClientsTab.tsx';
import { WebhooksTab } from './WebhooksTab.tsx';
import { Typography } from '../../components/Typography.tsx';

/** A district's needs configuration, plus the national working-day calendar. */
export function NeedSettingsPage() {
  const { t } = useTranslation();
  const { can, hasRole } = useAuth();
  const phone = !Grid.useBreakpoint().sm;
  const [params, setParams] = useSearchParams();
  const districts = useDistricts();
  const fallback = useDefaultDistrict(districts.data);
  const districtId = params.get('districtId') ?? fallback;
  const tab = params.get('tab') ?? undefined;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const perDistrict = (node: React.ReactNode) => (districtId ? node : null);
  const items = [
    can('needs.category.read') && { key: 'categories', label: t('needSettings.categories'), children: perDistrict(<CategoriesTab districtId={districtId!} />) },
    can('needs.settings.read') && { key: 'auto-confirm', label: t('needSettings.autoConfirm'), children: perDistrict(<AutoConfirmTab districtId={districtId!} />) },
    can('needs.calendar.read') && { key: 'calendar', label: t('needSettings.calendar'), children: <CalendarTab /> },
    can('webhooks.subscription.read') && { key: 'webhooks', label: t('needSettings.webhooks'), children: perDistrict(<WebhooksTab districtId={districtId!} />) },
    can('open311.client.read') && { key: 'open311', label: t('needSettings.open311'), children: perDistrict(<Open311ClientsTab districtId={districtId!} />) },
  ].filter((x): x is { key: string; label: string; children: React.ReactNode } => !!x);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="need-settings">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.needSettings')}</Typography.Title>
        {/* Officers of one district need no picker; the platform admin sees which district it is. */}
        {((districts.data?.length ?? 0) > 1 || !hasRole('district_officer')) && (
          <Select
            data-testid="district-picker"
            aria-label={t('scope.district')}
            value={districtId}
            onChange={(v: string) => set('districtId', v)}
            style={{ minWidth: 180, maxWidth: '100%' }}
            options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
      </Space>
      <Tabs
        activeKey={tab ?? items[0]?.key}
        onChange={(k) => set('tab', k)}
        items={items}
        destroyOnHidden
        // Five tabs overflow a phone, and the overflow menu is no tab in the tab list: a picker there.
        renderTabBar={phone ? () => (
          <Select
            value={tab ?? items[0]?.key}
            onChange={(k: string) => set('tab', k)}
            options={items.map((i) => ({ value: i.key, label: i.label }))}
            aria-label={t('nav.needSettings')}
            style={{ width: '100%', marginBottom: 12 }}
            data-testid="need-settings-section"
          />
        ) : undefined}
      />
    </Space>
  );
}
