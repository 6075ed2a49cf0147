import { Button, Col, Descriptions, Empty, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DueTime } from '../../components/DueTime.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { OpenCase } from '../cases/OpenCase.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { NeedActions, type OpenAction } from './NeedActions.tsx';
import { NeedSubject } from './NeedSubject.tsx';
import { NeedTimeline } from './NeedTimeline.tsx';
import { useCategories, useCategoryName, useNeed, type NeedDetail } from './needQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

const FINAL = ['rejected', 'merged', 'closed'];

/** One need: what it is, what can be done now, and everything that happened to it. */
export function NeedPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const need = useNeed(id);
  const [open, setOpen] = useState<OpenAction | null>(null);
  if (!need.data) return <QueryState isLoading={need.isLoading} error={need.error} />;
  const n = need.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="need-page">
      <Link to="/needs">← {t('needPage.back')}</Link>
      <Space wrap align="center" size={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="need-ref">
          {n.refNo}
        </Typography.Title>
        <NeedStateTag state={n.state} testId="need-state" />
        {n.overdue && <Tag color="red" data-testid="need-overdue">{t('needPage.overdue')}</Tag>}
        {n.urgency !== 'normal' && <Tag color={n.urgency === 'urgent' ? 'red' : 'purple'}>{t(`urgency.${n.urgency}`)}</Tag>}
      </Space>
      <Card size="small" title={t('needPage.subject.title')}>
        <NeedSubject need={n} />
      </Card>
      <NeedActions need={n} open={open} setOpen={setOpen} />
      <OpenCase need={n} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('needPage.details')}>
              <Header need={n} />
            </Card>
            <Card size="small" title={t('needPage.timeline')}>
              <NeedTimeline entries={n.timeline} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('needPage.related')}>
              <Related need={n} />
            </Card>
            <Card size="small" title={t('needPage.duplicates')}>
              <Duplicates need={n} onMerge={(target) => setOpen({ action: 'merge', duplicateOf: target })} />
            </Card>
            <Card size="small" title={t('needPage.attachments')}>
              <AttachmentList needId={n.id} canUpload={!FINAL.includes(n.state)} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Header({ need: n }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName(useCategories(n.districtId).data);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} styles={{ content: { overflowWrap: 'anywhere' } }}>
      <Descriptions.Item label={t('needPage.category')}>
        <span data-testid="need-category">{categoryName(n)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('needPage.urgency')}>{t(`urgency.${n.urgency}`)}</Descriptions.Item>
      <Descriptions.Item label={t('needPage.source')}>
        {t(`needSource.${n.source}`)}
        {n.intakeChannel ? ` · ${t(`intakeChannel.${n.intakeChannel}`)}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('needPage.due')}>
        <DueTime dueAt={n.dueAt} overdue={n.overdue} />
      </Descriptions.Item>
      <Descriptions.Item label={t('needPage.escalation')}>{t(`escalationLevel.${n.escalationLevel}`, { defaultValue: String(n.escalationLevel) })}</Descriptions.Item>
      <Descriptions.Item label={t('needPage.beneficiaries')}>{n.beneficiaries}</Descriptions.Item>
      {n.point && (
        <Descriptions.Item label={t('needPage.place')}>
          <Typography.Text type="secondary">
            {n.point.lng.toFixed(5)}, {n.point.lat.toFixed(5)}
          </Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('needPage.createdAt')}>{new Date(n.createdAt).toLocaleString()}</Descriptions.Item>
      {n.waitingUntil && <Descriptions.Item label={t('needPage.expectedDate')}>{n.waitingUntil}</Descriptions.Item>}
      {n.referralAnswer && <Descriptions.Item label={t('needPage.answer')}>{n.referralAnswer}</Descriptions.Item>}
      {n.outcome && (
        <Descriptions.Item label={t('needPage.outcome')}>
          <div>
            <span data-testid="need-outcome">{t(`outcome.${n.outcome}`)}</span>
            {n.outcomeNote && <div style={{ whiteSpace: 'pre-wrap' }}>{n.outcomeNote}</div>}
          </div>
        </Descriptions.Item>
      )}
      {n.rating !== null && (
        <Descriptions.Item label={t('needPage.rating')}>
          {n.rating} / 5{n.ratingComment ? ` — ${n.ratingComment}` : ''}
          {n.autoConfirmed ? ` (${t('needAction.auto_confirm')})` : ''}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('needPage.description')} span={{ xs: 1, sm: 2 }}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="need-description">
          {n.description}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

function Related({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const items = need.related ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needPage.noRelated')} data-testid="related-needs" />;
  return (
    <List
      size="small"
      data-testid="related-needs"
      dataSource={items}
      renderItem={(r) => (
        <List.Item key={`${r.relation}-${r.id}`} data-testid="related-need" data-relation={r.relation}>
          <div style={{ minWidth: 0, width: '100%' }}>
            <Space wrap size={6}>
              <Tag>{t(`needPage.relation.${r.relation}`)}</Tag>
              <Link to={`/needs/${r.id}`}>{r.refNo}</Link>
              <NeedStateTag state={r.state} />
              <Typography.Text type="secondary">{r.categoryName}</Typography.Text>
            </Space>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {r.description}
            </Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}

function Duplicates({ need, onMerge }: { need: NeedDetail; onMerge: (target: string) => void }) {
  const { t } = useTranslation();
  const mayMerge = need.allowedActions.includes('merge');
  if (need.duplicates.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needPage.noDuplicates')} data-testid="duplicates" />;
  return (
    <List
      size="small"
      data-testid="duplicates"
      dataSource={need.duplicates}
      renderItem={(d) => (
        <List.Item
          key={d.id}
          data-testid="duplicate"
          actions={
            mayMerge
              ? [
                  <Button key="merge" size="small" onClick={() => onMerge(d.id)} data-testid={`merge-into-${d.refNo}`}>
                    {t('needPage.mergeInto')}
                  </Button>,
                ]
              : undefined
          }
        >
          <div style={{ minWidth: 0 }}>
            <Space wrap size={6}>
              <Link to={`/needs/${d.id}`}>{d.refNo}</Link>
              <NeedStateTag state={d.state} />
              <Tag color="blue">{t('needPage.similarity', { percent: Math.round(d.similarity * 100) })}</Tag>
              {d.sameHousehold && <Tag>{t('needPage.sameHousehold')}</Tag>}
            </Space>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {d.description}
            </Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}
