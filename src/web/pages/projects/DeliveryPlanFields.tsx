import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COUNT_MEASURES, MEASURES, type CountMeasure, type Measure } from '../../../server/modules/projects/projects.tables.ts';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';

export interface MilestoneValues {
  title: string;
  dueOn: Dayjs;
  measure: CountMeasure;
  threshold: number;
}

/** What a contract holds the project to: a target per measure (empty: not held to it) and dated milestones. */
export interface DeliveryPlanValues {
  targets: Partial<Record<Measure, number | null>>;
  milestones: MilestoneValues[];
}

/**
 * Targets to start from: fortnightly sessions over a year, the people the project set out to
 * reach, each coming about ten times, and nine in ten satisfied — the drafter adjusts them.
 */
export function defaultTargets(targetBeneficiaries: number | null): DeliveryPlanValues['targets'] {
  const people = targetBeneficiaries && targetBeneficiaries > 0 ? targetBeneficiaries : 50;
  return { sessions_held: 24, people_served: people, attendances: people * 10, satisfaction_rate: 90 };
}

export const isOutcome = (m: Measure) => m === 'satisfaction_rate';

/** The draft's targets and milestones, as the body of the contract draft names them. */
export function deliveryPlanBody(v: DeliveryPlanValues) {
  return {
    indicators: MEASURES.flatMap((measure) => (v.targets?.[measure] ? [{ measure, target: v.targets[measure]! }] : [])),
    milestones: (v.milestones ?? []).map((m) => ({ title: m.title.trim(), dueOn: m.dueOn.format('YYYY-MM-DD'), measure: m.measure, threshold: m.threshold })),
  };
}

export function IndicatorTargets() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>{t('delivery.indicators')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('delivery.targetsHint')}</Typography.Paragraph>
      <Space wrap size={[24, 0]} align="start">
        {MEASURES.map((m) => (
          <Form.Item
            key={m}
            name={['targets', m]}
            label={<Space size={4}><Tag color={isOutcome(m) ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>{t(`indicatorKind.${isOutcome(m) ? 'outcome' : 'output'}`)}</Tag>{t(`measure.${m}`)}</Space>}
          >
            <InputNumber min={1} max={isOutcome(m) ? 100 : 1_000_000} precision={0} style={{ width: 150 }} suffix={t(`measureUnit.${m}`)} data-testid={`target-${m}`} />
          </Form.Item>
        ))}
      </Space>
    </>
  );
}

/** Milestones reached on the day their running count meets the threshold; each is due within the term. */
export function MilestoneFields({ termStart, termEnd }: { termStart?: Dayjs; termEnd?: Dayjs }) {
  const { t } = useTranslation();
  const outsideTerm = (d: Dayjs) => (!!termStart && d.isBefore(termStart, 'day')) || (!!termEnd && d.isAfter(termEnd, 'day'));
  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>{t('delivery.milestones')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('delivery.milestonesHint')}</Typography.Paragraph>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key}>
                <Space wrap align="start" data-testid="milestone-row">
                  <Typography.Text style={{ display: 'inline-block', paddingTop: 30 }}>{t('delivery.milestoneNo', { seq: i + 1 })}</Typography.Text>
                  <Form.Item name={[f.name, 'title']} label={t('delivery.milestoneTitle')} rules={[requiredText(t, t('delivery.milestoneTitle')), tooLong(t, t('delivery.milestoneTitle'), 100)]}>
                    <Input style={{ width: 220 }} placeholder={t('delivery.milestoneTitlePlaceholder')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} label={t('delivery.dueOn')} rules={[requiredChoice(t, t('delivery.dueOn'))]}>
                    <DatePicker disabledDate={outsideTerm} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'measure']} label={t('delivery.measure')} rules={[requiredChoice(t, t('delivery.measure'))]}>
                    <Select style={{ width: 140 }} options={COUNT_MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'threshold']} label={t('delivery.threshold')} rules={[{ required: true, message: t('common.requiredText', { field: t('delivery.threshold') }) }]}>
                    <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('delivery.removeMilestone', { seq: i + 1 })} style={{ marginTop: 30 }} />
                </Space>
              </div>
            ))}
            {fields.length < 12 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ measure: 'attendances' })} style={{ display: 'flex', marginBottom: 16 }} data-testid="add-milestone">
                {t('delivery.addMilestone')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
