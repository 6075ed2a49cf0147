import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Goal } from './caseQueries.ts';
import { Typography } from '../../components/Typography.tsx';

/** The plan's goals, and once sessions are held, the progress the latest gave each (before, a row of 0% says nothing). */
export function GoalsView({ goals, served }: { goals: Goal[]; served: boolean }) {
  const { t } = useTranslation();
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="case-goals">
      {goals.map((g) => (
        <li key={g.goal} data-testid="case-goal" data-progress={g.progress} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{g.title}</Typography.Text>
          {g.measure && <div><Typography.Text type="secondary">{t('case.measureIs', { measure: g.measure })}</Typography.Text></div>}
          {served && <Progress percent={g.progress} size="small" aria-label={t('case.goalProgress', { title: g.title })} />}
        </li>
      ))}
    </ol>
  );
}
