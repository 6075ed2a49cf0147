import { useTranslation } from 'react-i18next';
import type { NeedView } from '../needs/needQueries.ts';
import { Typography } from '../../components/Typography.tsx';

/**
 * What happens next to a resident's need, in a sentence (a state's name like "pooled" means
 * nothing to the person who asked), with who handles it.
 */
export function ResidentWords({ need }: { need: Pick<NeedView, 'state' | 'handlerName' | 'referralOrgName' | 'referralDepartment' | 'waitingUntil'> }) {
  const { t } = useTranslation();
  const words =
    need.state === 'in_progress'
      ? need.handlerName
        ? t('residentWords.in_progress', { handler: need.handlerName })
        : t('residentWords.in_progressNoHandler')
      : need.state === 'waiting'
        ? t('residentWords.waiting', { date: need.waitingUntil ?? '—' })
        : need.state === 'referred'
          ? t('residentWords.referred', { target: need.referralOrgName ?? need.referralDepartment ?? '—' })
          : t(`residentWords.${need.state}`);
  return (
    <Typography.Paragraph style={{ margin: 0, fontSize: 16 }} data-testid="resident-words">
      {words}
    </Typography.Paragraph>
  );
}
