import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { useGridNames } from './CommonNeedsColumn.tsx';
import type { CommonNeedView, Suggestion } from './listsApi.ts';
import { requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const INVALIDATE = ['three-lists', 'common-needs', 'needs'];

function CreateModal({ communityId, suggestion, place, onClose }: { communityId: string; suggestion: Suggestion; place: string; onClose: () => void }) {
  const { t } = useTranslation();
  const saver = useFormSave<{ title: string; description?: string }, CommonNeedView>({
    mutationFn: (v) =>
      api.post('/common-needs', {
        communityId,
        ...(suggestion.gridId ? { gridId: suggestion.gridId } : {}),
        categoryId: suggestion.categoryId,
        title: v.title,
        ...(v.description ? { description: v.description } : {}),
        needIds: suggestion.needIds,
      }),
    invalidate: INVALIDATE,
    onSaved: onClose,
  });
  return (
    <FormModal title={t('threeLists.createCommonNeed')} saver={saver} initialValues={{ title: suggestion.categoryName }} onClose={onClose} saveTestId="create-common-need-save">
      <Typography.Paragraph>
        {t('threeLists.createSummary', { count: suggestion.needCount, beneficiaries: suggestion.beneficiaryCount, category: suggestion.categoryName, place })}
      </Typography.Paragraph>
      <Form.Item name="title" label={t('threeLists.title')} rules={[requiredText(t, t('threeLists.title')), { max: 100 }]}>
        <Input count={{ show: true, max: 100 }} data-testid="common-need-title" />
      </Form.Item>
      <Form.Item name="description" label={t('threeLists.description')}>
        <Input.TextArea rows={3} count={{ show: true, max: 2000 }} />
      </Form.Item>
    </FormModal>
  );
}

/** Pools the suggestion's needs one by one into a group already formed for the same category. */
function AddToExisting({ suggestion, targets }: { suggestion: Suggestion; targets: CommonNeedView[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [target, setTarget] = useState<string>();
  const pool = useMutation({
    mutationFn: async () => {
      for (const needId of suggestion.needIds) await api.post(`/common-needs/${target}/needs`, { needId });
    },
    onSettled: () => {
      for (const key of INVALIDATE) void qc.invalidateQueries({ queryKey: [key] });
    },
  });
  return (
    <Space wrap size={4}>
      <Select size="small" style={{ minWidth: 160, maxWidth: '100%' }} placeholder={t('threeLists.addToExisting')} aria-label={t('threeLists.addToExisting')} value={target} onChange={setTarget} options={targets.map((c) => ({ value: c.id, label: c.title }))} />
      <Button size="small" disabled={!target} loading={pool.isPending} onClick={() => pool.mutate()} data-testid="pool-into-existing">{t('threeLists.pool')}</Button>
      <ErrorAlert error={pool.error} />
    </Space>
  );
}

export function SuggestedGroups({ communityId, commonNeeds }: { communityId: string; commonNeeds: CommonNeedView[] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const gridName = useGridNames(communityId);
  const [creating, setCreating] = useState<Suggestion | null>(null);
  const suggestions = useQuery({
    queryKey: ['common-needs', 'suggestions', communityId],
    queryFn: () => api.get<{ items: Suggestion[] }>('/common-needs/suggestions', { communityId }),
    enabled: can('commonneeds.common_need.suggest'),
  });
  const items = suggestions.data?.items ?? [];
  if (!can('commonneeds.common_need.suggest') || (items.length === 0 && !suggestions.error)) return null;
  const canCreate = can('commonneeds.common_need.create');
  const place = (s: Suggestion) => (s.gridId ? gridName(s.gridId) : t('threeLists.severalGrids'));
  return (
    <Card size="small" title={t('threeLists.suggestedGroups')} data-testid="suggested-groups">
      <ErrorAlert error={suggestions.error} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('threeLists.suggestedHint')}</Typography.Paragraph>
      <Space wrap align="start" size={8} style={{ width: '100%' }}>
        {items.map((s) => {
          const targets = commonNeeds.filter((c) => c.categoryId === s.categoryId && c.allowedActions.includes('pool'));
          return (
            <Card key={`${s.categoryId}/${s.gridId}`} size="small" data-testid="suggested-group" style={{ width: 300, maxWidth: '100%' }}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>{s.categoryName}</Typography.Text>
                <Typography.Text type="secondary">{place(s)}</Typography.Text>
                <Space wrap size={4}>
                  <Tag>{t('threeLists.needCount', { count: s.needCount })}</Tag>
                  <Tag color="blue">{t('threeLists.beneficiaries', { count: s.beneficiaryCount })}</Tag>
                </Space>
                {canCreate && (
                  <Button size="small" type="primary" onClick={() => setCreating(s)} data-testid="create-common-need">{t('threeLists.createCommonNeed')}</Button>
                )}
                {targets.length > 0 && <AddToExisting suggestion={s} targets={targets} />}
              </Space>
            </Card>
          );
        })}
      </Space>
      {creating && <CreateModal communityId={communityId} suggestion={creating} place={place(creating)} onClose={() => setCreating(null)} />}
    </Card>
  );
}
