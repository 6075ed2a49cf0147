import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grade } from './evaluationQueries.ts';

const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
const CONCLUSION_COLORS: Record<string, string> = { passed: 'green', rectify: 'orange', failed: 'red', accepted: 'green', accepted_with_conditions: 'gold' };

export function GradeTag({ grade }: { grade: Grade }) {
  const { t } = useTranslation();
  return <Tag color={GRADE_COLORS[grade]} data-testid="evaluation-grade" data-grade={grade} style={{ marginInlineEnd: 0 }}>{t(`evaluations.grade.${grade}`)}</Tag>;
}

export function ConclusionTag({ conclusion }: { conclusion: string }) {
  const { t } = useTranslation();
  return <Tag color={CONCLUSION_COLORS[conclusion]} data-testid="evaluation-conclusion" data-conclusion={conclusion} style={{ marginInlineEnd: 0 }}>{t(`evaluations.conclusion.${conclusion}`)}</Tag>;
}

/** The project's bands in a line (≥ 90 优秀 · ≥ 80 良好 · … · < 60 不合格): halves make "80–89" inexact. */
export function BandsLine({ bands }: { bands: { grade: Grade; min: number }[] }) {
  const { t } = useTranslation();
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const parts = sorted.map((b, i) => {
    const name = t(`evaluations.grade.${b.grade}`);
    return b.min === 0 && i > 0 ? t('evaluations.bandBelow', { max: sorted[i - 1]!.min, grade: name }) : t('evaluations.bandFrom', { min: b.min, grade: name });
  });
  return <span data-testid="evaluation-bands">{t('evaluations.bands')}{parts.join(' · ')}</span>;
}
