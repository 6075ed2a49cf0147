import { Alert, Button, Form, Input, Rate } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notices.tsx';
import { Card } from '../../components/Card.tsx';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { useTransition } from '../needs/needQueries.ts';

/** Confirm with a rating, or dispute with a reason: the resident's two answers to a resolved need. */
export function NeedAnswer({ needId, canConfirm, canDispute }: { needId: string; canConfirm: boolean; canDispute: boolean }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const transition = useTransition(needId);
  const [mode, setMode] = useState<'confirm' | 'dispute' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ rating?: number; comment?: string; reason?: string }>();
  const submit = (v: { rating?: number; comment?: string; reason?: string }) => {
    setError(null);
    const body =
      mode === 'confirm'
        ? { action: 'confirm', rating: v.rating, comment: v.comment?.trim() || undefined }
        : { action: 'dispute', reason: v.reason?.trim() };
    transition.mutate(body as Parameters<typeof transition.mutate>[0], {
      onSuccess: () => {
        void message.success(mode === 'confirm' ? t('myNeeds.confirmed') : t('myNeeds.disputed'));
        setMode(null);
        form.resetFields();
      },
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };
  return (
    <Card size="small" style={{ borderColor: '#52c41a' }} data-testid="need-answer">
      <Alert type="success" showIcon title={t('myNeeds.awaitingYou')} description={t('myNeeds.answerHint')} style={{ marginBottom: 12 }} />
      {mode === null && (
        <div style={{ display: 'grid', gridTemplateColumns: canConfirm && canDispute ? '1fr 1fr' : '1fr', gap: 8 }}>
          {canConfirm && (
            <Button type="primary" size="large" onClick={() => setMode('confirm')} data-testid="confirm-need">{t('needAction.confirm')}</Button>
          )}
          {canDispute && (
            <Button danger size="large" onClick={() => setMode('dispute')} data-testid="dispute-need">{t('needAction.dispute')}</Button>
          )}
        </div>
      )}
      {mode !== null && (
        <Form form={form} layout="vertical" size="large" onFinish={submit} onValuesChange={() => setError(null)} initialValues={{ rating: undefined, comment: '', reason: '' }}>
          <ErrorAlert error={error} />
          {mode === 'confirm' ? (
            <>
              <Form.Item label={t('myNeeds.rating')} name="rating" rules={[{ required: true, message: t('myNeeds.ratingRequired') }]}>
                <Rate style={{ fontSize: 36 }} data-testid="rating" />
              </Form.Item>
              <Form.Item label={t('myNeeds.comment')} name="comment">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 2000 }} data-testid="confirm-comment" />
              </Form.Item>
            </>
          ) : (
            <Form.Item label={t('myNeeds.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('myNeeds.reasonRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 2000 }} placeholder={t('myNeeds.reasonPlaceholder')} data-testid="dispute-reason" />
            </Form.Item>
          )}
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
            <Button onClick={() => { setMode(null); setError(null); }}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger={mode === 'dispute'}
              htmlType="submit"
              loading={transition.isPending}
              data-testid={mode === 'confirm' ? 'confirm-submit' : 'dispute-submit'}
            >
              {mode === 'confirm' ? t('myNeeds.confirmSubmit') : t('myNeeds.disputeSubmit')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
