import { useQuery } from '@tanstack/react-query';
import { Empty, Segmented, Space, Tag, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { DueTime } from '../../components/DueTime.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import type { InboxItem } from './listsApi.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

const REASON_COLORS: Record<string, string> = { triage: 'orange', assign: 'blue', handle: 'geekblue', referral: 'cyan', confirm: 'green', escalated: 'red' };
const REASONS = ['triage', 'assign', 'handle', 'referral', 'confirm', 'escalated'];

/** What awaits the caller's action; the server orders it overdue first, then by the nearest due time. */
export function InboxPage() {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const [reason, setReason] = useState('all');
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => api.get<{ items: InboxItem[] }>('/inbox') });
  const items = inbox.data?.items ?? [];
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.reason, (counts.get(i.reason) ?? 0) + 1);
  const overdue = items.filter((i) => i.overdue).length;
  const shown = reason === 'all' ? items : items.filter((i) => i.reason === reason);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.inbox')}</Typography.Title>
      <ErrorAlert error={inbox.error} />
      <Card size="small">
        <Space wrap size={8} align="center">
          <Typography.Text data-testid="inbox-total">{t('inbox.total', { count: items.length })}</Typography.Text>
          {overdue > 0 && <Tag color="red" data-testid="inbox-overdue">{t('inbox.overdue', { count: overdue })}</Tag>}
        </Space>
        <div style={{ overflowX: 'auto', marginTop: 8 }}>
          <Segmented
            data-testid="inbox-reasons"
            value={reason}
            onChange={(v) => setReason(String(v))}
            options={[
              { value: 'all', label: `${t('inbox.all')} ${items.length}` },
              ...REASONS.filter((r) => counts.has(r)).map((r) => ({ value: r, label: `${t(`inboxReason.${r}`)} ${counts.get(r)}` })),
            ]}
          />
        </div>
      </Card>
      <List
        data-testid="inbox-list"
        loading={inbox.isLoading}
        dataSource={shown}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        renderItem={(n) => (
          <List.Item data-testid="inbox-row" data-reason={n.reason} data-id={n.id} style={{ display: 'block', paddingInline: 12, background: n.overdue ? token.colorErrorBg : undefined }}>
            <Space wrap size={6} style={{ width: '100%' }}>
              <Link to={`/needs/${n.id}`} data-testid="inbox-ref">{n.refNo}</Link>
              <Tag color={REASON_COLORS[n.reason] ?? 'default'} data-testid="inbox-reason">{t(`inboxReason.${n.reason}`, { defaultValue: n.reason })}</Tag>
              <NeedStateTag state={n.state} />
              {n.urgency !== 'normal' && <Tag color={n.urgency === 'urgent' ? 'red' : 'gold'}>{t(`urgency.${n.urgency}`)}</Tag>}
              <DueTime dueAt={n.dueAt} overdue={n.overdue} />
              {(n.handlerName ?? n.referralOrgName) && (
                <Typography.Text data-testid="inbox-handler">
                  {t('needsBoard.handler')}: {n.handlerName ?? n.referralOrgName}
                </Typography.Text>
              )}
            </Space>
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" data-testid="inbox-category">{n.categoryName}</Typography.Text>
              <Typography.Text type="secondary"> · </Typography.Text>
              <Typography.Text>{n.description.length > 80 ? `${n.description.slice(0, 80)}…` : n.description}</Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Space>
  );
}
