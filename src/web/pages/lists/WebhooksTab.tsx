import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { KeysetTable } from '../../components/KeysetTable.tsx';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import type { DeliveryView, WebhookView } from './listsApi.ts';
import { SecretOnce } from './SecretOnce.tsx';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';

// Every need timeline action is published as need.<action>; these are the ones subscribers usually want.
const EVENT_SUGGESTIONS = ['need.report', 'need.accept', 'need.reject', 'need.assign', 'need.refer', 'need.resolve', 'need.confirm', 'need.dispute', 'need.escalate', 'need.pool'];
const when = (s: string | null) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—');
const STATUS_COLORS: Record<string, string> = { delivered: 'green', failed: 'red', pending: 'gold' };

function CreateWebhook({ districtId, onClose, onCreated }: { districtId: string; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const saver = useFormSave<{ url: string; events: string[]; description?: string }, WebhookView & { secret: string }>({
    mutationFn: (v) => api.post('/webhooks', { districtId, url: v.url.trim(), events: v.events, ...(v.description ? { description: v.description } : {}) }),
    invalidate: ['webhooks'],
    onSaved: (w) => onCreated(w.secret),
  });
  return (
    <FormModal title={t('needSettings.addWebhook')} saver={saver} initialValues={{ events: ['need.report'] }} onClose={onClose} saveTestId="webhook-save">
      <Form.Item name="url" label={t('needSettings.url')} rules={[requiredText(t, t('needSettings.url'))]}>
        <Input placeholder="https://" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item name="events" label={t('needSettings.events')} rules={[requiredChoice(t, t('needSettings.events'))]} extra={t('needSettings.eventsHint')}>
        <Select mode="tags" options={EVENT_SUGGESTIONS.map((e) => ({ value: e, label: e }))} data-testid="webhook-events" />
      </Form.Item>
      <Form.Item name="description" label={t('threeLists.description')}>
        <Input count={{ show: true, max: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

function Deliveries({ webhook, onClose }: { webhook: WebhookView; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useKeysetList<DeliveryView>('webhook-deliveries', `/webhooks/${webhook.id}/deliveries`, {}, 20);
  return (
    <Modal open title={t('needSettings.deliveries')} onCancel={onClose} footer={null} width={820}>
      <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }}>{webhook.url}</Typography.Paragraph>
      <KeysetTable<DeliveryView>
        list={list}
        data-testid="webhook-deliveries"
        scroll={{ x: 640 }}
        columns={[
          { title: t('needSettings.createdAt'), dataIndex: 'createdAt', render: when },
          { title: t('needSettings.event'), dataIndex: 'eventType' },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`needSettings.deliveryStatus.${s}`)}</Tag> },
          { title: t('needSettings.attempts'), dataIndex: 'attempts' },
          { title: t('needSettings.lastResult'), key: 'last', render: (_: unknown, d) => d.lastStatusCode ?? d.lastError ?? '—' },
        ]}
      />
    </Modal>
  );
}

export function WebhooksTab({ districtId }: { districtId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const list = useKeysetList<WebhookView>('webhooks', '/webhooks', { districtId });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<WebhookView | null>(null);
  const [pinged, setPinged] = useState<Record<string, DeliveryView>>({});
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['webhooks'] });
    void qc.invalidateQueries({ queryKey: ['webhook-deliveries'] });
  };
  const test = useMutation({
    mutationFn: (id: string) => api.post<DeliveryView>(`/webhooks/${id}/test`),
    onSuccess: (d, id) => {
      setPinged((p) => ({ ...p, [id]: d }));
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (w: WebhookView) => (w.active ? api.delete(`/webhooks/${w.id}`) : api.patch(`/webhooks/${w.id}`, { active: true })),
    onSuccess: refresh,
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('webhooks.subscription.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-webhook">{t('needSettings.addWebhook')}</Button>
      )}
      <ErrorAlert error={test.error ?? toggle.error} />
      <KeysetTable<WebhookView>
        list={list}
        data-testid="webhooks-table"
        scroll={{ x: 760 }}
        locale={{ emptyText: t('needSettings.noWebhooks') }}
        columns={[
          { title: t('needSettings.url'), dataIndex: 'url', render: (v: string, w) => <span style={{ wordBreak: 'break-all' }}>{v}{w.description ? <Typography.Text type="secondary"> · {w.description}</Typography.Text> : null}</span> },
          { title: t('needSettings.events'), dataIndex: 'events', render: (ev: string[]) => ev.map((e) => <Tag key={e}>{e}</Tag>) },
          { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('needSettings.enabled')}</Tag> : <Tag>{t('needSettings.disabled')}</Tag>) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, w) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setLogOf(w)} data-testid="webhook-deliveries-open">{t('needSettings.deliveries')}</Button>
                {w.allowedActions.includes('test') && w.active && (
                  <Button size="small" loading={test.isPending && test.variables === w.id} onClick={() => test.mutate(w.id)} data-testid="webhook-test">{t('needSettings.testPing')}</Button>
                )}
                {pinged[w.id] && (
                  <Tag color={STATUS_COLORS[pinged[w.id]!.status]} data-testid="webhook-test-result" title={pinged[w.id]!.lastError ?? undefined}>
                    {t(`needSettings.deliveryStatus.${pinged[w.id]!.status}`)} {pinged[w.id]!.lastStatusCode ?? ''}
                  </Tag>
                )}
                {w.active && w.allowedActions.includes('delete') && (
                  <Button size="small" danger onClick={() => toggle.mutate(w)} data-testid="webhook-disable">{t('needSettings.disable')}</Button>
                )}
                {!w.active && w.allowedActions.includes('update') && (
                  <Button size="small" onClick={() => toggle.mutate(w)} data-testid="webhook-enable">{t('needSettings.enable')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateWebhook
          districtId={districtId}
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
          }}
        />
      )}
      {secret && <SecretOnce title={t('needSettings.webhookSecret')} value={secret} onClose={() => setSecret(null)} />}
      {logOf && <Deliveries webhook={logOf} onClose={() => setLogOf(null)} />}
    </Space>
  );
}
