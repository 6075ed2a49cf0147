import { Button, Empty, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeysetList } from '../../api/useKeysetList.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LoadMore } from '../../components/KeysetTable.tsx';
import type { ResourceView, SuggestedResource } from './listsApi.ts';
import { ResourceForm } from './ResourceForm.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** "Mon 11:00–13:00, Tue …"; no windows means open at any time of day. */
export function useAvailability() {
  const { t } = useTranslation();
  return (r: Pick<ResourceView, 'weeklyWindows' | 'availableFrom' | 'availableUntil'>) => {
    // Consecutive weekdays with the same hours read as one range: "Mon–Fri 11:00–13:30".
    const runs: { first: number; last: number; from: string; to: string }[] = [];
    for (const w of [...r.weeklyWindows].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))) {
      const prev = runs.find((x) => x.last === w.weekday - 1 && x.from === w.from && x.to === w.to);
      if (prev) prev.last = w.weekday;
      else runs.push({ first: w.weekday, last: w.weekday, from: w.from, to: w.to });
    }
    const day = (d: number) => t(`weekday.${d}`);
    const windows = runs.length
      ? runs.map((x) => `${x.first === x.last ? day(x.first) : `${day(x.first)}–${day(x.last)}`} ${x.from}–${x.to}`).join(t('threeLists.listSeparator'))
      : t('threeLists.anyTime');
    const period = r.availableFrom || r.availableUntil ? ` (${r.availableFrom ?? '…'} – ${r.availableUntil ?? '…'})` : '';
    return windows + period;
  };
}

function MatchList({ matches }: { matches: SuggestedResource[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" type="inner" title={t('threeLists.matches')} style={{ marginBottom: 8, borderColor: '#1677ff' }} data-testid="resource-matches">
      {matches.length === 0 ? (
        <Typography.Text type="secondary">{t('threeLists.noMatches')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {matches.map((m) => (
            <div key={m.id} data-testid="resource-match" data-id={m.id}>
              <Space wrap size={4}>
                <Typography.Text strong>{m.name}</Typography.Text>
                <Tag>{t(`resourceKind.${m.kind}`)}</Tag>
                <Tag color="blue" data-testid="match-score">{t('threeLists.score', { score: Math.round(m.score * 100) })}</Tag>
              </Space>
              <div>
                {m.reasons.map((r) => (
                  <Tag key={r} color="green" style={{ marginTop: 2 }}>{t(`matchReason.${r}`)}</Tag>
                ))}
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

export function ResourcesColumn({ communityId, matches }: { communityId: string; matches: SuggestedResource[] | null }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const availability = useAvailability();
  const list = useKeysetList<ResourceView>('resources', '/resources', { communityId, status: 'active' }, 100);
  const [editing, setEditing] = useState<ResourceView | 'new' | null>(null);
  const matched = new Map((matches ?? []).map((m) => [m.id, m]));
  // Matching resources come first while a common need is chosen.
  const items = matches ? [...list.items].sort((a, b) => (matched.get(b.id)?.score ?? -1) - (matched.get(a.id)?.score ?? -1)) : list.items;
  return (
    <Card
      size="small"
      title={t('threeLists.resourcesList')}
      data-testid="resources-list"
      extra={can('resources.resource.create') && (
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-resource">{t('threeLists.addResource')}</Button>
      )}
    >
      {matches && <MatchList matches={matches} />}
      <ErrorAlert error={list.error} />
      {!list.isLoading && items.length === 0 && <Empty description={t('threeLists.resourcesEmpty')} />}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((r) => {
          const m = matched.get(r.id);
          return (
            <Card key={r.id} size="small" data-testid="resource" data-id={r.id} style={m ? { borderColor: '#52c41a', background: '#f6ffed' } : undefined}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Tag>{t(`resourceKind.${r.kind}`)}</Tag>
                  {m && <Tag color="green">{t('threeLists.score', { score: Math.round(m.score * 100) })}</Tag>}
                </Space>
                <Typography.Text type="secondary">
                  {t('threeLists.ownerLine', { owner: r.ownerName || t(`ownerType.${r.ownerType}`) })}
                </Typography.Text>
                <Typography.Text type="secondary">{t('threeLists.availabilityLine', { when: availability(r) })}</Typography.Text>
                {r.capacity != null && (
                  <Typography.Text type="secondary">
                    {/* A fund's capacity is an amount in fen. */}
                    {r.kind === 'fund' ? t('threeLists.amount', { amount: (r.capacity / 100).toLocaleString() }) : t('threeLists.capacityPeople', { count: r.capacity })}
                  </Typography.Text>
                )}
                {r.constraints && <Typography.Text type="secondary">{t('threeLists.constraintsLine', { text: r.constraints })}</Typography.Text>}
                {r.allowedActions.includes('update') && (
                  <div>
                    <Button size="small" onClick={() => setEditing(r)} data-testid="edit-resource">{t('common.edit')}</Button>
                  </div>
                )}
              </Space>
            </Card>
          );
        })}
        {list.hasNextPage && <LoadMore list={list} />}
      </Space>
      {editing && <ResourceForm communityId={communityId} resource={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
