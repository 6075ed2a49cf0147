import { Alert, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CallStatus } from '../../../server/modules/calls/calls.lifecycle.ts';
import { QueryState } from '../../components/feedback.tsx';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { CallStatusTag } from '../calls/CallStatus.tsx';
import { ApplicationReader } from './ApplicationReader.tsx';
import { Declaration } from './Declaration.tsx';
import { phaseOf, useReviewSheet, type Criterion, type Phase, type ReviewSheet, type SheetItem } from './reviewQueries.ts';
import { ScoreForm, ScoresReadOnly } from './ScoreForm.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const STATE_COLORS: Record<SheetItem['state'], string> = { undeclared: 'orange', conflict: 'default', scoring: 'blue', submitted: 'green' };

/** A panel member's workspace for one call: the criteria, then each application with what is owed on it. */
export function ReviewSheetPage() {
  const { callId } = useParams();
  const { t } = useTranslation();
  const sheet = useReviewSheet(callId);
  const crumbs = <RecordCrumbs listPath="/reviews" listTitle={t('reviews.list')} current={sheet.data?.title ?? '…'} />;
  if (!sheet.data) return <>{crumbs}<QueryState isLoading={sheet.isLoading} error={sheet.error} /></>;
  const s = sheet.data;
  const phase = phaseOf(s.status);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1080 }} data-testid="review-sheet">
      {crumbs}
      <SheetHeader sheet={s} phase={phase} />
      <CriteriaCard criteria={s.criteria} />
      {phase !== 'before' && phase !== 'cancelled' && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('reviews.applications')}</Typography.Title>
          {s.items.length === 0 && <Typography.Text type="secondary">{t('reviews.noApplications')}</Typography.Text>}
          {s.items.map((item) => <ApplicationCard key={item.applicationId} item={item} criteria={s.criteria} reviewing={phase === 'reviewing'} />)}
        </Space>
      )}
    </Space>
  );
}

/** The call, where its review stands, and how many applications the reviewer may not see. */
function SheetHeader({ sheet: s, phase }: { sheet: ReviewSheet; phase: Phase }) {
  const { t } = useTranslation();
  const count = (state: SheetItem['state']) => s.items.filter((i) => i.state === state).length;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>{s.title}</Typography.Title>
        <CallStatusTag status={s.status as CallStatus} />
        <Typography.Text type="secondary">{s.refNo}</Typography.Text>
      </Space>
      <Alert type={phase === 'cancelled' ? 'warning' : 'info'} showIcon title={t(`reviews.phase.${phase}`)} data-testid="review-phase" data-phase={phase} />
      {phase === 'reviewing' && s.items.length > 0 && count('undeclared') + count('scoring') === 0 && (
        <Alert type="success" showIcon title={t('reviews.allDone')} data-testid="review-all-done" />
      )}
      {phase !== 'before' && phase !== 'cancelled' && s.items.length > 0 && (
        <Typography.Text data-testid="review-progress">
          {t('reviews.progress', { undeclared: count('undeclared'), scoring: count('scoring'), submitted: count('submitted'), conflict: count('conflict') })}
        </Typography.Text>
      )}
      {s.withheld > 0 && <Typography.Text type="secondary" data-testid="review-withheld">{t('reviews.withheld', { count: s.withheld })}</Typography.Text>}
    </Space>
  );
}

function CriteriaCard({ criteria }: { criteria: Criterion[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const total = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  return (
    <Card size="small" title={t('reviews.criteria')} extra={<Typography.Text type="secondary">{t('reviews.criteriaTotal', { total })}</Typography.Text>}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={criteria}
        columns={[
          { title: t('reviews.criterion'), dataIndex: 'name', render: (n: Criterion['name']) => n[lang] },
          { title: t('reviews.maxPoints'), dataIndex: 'maxPoints', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}

/** One application: who applies for what, its review state, and the step the reviewer can take on it now. */
function ApplicationCard({ item, criteria, reviewing }: { item: SheetItem; criteria: Criterion[]; reviewing: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="review-item"
      data-state={item.state}
      title={
        <Space wrap size={[8, 0]} style={{ whiteSpace: 'normal' }}>
          <span style={{ overflowWrap: 'anywhere' }}>{item.title}</span>
          <Tag color={STATE_COLORS[item.state]} style={{ marginInlineEnd: 0 }} data-testid="review-item-state">{t(`reviews.state.${item.state}`)}</Tag>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={[16, 4]}>
          <Typography.Text type="secondary">{item.refNo}</Typography.Text>
          <span>{t('reviews.organizationLine', { name: item.organizationName })}</span>
          <span>{t('reviews.offerLine', { offer: item.offer || '—' })}</span>
        </Space>
        <ItemBody item={item} criteria={criteria} reviewing={reviewing} />
      </Space>
    </Card>
  );
}

function ItemBody({ item, criteria, reviewing }: { item: SheetItem; criteria: Criterion[]; reviewing: boolean }) {
  const { t } = useTranslation();
  if (item.state === 'conflict') {
    return (
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reviews.recused')} {item.conflictNote && t('reviews.recusedNote', { note: item.conflictNote })}
      </Typography.Paragraph>
    );
  }
  if (item.state === 'submitted' || (!reviewing && item.state === 'scoring')) return <ScoresReadOnly item={item} criteria={criteria} />;
  if (!reviewing) return null;
  if (item.state === 'undeclared') return <Declaration item={item} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ApplicationReader item={item} />
      <ScoreForm item={item} criteria={criteria} />
    </Space>
  );
}
