import { LeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { Descriptions, Rate, Space } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DueTime } from '../../components/DueTime.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { AttachmentList } from '../needs/AttachmentList.tsx';
import { NeedTimeline } from '../needs/NeedTimeline.tsx';
import { useCategories, useCategoryName, useNeed } from '../needs/needQueries.ts';
import { useMarkRead, useUnreadNotifications } from './fieldQueries.ts';
import { NeedProjectCard } from './NeedProjectCard.tsx';
import { ResidentWords } from './ResidentWords.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { LoadFailed, PageLoading } from '../../app/lazyPage.tsx';

const FINAL = ['rejected', 'merged', 'closed'];

// Fetched only when the need waits for the resident's answer: its form, rating and text fields
// (Ant Design's Form, Input and Rate) weigh about 40 KB compressed.
const NeedAnswer = lazy(() => import('./NeedAnswer.tsx').then((m) => ({ default: m.NeedAnswer }), () => ({ default: LoadFailed })));

/** One of the resident's requests: where it stands, what happened, and their answer once resolved. */
export function MyNeedPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const need = useNeed(id);
  const categories = useCategories();
  const categoryName = useCategoryName(categories.data);
  const notices = useUnreadNotifications();
  // `mutate` keeps its identity across renders (the mutation object does not).
  const { mutate: markRead } = useMarkRead();
  // Opening the need reads its notices.
  const unreadHere = (notices.data ?? []).filter((n) => n.needId === id).map((n) => n.id);
  const unreadKey = unreadHere.join(',');
  const loaded = need.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    for (const nid of unreadKey ? unreadKey.split(',') : []) markRead(nid);
  }, [loaded, unreadKey, markRead]);

  if (!need.data) return <QueryState isLoading={need.isLoading} error={need.error} />;
  const n = need.data;
  const canConfirm = n.allowedActions.includes('confirm');
  const canDispute = n.allowedActions.includes('dispute');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/my-needs"><LeftOutlined /> {t('myNeeds.title')}</Link>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{categoryName(n)}</Typography.Title>
        <NeedStateTag state={n.state} testId="need-state" />
      </div>
      <Card size="small" data-testid="need-next">
        <ResidentWords need={n} />
        {n.handlerName && <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 16 }} data-testid="need-handler">{t('residentWords.handler', { name: n.handlerName })}</Typography.Paragraph>}
        {n.servicePhone && (
          <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 16 }}>
            <PhoneOutlined aria-hidden />{' '}
            <a href={`tel:${n.servicePhone.replace(/[^0-9+]/g, '')}`} data-testid="service-phone">
              {t('residentWords.servicePhone', { phone: n.servicePhone })}
            </a>
          </Typography.Paragraph>
        )}
        {/* The reference number is for quoting on the phone: kept, but not the headline. */}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('residentWords.refNo')} <span data-testid="need-ref">{n.refNo}</span>
        </Typography.Paragraph>
      </Card>
      {n.project && <NeedProjectCard project={n.project} />}
      {(canConfirm || canDispute) && (
        <Suspense fallback={<PageLoading />}>
          <NeedAnswer needId={n.id} canConfirm={canConfirm} canDispute={canDispute} />
        </Suspense>
      )}
      <Card size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('field.category')}>{categoryName(n)}</Descriptions.Item>
          <Descriptions.Item label={t('field.description')}>
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.description}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.urgency')}>{t(`urgency.${n.urgency}`)}</Descriptions.Item>
          <Descriptions.Item label={t('myNeeds.source')}>{t(`needSource.${n.source}`)}</Descriptions.Item>
          {n.dueAt && (
            <Descriptions.Item label={t('myNeeds.due')}><DueTime dueAt={n.dueAt} overdue={n.overdue} /></Descriptions.Item>
          )}
          {n.outcome && <Descriptions.Item label={t('myNeeds.outcome')}>{t(`outcome.${n.outcome}`)}</Descriptions.Item>}
          {n.outcomeNote && (
            <Descriptions.Item label={t('myNeeds.outcomeNote')}>
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.outcomeNote}</span>
            </Descriptions.Item>
          )}
          {n.rating !== null && (
            <Descriptions.Item label={t('myNeeds.rating')}>
              <Rate disabled value={n.rating} style={{ fontSize: 16 }} />
            </Descriptions.Item>
          )}
          {n.ratingComment && <Descriptions.Item label={t('myNeeds.comment')}>{n.ratingComment}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('myNeeds.photos')}>
        <AttachmentList needId={n.id} canUpload={!FINAL.includes(n.state)} />
      </Card>
      <Card size="small" title={t('myNeeds.progress')}>
        <NeedTimeline entries={n.timeline} forResident />
      </Card>
    </Space>
  );
}
