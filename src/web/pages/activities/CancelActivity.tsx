import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { useCancelActivity } from './activityQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

/** Cancelling stops the sessions still to come (those held keep their attendance), with a reason. */
export function CancelActivity({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const cancel = useCancelActivity(activityId);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const close = () => {
    setOpen(false);
    setError(null);
    form.resetFields();
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="activity-cancel">{t('activity.cancel')}</Button>
      <Modal
        open={open}
        title={t('activity.cancelTitle')}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('activity.cancel')}
        okButtonProps={{ danger: true, loading: cancel.isPending }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Typography.Paragraph>{t('activity.cancelHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            cancel.mutate(v.reason.trim(), {
              onSuccess: () => {
                void message.success(t('activity.cancelled'));
                close();
              },
              onError: (e) => setError(applyServerErrors(form, e)),
            })
          }
        >
          <Form.Item name="reason" label={t('activity.cancelReason')} rules={[requiredText(t, t('activity.cancelReason')), { whitespace: true, message: t('common.requiredText', { field: t('activity.cancelReason') }) }, tooLong(t, t('activity.cancelReason'), 500)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} data-testid="activity-cancel-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
