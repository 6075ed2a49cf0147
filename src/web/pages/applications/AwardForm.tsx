import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { CALLS_KEY, type CallDetail } from '../calls/callQueries.ts';
import type { Ranking } from './applicationQueries.ts';
import { Typography } from '../../components/Typography.tsx';

/** The ranking's own award: the best recommended application of each project, every recommended theme proposal. */
function proposedAward(ranking: Ranking): string[] {
  const seen = new Set<string>();
  return ranking.items
    .filter((r) => r.recommended)
    .filter((r) => {
      if (!r.projectId) return true;
      if (seen.has(r.projectId)) return false;
      seen.add(r.projectId);
      return true;
    })
    .map((r) => r.applicationId);
}

/** The office decides the award from the ranking and publicises it; a departure is explained in public. */
export function AwardForm({ call, ranking }: { call: CallDetail; ranking: Ranking }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const proposed = proposedAward(ranking);
  const [chosen, setChosen] = useState<string[]>(proposed);
  const [reason, setReason] = useState('');
  const departs = chosen.length !== proposed.length || chosen.some((id) => !proposed.includes(id));
  const publish = useMutation({
    mutationFn: () => api.post<CallDetail>(`/calls/${call.id}/publicity`, { applicationIds: chosen, ...(reason.trim() && { reason }) }),
    onSuccess: (saved) => qc.setQueryData([CALLS_KEY, 'detail', call.id], saved),
  });
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text strong>{t('publicity.award')}</Typography.Text>
      <Typography.Text type="secondary">{t('publicity.awardHint')}</Typography.Text>
      <ErrorAlert error={publish.error} />
      <Checkbox.Group value={chosen} onChange={(v) => setChosen(v)} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {ranking.items.map((r) => (
          <Checkbox key={r.applicationId} value={r.applicationId} disabled={!r.recommended}>
            {t('publicity.awardLine', { rank: r.rank, organization: r.organizationName, title: r.title, total: r.total.toFixed(2) })}
          </Checkbox>
        ))}
      </Checkbox.Group>
      {departs && (
        <Form.Item label={t('publicity.reason')} extra={t('publicity.reasonHint')} required style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      )}
      <Button type="primary" onClick={() => publish.mutate()} loading={publish.isPending} data-testid="call-publicize">{t('publicity.publish', { days: call.publicityDays })}</Button>
    </Space>
  );
}
