import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { downloadFile } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import type { ProjectDetail } from '../projects/projectsApi.ts';
import { AcceptanceActions } from './AcceptanceActions.tsx';
import { AnswerRectification } from './AnswerRectification.tsx';
import { AssignEvaluator, evaluatorLabel } from './AssignEvaluator.tsx';
import { useProjectEvaluations, type EvaluationView } from './evaluationQueries.ts';
import { EvaluationResult } from './EvaluationResult.tsx';
import { BandsLine } from './EvaluationTags.tsx';
import { StartEvaluation } from './StartEvaluation.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const ACCEPTANCE = ['accept', 'accept_with_conditions', 'fail', 'close'];

/** One evaluation's heading: its kind, and whether it is handed in. */
export function EvaluationHeading({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>{t(`evaluations.kind.${e.kind}`)}</Typography.Title>
      <Tag color={e.submittedAt ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>{t(e.submittedAt ? 'evaluations.handedIn' : 'evaluations.scoring')}</Tag>
    </Space>
  );
}

/**
 * The project's third-party evaluation: who evaluates it (the funder assigns them), each
 * evaluation with its score, grade, conclusion and rectification; the contractor answers a
 * rectification here, the evaluator starts an evaluation and goes on to the score sheet, and
 * the funder decides acceptance on the final report.
 */
export function EvaluationCard({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const data = useProjectEvaluations(project.id);
  const [changing, setChanging] = useState(false);
  const d = data.data;
  const deciding = ACCEPTANCE.some((a) => project.allowedActions.includes(a));
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!d || (!d.evaluator && !d.evaluations.length && !d.allowedActions.includes('assign') && !deciding)) return null;
  const canAssign = d.allowedActions.includes('assign');
  const evaluates = !!d.evaluator && d.evaluator.userId === me?.user.id;
  const sheet = `/evaluations/${project.id}`;
  const finalSubmitted = d.evaluations.some((e) => e.kind === 'final' && !!e.submittedAt);
  return (
    <Card size="small" title={t('evaluations.cardTitle')} data-testid="evaluation-card" extra={evaluates && <Link to={sheet} data-testid="evaluation-open-sheet">{t('evaluations.openSheet')}</Link>}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap size={[8, 4]}>
            <Typography.Text type="secondary">{t('evaluations.evaluator')}</Typography.Text>
            <Typography.Text strong data-testid="evaluation-evaluator">{d.evaluator ? evaluatorLabel(d.evaluator) : t('evaluations.noEvaluator')}</Typography.Text>
            {canAssign && d.evaluator && !changing && <Button size="small" onClick={() => setChanging(true)} data-testid="evaluation-change">{t('evaluations.change')}</Button>}
          </Space>
          {d.evaluator && <Typography.Text type="secondary"><BandsLine bands={d.bands} /></Typography.Text>}
        </Space>
        {canAssign && (!d.evaluator || changing) && <AssignEvaluator projectId={project.id} current={d.evaluator?.userId ?? null} onDone={() => setChanging(false)} />}
        {evaluates && <StartEvaluation projectId={project.id} allowedActions={d.allowedActions} onStarted={() => navigate(sheet)} />}
        {d.evaluations.map((e) => (
          <section key={e.id} aria-label={t(`evaluations.kind.${e.kind}`)} data-testid="evaluation-item" data-kind={e.kind}>
            <div style={{ marginBottom: 8 }}><EvaluationHeading evaluation={e} /></div>
            <EvaluationResult evaluation={e} showDraft={evaluates} />
            {e.submittedAt && (
              <Button size="small" style={{ marginTop: 8 }} onClick={() => void downloadFile(`/evaluations/${e.id}/report.pdf`)} data-testid="evaluation-report">
                {t('evaluations.downloadReport')}
              </Button>
            )}
            {evaluates && (e.allowedActions.includes('save') || e.allowedActions.includes('recheck')) && (
              <Link to={sheet} style={{ display: 'inline-block', marginTop: 8 }}>{t(e.allowedActions.includes('recheck') ? 'evaluations.goRecheck' : 'evaluations.goScore')}</Link>
            )}
            {e.allowedActions.includes('answer') && <div style={{ marginTop: 16 }}><AnswerRectification projectId={project.id} evaluation={e} /></div>}
          </section>
        ))}
        {deciding && <AcceptanceActions project={project} finalSubmitted={finalSubmitted} />}
      </Space>
    </Card>
  );
}
