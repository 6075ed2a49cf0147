import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from './caseQueries.ts';

/** Waiting for the supervisor reads in gold, as on the other boards; a closed case recedes. */
const COLOURS: Record<CaseStatus, string> = {
  intake: 'blue',
  assessment: 'geekblue',
  plan_review: 'gold',
  in_service: 'green',
  closing: 'gold',
  closed: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="case-status" data-status={status} style={{ whiteSpace: 'nowrap', marginInlineEnd: 0 }}>
      {t(`caseStatus.${status}`)}
    </Tag>
  );
}
