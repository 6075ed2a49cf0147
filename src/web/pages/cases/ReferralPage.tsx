import { LeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { SHAREABLE_FIELDS, useReceivedReferral } from './caseQueries.ts';
import { when } from './caseWords.ts';
import { ReferralStatusTag } from './ReferralTags.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const Text = ({ children }: { children: string }) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{children}</Typography.Paragraph>;

/**
 * One referral received, for the receiving organization's administrator: who sent it, what the
 * client consented to share and why, and — while it waits — the organization's answer. The page
 * says plainly that nothing else of the case is here, and that opening it is recorded.
 */
export function ReferralPage() {
  const { t } = useTranslation();
  const { message } = useNotices();
  const { id } = useParams();
  const detail = useReceivedReferral(id);
  if (!detail.data) return <QueryState isLoading={detail.isLoading} error={detail.error} />;
  const r = detail.data;
  const shared = SHAREABLE_FIELDS.filter((f) => r.fields.includes(f));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }} data-testid="referral-page">
      <Link to="/referrals"><LeftOutlined /> {t('referral.title')}</Link>
      <Space wrap size={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('referral.titleOf', { organization: r.fromOrganization.name })}</Typography.Title>
        <ReferralStatusTag status={r.status} />
      </Space>
      <Alert type="info" showIcon icon={<LockOutlined />} title={t('referral.consentOnly')} description={t('referral.consentOnlyHint')} data-testid="referral-consent-only" />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} styles={{ content: { overflowWrap: 'anywhere' } }}>
          <Descriptions.Item label={t('referral.from')}>{r.fromOrganization.name}</Descriptions.Item>
          <Descriptions.Item label={t('referral.caseRefNo')}><span data-testid="referral-case">{r.caseRefNo}</span></Descriptions.Item>
          <Descriptions.Item label={t('referral.sentAt')}>{when(r.sentAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('referral.shared')}>
        <Descriptions size="small" column={1} styles={{ content: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } }} data-testid="referral-shared">
          {shared.map((f) => (
            <Descriptions.Item key={f} label={t(`caseField.${f}`)}>
              <span data-field={f}>{r.shared[f] || '—'}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card size="small" title={t('referral.reason')}>
        <Text>{r.reason}</Text>
      </Card>
      {r.status === 'sent' ? (
        <Card size="small" title={t('referral.answerTitle')}>
          <AnswerForm referralId={r.id} hint={t('referral.answerHint')} submitLabel={t('referral.send')} testId="referral-answer" onDone={() => void message.success(t('referral.answered'))} />
        </Card>
      ) : (
        <Card size="small" title={t('referral.answer')} data-testid="referral-answer">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={6}>
              <ReferralStatusTag status={r.status} />
              {r.answeredAt && <Typography.Text type="secondary">{t('caseReferral.answerOf', { date: when(r.answeredAt) })}</Typography.Text>}
            </Space>
            {r.answer && <Text>{r.answer}</Text>}
          </Space>
        </Card>
      )}
    </Space>
  );
}
