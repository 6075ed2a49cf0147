import { Button, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { type ProjectDetail, useTransition } from '../projects/projectsApi.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

type Action = 'accept' | 'accept_with_conditions' | 'fail' | 'close';
const DECISIONS: Action[] = ['accept', 'accept_with_conditions', 'fail'];

/**
 * The funder's final acceptance (结项验收), sent as project transitions: decided on the
 * evaluator's final report, so the decision is offered once that is handed in; closing follows.
 */
export function AcceptanceActions({ project, finalSubmitted }: { project: ProjectDetail; finalSubmitted: boolean }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const transition = useTransition(project.id);
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const allowed = (a: Action) => project.allowedActions.includes(a);
  const decisions = DECISIONS.filter(allowed);
  if (!decisions.length && !allowed('close')) return null;
  const asksReason = open === 'accept_with_conditions' || open === 'fail';
  const close = () => {
    setOpen(null);
    setError(null);
    form.resetFields();
  };
  const send = (v: { reason?: string }) =>
    transition.mutate(
      { action: open!, ...(asksReason ? { reason: v.reason?.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t(`evaluations.decided.${open!}`));
          close();
        },
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  const field = open === 'fail' ? t('evaluations.failReason') : t('evaluations.conditions');
  return (
    <section aria-label={t('evaluations.acceptanceTitle')} data-testid="evaluation-acceptance">
      <Typography.Title level={5}>{t('evaluations.acceptanceTitle')}</Typography.Title>
      {decisions.length > 0 && !finalSubmitted && <Typography.Paragraph type="secondary">{t('evaluations.acceptanceWaits')}</Typography.Paragraph>}
      {decisions.length > 0 && finalSubmitted && <Typography.Paragraph>{t('evaluations.acceptanceHint')}</Typography.Paragraph>}
      <Space wrap>
        {finalSubmitted && decisions.map((a) => (
          <Button key={a} type={a === 'accept' ? 'primary' : 'default'} danger={a === 'fail'} onClick={() => setOpen(a)} data-testid={`evaluation-decide-${a}`}>{t(`evaluations.decide.${a}`)}</Button>
        ))}
        {allowed('close') && <Button type="primary" onClick={() => setOpen('close')} data-testid="evaluation-decide-close">{t('evaluations.decide.close')}</Button>}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`evaluations.decide.${open}`) : ''}
        onCancel={close}
        onOk={() => form.submit()}
        okText={open ? t(`evaluations.decide.${open}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: open === 'fail', loading: transition.isPending, 'data-testid': 'evaluation-decide-ok' } as ButtonProps}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={send}>
          {open && <Typography.Paragraph>{t(`evaluations.decideConfirm.${open}`, { title: project.title })}</Typography.Paragraph>}
          {asksReason && (
            <Form.Item name="reason" label={field} rules={[requiredText(t, field), { whitespace: true, message: t('common.requiredText', { field }) }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="evaluation-decide-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </section>
  );
}
