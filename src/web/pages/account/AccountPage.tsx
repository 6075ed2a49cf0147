import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { SessionView as SessionInfo } from '../../../server/modules/accounts/accounts.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { deviceName } from '../../components/device.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = useNotices();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const [pwError, setPwError] = useState<unknown>(null);
  const sessions = useQuery({ queryKey: ['me', 'sessions'], queryFn: () => api.get<SessionInfo[]>('/me/sessions') });

  const changePassword = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => api.post('/me/password', v),
    onSuccess: () => {
      form.resetFields();
      setPwError(null);
      message.success(t('account.passwordChanged'));
      void qc.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
    onError: (e) => setPwError(applyServerErrors(form, e)),
  });
  const endSession = useMutation({
    mutationFn: (id: string) => api.delete(`/me/sessions/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('account.title')}</Typography.Title>
      <Card title={t('account.profile')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('auth.username')}>{me?.user.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.displayName')}>{me?.user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('account.roles')}>
            <Space orientation="vertical" size={2}>
              {me?.assignments.map((a) => (
                <span key={a.id}>
                  <Tag color="blue">{t(`role.${a.role}`)}</Tag>
                  {a.scopeName}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('account.changePassword')}>
        <ErrorAlert error={pwError} />
        <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(v) => changePassword.mutate(v)}>
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[requiredText(t, t('account.currentPassword'))]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('account.newPassword')} rules={[requiredText(t, t('account.newPassword'))]} extra={t('account.passwordRule')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              requiredText(t, t('account.confirmPassword')),
              ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('account.sessions')}>
        <ErrorAlert error={sessions.error ?? endSession.error} />
        <List
          loading={sessions.isLoading}
          dataSource={sessions.data ?? []}
          renderItem={(s) => (
            <List.Item
              actions={
                s.current
                  ? [<Tag color="green" key="c">{t('account.currentSession')}</Tag>]
                  : [
                      <Button key="end" size="small" danger loading={endSession.isPending && endSession.variables === s.id} onClick={() => endSession.mutate(s.id)}>
                        {t('account.endSession')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={<span style={{ wordBreak: 'break-all' }} title={s.userAgent}>{deviceName(s.userAgent, t) ?? t('account.unknownDevice')}</span>}
                description={`${s.ip} · ${t('account.signedInAt')} ${dayjs(s.createdAt).format('YYYY-MM-DD HH:mm')} · ${t('account.lastSeen')} ${dayjs(s.lastSeenAt).format('YYYY-MM-DD HH:mm')}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
