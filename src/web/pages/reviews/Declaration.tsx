import { Button, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { useDeclare, type SheetItem } from './reviewQueries.ts';
import { Typography } from '../../components/Typography.tsx';

/**
 * The conflict-of-interest declaration a reviewer owes before reading an application. Stepping
 * out is final, so it asks why in a dialog; declaring no conflict opens the application at once.
 */
export function Declaration({ item }: { item: SheetItem }) {
  const { t } = useTranslation();
  const declare = useDeclare(item.applicationId);
  const [recusing, setRecusing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ note: string }>();
  const close = () => {
    setRecusing(false);
    setError(null);
    form.resetFields();
  };
  const recuse = (v: { note: string }) =>
    declare.mutate({ conflict: true, note: v.note.trim() }, { onSuccess: close, onError: (e) => setError(applyServerErrors(form, e)) });
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('reviews.declareHint')}</Typography.Paragraph>
      {!recusing && <ErrorAlert error={declare.error} />}
      <Space wrap>
        <Button type="primary" loading={declare.isPending && !recusing} onClick={() => declare.mutate({ conflict: false })} data-testid="review-no-conflict">
          {t('reviews.noConflict')}
        </Button>
        <Button onClick={() => setRecusing(true)} data-testid="review-recuse">{t('reviews.recuse')}</Button>
      </Space>
      <Modal
        open={recusing}
        title={t('reviews.recuseTitle')}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('reviews.recuse')}
        cancelText={t('common.cancel')}
        confirmLoading={declare.isPending}
        okButtonProps={{ danger: true, 'data-testid': 'review-recuse-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Typography.Paragraph>{item.organizationName} · {item.title}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('reviews.recuseHint')}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} name={`recuse-${item.applicationId}`} layout="vertical" onFinish={recuse}>
          <Form.Item name="note" label={t('reviews.recuseNote')} rules={[requiredText(t, t('reviews.recuseNote'))]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('reviews.recuseNotePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
