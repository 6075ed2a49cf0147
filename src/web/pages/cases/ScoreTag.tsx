import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCORE_COLOURS } from './caseWords.ts';

/** A domain's score with its meaning, so "1" never reads as "good". */
export function ScoreTag({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={SCORE_COLOURS[score] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="case-score" data-score={score}>
      {t('case.scoreLabel', { score, meaning: t(`caseScore.${score}`) })}
    </Tag>
  );
}
