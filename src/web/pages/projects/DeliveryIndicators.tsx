import { Progress, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeliveryView } from './projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';

type Indicator = DeliveryView['indicators'][number];
type Milestone = DeliveryView['milestones'][number];

/** A measure's figure with its unit: "13 场", "270 人次", "91%". */
export function useMeasureValue() {
  const { t } = useTranslation();
  return (measure: string, value: number) => t(`measureValue.${measure}`, { count: value });
}

/** Target against the actual counted from the project's activities; a rate has none before the first rating. */
function IndicatorRow({ indicator: i, facts }: { indicator: Indicator; facts: DeliveryView['facts'] }) {
  const { t } = useTranslation();
  const value = useMeasureValue();
  const percent = i.actual === null ? 0 : Math.min(100, Math.round((100 * i.actual) / i.target));
  const label = t(`measure.${i.measure}`);
  return (
    <div data-testid="indicator" data-measure={i.measure} data-actual={i.actual ?? ''} data-met={i.met ? 'true' : 'false'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
        <Space size={6} wrap>
          <Tag color={i.kind === 'outcome' ? 'purple' : 'blue'}>{t(`indicatorKind.${i.kind}`)}</Tag>
          <Typography.Text strong>{label}</Typography.Text>
          {i.met && <Tag color="green">{t('delivery.met')}</Tag>}
        </Space>
        <Typography.Text>
          {i.actual === null ? t('delivery.noRatingsYet') : t('delivery.actualOfTarget', { actual: value(i.measure, i.actual), target: value(i.measure, i.target) })}
        </Typography.Text>
      </div>
      <Progress percent={percent} status={i.met ? 'success' : 'normal'} showInfo={false} aria-label={label} />
      {i.measure === 'satisfaction_rate' && facts.ratings > 0 && (
        <Typography.Text type="secondary">{t('delivery.ratingsFact', { ratings: facts.ratings, satisfied: facts.satisfied })}</Typography.Text>
      )}
    </div>
  );
}

export function IndicatorList({ delivery }: { delivery: DeliveryView }) {
  const { t } = useTranslation();
  if (delivery.indicators.length === 0) return <Typography.Text type="secondary">{t('delivery.noIndicators')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="indicators">
      {delivery.indicators.map((i) => <IndicatorRow key={i.measure} indicator={i} facts={delivery.facts} />)}
    </Space>
  );
}

/** Reached on time, reached late, overdue, or still under way with what is left. */
function MilestoneState({ m }: { m: Milestone }) {
  const { t } = useTranslation();
  if (m.reachedOn) {
    return <Tag color={m.onTime ? 'green' : 'orange'}>{t(m.onTime ? 'delivery.reachedOnTime' : 'delivery.reachedLate', { date: m.reachedOn })}</Tag>;
  }
  if (m.dueOn < dayjs().format('YYYY-MM-DD')) return <Tag color="red">{t('delivery.overdue')}</Tag>;
  return <Tag color="blue">{t('delivery.underWay')}</Tag>;
}

export function MilestoneList({ milestones }: { milestones: Milestone[] }) {
  const { t } = useTranslation();
  const value = useMeasureValue();
  if (milestones.length === 0) return <Typography.Text type="secondary">{t('delivery.noMilestones')}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="milestones">
      {milestones.map((m) => (
        <li key={m.id} data-testid="milestone" data-reached={m.reachedOn ?? ''} style={{ marginBottom: 8 }}>
          <Space size={6} wrap>
            <Typography.Text strong>{m.title}</Typography.Text>
            <MilestoneState m={m} />
          </Space>
          <div>
            <Typography.Text type="secondary">
              {t('delivery.milestoneTerms', { due: m.dueOn, threshold: value(m.measure, m.threshold), actual: value(m.measure, m.actual) })}
            </Typography.Text>
          </div>
        </li>
      ))}
    </ol>
  );
}
