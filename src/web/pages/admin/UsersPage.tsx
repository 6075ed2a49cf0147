import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ROLES } from '../../../common/roles.ts';
import { api } from '../../api/client.ts';
import type { UserSummary } from '../../api/types.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: Record<string, string>) => api.post<UserSummary>('/users', { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, locale: v.locale }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      navigate(`/admin/users/${u.id}`);
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  return (
    <Modal open title={t('users.create')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ username: '', displayName: '', password: '', locale: 'zh-CN' }} onFinish={(v) => { setError(null); create.mutate(v); }}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required') }]} extra={t('users.usernameRule')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('account.displayName')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('users.initialPassword')} rules={[{ required: true, message: t('common.required') }]} extra={t('account.passwordRule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filter, setFilter] = useState<Record<string, string | undefined>>({});
  const [creating, setCreating] = useState(false);
  const list = useKeysetList<UserSummary>('users', '/users', filter);
  const set = (k: string) => (v: string | undefined) => setFilter((f) => ({ ...f, [k]: v || undefined }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.users')}</Typography.Title>
        {can('accounts.user.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('users.create')}</Button>}
      </Space>
      <Card size="small">
        <Space wrap>
          <Input.Search allowClear placeholder={t('users.searchPlaceholder')} onSearch={(v) => set('q')(v.trim())} style={{ width: 220 }} />
          <Select allowClear placeholder={t('users.role')} style={{ width: 180 }} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <Select allowClear placeholder={t('common.status')} style={{ width: 120 }} onChange={set('status')} options={['active', 'disabled'].map((v) => ({ value: v, label: t(`userStatus.${v}`) }))} />
        </Space>
      </Card>
      <ErrorAlert error={list.error} />
      <Table<UserSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('auth.username'), dataIndex: 'username', render: (v, u) => <Link to={`/admin/users/${u.id}`}>{v}</Link> },
          { title: t('account.displayName'), dataIndex: 'displayName' },
          {
            title: t('account.roles'),
            dataIndex: 'assignments',
            render: (_, u) => (u.assignments ?? []).map((a) => <Tag key={a.id} color="blue">{t(`role.${a.role}`)}{a.scopeName ? ` · ${a.scopeName}` : ''}</Tag>),
          },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (v) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`userStatus.${v}`)}</Tag> },
        ]}
      />
      {list.hasNextPage && <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>}
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
    </Space>
  );
}
