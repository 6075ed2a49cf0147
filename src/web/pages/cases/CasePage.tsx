import { LeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseJournal } from './CaseJournal.tsx';
import { useCase, type CaseDetail } from './caseQueries.ts';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { ConsentsAndReferrals } from './ConsentsAndReferrals.tsx';
import { GoalsView } from './GoalsView.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/**
 * The case's confidential part, for its team only: the assessment, the plan's goals and the
 * sessions' time, what the client consented to share and where they were referred, then the
 * caller's steps, then the journal — the steps sit above the history so a worker recording the
 * twentieth session does not scroll past the first nineteen to do it.
 */
function CaseNotes({ c, notes }: { c: CaseDetail; notes: NonNullable<CaseDetail['notes']> }) {
  const { t } = useTranslation();
  const sessions = notes.journal.filter((e) => e.kind === 'session').length;
  return (
    <>
      <Card size="small" title={t('case.assessment')}>
        {notes.assessment ? <AssessmentView assessment={notes.assessment} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noAssessment')} />}
      </Card>
      <Card size="small" title={t('case.plan')}>
        {notes.goals.length ? <GoalsView goals={notes.goals} served={sessions > 0} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noPlan')} />}
        <Typography.Paragraph style={{ margin: '12px 0 0' }} data-testid="case-minutes" data-minutes={notes.sessionMinutes}>
          {t('case.sessionTotal', { count: sessions, minutes: notes.sessionMinutes })}
        </Typography.Paragraph>
      </Card>
      <ConsentsAndReferrals c={c} notes={notes} />
      <CaseActions c={c} />
      <Card size="small" title={t('case.journal')}>
        <CaseJournal c={c} notes={notes} />
      </Card>
    </>
  );
}

/** One case: who and where, what comes next, its notes for its team (a notice for everyone else), and the caller's steps. */
export function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useCase(id);
  if (!detail.data) return <QueryState isLoading={detail.isLoading} error={detail.error} />;
  const c = detail.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }} data-testid="case-page">
      <Link to="/cases"><LeftOutlined /> {t('case.title')}</Link>
      <Space wrap size={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-ref">{c.refNo}</Typography.Title>
        <CaseStatusTag status={c.status} />
      </Space>
      <Typography.Paragraph style={{ margin: 0 }} data-testid="case-next">{t(`caseNext.${c.status}`, { worker: c.worker.name, supervisor: c.supervisor.name })}</Typography.Paragraph>
      <Card size="small">
        <CaseHeader c={c} />
      </Card>
      {c.notes ? (
        <CaseNotes c={c} notes={c.notes} />
      ) : (
        <>
          <Alert type="info" showIcon icon={<LockOutlined />} title={t('case.confidential')} description={t('case.confidentialHint')} data-testid="case-confidential" />
          <CaseActions c={c} />
        </>
      )}
    </Space>
  );
}
