import { LeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Rate, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DueTime } from '../../components/DueTime.tsx';
import { applyServerErrors, ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import { AttachmentList } from '../needs/AttachmentList.tsx';
import { NeedTimeline } from '../needs/NeedTimeline.tsx';
import { useCategories, useCategoryName, useNeed, useTransition } from '../needs/needQueries.ts';
import { useMarkRead, useUnreadNotifications } from './fieldQueries.ts';
import { NeedProjectCard } from './NeedProjectCard.tsx';
import { ResidentWords } from './ResidentWords.tsx';

const FINAL = ['rejected', 'merged', 'closed'];

/** Confirm with a rating, or dispute with a reason: the resident's two answers to a resolved need. */
function Answer({ needId, canConfirm, canDispute }: { needId: string; canConfirm: boolean; canDispute: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition(needId);
  const [mode, setMode] = useState<'confirm' | 'dispute' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ rating?: number; comment?: string; reason?: string }>();
  const submit = (v: { rating?: number; comment?: string; reason?: string }) => {
    setError(null);
    const body =
      mode === 'confirm'
        ? { action: 'confirm', rating: v.rating, comment: v.comment?.trim() || undefined }
        : { action: 'dispute', reason: v.reason?.trim() };
    transition.mutate(body as Parameters<typeof transition.mutate>[0], {
      onSuccess: () => {
        void message.success(mode === 'confirm' ? t('myNeeds.confirmed') : t('myNeeds.disputed'));
        setMode(null);
        form.resetFields();
      },
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };
  return (
    <Card size="small" style={{ borderColor: '#52c41a' }} data-testid="need-answer">
      <Alert type="success" showIcon title={t('myNeeds.awaitingYou')} description={t('myNeeds.answerHint')} style={{ marginBottom: 12 }} />
      {mode === null && (
        <div style={{ display: 'grid', gridTemplateColumns: canConfirm && canDispute ? '1fr 1fr' : '1fr', gap: 8 }}>
          {canConfirm && (
            <Button type="primary" size="large" onClick={() => setMode('confirm')} data-testid="confirm-need">{t('needAction.confirm')}</Button>
          )}
          {canDispute && (
            <Button danger size="large" onClick={() => setMode('dispute')} data-testid="dispute-need">{t('needAction.dispute')}</Button>
          )}
        </div>
      )}
      {mode !== null && (
        <Form form={form} layout="vertical" size="large" onFinish={submit} onValuesChange={() => setError(null)} initialValues={{ rating: undefined, comment: '', reason: '' }}>
          <ErrorAlert error={error} />
          {mode === 'confirm' ? (
            <>
              <Form.Item label={t('myNeeds.rating')} name="rating" rules={[{ required: true, message: t('myNeeds.ratingRequired') }]}>
                <Rate style={{ fontSize: 36 }} data-testid="rating" />
              </Form.Item>
              <Form.Item label={t('myNeeds.comment')} name="comment">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: 2000 }} data-testid="confirm-comment" />
              </Form.Item>
            </>
          ) : (
            <Form.Item label={t('myNeeds.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('myNeeds.reasonRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 2000 }} placeholder={t('myNeeds.reasonPlaceholder')} data-testid="dispute-reason" />
            </Form.Item>
          )}
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
            <Button onClick={() => { setMode(null); setError(null); }}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger={mode === 'dispute'}
              htmlType="submit"
              loading={transition.isPending}
              data-testid={mode === 'confirm' ? 'confirm-submit' : 'dispute-submit'}
            >
              {mode === 'confirm' ? t('myNeeds.confirmSubmit') : t('myNeeds.disputeSubmit')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

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
      {(canConfirm || canDispute) && <Answer needId={n.id} canConfirm={canConfirm} canDispute={canDispute} />}
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
