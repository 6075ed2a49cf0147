import { Button, Empty, Form, Input, Modal, Tag, theme, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText, tooLong } from '../../components/rules.ts';
import { useDecideRedemption, type Redemption, type RedemptionStatus } from './timeBankQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

const STATUS_COLOR: Record<RedemptionStatus, string> = { requested: 'blue', confirmed: 'green', declined: 'red', cancelled: 'default' };

export function RedemptionStatusTag({ status }: { status: RedemptionStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>{t(`timebank.redemptionStatus.${status}`)}</Tag>;
}

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Declining needs a reason the volunteer reads; the points go back to them. */
function DeclineDialog({ r, onClose }: { r: Redemption; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const decide = useDecideRedemption();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('timebank.redemptions.declineTitle', { title: r.offer.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('timebank.redemptions.decline')}
      okButtonProps={{ danger: true, loading: decide.isPending, 'data-testid': 'decline-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph>{t('timebank.redemptions.declineHint', { name: r.volunteer.name, points: r.points })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          decide.mutate(
            { id: r.id, reason: v.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('timebank.redemptions.declined'));
                onClose();
              },
              onError: (e) => setError(applyServerErrors(form, e)),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('timebank.redemptions.reason')}
          rules={[requiredText(t, t('timebank.redemptions.reason')), { whitespace: true, message: t('common.requiredText', { field: t('timebank.redemptions.reason') }) }, tooLong(t, t('timebank.redemptions.reason'), 200)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RedemptionRow({ r, large, showProvider }: { r: Redemption; large: boolean; showProvider: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { modal, message } = useNotices();
  const decide = useDecideRedemption();
  const [declining, setDeclining] = useState(false);
  const mayDecide = r.status === 'requested' && r.actions.includes('confirm');
  const confirm = () => {
    modal.confirm({
      title: t('timebank.redemptions.confirmTitle'),
      content: t('timebank.redemptions.confirmHint', { title: r.offer.title, name: r.volunteer.name, points: r.points }),
      okText: t('timebank.redemptions.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      // A refusal closes the dialog too: the row shows it.
      onOk: () =>
        decide.mutateAsync({ id: r.id }).then(
          () => void message.success(t('timebank.redemptions.confirmed')),
          () => undefined,
        ),
    });
  };
  const buttonStyle = large ? { minWidth: 96, height: 48, fontSize: 16 } : undefined;
  return (
    <li
      data-testid={`redemption-row-${r.id}`}
      data-status={r.status}
      style={{
        display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, padding: '10px 12px', borderRadius: token.borderRadiusLG,
        border: `1px solid ${r.status === 'requested' ? token.colorPrimaryBorder : token.colorBorderSecondary}`, background: token.colorBgContainer,
      }}
    >
      <div style={{ flex: '1 1 220px', minWidth: 0 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
          <Typography.Text strong style={{ fontSize: large ? 18 : 15, overflowWrap: 'anywhere' }}>{r.offer.title}</Typography.Text>
          <RedemptionStatusTag status={r.status} />
        </div>
        <div style={{ fontSize: large ? 16 : undefined, overflowWrap: 'anywhere' }}>
          {t('timebank.redemptions.who', { name: r.volunteer.name, points: r.points })}
        </div>
        {/* Each part keeps its date and time on one line; the parts wrap between them. */}
        <Typography.Text type="secondary">
          <span style={NOWRAP}>{t('timebank.redemptions.requestedAt', { when: when(r.requestedAt) })}</span>
          {r.decidedAt && <> · <span style={NOWRAP}>{t('timebank.redemptions.decidedAt', { when: when(r.decidedAt) })}</span></>}
          {showProvider && <> · <span style={{ overflowWrap: 'anywhere' }}>{r.offer.provider}</span></>}
        </Typography.Text>
        {r.status === 'requested' && !mayDecide && showProvider && (
          <div>
            <Typography.Text type="secondary">{t('timebank.redemptions.byShop')}</Typography.Text>
          </div>
        )}
        {r.status === 'declined' && r.declineReason && (
          <div style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text type="secondary">{t('timebank.redemptions.declinedBecause', { reason: r.declineReason })}</Typography.Text>
          </div>
        )}
        <ErrorAlert error={decide.error} />
      </div>
      {mayDecide && (
        <div style={{ display: 'flex', gap: 8, flexShrink: 0 }}>
          <Button type="primary" size={large ? 'large' : 'middle'} style={buttonStyle} onClick={confirm} loading={decide.isPending} autoInsertSpace={false} aria-label={t('timebank.redemptions.confirmFor', { title: r.offer.title, name: r.volunteer.name })} data-testid={`confirm-${r.id}`}>
            {t('timebank.redemptions.confirm')}
          </Button>
          <Button danger size={large ? 'large' : 'middle'} style={buttonStyle} onClick={() => setDeclining(true)} autoInsertSpace={false} aria-label={t('timebank.redemptions.declineFor', { title: r.offer.title, name: r.volunteer.name })} data-testid={`decline-${r.id}`}>
            {t('timebank.redemptions.decline')}
          </Button>
        </div>
      )}
      {declining && <DeclineDialog r={r} onClose={() => setDeclining(false)} />}
    </li>
  );
}

/** Redemptions as a list that reads on a shop clerk's phone: what, for whom, how many points, and the two buttons. */
export function RedemptionList({ items, loading, empty, large = false, showProvider = false, testId }: {
  items: Redemption[];
  loading?: boolean;
  empty: string;
  large?: boolean;
  showProvider?: boolean;
  testId?: string;
}) {
  if (!loading && items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={testId ? `${testId}-empty` : undefined} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }} data-testid={testId} aria-busy={loading || undefined}>
      {items.map((r) => <RedemptionRow key={r.id} r={r} large={large} showProvider={showProvider} />)}
    </ul>
  );
}
