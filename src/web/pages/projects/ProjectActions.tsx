import { Button, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { type ProjectDetail, useTransition } from './projectsApi.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

type Action = 'submit' | 'approve' | 'start_delivery' | 'return' | 'cancel';
const ORDER: Action[] = ['submit', 'approve', 'start_delivery', 'return', 'cancel'];
const DONE: Record<Action, string> = {
  submit: 'projects.submitted', approve: 'projects.approved', start_delivery: 'projects.deliveryStarted', return: 'projects.returned', cancel: 'projects.cancelled',
};

/** The project's next steps the caller may take (sent with it), each in a dialog; return and cancel ask why. */
export function ProjectActions({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const transition = useTransition(project.id);
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const actions = ORDER.filter((a) => project.allowedActions.includes(a));
  if (!actions.length) return null;
  const asksReason = open === 'return' || open === 'cancel';
  const close = () => {
    setOpen(null);
    setError(null);
    form.resetFields();
  };
  const send = (v: { reason?: string }) => {
    transition.mutate(
      { action: open!, ...(asksReason ? { reason: v.reason?.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t(DONE[open!]));
          close();
        },
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };
  const titles: Record<Action, string> = {
    submit: t('projectAction.submit'),
    approve: t('projects.approveTitle'),
    start_delivery: t('projects.startDeliveryTitle'),
    return: t('projects.returnTitle'),
    cancel: t('projects.cancelTitle'),
  };
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button key={a} type={a === 'approve' || a === 'start_delivery' ? 'primary' : 'default'} danger={a === 'cancel'} onClick={() => setOpen(a)} data-testid={`project-${a}`}>
            {t(`projectAction.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? titles[open] : ''}
        onCancel={close}
        onOk={() => form.submit()}
        okText={open ? t(`projectAction.${open}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: open === 'cancel', loading: transition.isPending, 'data-testid': 'project-action-ok' } as ButtonProps}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={send}>
          {open === 'approve' && <Typography.Paragraph>{t('projects.approveConfirm', { title: project.title })}</Typography.Paragraph>}
          {open === 'start_delivery' && <Typography.Paragraph>{t('projects.startDeliveryConfirm', { title: project.title })}</Typography.Paragraph>}
          {open === 'cancel' && <Typography.Paragraph>{t('projects.cancelHint')}</Typography.Paragraph>}
          {asksReason && (
            <Form.Item name="reason" label={t('projects.reason')} rules={[requiredText(t, t('projects.reason')), { whitespace: true, message: t('common.requiredText', { field: t('projects.reason') }) }, tooLong(t, t('projects.reason'), 2000)]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('projects.reasonPlaceholder')} data-testid="project-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
