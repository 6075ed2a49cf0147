import { BellOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DueTime } from '../../components/DueTime.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { useCategories, useCategoryName } from '../needs/needQueries.ts';
import { useMarkRead, useMyNeeds, useUnreadNotifications, type NeedView, type NotificationView } from './fieldQueries.ts';
import { ResidentWords } from './ResidentWords.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A resolved need waits for the resident's word: confirm or dispute. */
export function awaitsMe(n: NeedView): boolean {
  return n.allowedActions.includes('confirm') || n.allowedActions.includes('dispute');
}

function Notices({ notices, needs }: { notices: NotificationView[]; needs: NeedView[] }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const [expanded, setExpanded] = useState(false);
  if (notices.length === 0) return null;
  const byId = new Map(needs.map((n) => [n.id, n]));
  const open = (notice: NotificationView) => {
    markRead.mutate(notice.id);
    if (notice.needId) navigate(`/my-needs/${notice.needId}`);
  };
  const shown = expanded ? notices : notices.slice(0, 3);
  return (
    <Card
      size="small"
      title={<Space><BellOutlined />{t('myNeeds.notices', { count: notices.length })}</Space>}
      extra={
        <Button type="link" size="small" onClick={() => notices.forEach((n) => markRead.mutate(n.id))} data-testid="mark-all-read">
          {t('myNeeds.markAllRead')}
        </Button>
      }
      data-testid="need-notices"
    >
      {shown.map((notice, i) => {
        const need = notice.needId ? byId.get(notice.needId) : undefined;
        return (
          <div
            key={notice.id}
            role="button"
            tabIndex={0}
            onClick={() => open(notice)}
            onKeyDown={(e) => e.key === 'Enter' && open(notice)}
            data-testid="need-notice"
            style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 0', cursor: 'pointer', borderTop: i > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined }}
          >
            <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
              <Space wrap size={6}>
                {need && <Typography.Text strong>{need.refNo}</Typography.Text>}
                {notice.state ? (
                  <Typography.Text>{t('myNeeds.nowState', { state: t(`needState.${notice.state}`) })}</Typography.Text>
                ) : (
                  <Typography.Text>{t('myNeeds.updated')}</Typography.Text>
                )}
              </Space>
              {notice.reply && <div><Typography.Text type="secondary">{notice.reply}</Typography.Text></div>}
              <div><Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{dayjs(notice.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text></div>
            </div>
            <RightOutlined aria-hidden style={{ color: token.colorTextTertiary }} />
          </div>
        );
      })}
      {notices.length > shown.length && (
        <Button type="link" block onClick={() => setExpanded(true)}>{t('myNeeds.moreNotices', { count: notices.length - shown.length })}</Button>
      )}
    </Card>
  );
}

/** A resident's requests on the phone: their household's needs, those waiting for them first. */
export function MyNeedsPage() {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const needs = useMyNeeds();
  const notices = useUnreadNotifications();
  const categories = useCategories();
  const categoryName = useCategoryName(categories.data);
  const items = [...(needs.data ?? [])].sort((a, b) => Number(awaitsMe(b)) - Number(awaitsMe(a)));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('myNeeds.title')}</Typography.Title>
        <Link to="/my-needs/new">
          <Button type="primary" size="large" icon={<PlusOutlined />} data-testid="report-need">{t('myNeeds.report')}</Button>
        </Link>
      </div>
      <Notices notices={notices.data ?? []} needs={needs.data ?? []} />
      <ErrorAlert error={needs.error} />
      {needs.isLoading && <Spin style={{ display: 'block', margin: '32px auto' }} />}
      <div data-testid="my-needs-list" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {needs.data && items.length === 0 && <Empty description={t('myNeeds.empty')} />}
        {items.map((n) => {
          const waiting = awaitsMe(n);
          return (
            <Link key={n.id} to={`/my-needs/${n.id}`} data-testid="my-need-row" data-ref={n.refNo} style={{ color: 'inherit' }}>
              <Card size="small" hoverable style={waiting ? { borderColor: token.colorSuccess, background: token.colorSuccessBg } : undefined}>
                {waiting && (
                  <Alert type="success" showIcon title={t('myNeeds.awaitingYou')} style={{ marginBottom: 8 }} data-testid="awaiting-confirmation" />
                )}
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography.Text strong style={{ fontSize: 16 }}>{categoryName(n)}</Typography.Text>
                  <NeedStateTag state={n.state} />
                </div>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>{n.description}</Typography.Paragraph>
                <ResidentWords need={n} />
                <Space wrap size={12} style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{n.refNo}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: '0.86em' }}>{dayjs(n.createdAt).format('YYYY-MM-DD')}</Typography.Text>
                  {n.dueAt && <DueTime dueAt={n.dueAt} overdue={n.overdue} />}
                </Space>
              </Card>
            </Link>
          );
        })}
      </div>
    </Space>
  );
}
