import { Button, Space, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { startEvaluation, useEvaluationStep, type EvaluationKind } from './evaluationQueries.ts';
import { useNotices } from '../../app/notices.tsx';

/** The evaluator opens the mid-term or the final: the project moves into that evaluation, so it asks first. */
export function StartEvaluation({ projectId, allowedActions, onStarted }: { projectId: string; allowedActions: string[]; onStarted?: () => void }) {
  const { t } = useTranslation();
  const { modal } = useNotices();
  const start = useEvaluationStep(projectId, (kind: EvaluationKind) => startEvaluation(projectId, kind));
  const kinds = (['midterm', 'final'] as const).filter((k) => allowedActions.includes(`start_${k}`));
  if (!kinds.length) return null;
  const ask = (kind: EvaluationKind) => {
    modal.confirm({
      title: t(`evaluations.start.${kind}`),
      content: t(`evaluations.startConfirm.${kind}`),
      okText: t(`evaluations.start.${kind}`),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'evaluation-start-ok' } as ButtonProps,
      // A refusal closes the dialog and shows above the buttons.
      onOk: () => start.mutateAsync(kind).then(() => onStarted?.(), () => undefined),
    });
  };
  return (
    <Space orientation="vertical" size={8}>
      <ErrorAlert error={start.error} />
      <Space wrap>
        {kinds.map((k) => (
          <Button key={k} type="primary" onClick={() => ask(k)} data-testid={`evaluation-start-${k}`}>{t(`evaluations.start.${k}`)}</Button>
        ))}
      </Space>
    </Space>
  );
}
