import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type { ProjectContract as ProjectContractSchema } from '../../../server/modules/projects/projects.contracts.schemas.ts';
import { TRANCHE_PRECONDITIONS } from '../../../server/modules/projects/projects.tranches.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { yuan } from '../applications/applicationQueries.ts';
import { PROJECTS_KEY } from './projectsApi.ts';

type ProjectContract = Static<typeof ProjectContractSchema>;
type Contract = NonNullable<ProjectContract['contract']>;

const contractKey = (projectId: string) => [PROJECTS_KEY, 'contract', projectId];

/** The usual plan of a purchase of services: 30 % at signing, 40 % after a passed mid-term, 30 % after acceptance. */
const DEFAULT_PLAN = [
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

/** The project's contract: drafted on the award, signed, paid tranche by tranche (each only when its condition holds), terminated. */
export function ContractCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const data = useQuery({ queryKey: contractKey(projectId), queryFn: () => api.get<ProjectContract>(`/projects/${projectId}/contract`) });
  const d = data.data;
  if (!d || (!d.contract && !d.award)) return null;
  return (
    <Card size="small" title={t('contract.title')} data-testid="contract-card">
      {d.contract ? (
        <ContractView projectId={projectId} contract={d.contract} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text>{t('contract.award', { organization: d.award!.organizationName, amount: yuan(d.award!.amountFen), call: d.award!.callRefNo })}</Typography.Text>
          {d.award!.callStatus !== 'concluded' && <Alert type="info" showIcon title={t('contract.waitForRound')} />}
          {d.canDraft && <DraftForm projectId={projectId} amountFen={d.award!.amountFen} />}
        </Space>
      )}
    </Card>
  );
}

