import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useBulkTransition, useHandlers, type BulkTransitionResult, type NeedView } from './needQueries.ts';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

type BulkAction = 'accept' | 'reject' | 'assign';

/** Triage of many needs at once; every need succeeds or fails on its own and says why. */
export function BulkActions({
  selected,
  onDone,
}: {
  selected: NeedView[];
  onDone: (results: BulkTransitionResult[]) => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = useNotices();
  const [open, setOpen] = useState<BulkAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason?: string; handlerUserId?: string }>();
  const bulk = useBulkTransition();
  const handlers = useHandlers(selected[0]?.id, open === 'assign');
  const allowed = (a: BulkAction) => selected.filter((n) => n.allowedActions.includes(a)).length;

  const run = async (action: BulkAction, values: { reason?: string; handlerUserId?: string } = {}) => {
    setError(null);
    try {
      const { results } = await bulk.mutateAsync({
        needIds: selected.map((n) => n.id),
        action,
        ...(values.reason ? { reason: values.reason.trim() } : {}),
        ...(values.handlerUserId ? { handlerUserId: values.handlerUserId } : {}),
      });
      const ok = results.filter((r) => r.ok).length;
      const failed = results.length - ok;
      if (failed === 0) void message.success(t('needsBoard.bulkDone', { count: ok }));
      else void message.warning(t('needsBoard.bulkPartly', { ok, failed }));
      setOpen(null);
      form.resetFields();
      onDone(results);
    } catch (e) {
      setError(e);
    }
  };

  const button = (a: BulkAction, onClick: () => void) => (
    <Button
      key={a}
      danger={a === 'reject'}
      type={a === 'accept' ? 'primary' : 'default'}
      disabled={allowed(a) === 0}
      loading={bulk.isPending && (open === a || (a === 'accept' && open === null))}
      onClick={onClick}
      data-testid={`bulk-${a}`}
    >
      {t(`needAction.${a}`)} ({allowed(a)})
    </Button>
  );

  return (
    <>
      <Space wrap data-testid="bulk-actions">
        <Typography.Text>{t('needsBoard.selected', { count: selected.length })}</Typography.Text>
        {button('accept', () => void run('accept'))}
        {button('assign', () => setOpen('assign'))}
        {button('reject', () => setOpen('reject'))}
      </Space>
      {open === null && <ErrorAlert error={error} />}
      <Modal
        open={open !== null}
        title={open ? `${t(`needAction.${open}`)} · ${t('needsBoard.selected', { count: selected.length })}` : ''}
        onCancel={() => setOpen(null)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(null)}>{t('common.cancel')}</Button>,
          <Button key="ok" type="primary" danger={open === 'reject'} loading={bulk.isPending} onClick={() => form.submit()} data-testid="bulk-submit">
            {open ? t(`needAction.${open}`) : ''}
          </Button>,
        ]}
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={(v) => open && void run(open, v)}>
          {open === 'reject' && (
            <Form.Item name="reason" label={t('needForm.reason')} rules={[requiredText(t, t('needForm.reason'))]}>
              <Input.TextArea rows={3} count={{ show: true, max: 2000 }} data-testid="bulk-reason" />
            </Form.Item>
          )}
          {open === 'assign' && (
            <Form.Item name="handlerUserId" label={t('needPage.handler')} rules={[requiredChoice(t, t('needPage.handler'))]} extra={t('needPage.handlerHint')}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={handlers.isLoading}
                data-testid="bulk-handler"
                options={(handlers.data ?? []).map((h) => ({ value: h.userId, label: h.userId === me?.user.id ? t('needPage.me', { name: h.name }) : h.name }))}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** What happened to each need of the last bulk action, failures first. */
export function BulkResults({ results, refNoOf, onClose }: { results: BulkTransitionResult[]; refNoOf: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = results.filter((r) => !r.ok);
  const ok = results.length - failed.length;
  return (
    <Alert
      type={failed.length ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      data-testid="bulk-results"
      title={t('needsBoard.bulkSummary', { ok, failed: failed.length })}
      description={
        failed.length > 0 && (
          <List
            size="small"
            dataSource={failed}
            renderItem={(r) => (
              <List.Item key={r.needId} data-testid="bulk-failure" style={{ paddingInline: 0 }}>
                <span style={{ overflowWrap: 'anywhere' }}>
                  <b>{r.need?.refNo ?? refNoOf(r.needId)}</b>: {r.error?.message}
                </span>
              </List.Item>
            )}
          />
        )
      }
    />
  );
}
