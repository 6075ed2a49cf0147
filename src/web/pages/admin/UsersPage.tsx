import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ROLES } from '../../../common/roles.ts';
import { api } from '../../api/client.ts';
import type { UserView as UserSummary } from '../../../server/modules/accounts/users.schemas.ts';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { KeysetTable, ListPage, useListFilter } from '../../components/KeysetTable.tsx';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { requiredText } from '../../components/rules.ts';

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saver = useFormSave({
    mutationFn: (v: Record<string, string>) => api.post<UserSummary>('/users', { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, locale: v.locale }),
    invalidate: ['users'],
    onSaved: (u) => navigate(`/admin/users/${u.id}`),
  });
  return (
    <FormModal title={t('users.create')} onClose={onClose} saver={saver} initialValues={{ username: '', displayName: '', password: '', locale: 'zh-CN' }}>
      <Form.Item name="username" label={t('auth.username')} rules={[requiredText(t, t('auth.username'))]} extra={t('users.usernameRule')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('account.displayName')} rules={[requiredText(t, t('account.displayName'))]}>
        <Input />
      </Form.Item>
      <Form.Item name="password" label={t('users.initialPassword')} rules={[requiredText(t, t('users.initialPassword'))]} extra={t('account.passwordRule')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="locale" label={t('users.locale')}>
        <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
      </Form.Item>
    </FormModal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { filter, set } = useListFilter();
  const [creating, setCreating] = useState(false);
  const list = useKeysetList<UserSummary>('users', '/users', filter);
  return (
    <ListPage
      title={t('nav.users')}
      action={can('accounts.user.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-user">{t('users.create')}</Button>}
      filters={
        <>
          <Input.Search allowClear placeholder={t('users.searchPlaceholder')} aria-label={t('users.searchPlaceholder')} onSearch={(v) => set('q')(v.trim())} style={{ width: 220 }} />
          <Select allowClear placeholder={t('users.role')} aria-label={t('users.role')} style={{ width: 180 }} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <Select allowClear placeholder={t('common.status')} aria-label={t('common.status')} style={{ width: 120 }} onChange={set('status')} options={['active', 'disabled'].map((v) => ({ value: v, label: t(`userStatus.${v}`) }))} />
        </>
      }
    >
      <KeysetTable
        list={list}
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
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
