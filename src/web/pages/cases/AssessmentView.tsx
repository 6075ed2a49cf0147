import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_DOMAINS, type AssessmentBody } from './caseQueries.ts';
import { ScoreTag } from './ScoreTag.tsx';
import { Typography } from '../../components/Typography.tsx';

/** The five domains, each with its score and note, and the worker's summary. */
export function AssessmentView({ assessment: a }: { assessment: AssessmentBody }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="case-assessment">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
        {ASSESSMENT_DOMAINS.map((d) => (
          <li key={d} data-domain={d} style={{ overflowWrap: 'anywhere' }}>
            <Space wrap size={6}>
              <Typography.Text strong>{t(`caseDomain.${d}`)}</Typography.Text>
              <ScoreTag score={a.domains[d].score} />
            </Space>
            {a.domains[d].note && <div style={{ whiteSpace: 'pre-wrap' }}>{a.domains[d].note}</div>}
          </li>
        ))}
      </ul>
      {a.summary && (
        <div>
          <Typography.Text strong>{t('case.assessmentSummary')}</Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>
        </div>
      )}
      <Typography.Text type="secondary">{t('case.scoreScale')}</Typography.Text>
    </Space>
  );
}
