import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CallStatus } from '../../../server/modules/calls/calls.lifecycle.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { CallStatusTag } from '../calls/CallStatus.tsx';
import { phaseOf, useMyPanels, type MyPanel } from './reviewQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/** A reviewer's home: the panels they sit on, and how many applications each still owes them. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const panels = useMyPanels();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('reviews.list')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('reviews.listHint')}</Typography.Paragraph>
      <ErrorAlert error={panels.error} />
      <Card size="small">
        <List
          loading={panels.isLoading}
          dataSource={panels.data?.items ?? []}
          locale={{ emptyText: t('reviews.noPanels') }}
          renderItem={(p) => <PanelItem panel={p} />}
        />
      </Card>
    </Space>
  );
}

function PanelItem({ panel: p }: { panel: MyPanel }) {
  const { t } = useTranslation();
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid="review-panel">
      <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
        <Link to={`/reviews/${p.callId}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{p.title}</Link>
        <Space wrap size={[8, 4]}>
          <Typography.Text type="secondary">{p.refNo}</Typography.Text>
          <CallStatusTag status={p.status as CallStatus} />
          <Tag style={{ marginInlineEnd: 0 }}>{t(`panelKind.${p.kind}`)}</Tag>
        </Space>
        <Duty panel={p} />
      </Space>
    </List.Item>
  );
}

/** What the call asks of the reviewer now, in words: counts only mean something once it has closed. */
function Duty({ panel: p }: { panel: MyPanel }) {
  const { t } = useTranslation();
  const phase = phaseOf(p.status);
  if (phase !== 'reviewing') return <Typography.Text type="secondary">{t(`reviews.phaseShort.${phase}`)}</Typography.Text>;
  return (
    <Space wrap size={[8, 4]} data-testid="review-panel-duty">
      <Typography.Text type={p.owed > 0 ? 'warning' : 'success'} strong>{t('reviews.owed', { count: p.owed })}</Typography.Text>
      <Typography.Text type="secondary">{t('reviews.done', { count: p.done })}</Typography.Text>
    </Space>
  );
}
