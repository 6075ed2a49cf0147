import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { ProjectStatusTag } from '../projects/ProjectStatusTag.tsx';
import { useMyEvaluations, type ProjectEvaluations } from './evaluationQueries.ts';
import { GradeTag } from './EvaluationTags.tsx';
import { OWED, points, stageOf } from './scoring.ts';
import { byOwedFirst, StageNote, type EvaluationRow } from './StageNote.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/** An evaluator's workspace: the projects assigned to them, what each owes them now, and the results handed in. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const mine = useMyEvaluations();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('evaluations.list')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('evaluations.listHint')}</Typography.Paragraph>
      <ErrorAlert error={mine.error} />
      <Card size="small">
        <List
          loading={mine.isLoading}
          dataSource={byOwedFirst(mine.rows)}
          locale={{ emptyText: t('evaluations.noProjects') }}
          renderItem={(row) => <ProjectItem row={row} />}
        />
      </Card>
    </Space>
  );
}

function ProjectItem({ row: { project: p, evaluations: d } }: { row: EvaluationRow }) {
  const stage = d && stageOf(p.status, d);
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid="evaluation-project" data-stage={stage} data-owed={stage ? OWED.includes(stage) : undefined}>
      <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
        <Link to={`/evaluations/${p.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{p.title}</Link>
        <Space wrap size={[8, 4]}>
          <Typography.Text type="secondary">{p.refNo}</Typography.Text>
          <ProjectStatusTag status={p.status} />
        </Space>
        {stage && <StageNote stage={stage} />}
        {d && <Results data={d} />}
      </Space>
    </List.Item>
  );
}

/** The evaluations handed in, in a line each: 中期评估 78 分 合格. */
function Results({ data }: { data: ProjectEvaluations }) {
  const { t } = useTranslation();
  const done = data.evaluations.filter((e) => e.submittedAt && e.grade);
  if (!done.length) return null;
  return (
    <Space wrap size={[16, 4]}>
      {done.map((e) => (
        <Space key={e.id} size={6}>
          <span>{t(`evaluations.kind.${e.kind}`)} {t('evaluations.points', { points: points(e.score) })}</span>
          <GradeTag grade={e.grade!} />
        </Space>
      ))}
    </Space>
  );
}
