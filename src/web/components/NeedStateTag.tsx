import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedState } from '../../server/modules/needs/needs.lifecycle.ts';

/** One colour per state, so a state reads the same on the board, the need page and the phone pages. */
export const NEED_STATE_COLORS: Record<NeedState, string> = {
  reported: 'orange',
  accepted: 'blue',
  rejected: 'default',
  merged: 'default',
  pooled: 'purple',
  in_progress: 'processing',
  waiting: 'gold',
  referred: 'cyan',
  resolved: 'green',
  reopened: 'volcano',
  closed: 'success',
};

/** `testId` marks the one tag a test looks for (the need page uses `need-state`); lists leave the default. */
export function NeedStateTag({ state, testId = 'need-state-tag' }: { state: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={NEED_STATE_COLORS[state as NeedState] ?? 'default'} data-testid={testId} data-state={state} style={{ whiteSpace: 'nowrap', marginInlineEnd: 0 }}>
      {t(`needState.${state}`)}
    </Tag>
  );
}
