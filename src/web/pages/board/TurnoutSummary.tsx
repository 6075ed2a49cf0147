import { useTranslation } from 'react-i18next';
import { percentText, yuan } from './money.ts';
import { Typography } from '../../components/Typography.tsx';

/** Turnout in one sentence: households that voted (online and assisted) of all households. */
export function TurnoutLine({ turnout }: { turnout: { households: number; online: number; assisted: number; percent: number } }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="turnout-line">
      {t('budget.results.turnout', {
        voted: turnout.online + turnout.assisted,
        households: turnout.households,
        percent: percentText(turnout.percent),
        online: turnout.online,
        assisted: turnout.assisted,
      })}
    </Typography.Paragraph>
  );
}

/** The budget the winners use, of the round's total. */
export function BudgetUsedLine({ candidates, totalBudgetFen }: { candidates: { costFen: number; won: boolean | null }[]; totalBudgetFen: number }) {
  const { t } = useTranslation();
  const used = candidates.filter((c) => c.won).reduce((a, c) => a + c.costFen, 0);
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="budget-used">
      {t('budget.results.budgetUsed', { used: yuan(used), total: yuan(totalBudgetFen), left: yuan(Math.max(0, totalBudgetFen - used)), count: candidates.filter((c) => c.won).length })}
    </Typography.Paragraph>
  );
}
