import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useFormSave } from '../../components/SaveForm.tsx';
import { requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';

type Settings = { districtId: string; autoConfirmDays: number };

/** Days after which a resolved need nobody confirmed or disputed counts as confirmed. */
export function AutoConfirmTab({ districtId }: { districtId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['need-settings', districtId], queryFn: () => api.get<Settings>('/need-settings', { districtId }) });
  const saver = useFormSave<{ autoConfirmDays: number }, Settings>({
    mutationFn: (v) => api.put('/need-settings', { districtId, autoConfirmDays: v.autoConfirmDays }),
    invalidate: ['need-settings'],
    onSaved: (s) => qc.setQueryData(['need-settings', districtId], s),
  });
  useEffect(() => {
    if (settings.data) saver.form.setFieldsValue({ autoConfirmDays: settings.data.autoConfirmDays });
  }, [settings.data, saver.form]);
  const editable = can('needs.settings.update');
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 560 }}>
      <ErrorAlert error={settings.error ?? saver.error} />
      <Typography.Paragraph type="secondary">{t('needSettings.autoConfirmHint')}</Typography.Paragraph>
      <Form form={saver.form} layout="inline" onFinish={saver.submit} disabled={!editable || settings.isLoading}>
        <Form.Item name="autoConfirmDays" label={t('needSettings.autoConfirmDays')} rules={[requiredText(t, t('needSettings.autoConfirmDays'))]}>
          <InputNumber min={1} max={60} data-testid="auto-confirm-days" />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="auto-confirm-save">{t('common.save')}</Button>
        )}
      </Form>
    </Space>
  );
}
