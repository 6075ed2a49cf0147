import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Popconfirm, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { requiredChoice } from '../../components/rules.ts';
import { CALLS_KEY, usePanelCandidates, type CallDetail } from './callQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/** The review panel, for the issuing office: who reviews, and while the call allows, changes to it. */
export function CallPanel({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canChange = call.allowedActions.includes('panel');
  const candidates = usePanelCandidates(call.id, canChange);
  const [form] = Form.useForm<{ userId: string; kind: 'expert' | 'juror' }>();
  const saved = (c: CallDetail) => {
    qc.setQueryData([CALLS_KEY, 'detail', call.id], c);
    void qc.invalidateQueries({ queryKey: [CALLS_KEY, 'candidates', call.id] });
    form.resetFields(['userId']);
  };
  const add = useMutation({ mutationFn: (v: { userId: string; kind: string }) => api.post<CallDetail>(`/calls/${call.id}/panel`, v), onSuccess: saved });
  const remove = useMutation({ mutationFn: (userId: string) => api.delete<CallDetail>(`/calls/${call.id}/panel/${userId}`), onSuccess: saved });
  if (!call.panel) return null;
  return (
    <Card size="small" title={`${t('call.panel')} (${call.panel.length}/${call.rules.minPanel})`}>
      <Typography.Paragraph type="secondary">{t('call.panelHint')}</Typography.Paragraph>
      <ErrorAlert error={add.error ?? remove.error} />
      <List
        size="small"
        locale={{ emptyText: t('call.noPanel') }}
        dataSource={call.panel}
        renderItem={(m) => (
          <List.Item
            actions={canChange ? [
              <Popconfirm key="remove" title={t('call.removeConfirm', { name: m.displayName })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(m.userId)}>
                <Button size="small">{t('call.remove')}</Button>
              </Popconfirm>,
            ] : []}
          >
            <Space>
              {m.displayName}
              <Tag>{t(`panelKind.${m.kind}`)}</Tag>
            </Space>
          </List.Item>
        )}
      />
      {canChange && (
        <Form form={form} layout="inline" initialValues={{ kind: 'expert' }} onFinish={(v) => add.mutate(v)} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item name="userId" label={t('call.reviewer')} rules={[requiredChoice(t, t('call.reviewer'))]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              loading={candidates.isLoading}
              options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: c.displayName }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('call.panelKind')}>
            <Select style={{ width: 140 }} options={(['expert', 'juror'] as const).map((k) => ({ value: k, label: t(`panelKind.${k}`) }))} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>{t('call.addToPanel')}</Button>
        </Form>
      )}
    </Card>
  );
}