function DraftForm({ projectId, amountFen }: { projectId: string; amountFen: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ termStart: Dayjs; termEnd: Dayjs; plan: { percent: number; precondition: string }[] }>();
  const plan = (Form.useWatch('plan', form) ?? DEFAULT_PLAN) as { percent: number; precondition: string }[];
  const total = plan.reduce((s, p) => s + (p?.percent ?? 0), 0);
  const draft = useMutation({
    mutationFn: (v: { termStart: Dayjs; termEnd: Dayjs; plan: { percent: number; precondition: string }[] }) => {
      const amounts = split(amountFen, v.plan.map((p) => p.percent));
      return api.post<ProjectContract>(`/projects/${projectId}/contract`, {
        termStart: v.termStart.format('YYYY-MM-DD'),
        termEnd: v.termEnd.format('YYYY-MM-DD'),
        tranches: v.plan.map((p, i) => ({ amountFen: amounts[i]!, precondition: p.precondition })),
      });
    },
    onSuccess: (saved) => qc.setQueryData(contractKey(projectId), saved),
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ plan: DEFAULT_PLAN }} onFinish={(v) => draft.mutate(v)}>
      <ErrorAlert error={draft.error} />
      <Space wrap>
        <Form.Item name="termStart" label={t('contract.termStart')} rules={[{ required: true, message: t('contract.termRequired') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="termEnd" label={t('contract.termEnd')} rules={[{ required: true, message: t('contract.termRequired') }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>{t('contract.tranches')}</Typography.Paragraph>
      <Form.List name="plan">
        {(fields) =>
          fields.map((f, i) => (
            <Space key={f.key} wrap align="baseline">
              <Typography.Text>{t('contract.trancheNo', { seq: i + 1 })}</Typography.Text>
              <Form.Item name={[f.name, 'percent']} label={t('contract.percent')}>
                <InputNumber min={1} max={100} precision={0} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'precondition']} label={t('contract.precondition')}>
                <Select style={{ width: 200 }} options={TRANCHE_PRECONDITIONS.filter((p) => p !== 'milestone_reached').map((p) => ({ value: p, label: t(`tranchePrecondition.${p}`) }))} />
              </Form.Item>
              <Typography.Text type="secondary">{yuan(split(amountFen, plan.map((p) => p?.percent ?? 0))[i] ?? 0)}</Typography.Text>
            </Space>
          ))
        }
      </Form.List>
      {total !== 100 && <Alert type="warning" showIcon title={t('contract.percentTotal', { total })} style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={draft.isPending} disabled={total !== 100}>{t('contract.draft', { amount: yuan(amountFen) })}</Button>
    </Form>
  );
}

function ContractView({ projectId, contract: c }: { projectId: string; contract: Contract }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [terminating, setTerminating] = useState(false);
  const act = useMutation({
    mutationFn: (a: { path: string; body?: unknown }) => api.post<ProjectContract>(a.path, a.body ?? {}),
    onSuccess: (saved) => {
      qc.setQueryData(contractKey(projectId), saved);
      void qc.invalidateQueries({ queryKey: [PROJECTS_KEY, projectId] });
      setTerminating(false);
    },
  });
  const confirm = (title: string, content: string, path: string) =>
    Modal.confirm({ title, content, okText: t('common.ok'), cancelText: t('common.cancel'), onOk: () => act.mutateAsync({ path }) });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorAlert error={act.error} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('contract.organization')}>{c.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('contract.status')}><Tag color={c.status === 'signed' ? 'green' : c.status === 'terminated' ? 'red' : 'default'}>{t(`contractStatus.${c.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('contract.amount')}>{yuan(c.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('contract.paid')}>{yuan(c.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('contract.term')}>{c.termStart} — {c.termEnd}</Descriptions.Item>
        {c.signedAt && <Descriptions.Item label={t('contract.signedAt')}>{dayjs(c.signedAt).format('YYYY-MM-DD')}</Descriptions.Item>}
        {c.terminationReason && <Descriptions.Item label={t('contract.terminationReason')}>{c.terminationReason}（{t('contract.clawback')} {yuan(c.clawbackFen ?? 0)}）</Descriptions.Item>}
      </Descriptions>
      <List
        size="small"
        bordered
        dataSource={c.tranches}
        renderItem={(tr) => (
          <List.Item
            actions={
              c.allowedActions.includes('release') && !tr.paidAt && !tr.blockedBy
                ? [<Button key="release" type="primary" size="small" onClick={() => confirm(t('contract.releaseTitle', { seq: tr.seq }), t('contract.releaseConfirm', { amount: yuan(tr.amountFen) }), `/contracts/${c.id}/tranches/${tr.seq}/release`)}>{t('contract.release')}</Button>]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{t('contract.trancheNo', { seq: tr.seq })} · {yuan(tr.amountFen)} · {t(`tranchePrecondition.${tr.precondition}`)}</Typography.Text>
              <Typography.Text type={tr.paidAt ? 'success' : 'secondary'}>
                {tr.paidAt ? t('contract.paidOn', { date: dayjs(tr.paidAt).format('YYYY-MM-DD') }) : tr.blockedBy ? t(`trancheBlock.${tr.blockedBy}`) : t('contract.releasable')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Space wrap>
        {c.allowedActions.includes('sign') && <Button type="primary" onClick={() => confirm(t('contract.sign'), t('contract.signConfirm', { organization: c.organizationName }), `/contracts/${c.id}/sign`)}>{t('contract.sign')}</Button>}
        {c.allowedActions.includes('terminate') && <Button danger onClick={() => setTerminating(true)}>{t('contract.terminate')}</Button>}
      </Space>
      {terminating && <TerminateDialog contract={c} pending={act.isPending} onClose={() => setTerminating(false)} onSubmit={(body) => act.mutate({ path: `/contracts/${c.id}/terminate`, body })} />}
    </Space>
  );
}

function TerminateDialog({ contract: c, pending, onClose, onSubmit }: { contract: Contract; pending: boolean; onClose: () => void; onSubmit: (body: { reason: string; clawbackFen: number }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; clawbackYuan: number }>();
  return (
    <Modal open title={t('contract.terminate')} onCancel={onClose} onOk={() => form.submit()} okText={t('contract.terminate')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} confirmLoading={pending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ clawbackYuan: 0 }} onFinish={(v) => onSubmit({ reason: v.reason, clawbackFen: Math.round((v.clawbackYuan ?? 0) * 100) })}>
        <Form.Item name="reason" label={t('contract.terminationReason')} rules={[{ required: true, whitespace: true, message: t('contract.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="clawbackYuan" label={t('contract.clawbackYuan')} extra={t('contract.clawbackHint', { paid: yuan(c.paidFen) })}>
          <InputNumber min={0} max={c.paidFen / 100} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
