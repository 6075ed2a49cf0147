import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { yuan } from '../applications/applicationQueries.ts';
import { ContractDraftForm } from './ContractDraftForm.tsx';
import { coFundingFrom } from './coFunding.ts';
import { contractKey, PROJECTS_KEY, type ProjectContract, useDelivery, useProjectContract } from './projectsApi.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

type Contract = NonNullable<ProjectContract['contract']>;

/** The project's contract: drafted on the award, signed, paid tranche by tranche (each only when its condition holds), terminated. */
export function ContractCard({ projectId, targetBeneficiaries }: { projectId: string; targetBeneficiaries: number | null }) {
  const { t } = useTranslation();
  const data = useProjectContract(projectId);
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
          {d.canDraft && <ContractDraftForm projectId={projectId} amountFen={d.award!.amountFen} targetBeneficiaries={targetBeneficiaries} />}
        </Space>
      )}
    </Card>
  );
}

function ContractView({ projectId, contract: c }: { projectId: string; contract: Contract }) {
  const { t } = useTranslation();
  const { modal } = useNotices();
  const qc = useQueryClient();
  const [terminating, setTerminating] = useState(false);
  // Milestone titles for the tranches that wait for one.
  const delivery = useDelivery(projectId, c.tranches.some((tr) => tr.milestoneSeq !== null));
  const condition = (tr: Contract['tranches'][number]) => {
    if (tr.milestoneSeq === null) return t(`tranchePrecondition.${tr.precondition}`);
    const title = delivery.data?.milestones.find((m) => m.seq === tr.milestoneSeq)?.title;
    return title ? t('contract.atMilestoneTitled', { seq: tr.milestoneSeq, title }) : t('contract.atMilestone', { seq: tr.milestoneSeq });
  };
  const act = useMutation({
    mutationFn: (a: { path: string; body?: unknown }) => api.post<ProjectContract>(a.path, a.body ?? {}),
    onSuccess: (saved) => {
      qc.setQueryData(contractKey(projectId), saved);
      void qc.invalidateQueries({ queryKey: [PROJECTS_KEY, projectId] });
      setTerminating(false);
    },
  });
  const confirm = (title: string, content: string, path: string) => {
    modal.confirm({ title, content, okText: t('common.ok'), cancelText: t('common.cancel'), onOk: () => act.mutateAsync({ path }) });
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorAlert error={act.error} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('contract.organization')}>{c.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('contract.status')}><Tag color={c.status === 'signed' ? 'green' : c.status === 'terminated' ? 'red' : 'default'}>{t(`contractStatus.${c.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('contract.amount')}>{yuan(c.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('contract.paid')}>{yuan(c.paidFen)}</Descriptions.Item>
        {c.coFunding.fen > 0 && <Descriptions.Item label={t('contract.coFunding')}>{t('contract.coFundingValue', { amount: yuan(c.coFunding.fen), from: coFundingFrom(t, c.coFunding.kind, c.coFunding.source) })}</Descriptions.Item>}
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
              <Typography.Text strong>{t('contract.trancheNo', { seq: tr.seq })} · {yuan(tr.amountFen)} · {condition(tr)}</Typography.Text>
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
