import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { KeysetTable } from '../../components/KeysetTable.tsx';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import type { ClientView } from './listsApi.ts';
import { SecretOnce } from './SecretOnce.tsx';
import { requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';

/** Apps that file needs through the Open311 GeoReport API, each with its own key. */
export function Open311ClientsTab({ districtId }: { districtId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const list = useKeysetList<ClientView>('open311-clients', '/open311-clients', { districtId });
  const [creating, setCreating] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const saver = useFormSave<{ name: string }, ClientView & { apiKey: string }>({
    mutationFn: (v) => api.post('/open311-clients', { districtId, name: v.name }),
    invalidate: ['open311-clients'],
    onSaved: (c) => {
      setCreating(false);
      setKey(c.apiKey);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post(`/open311-clients/${id}/deactivate`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['open311-clients'] }),
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('open311.client.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-open311-client">{t('needSettings.issueKey')}</Button>
      )}
      <ErrorAlert error={revoke.error} />
      <KeysetTable<ClientView>
        list={list}
        data-testid="open311-clients-table"
        scroll={{ x: 600 }}
        locale={{ emptyText: t('needSettings.noClients') }}
        columns={[
          { title: t('needSettings.clientName'), dataIndex: 'name' },
          { title: t('needSettings.keyPrefix'), dataIndex: 'keyPrefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: t('needSettings.createdAt'), dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
          { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('needSettings.enabled')}</Tag> : <Tag>{t('needSettings.revoked')}</Tag>) },
          {
            title: '',
            key: 'revoke',
            render: (_: unknown, c) =>
              c.active && c.allowedActions.includes('deactivate') ? (
                <Popconfirm title={t('needSettings.revokeConfirm')} onConfirm={() => revoke.mutate(c.id)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button size="small" danger data-testid="open311-revoke">{t('needSettings.revoke')}</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {creating && (
        <FormModal title={t('needSettings.issueKey')} saver={saver} initialValues={{}} onClose={() => setCreating(false)} saveTestId="open311-client-save">
          <Form.Item name="name" label={t('needSettings.clientName')} rules={[requiredText(t, t('needSettings.clientName'))]} extra={t('needSettings.clientNameHint')}>
            <Input count={{ show: true, max: 100 }} data-testid="open311-client-name" />
          </Form.Item>
        </FormModal>
      )}
      {key && <SecretOnce title={t('needSettings.apiKey')} value={key} onClose={() => setKey(null)} />}
    </Space>
  );
}
