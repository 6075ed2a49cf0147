import { Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PROPOSAL_STATUSES } from '../../../server/modules/participation/participation.tables.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useCommunityChoices } from '../volunteers/communities.ts';
import { dayText } from './participateFormat.ts';
import { useProposals, type ProposalStatus, type ProposalSummary } from './participateQueries.ts';
import { KindTag, ProposalStatusTag } from './ProposalParts.tsx';
import { RecordProposal } from './StaffDialogs.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/**
 * 居民提议: the proposals of the communities the caller works in or oversees, by community and
 * status (kept in the address). Community staff record a proposal for a resident without a phone.
 */
export function StaffProposalsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const choices = useCommunityChoices();
  const communityId = params.get('communityId') ?? undefined;
  const statusParam = params.get('status');
  const status = (PROPOSAL_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as ProposalStatus) : undefined;
  const list = useProposals({ communityId, status });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data ?? [];
  const records = can('participation.proposal.record');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="staff-proposals-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('participate.staff.title')}</Typography.Title>
        {records && <RecordProposal />}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>{t('participate.staff.hint')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap size={8}>
          {choices.all.length > 1 && (
            <Select
              value={communityId ?? ''}
              onChange={(v: string) => set('communityId', v || undefined)}
              aria-label={t('participate.staff.community')}
              style={{ minWidth: 160, maxWidth: '100%' }}
              options={[{ value: '', label: t('participate.staff.allCommunities') }, ...choices.options(choices.all)]}
              data-testid="proposal-filter-community"
            />
          )}
          <Select
            value={status ?? ''}
            onChange={(v: string) => set('status', v || undefined)}
            aria-label={t('common.status')}
            style={{ minWidth: 140 }}
            options={[{ value: '', label: t('participate.staff.allStatuses') }, ...PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`participate.status.${s}`) }))]}
            data-testid="proposal-filter-status"
          />
        </Space>
      </Card>
      <ErrorAlert error={list.error} />
      <Table<ProposalSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t(status || communityId ? 'participate.staff.noMatch' : 'participate.staff.empty') }}
        onRow={(p) => ({ 'data-testid': `proposal-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('participate.staff.colTitle'),
            dataIndex: 'title',
            fixed: 'left',
            width: 220,
            render: (_, p) => (
              <>
                <Link to={`/proposals/${p.id}`} style={{ overflowWrap: 'anywhere' }}>{p.title}</Link>
                {choices.all.length > 1 && !communityId && (
                  <div><Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{p.community.name}</Typography.Text></div>
                )}
              </>
            ),
          },
          { title: t('participate.staff.colKind'), dataIndex: 'kind', width: 90, render: (k: ProposalSummary['kind']) => <KindTag kind={k} /> },
          { title: t('participate.staff.colProposer'), dataIndex: 'proposer', width: 100 },
          {
            title: t('participate.staff.colSupports'),
            dataIndex: 'supportCount',
            width: 110,
            align: 'right',
            sorter: (a, b) => a.supportCount - b.supportCount,
            render: (n: number, p) => (p.threshold !== null ? `${n} / ${p.threshold}` : String(n)),
          },
          { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: ProposalStatus) => <ProposalStatusTag status={s} /> },
          { title: t('participate.staff.colCreated'), dataIndex: 'createdAt', width: 130, render: (d: string) => dayText(d, t), sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), defaultSortOrder: 'descend' },
        ]}
      />
    </Space>
  );
}
