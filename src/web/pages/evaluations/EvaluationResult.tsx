import { Descriptions, Grid, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EvaluationView } from './evaluationQueries.ts';
import { ConclusionTag, GradeTag } from './EvaluationTags.tsx';
import { points } from './scoring.ts';
import { Typography } from '../../components/Typography.tsx';

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');
const prose = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * One evaluation as its readers see it: the score and grade, the conclusion, the findings, the
 * rectification with its deadline, the contractor's answer and the re-check. A draft shows no
 * figure to anyone but the evaluator: the score counts once handed in.
 */
export function EvaluationResult({ evaluation: e, showDraft }: { evaluation: EvaluationView; showDraft: boolean }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  if (!e.submittedAt && !showDraft) return <Typography.Text type="secondary" data-testid="evaluation-in-progress">{t('evaluations.inProgress', { name: e.evaluatorName })}</Typography.Text>;
  const rectifies = e.conclusion === 'rectify';
  return (
    <Descriptions size="small" bordered column={1} layout={narrow ? 'vertical' : 'horizontal'} data-testid="evaluation-result" styles={{ label: { width: narrow ? undefined : 160 } }}>
      <Descriptions.Item label={e.submittedAt ? t('evaluations.score') : t('evaluations.draftScore')}>
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Typography.Text strong data-testid="evaluation-score">{t('evaluations.points', { points: points(e.score) })}</Typography.Text>
          {e.grade && <GradeTag grade={e.grade} />}
        </span>
      </Descriptions.Item>
      {e.conclusion && <Descriptions.Item label={t('evaluations.conclusionLabel')}><ConclusionTag conclusion={e.conclusion} /></Descriptions.Item>}
      <Descriptions.Item label={t('evaluations.findings')}><span style={prose}>{e.findings || '—'}</span></Descriptions.Item>
      {rectifies && (
        <Descriptions.Item label={t('evaluations.rectification')}>
          <span style={prose} data-testid="evaluation-rectification">{e.rectification}</span>
          {e.rectifyBy && <div><Typography.Text type="secondary" data-testid="evaluation-rectify-by">{t('evaluations.rectifyByLine', { date: e.rectifyBy })}</Typography.Text></div>}
        </Descriptions.Item>
      )}
      {rectifies && (
        <Descriptions.Item label={t('evaluations.answer')}>
          {e.rectifiedAt ? (
            <span data-testid="evaluation-answer">
              <span style={prose}>{e.rectifiedNote}</span>
              <div><Typography.Text type="secondary">{t('evaluations.answeredOn', { date: day(e.rectifiedAt) })}</Typography.Text></div>
            </span>
          ) : (
            <Typography.Text type="warning">{t('evaluations.awaitingAnswer')}</Typography.Text>
          )}
        </Descriptions.Item>
      )}
      {rectifies && e.rectifiedAt && (
        <Descriptions.Item label={t('evaluations.recheck')}>
          {e.recheck ? (
            <span data-testid="evaluation-recheck" data-result={e.recheck}>
              <Tag color={e.recheck === 'passed' ? 'green' : 'red'}>{t(`evaluations.recheckResult.${e.recheck}`)}</Tag>
              {e.recheckNote && <span style={prose}>{e.recheckNote}</span>}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('evaluations.awaitingRecheck')}</Typography.Text>
          )}
        </Descriptions.Item>
      )}
      {e.submittedAt && <Descriptions.Item label={t('evaluations.submittedAt')}>{day(e.submittedAt)} · {e.evaluatorName}</Descriptions.Item>}
    </Descriptions>
  );
}
