import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Static } from 'typebox';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Page } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { NEEDS_KEY, type NeedView } from '../needs/needQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Timeline } from '../../components/Timeline.tsx';

type VisitView = Static<typeof import('../../../server/modules/visits/visits.schemas.ts').VisitView>;

const RECENT = 50;

/**
 * A household's visits and needs over time, newest first, each read through its own list route
 * (so only what the caller may read shows). A reader the visits route refuses sees the needs.
 */
export function HouseholdHistory({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const visits = useQuery({
    queryKey: ['visits', 'household', householdId],
    queryFn: () => api.get<Page<VisitView>>('/visits', { householdId, limit: RECENT }),
    retry: false,
  });
  const needs = useQuery({
    queryKey: [NEEDS_KEY, 'household', householdId],
    queryFn: () => api.get<Page<NeedView>>('/needs', { householdId, limit: RECENT }),
    retry: false,
  });
  if (visits.isLoading || needs.isLoading) return <Spin />;
  const events = [
    ...(visits.data?.items ?? []).map((v) => ({ at: v.visitedAt, key: `v-${v.id}`, visit: v, need: undefined })),
    ...(needs.data?.items ?? []).map((n) => ({ at: n.createdAt, key: `n-${n.id}`, visit: undefined, need: n })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (events.length === 0) {
    return (
      <>
        <ErrorAlert error={needs.error} />
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.noHistory')} />
      </>
    );
  }
  return (
    <>
      <ErrorAlert error={needs.error} />
      <Timeline
        data-testid="household-history"
        items={events.map((e) => ({
          key: e.key,
          color: e.visit ? 'blue' : 'orange',
          content: e.visit ? (
            <div data-testid="history-visit">
              <Space wrap size={6}>
                <Typography.Text strong>{dayjs(e.at).format('YYYY-MM-DD')}</Typography.Text>
                <Tag>{t(`visitKind.${e.visit.kind}`)}</Tag>
                <Typography.Text>{e.visit.workerName}</Typography.Text>
                {e.visit.residentName && <Typography.Text>· {e.visit.residentName}</Typography.Text>}
              </Space>
              {e.visit.findings && <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>{e.visit.findings}</Typography.Paragraph>}
            </div>
          ) : (
            <div data-testid="history-need">
              <Space wrap size={6}>
                <Typography.Text strong>{dayjs(e.at).format('YYYY-MM-DD')}</Typography.Text>
                <Link to={`/needs/${e.need!.id}`}>{e.need!.refNo}</Link>
                <NeedStateTag state={e.need!.state} />
                <Typography.Text>{e.need!.categoryName}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }} ellipsis={{ rows: 2 }}>{e.need!.description}</Typography.Paragraph>
            </div>
          ),
        }))}
      />
    </>
  );
}
