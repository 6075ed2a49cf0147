import { HeartFilled, HeartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useSupport, type ProposalSummary } from './participateQueries.ts';
import { useNotices } from '../../app/notices.tsx';

/**
 * A resident's support for a proposal that still takes them: 支持 / 撤回支持. Withdrawing asks
 * first; supporting is one tap. Nothing is shown when neither may be done.
 */
export function SupportButton({ p, block = false, canSupport, canUnsupport }: { p: Pick<ProposalSummary, 'id' | 'supportedByMe' | 'mine' | 'title'>; block?: boolean; canSupport: boolean; canUnsupport: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const support = useSupport();
  const supportable = canSupport && !p.supportedByMe && !p.mine;
  const withdrawable = canUnsupport && p.supportedByMe;
  if (!supportable && !withdrawable) return null;
  const style = { minHeight: 44, fontSize: 16 };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: block ? 'stretch' : 'flex-end', gap: 4, width: block ? '100%' : undefined }}>
      <ErrorAlert error={support.error} />
      {supportable ? (
        <Button
          type="primary"
          size="large"
          block={block}
          icon={<HeartOutlined aria-hidden />}
          loading={support.isPending}
          style={style}
          onClick={() => support.mutate({ id: p.id, kind: 'support' }, { onSuccess: () => void message.success(t('participate.supported')) })}
          data-testid="support-button"
        >
          {t('participate.support')}
        </Button>
      ) : (
        <Button
          size="large"
          block={block}
          icon={<HeartFilled aria-hidden />}
          loading={support.isPending}
          style={style}
          onClick={() => {
            modal.confirm({
              title: t('participate.unsupportTitle'),
              content: t('participate.unsupportContent', { title: p.title }),
              okText: t('participate.unsupport'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: async () => {
                try {
                  await support.mutateAsync({ id: p.id, kind: 'unsupport' });
                  void message.success(t('participate.unsupported'));
                } catch {
                  // Shown above the button.
                }
              },
            });
          }}
          data-testid="unsupport-button"
        >
          {t('participate.unsupport')}
        </Button>
      )}
    </div>
  );
}
