import { Alert, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { PeriodFilter, usePeriodParams } from '../../components/PeriodFilter.tsx';
import { dayLabel } from '../worklog/worklogDates.ts';
import { CeBehindCard, PayGradesCard, ShareCard, StaffingCard, SupervisionCard, WorkersCard } from './WorkforceCharts.tsx';
import { MAX_VIEW_DAYS, UNIT_KINDS, useUnitOptions, useWorkforceView, type UnitKind, type UnitOption } from './workforceViewQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const isKind = (v: string | null): v is UnitKind => (UNIT_KINDS as readonly string[]).includes(v ?? '');
const unitKey = (u: { kind: string; id: string }) => `${u.kind}:${u.id}`;

/** Cards side by side where the screen allows, one under the other on a phone. */
const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 300px), 1fr))', gap: 12, alignItems: 'start' } as const;

/**
 * 社工队伍概况 (DESIGN 3.10, professional focus): a community's, street's, district's or
 * organization's social workers over a period — professional share against the target,
 * caseloads, staffing per 10,000 residents, supervision ratio, continuing education behind and
 * pay grades as counts. The unit and the period stay in the address (?unit=&id=&from=&to=).
 */
export function WorkforceViewPage() {
  const { t, i18n } = useTranslation();
  const { params, period, update } = usePeriodParams();
  const units = useUnitOptions();

  const askedKind = params.get('unit');
  const askedId = params.get('id');
  const unit: Pick<UnitOption, 'kind' | 'id'> | null = isKind(askedKind) && askedId ? { kind: askedKind, id: askedId } : units.fallback;
  const view = useWorkforceView(unit ? { unit: unit.kind, id: unit.id, ...period } : null);

  const label = (u: UnitOption) => {
    const name = i18n.language === 'en' && u.nameEn ? u.nameEn : u.name;
    return u.streetName ? `${name}（${u.streetName}）` : name;
  };
  const groups = UNIT_KINDS.map((kind) => ({ kind, options: units.options.filter((u) => u.kind === kind) })).filter((g) => g.options.length > 0);
  const current = unit ? units.options.find((u) => u.kind === unit.kind && u.id === unit.id) : undefined;
  const span = t('workforceview.span', {
    from: dayLabel(period.from, i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }),
    to: dayLabel(period.to, i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }),
  });
  const data = view.data;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }} data-testid="workforce-view-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('workforceview.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('workforceview.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap size={[16, 8]} align="center">
          {units.options.length > 1 ? (
            <Select
              value={unit ? unitKey(unit) : undefined}
              onChange={(v: string) => {
                const [kind, id] = v.split(':');
                update({ unit: kind, id });
              }}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('workforceview.unit')}
              placeholder={t('workforceview.unit')}
              style={{ minWidth: 220, maxWidth: '100%' }}
              options={groups.map((g) => ({ label: t(`workforceview.kind.${g.kind}`), options: g.options.map((u) => ({ value: unitKey(u), label: label(u) })) }))}
              data-testid="wf-unit"
              data-unit={unit ? unitKey(unit) : ''}
            />
          ) : (
            <Typography.Text strong style={{ fontSize: '1.1em' }} data-testid="wf-unit" data-unit={unit ? unitKey(unit) : ''}>
              {current ? label(current) : data?.unit.name}
            </Typography.Text>
          )}
          <PeriodFilter period={period} onChange={(p) => update({ from: p.from, to: p.to })} maxDays={MAX_VIEW_DAYS} testId="wf" />
        </Space>
      </Card>

      {!unit ? (
        units.loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : <Alert type="info" showIcon title={t('workforceview.noUnit')} />
      ) : (
        <>
          <ErrorAlert error={view.error} />
          {view.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
          {data && (
            <>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="wf-heading" data-from={data.from} data-to={data.to}>
                {data.unit.name}
                <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: '0.8em', marginInlineStart: 12, whiteSpace: 'nowrap' }}>{span}</Typography.Text>
              </Typography.Title>
              <ShareCard view={data} />
              <div style={GRID}>
                <SupervisionCard view={data} />
                <CeBehindCard view={data} />
              </div>
              <WorkersCard view={data} />
              <div style={GRID}>
                <StaffingCard view={data} />
                <PayGradesCard view={data} />
              </div>
            </>
          )}
        </>
      )}
    </Space>
  );
}
