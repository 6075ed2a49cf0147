import { RightOutlined } from '@ant-design/icons';
import { Spin, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useMyEvaluations } from './evaluationQueries.ts';
import { stageOf } from './scoring.ts';
import { byOwedFirst, StageNote } from './StageNote.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** An evaluator's home: their projects, those awaiting an evaluation or a re-check first. */
export function EvaluatorWork() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mine = useMyEvaluations();
  const rows = byOwedFirst(mine.rows);
  return (
    <Card size="small" title={t('evaluations.homeTitle')} data-testid="home-evaluations" extra={<Link to="/evaluations">{t('workbench.seeAll')}</Link>}>
      <ErrorAlert error={mine.error} />
      {mine.isLoading && <Spin />}
      {!mine.isLoading && rows.length === 0 && <Typography.Text>{t('evaluations.noProjects')}</Typography.Text>}
      {rows.map(({ project: p, evaluations: d }) => (
        <Link
          key={p.id}
          to={`/evaluations/${p.id}`}
          data-testid="home-evaluation"
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '10px 0', color: 'inherit', borderTop: `1px solid ${token.colorBorderSecondary}` }}
        >
          <span style={{ flex: '1 1 200px', minWidth: 0, overflowWrap: 'anywhere' }}>{p.title}</span>
          {d && <StageNote stage={stageOf(p.status, d)} />}
          <RightOutlined aria-hidden style={{ color: token.colorTextTertiary }} />
        </Link>
      ))}
    </Card>
  );
}
