import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Descriptions, Form, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ROLE_SCOPES, ROLES, type Role, type ScopeType } from '../../../common/roles.ts';
import { api } from '../../api/client.ts';
import type { AssignmentView as Assignment } from '../../../server/modules/accounts/accounts.schemas.ts';
import type { UserView as UserSummary } from '../../../server/modules/accounts/users.schemas.ts';
import { applyServerErrors, ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { ScopePicker } from './ScopePicker.tsx';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { useNotices } from '../../app/notices.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

type UserDetail = UserSummary & { assignments: (Assignment & { allowedActions?: string[] })[] };

function GrantRole({ userId, onDone }: { userId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ role: Role; scopeType: ScopeType; scopeId?: string }>();
  const [error, setError] = useState<unknown>(null);
  const role = Form.useWatch('role', form);
  const scopeType = Form.useWatch('scopeType', form);
  const grant = useMutation({
    mutationFn: (v: { role: Role; scopeType: ScopeType; scopeId?: string }) =>
      api.post(`/users/${userId}/roles`, { role: v.role, scopeType: v.scopeType, scopeId: v.scopeType === 'platform' ? null : v.scopeId ?? null }),
    onSuccess: () => {
      form.resetFields();
      setError(null);
      onDone();
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  return (
    <>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => grant.mutate(v)} onValuesChange={(changed) => {
        if ('role' in changed) form.setFieldsValue({ scopeType: ROLE_SCOPES[changed.role as Role][0], scopeId: undefined });
        if ('scopeType' in changed) form.setFieldsValue({ scopeId: undefined });
      }}>
        <Space wrap align="start">
          <Form.Item name="role" label={t('users.role')} rules={[requiredChoice(t, t('users.role'))]}>
            <Select style={{ width: 200 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="scopeType" label={t('users.scopeType')} rules={[requiredChoice(t, t('users.scopeType'))]}>
            <Select style={{ width: 140 }} options={(role ? ROLE_SCOPES[role] : []).map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Form.Item>
          {scopeType && (
            <Form.Item name="scopeId" label={t('users.scope')} rules={scopeType === 'platform' ? [] : [requiredText(t, t('users.scope'))]}>
              <ScopePicker scopeType={scopeType} />
            </Form.Item>
          )}
        </Space>
        <Button type="primary" htmlType="submit" loading={grant.isPending}>{t('users.grant')}</Button>
      </Form>
    </>
  );
}

export function UserDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = useNotices();
  const qc = useQueryClient();
  const user = useQuery({ queryKey: ['users', id], queryFn: () => api.get<UserDetail>(`/users/${id}`) });
  const [pwForm] = Form.useForm<{ newPassword: string }>();
  const [pwError, setPwError] = useState<unknown>(null);
  const refresh = () => {
    void user.refetch();
    void qc.invalidateQueries({ queryKey: ['users', 'list'] });
  };
  const setStatus = useMutation({ mutationFn: (status: string) => api.patch(`/users/${id}`, { status }), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (aid: string) => api.delete(`/users/${id}/roles/${aid}`), onSuccess: refresh });
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) => api.post(`/users/${id}/password`, v),
    onSuccess: () => { pwForm.resetFields(); setPwError(null); message.success(t('users.passwordReset')); },
    onError: (e) => setPwError(applyServerErrors(pwForm, e)),
  });
  if (!user.data) return <QueryState isLoading={user.isLoading} error={user.error} />;
  const u = user.data;
  const actions = u.allowedActions ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/admin/users">{t('nav.users')}</Link> }, { title: u.username }]} />
      <Card size="small" title={`${u.displayName} (${u.username})`}
        extra={actions.includes('set_status') && (
          <Popconfirm title={u.status === 'active' ? t('users.disableConfirm') : t('users.enableConfirm')} onConfirm={() => setStatus.mutate(u.status === 'active' ? 'disabled' : 'active')} okText={t('common.ok')} cancelText={t('common.cancel')}>
            <Button danger={u.status === 'active'} loading={setStatus.isPending}>{u.status === 'active' ? t('users.disable') : t('users.enable')}</Button>
          </Popconfirm>
        )}>
        <ErrorAlert error={setStatus.error ?? revoke.error} />
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('common.status')}><Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`userStatus.${u.status}`)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('users.locale')}>{u.locale === 'en' ? 'English' : '中文'}</Descriptions.Item>
          {u.createdAt && <Descriptions.Item label={t('users.createdAt')}>{u.createdAt.slice(0, 10)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('account.roles')}>
        <List
          dataSource={u.assignments}
          locale={{ emptyText: t('users.noRoles') }}
          renderItem={(a) => (
            <List.Item actions={(a.allowedActions ?? []).includes('revoke') ? [
              <Popconfirm key="r" title={t('users.revokeConfirm')} onConfirm={() => revoke.mutate(a.id)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                <Button size="small" danger>{t('users.revoke')}</Button>
              </Popconfirm>,
            ] : []}>
              <span><Tag color="blue">{t(`role.${a.role}`)}</Tag>{t(`scope.${a.scopeType}`)} · {a.scopeName}</span>
            </List.Item>
          )}
        />
        {actions.includes('grant_role') && (
          <div style={{ marginTop: 16 }}>
            <GrantRole userId={u.id} onDone={refresh} />
          </div>
        )}
      </Card>
      {actions.includes('reset_password') && (
        <Card size="small" title={t('users.resetPassword')}>
          <ErrorAlert error={pwError} />
          <Form form={pwForm} layout="inline" onFinish={(v) => reset.mutate(v)}>
            <Form.Item name="newPassword" rules={[requiredText(t, t('account.newPassword'))]}>
              <Input.Password placeholder={t('account.newPassword')} autoComplete="new-password" style={{ width: 240 }} />
            </Form.Item>
            <Button htmlType="submit" loading={reset.isPending}>{t('users.resetPassword')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
