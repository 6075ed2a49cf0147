import { EnvironmentOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { dayText } from './participateFormat.ts';
import { useProposal, useWithdrawProposal, type ProposalDetail } from './participateQueries.ts';
import { KindTag, ProposalPhotos, ProposalStatusTag, ProposalSteps, SupportProgress } from './ProposalParts.tsx';
import { SupportButton } from './SupportButton.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The proposer takes the proposal back while it still collects supports; asked first. */
function WithdrawButton({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const withdraw = useWithdrawProposal();
  return (
    <>
      <ErrorAlert error={withdraw.error} />
      <Button
        danger
        size="large"
        block
        style={{ minHeight: 48 }}
        loading={withdraw.isPending}
        onClick={() => {
          modal.confirm({
            title: t('participate.withdrawTitle'),
            content: t('participate.withdrawContent', { title: p.title }),
            okText: t('participate.withdraw'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: async () => {
              try {
                await withdraw.mutateAsync(p.id);
                void message.success(t('participate.withdrawn'));
              } catch {
                // Shown above the button.
              }
            },
          });
        }}
        data-testid="withdraw-proposal"
      >
        {t('participate.withdraw')}
      </Button>
    </>
  );
}

/** What a proposal asks, who is for it, and what became of it in plain words: the resident's view of one proposal. */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const proposal = useProposal(id);
  const p = proposal.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="proposal-page">
      <Link to="/participate" style={{ alignSelf: 'flex-start' }}><LeftOutlined aria-hidden /> {t('participate.title')}</Link>
      {!p ? (
        <QueryState isLoading={proposal.isLoading} error={proposal.error} />
      ) : (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
            <KindTag kind={p.kind} />
            <ProposalStatusTag status={p.status} />
            {p.mine && <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('participate.mineTag')}</Tag>}
          </div>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="proposal-title">{p.title}</Typography.Title>
          {p.status === 'declined' && p.declineReason && (
            <Alert type="warning" showIcon title={t('participate.declinedTitle')} description={p.declineReason} data-testid="decline-reason" />
          )}
          <Card size="small">
            <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere' }}>
              {p.mine ? t('participate.proposedByMe', { date: dayText(p.createdAt, t) }) : t('participate.proposedBy', { name: p.proposer, date: dayText(p.createdAt, t) })}
            </Typography.Text>
            {p.place && (
              <Typography.Text style={{ display: 'block', marginTop: 4, overflowWrap: 'anywhere' }}>
                <EnvironmentOutlined aria-hidden /> {p.place}
              </Typography.Text>
            )}
            <Typography.Paragraph style={{ margin: '8px 0', fontSize: 16, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="proposal-body">{p.body}</Typography.Paragraph>
            <ProposalPhotos id={p.id} count={p.photoCount} />
          </Card>
          <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('participate.supportsTitle')}</Typography.Title>} styles={{ body: { display: 'flex', flexDirection: 'column', gap: 10 } }}>
            <SupportProgress count={p.supportCount} threshold={p.threshold} kind={p.kind} status={p.status} />
            {p.supportedByMe && <Typography.Text type="success">{t('participate.youSupport')}</Typography.Text>}
            {p.status === 'on_agenda' && p.actions.includes('support') && <Typography.Text type="secondary">{t('participate.stillSupport')}</Typography.Text>}
            <SupportButton p={p} block canSupport={p.actions.includes('support')} canUnsupport={p.actions.includes('unsupport')} />
            {p.actions.includes('withdraw') && <WithdrawButton p={p} />}
          </Card>
          <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{t('participate.stepsTitle')}</Typography.Title>}>
            <ProposalSteps p={p} />
            {p.mine && p.needId && <Link to={`/my-needs/${p.needId}`} data-testid="proposal-need-link">{t('participate.seeNeed')}</Link>}
          </Card>
        </>
      )}
    </div>
  );
}
