import { Grid, Select, Space, Table, Tag, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrigin } from '../../../common/worklogs.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { PeriodFilter, usePeriodParams } from '../../components/PeriodFilter.tsx';
import { hours, useAdminLoad, useVisibleCommunities, type LoadHourRow, type LoadTaskRow } from './workTaskQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/** The longest period the server sums up. */
const MAX_DAYS = 366;
const ORIGIN_COLORS: Record<WorkOrigin, string> = { community: 'blue', street: 'purple', district: 'orange', department: 'gold' };

function OriginTag({ origin }: { origin: WorkOrigin }) {
  const { t } = useTranslation();
  return <Tag color={ORIGIN_COLORS[origin]}>{t(`worktasks.origin.${origin}`)}</Tag>;
}

function UnlistedCount({ count }: { count: number }) {
  return count > 0 ? (
    <Tag color="error" data-testid="load-unlisted" data-count={count} style={{ fontWeight: 600, fontSize: 14 }}>{count}</Tag>
  ) : (
    <span data-testid="load-unlisted" data-count={0}>0</span>
  );
}

const rowKey = (r: LoadTaskRow) => `${r.communityId}:${r.origin}:${r.originUnitId}:${r.originName}`;

/** Tasks per community and origin: a table on a wide screen, stacked rows on a phone. */
function TaskLoad({ rows, loading }: { rows: LoadTaskRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const wide = Grid.useBreakpoint().md;
  const sum = (f: (r: LoadTaskRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  if (!wide) {
    return (
      <List
        size="small"
        loading={loading}
        dataSource={rows}
        rowKey={rowKey}
        locale={{ emptyText: t('worktasks.load.tasksEmpty') }}
        renderItem={(r) => (
          <List.Item data-testid="load-row" style={{ display: 'block', paddingInline: 4, background: r.unlisted > 0 ? token.colorErrorBg : undefined }}>
            <Space wrap size={6}>
              <Typography.Text strong>{r.communityName}</Typography.Text>
              <span>←</span>
              <Typography.Text>{r.originName}</Typography.Text>
              <OriginTag origin={r.origin} />
            </Space>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', marginTop: 4 }}>
              <span>{t('worktasks.load.tasks')} {r.tasks}</span>
              <span>
                {t('worktasks.load.unlisted')} <UnlistedCount count={r.unlisted} />
              </span>
              <span>{t('worktasks.load.expected')} {hours(r.expectedMinutes)}</span>
              <span>{t('worktasks.load.logged')} {hours(r.loggedMinutes)}</span>
            </div>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<LoadTaskRow>
      size="small"
      rowKey={rowKey}
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('worktasks.load.tasksEmpty') }}
      onRow={(r) => ({ 'data-testid': 'load-row', style: r.unlisted > 0 ? { background: token.colorErrorBg } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('worktasks.load.community'), dataIndex: 'communityName' },
        {
          title: t('worktasks.load.origin'),
          key: 'origin',
          render: (_, r) => (
            <Space wrap size={4}>
              <span>{r.originName}</span>
              <OriginTag origin={r.origin} />
            </Space>
          ),
        },
        { title: t('worktasks.load.tasks'), dataIndex: 'tasks', align: 'right' },
        { title: t('worktasks.load.unlisted'), dataIndex: 'unlisted', align: 'right', render: (v: number) => <UnlistedCount count={v} /> },
        { title: t('worktasks.load.expected'), dataIndex: 'expectedMinutes', align: 'right', render: (v: number) => hours(v) },
        { title: t('worktasks.load.logged'), dataIndex: 'loggedMinutes', align: 'right', render: (v: number) => hours(v) },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0} colSpan={2}>{t('worktasks.load.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{sum((r) => r.tasks)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{sum((r) => r.unlisted)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{hours(sum((r) => r.expectedMinutes))}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{hours(sum((r) => r.loggedMinutes))}</Table.Summary.Cell>
          </Table.Summary.Row>
        ) : undefined
      }
    />
  );
}

/** Administrative hours by who assigned them, as horizontal bars whose numbers are written beside them. */
function HourBars({ rows }: { rows: LoadHourRow[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const max = Math.max(1, ...rows.map((r) => r.minutes));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('worktasks.load.hoursEmpty')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((r) => (
        <li key={`${r.origin}:${r.originUnitId}:${r.originName}`} data-testid="load-hours-bar" data-minutes={r.minutes} style={{ padding: '6px 0' }}>
          <Space wrap size={4}>
            <Typography.Text strong>{r.originName}</Typography.Text>
            <OriginTag origin={r.origin} />
          </Space>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 2 }}>
            <div aria-hidden style={{ flex: 1, minWidth: 40, height: 14, background: token.colorFillSecondary, borderRadius: 3 }}>
              <div style={{ width: `${(r.minutes * 100) / max}%`, minWidth: 2, height: '100%', background: token.colorPrimary, borderRadius: 3 }} />
            </div>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>
              {t('worktasks.hoursValue', { hours: hours(r.minutes) })} · {t('worktasks.load.workers', { count: r.workers })}
            </Typography.Text>
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * 行政负担: the administrative work that reached communities over a period, by community and by
 * who assigned it, tasks outside the district's list apart; and the administrative hours
 * social workers logged, by who assigned them. The period and place stay in the address.
 */
export function AdminLoadPage() {
  const { t, i18n } = useTranslation();
  const { hasRole } = useAuth();
  const { params, period, update } = usePeriodParams();
  const wide = hasRole('street_officer', 'district_officer');
  const communities = useVisibleCommunities(wide);
  const streetId = params.get('streetId') ?? undefined;
  const communityId = params.get('communityId') ?? undefined;
  const load = useAdminLoad(period, { streetId, communityId });


  const streets = [...new Map((communities.data ?? []).map((c) => [c.streetId, c.streetName])).entries()];
  const shownCommunities = (communities.data ?? []).filter((c) => !streetId || c.streetId === streetId);
  const name = (c: { name: string; nameEn: string | null }) => (i18n.language === 'en' && c.nameEn ? c.nameEn : c.name);

  const rows = load.data?.tasks ?? [];
  const total = (f: (r: LoadTaskRow) => number) => rows.reduce((a, r) => a + f(r), 0);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }} data-testid="admin-load-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('worktasks.load.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('worktasks.load.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap size={[12, 8]} align="center">
          <PeriodFilter period={period} onChange={(p) => update({ from: p.from, to: p.to })} maxDays={MAX_DAYS} testId="load" />
          {hasRole('district_officer') && streets.length > 1 && (
            <Select
              value={streetId ?? ''}
              onChange={(v: string) => update({ streetId: v || undefined, communityId: undefined })}
              aria-label={t('worktasks.load.street')}
              style={{ minWidth: 140, maxWidth: '100%' }}
              options={[{ value: '', label: t('worktasks.load.allStreets') }, ...streets.map(([id, n]) => ({ value: id, label: n }))]}
              data-testid="load-street"
            />
          )}
          {wide && shownCommunities.length > 1 && (
            <Select
              value={communityId ?? ''}
              onChange={(v: string) => update({ communityId: v || undefined })}
              aria-label={t('worktasks.load.community')}
              style={{ minWidth: 140, maxWidth: '100%' }}
              options={[{ value: '', label: t('worktasks.load.allCommunities') }, ...shownCommunities.map((c) => ({ value: c.id, label: name(c) }))]}
              data-testid="load-community"
            />
          )}
        </Space>
      </Card>
      <ErrorAlert error={load.error} />
      {load.data && (
        <Typography.Text data-testid="load-summary" style={{ fontSize: 16 }}>
          {t('worktasks.load.summary', {
            tasks: total((r) => r.tasks),
            unlisted: total((r) => r.unlisted),
            expected: hours(total((r) => r.expectedMinutes)),
            logged: hours(total((r) => r.loggedMinutes)),
          })}
        </Typography.Text>
      )}
      <Card size="small" title={<Typography.Title level={4} style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>{t('worktasks.load.tasksTitle')}</Typography.Title>} data-testid="load-tasks">
        <TaskLoad rows={rows} loading={load.isLoading} />
      </Card>
      <Card size="small" title={<Typography.Title level={4} style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>{t('worktasks.load.hoursTitle')}</Typography.Title>} data-testid="load-hours">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('worktasks.load.hoursHint')}</Typography.Paragraph>
        {load.data && <HourBars rows={load.data.hours} />}
      </Card>
    </Space>
  );
}
