import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferedCallAction } from '../../../server/modules/calls/calls.lifecycle.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { CALLS_KEY, type CallDetail } from './callQueries.ts';
import { useNotices } from '../../app/notices.tsx';

/**
 * Publish, close, close the panel (rank), end the publicity (conclude) or cancel: the buttons the
 * server says the caller may use on this call now. Ending the publicity is offered once its period
 * is over; objections still unanswered are the server's to refuse, with its reason shown.
 */
export function CallActions({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const { modal } = useNotices();
  const qc = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const move = useMutation({
    mutationFn: (body: { action: OfferedCallAction; reason?: string }) => api.post<CallDetail>(`/calls/${call.id}/transitions`, body),
    onSuccess: (saved) => {
      qc.setQueryData([CALLS_KEY, 'detail', call.id], saved);
      void qc.invalidateQueries({ queryKey: [CALLS_KEY, 'list'] });
      setCancelling(false);
    },
  });
  const confirm = (action: 'open' | 'close' | 'rank' | 'conclude') => {
    modal.confirm({ title: t(`call.actions.${action}`), content: t(`call.${action}Confirm`), okText: t('common.ok'), cancelText: t('common.cancel'), onOk: () => move.mutateAsync({ action }) });
  };
  const publicityOver = !!call.publicityEndsAt && Date.parse(call.publicityEndsAt) <= Date.now();
  const allowed = call.allowedActions.filter((a) => a !== 'conclude' || publicityOver);
  if (!allowed.some((a) => a === 'open' || a === 'close' || a === 'rank' || a === 'conclude' || a === 'cancel')) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!cancelling && <ErrorAlert error={move.error} />}
      <Space wrap>
        {allowed.includes('open') && <Button type="primary" onClick={() => confirm('open')} data-testid="call-open">{t('call.actions.open')}</Button>}
        {allowed.includes('close') && <Button onClick={() => confirm('close')}>{t('call.actions.close')}</Button>}
        {allowed.includes('rank') && <Button type="primary" onClick={() => confirm('rank')} data-testid="call-rank">{t('call.actions.rank')}</Button>}
        {allowed.includes('conclude') && <Button type="primary" onClick={() => confirm('conclude')} data-testid="call-conclude">{t('call.actions.conclude')}</Button>}
        {allowed.includes('cancel') && <Button danger onClick={() => setCancelling(true)}>{t('call.actions.cancel')}</Button>}
      </Space>
      <Modal
        open={cancelling}
        title={t('call.cancelTitle')}
        onCancel={() => setCancelling(false)}
        onOk={() => form.submit()}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={move.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={move.error} />
        <Form form={form} layout="vertical" onFinish={(v) => move.mutate({ action: 'cancel', reason: v.reason })}>
          <Form.Item name="reason" label={t('call.reason')} rules={[requiredText(t, t('call.reason'))]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
