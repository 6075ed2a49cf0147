import { useTranslation } from 'react-i18next';
import type { ProjectView } from '../projects/projectsApi.ts';
import type { ProjectEvaluations } from './evaluationQueries.ts';
import { OWED, stageOf, type Stage } from './scoring.ts';
import { Typography } from '../../components/Typography.tsx';

export interface EvaluationRow {
  project: ProjectView;
  evaluations: ProjectEvaluations | undefined;
}

/** What a project's evaluation waits for, in a few words: the evaluator's own steps stand out. */
export function StageNote({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const owed = OWED.includes(stage);
  return <Typography.Text type={owed ? 'warning' : 'secondary'} strong={owed} data-testid="evaluation-stage-note">{t(`evaluations.stage.${stage}`)}</Typography.Text>;
}

const owes = (r: EvaluationRow) => !!r.evaluations && OWED.includes(stageOf(r.project.status, r.evaluations));

/** Projects with a step owed by the evaluator first, the rest in the server's order. */
export function byOwedFirst(rows: EvaluationRow[]): EvaluationRow[] {
  return [...rows.filter(owes), ...rows.filter((r) => !owes(r))];
}
