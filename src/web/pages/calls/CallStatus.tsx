import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallStatus } from '../../../server/modules/calls/calls.lifecycle.ts';
import { daysLeft, type CallView } from './callQueries.ts';
import { Typography } from '../../components/Typography.tsx';

const CALL_STATUS_COLORS: Record<CallStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'blue',
  ranked: 'purple',
  publicity: 'gold',
  concluded: 'success',
  cancelled: 'default',
};

export function CallStatusTag({ status }: { status: CallStatus }) {
  const { t } = useTranslation();
  return <Tag color={CALL_STATUS_COLORS[status]} data-testid="call-status" data-status={status} style={{ marginInlineEnd: 0 }}>{t(`callStatus.${status}`)}</Tag>;
}

/** The deadline, with the days left while the call takes applications. */
export function CallDeadline({ call }: { call: Pick<CallView, 'deadline' | 'status'> }) {
  const { t } = useTranslation();
  const left = daysLeft(call.deadline);
  const at = dayjs(call.deadline).format('YYYY-MM-DD HH:mm');
  return (
    <Tooltip title={at}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {dayjs(call.deadline).format('YYYY-MM-DD')}{' '}
        {call.status === 'open' && <Typography.Text type={left <= 3 ? 'danger' : 'secondary'}>{left > 0 ? t('call.daysLeft', { count: left }) : t('call.closedAgo')}</Typography.Text>}
      </span>
    </Tooltip>
  );
}
