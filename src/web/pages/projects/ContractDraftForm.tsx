import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Divider, Form, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANCHE_PRECONDITIONS, type TranchePrecondition } from '../../../server/modules/projects/projects.tranches.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { yuan } from '../applications/applicationQueries.ts';
import { defaultTargets, deliveryPlanBody, IndicatorTargets, MilestoneFields, type DeliveryPlanValues } from './DeliveryPlanFields.tsx';
import { contractKey, PROJECTS_KEY, type ProjectContract } from './projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';

interface TrancheValues {
  percent: number;
  precondition: TranchePrecondition;
  /** For `milestone_reached`: the milestone's number in the list above (from 1). */
  milestone?: number;
}

interface DraftValues extends DeliveryPlanValues {
  termStart: Dayjs;
  termEnd: Dayjs;
  tranches: TrancheValues[];
}

/** The usual plan of a purchase of services: 30 % at signing, 40 % after a passed mid-term, 30 % after acceptance. */
const DEFAULT_TRANCHES: TrancheValues[] = [
  { percent: 30, precondition: 'signed' },
  { percent: 40, precondition: 'midterm_passed' },
  { percent: 30, precondition: 'final_accepted' },
];

/** Whole percentages of the amount; the fen lost to rounding go to the last tranche, as the server expects the sum exact. */
function split(amountFen: number, percents: number[]): number[] {
  const parts = percents.map((p) => Math.floor((amountFen * p) / 100));
  if (parts.length) parts[parts.length - 1]! += amountFen - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** The funder drafts the contract on the award: its term, the delivery plan it holds the project to, and the tranches. */
export function ContractDraftForm({ projectId, amountFen, targetBeneficiaries }: { projectId: string; amountFen: number; targetBeneficiaries: number | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const [error, setError] = useState<unknown>(null);
  const tranches = (Form.useWatch('tranches', form) ?? DEFAULT_TRANCHES) as TrancheValues[];
  const milestones = (Form.useWatch('milestones', form) ?? []) as DraftValues['milestones'];
  const [termStart, termEnd] = [Form.useWatch('termStart', form), Form.useWatch('termEnd', form)];
  const total = tranches.reduce((s, p) => s + (p?.percent ?? 0), 0);
  const draft = useMutation({
    mutationFn: (v: DraftValues) => {
      const amounts = split(amountFen, v.tranches.map((p) => p.percent));
      return api.post<ProjectContract>(`/projects/${projectId}/contract`, {
        termStart: v.termStart.format('YYYY-MM-DD'),
        termEnd: v.termEnd.format('YYYY-MM-DD'),
        ...deliveryPlanBody(v),
        tranches: v.tranches.map((p, i) => ({ amountFen: amounts[i]!, precondition: p.precondition, ...(p.precondition === 'milestone_reached' && { milestone: p.milestone }) })),
      });
    },
    onSuccess: (saved) => {
      qc.setQueryData(contractKey(projectId), saved);
      void qc.invalidateQueries({ queryKey: [PROJECTS_KEY, 'delivery', projectId] });
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  const milestoneOptions = milestones.map((m, k) => ({ value: k + 1, label: `${k + 1}. ${m?.title?.trim() || t('delivery.milestoneNo', { seq: k + 1 })}` }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ tranches: DEFAULT_TRANCHES, targets: defaultTargets(targetBeneficiaries), milestones: [] }}
      onFinish={(v) => {
        setError(null);
        draft.mutate(v);
      }}
    >
      <ErrorAlert error={error} />
      <Space wrap>
        <Form.Item name="termStart" label={t('contract.termStart')} rules={[{ required: true, message: t('contract.termRequired') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="termEnd" label={t('contract.termEnd')} rules={[{ required: true, message: t('contract.termRequired') }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Divider style={{ margin: '4px 0 12px' }} />
      <IndicatorTargets />
      <MilestoneFields termStart={termStart} termEnd={termEnd} />
      <Divider style={{ margin: '4px 0 12px' }} />
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>{t('contract.tranches')}</Typography.Paragraph>
      <Form.List name="tranches">
        {(fields, _ops, { errors }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key}>
                <Space wrap align="baseline">
                  <Typography.Text>{t('contract.trancheNo', { seq: i + 1 })}</Typography.Text>
                  <Form.Item name={[f.name, 'percent']} label={t('contract.percent')}>
                    <InputNumber min={1} max={100} precision={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'precondition']} label={t('contract.precondition')}>
                    <Select
                      style={{ width: 200 }}
                      options={TRANCHE_PRECONDITIONS.map((p) => ({ value: p, label: t(`tranchePrecondition.${p}`), disabled: p === 'milestone_reached' && milestones.length === 0 }))}
                    />
                  </Form.Item>
                  {tranches[i]?.precondition === 'milestone_reached' && (
                    <Form.Item
                      name={[f.name, 'milestone']}
                      label={t('contract.milestone')}
                      rules={[{ required: true, message: t('common.requiredChoice', { field: t('contract.milestone') }) }, { type: 'number', max: milestones.length, message: t('contract.milestoneGone') }]}
                    >
                      <Select style={{ width: 220 }} options={milestoneOptions} data-testid={`tranche-milestone-${i + 1}`} />
                    </Form.Item>
                  )}
                  <Typography.Text type="secondary">{yuan(split(amountFen, tranches.map((p) => p?.percent ?? 0))[i] ?? 0)}</Typography.Text>
                </Space>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {total !== 100 && <Alert type="warning" showIcon title={t('contract.percentTotal', { total })} style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={draft.isPending} disabled={total !== 100}>{t('contract.draft', { amount: yuan(amountFen) })}</Button>
    </Form>
  );
}
