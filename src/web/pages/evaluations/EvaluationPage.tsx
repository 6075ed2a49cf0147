import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { ProjectStatusTag } from '../projects/ProjectStatusTag.tsx';
import { useProject } from '../projects/projectsApi.ts';
import { EvaluationHeading } from './EvaluationCard.tsx';
import { useProjectEvaluations, type Indicator, type ProjectEvaluations } from './evaluationQueries.ts';
import { EvaluationResult } from './EvaluationResult.tsx';
import { BandsLine } from './EvaluationTags.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { RecheckForm } from './RecheckForm.tsx';
import { OWED, stageOf } from './scoring.ts';
import { ScoreSheet } from './ScoreSheet.tsx';
import { StartEvaluation } from './StartEvaluation.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The evaluator's page for one project: where its evaluation stands, and the sheet or the re-check owed now. */
export function EvaluationPage() {
  const { projectId } = useParams();
  const { t } = useTranslation();
  const project = useProject(projectId);
  const data = useProjectEvaluations(projectId);
  const crumbs = <RecordCrumbs listPath="/evaluations" listTitle={t('evaluations.list')} current={project.data?.title ?? '…'} />;
  if (!project.data || !data.data) return <>{crumbs}<QueryState isLoading={project.isLoading || data.isLoading} error={project.error ?? data.error} /></>;
  const p = project.data;
  const d = data.data;
  const stage = stageOf(p.status, d);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }} data-testid="evaluation-page">
      {crumbs}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>{p.title}</Typography.Title>
          <ProjectStatusTag status={p.status} />
          <Typography.Text type="secondary">{p.refNo}</Typography.Text>
        </Space>
        <Link to={`/projects/${p.id}`}>{t('evaluations.projectDetails')}</Link>
        <Alert type={OWED.includes(stage) ? 'warning' : 'info'} showIcon title={t(`evaluations.stageHint.${stage}`)} data-testid="evaluation-stage" data-stage={stage} />
        <Typography.Text type="secondary"><BandsLine bands={d.bands} /></Typography.Text>
      </Space>
      <StartEvaluation projectId={p.id} allowedActions={d.allowedActions} />
      {/* The latest first: the work at hand sits above the mid-term already handed in. */}
      {[...d.evaluations].reverse().map((e) => (
        <Card key={e.id} size="small" title={<EvaluationHeading evaluation={e} />} data-testid="evaluation-item" data-kind={e.kind}>
          {e.allowedActions.includes('save') ? (
            <ScoreSheet projectId={p.id} evaluation={e} template={d.template as Indicator[]} bands={d.bands} />
          ) : (
            <Submitted projectId={p.id} data={d} evaluation={e} />
          )}
        </Card>
      ))}
    </Space>
  );
}

/** A handed-in evaluation: the result, the re-check when the contractor has answered, then the points per indicator. */
function Submitted({ projectId, data, evaluation: e }: { projectId: string; data: ProjectEvaluations; evaluation: ProjectEvaluations['evaluations'][number] }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <EvaluationResult evaluation={e} showDraft />
      {e.allowedActions.includes('recheck') && <RecheckForm projectId={projectId} evaluation={e} />}
      <section aria-label={t('evaluations.breakdown')}>
        <Typography.Title level={5}>{t('evaluations.breakdown')}</Typography.Title>
        <IndicatorTable template={data.template as Indicator[]} awarded={e.awarded} />
      </section>
    </Space>
  );
}
