import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { useReceivedReferrals } from './caseQueries.ts';
import { when } from './caseWords.ts';
import { FieldTags, ReferralStatusTag } from './ReferralTags.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/**
 * 收到的转介: clients other organizations referred to the caller's, newest first. The list names
 * the fields sent, never their values: those are read one referral at a time, and each read is audited.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const list = useReceivedReferrals();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }} data-testid="referrals-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('referral.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('referral.hint')}</Typography.Paragraph>
      <Card size="small">
        <ErrorAlert error={list.error} />
        <List
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('referral.empty') }}
          data-testid="referral-list"
          renderItem={(r) => (
            <LinkListItem to={`/referrals/${r.id}`} testId="referral-row" align="flex-start">
              <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} data-ref={r.caseRefNo}>
                <Space wrap size={6}>
                  <Typography.Text strong style={{ fontSize: 16 }}>{r.fromOrganization.name}</Typography.Text>
                  <ReferralStatusTag status={r.status} />
                  <Typography.Text type="secondary">{t('referral.caseRefNo')} {r.caseRefNo}</Typography.Text>
                </Space>
                <div style={{ margin: '4px 0' }}><FieldTags fields={r.fields} /></div>
                <Typography.Text type="secondary">{t('caseReferral.sentOn', { date: when(r.sentAt) })}</Typography.Text>
              </div>
            </LinkListItem>
          )}
        />
      </Card>
    </Space>
  );
}
