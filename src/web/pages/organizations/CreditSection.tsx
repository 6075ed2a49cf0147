import { Button, Descriptions, Empty, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CREDIT_LISTS, type ListEntryState } from '../../../common/credit.ts';
import { QueryState } from '../../components/feedback.tsx';
import { CreditDialog, type CreditDialogAction } from './CreditDialog.tsx';
import { useCredit, type CreditRecordView, type ListEntryView, type Standing } from './creditQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

// Preset tag colours whose text keeps 4.5:1 on their own background; "removed" is plain.
const STATE_COLOUR: Record<ListEntryState, string | undefined> = { listed: 'red', objection_pending: 'blue', removed: undefined };
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

function StandingSummary({ s }: { s: Standing }) {
  const { t } = useTranslation();
  const months = dayjs(s.onDate).diff(s.registeredOn, 'month');
  const since = { abnormal: s.abnormalSince, dishonest: s.dishonestSince };
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} title={t('credit.standing')} data-testid="credit-standing">
      <Descriptions.Item label={t('credit.ratingValid')}>
        {!s.rating
          ? t('credit.noRating')
          : s.ratingValid
            ? t('credit.ratingValidUntil', { rating: s.rating, date: s.ratingValidUntil })
            : t('credit.ratingExpiredOn', { rating: s.rating, date: s.ratingValidUntil })}
      </Descriptions.Item>
      <Descriptions.Item label={t('credit.age')}>
        {t('credit.ageValue', { years: Math.floor(months / 12), months: months % 12 })}
        {s.filedOnly ? ` · ${t('credit.filedOnly')}` : ''}
      </Descriptions.Item>
      {CREDIT_LISTS.map((l) => (
        <Descriptions.Item key={l} label={t(`creditList.${l}`)}>
          {since[l] ? <Tag color="red">{t('credit.onList', { date: since[l] })}</Tag> : t('credit.notOnList')}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('credit.reportsFiled')}>
        {s.annualReportFiledFor.length ? s.annualReportFiledFor.join(t('credit.separator')) : t('credit.none')}
      </Descriptions.Item>
    </Descriptions>
  );
}

function EntryItem({ e, open }: { e: ListEntryView; open: (a: CreditDialogAction, e: ListEntryView) => void }) {
  const { t } = useTranslation();
  const lv = useLabelValue();
  return (
    <List.Item
      data-testid="credit-entry"
      actions={e.allowedActions.map((a) => (
        <Button key={a} size="small" onClick={() => open(a, e)} data-testid={`credit-entry-${a}`}>
          {t(`creditAction.${a}`)}
        </Button>
      ))}
    >
      <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
        <Space wrap size={4}>
          <Typography.Text strong>{t(`creditList.${e.list}`)}</Typography.Text>
          <Tag color={STATE_COLOUR[e.state]}>
            {t(`entryState.${e.state}`)}
            {e.removalKind ? t('credit.paren', { text: t(`removalKind.${e.removalKind}`) }) : ''}
          </Tag>
        </Space>
        <Typography.Text>{lv('credit.enteredOn', e.enteredOn)} · {lv('credit.authority', e.authority)}</Typography.Text>
        <Typography.Text>{lv('credit.reason', e.reason)}</Typography.Text>
        {e.removedOn && (
          <Typography.Text>
            {lv('credit.removedOn', e.removedOn)} · {lv('credit.removalReason', e.removalReason ?? '')}
          </Typography.Text>
        )}
        {e.objections.map((o) => (
          <Typography.Text key={o.id} type="secondary">
            {lv('credit.objection', o.grounds)}
            {t('credit.paren', { text: t('credit.lodgedBy', { name: o.lodgedBy, date: time(o.lodgedAt) }) })}
            {o.outcome && ` → ${t('credit.labelValue', { label: t(`objectionOutcome.${o.outcome}`), value: o.answer ?? '' })}`}
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  );
}

function recordDetail(r: CreditRecordView, lv: (key: string, value: string | number | null) => string, t: TFunction): string {
  switch (r.kind) {
    case 'annual_report': return lv('credit.reportYear', r.reportYear);
    case 'inspection': return lv('credit.inspectionResult', t(`inspectionResult.${r.inspectionResult}`));
    case 'penalty': return `${lv('credit.penaltyAuthority', r.authority)} · ${lv('credit.penaltyReason', r.reason)}`;
    case 'award': return lv('credit.awardName', r.awardName);
  }
}

/** "Label: value" in the reader's language (a full-width colon in Chinese). */
function useLabelValue() {
  const { t } = useTranslation();
  return (key: string, value: string | number | null) => t('credit.labelValue', { label: t(key), value: value ?? '' });
}

/**
 * The credit of an organization on its page: standing, list entries (public) and credit records
 * (for those who may read them), with a button for each action the server allows.
 */
export function CreditSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const lv = useLabelValue();
  const credit = useCredit(organizationId);
  const [dialog, setDialog] = useState<{ action: CreditDialogAction; entry?: ListEntryView } | null>(null);
  if (!credit.data) return <QueryState isLoading={credit.isLoading} error={credit.error} />;
  const c = credit.data;
  return (
    <Card
      title={t('credit.title')}
      size="small"
      style={{ marginTop: 12 }}
      data-testid="credit-section"
      extra={
        c.allowedActions.length > 0 && (
          <Space wrap>
            {c.allowedActions.map((a) => (
              <Button key={a} size="small" onClick={() => setDialog({ action: a })} data-testid={`credit-${a}`}>
                {t(`creditAction.${a}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <StandingSummary s={c.standing} />
      <Typography.Title level={5}>{t('credit.entries')}</Typography.Title>
      {c.entries.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('credit.noEntries')}</Typography.Paragraph>
      ) : (
        <List size="small" dataSource={c.entries} rowKey="id" renderItem={(e) => <EntryItem e={e} open={(action, entry) => setDialog({ action, entry })} />} />
      )}
      {c.records && (
        <>
          <Typography.Title level={5}>{t('credit.records')}</Typography.Title>
          {c.records.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credit.noRecords')} />
          ) : (
            <List
              size="small"
              dataSource={c.records}
              rowKey="id"
              renderItem={(r) => (
                <List.Item data-testid="credit-record">
                  <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                    <Space wrap size={4}>
                      <Typography.Text strong>{t(`creditKind.${r.kind}`)}</Typography.Text>
                      <Typography.Text>{r.occurredOn}</Typography.Text>
                    </Space>
                    <Typography.Text>{recordDetail(r, lv, t)}</Typography.Text>
                    {r.internalNote && <Typography.Text type="secondary">{lv('credit.internalNote', r.internalNote)}</Typography.Text>}
                    <Typography.Text type="secondary">
                      {lv('credit.source', r.source)} · {t('credit.recordedBy', { name: r.recordedBy })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </>
      )}
      {dialog && <CreditDialog organizationId={organizationId} action={dialog.action} entry={dialog.entry} onClose={() => setDialog(null)} />}
    </Card>
  );
}
