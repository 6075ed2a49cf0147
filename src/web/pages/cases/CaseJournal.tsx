import { Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_DOMAINS, useOrganizationWorkers, type AssessmentBody, type CaseDetail, type ClosingBody, type JournalEntry, type ReviewAction } from './caseQueries.ts';
import { when } from './caseWords.ts';
import { ScoreTag } from './ScoreTag.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Timeline } from '../../components/Timeline.tsx';

/** The bodies the server writes per kind (cases.service.ts). */
interface Bodies {
  intake: { source: string; summary: string };
  assessment: AssessmentBody;
  plan: { goals: { goal: number; title: string; measure: string }[] };
  session: { note: string; goalProgress: { goal: number; progress: number }[] };
  closing: Omit<ClosingBody, 'reply'>;
  review: { action: ReviewAction; comment: string };
  handover: { fromWorkerId: string; toWorkerId: string; note: string };
  reopen: { reason: string };
}

const COLOURS: Record<JournalEntry['kind'], string> = {
  intake: 'blue', assessment: 'blue', plan: 'blue', session: 'green', closing: 'blue', review: 'gold', handover: 'gray', reopen: 'orange',
};

const Text = ({ children }: { children: ReactNode }) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{children}</Typography.Paragraph>;

/** What one record says, in words: each kind its own shape. */
function EntryBody({ e, goalTitle, workerName }: { e: JournalEntry; goalTitle: (goal: number) => string; workerName: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  switch (e.kind) {
    case 'intake': {
      const b = e.body as unknown as Bodies['intake'];
      return (
        <>
          <Typography.Text type="secondary">{t('case.sourceIs', { source: t(`caseSource.${b.source}`, { defaultValue: b.source }) })}</Typography.Text>
          <Text>{b.summary}</Text>
        </>
      );
    }
    case 'assessment': {
      const b = e.body as unknown as Bodies['assessment'];
      return (
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {ASSESSMENT_DOMAINS.map((d) => (
              <li key={d}>
                <Space wrap size={4}>
                  <span>{t(`caseDomain.${d}`)}</span>
                  <ScoreTag score={b.domains[d].score} />
                  {b.domains[d].note && <span>{b.domains[d].note}</span>}
                </Space>
              </li>
            ))}
          </ul>
          {b.summary && <Text>{b.summary}</Text>}
        </>
      );
    }
    case 'plan': {
      const b = e.body as unknown as Bodies['plan'];
      return (
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {b.goals.map((g) => <li key={g.goal}>{g.measure ? t('case.goalWithMeasure', { title: g.title, measure: g.measure }) : g.title}</li>)}
        </ol>
      );
    }
    case 'session': {
      const b = e.body as unknown as Bodies['session'];
      return (
        <>
          <Typography.Text type="secondary">{t('case.sessionHeld', { date: e.heldOn, minutes: e.minutes })}</Typography.Text>
          <Text>{b.note}</Text>
          {b.goalProgress.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {b.goalProgress.map((p) => <li key={p.goal}>{t('case.progressIs', { title: goalTitle(p.goal), progress: p.progress })}</li>)}
            </ul>
          )}
        </>
      );
    }
    case 'closing': {
      const b = e.body as unknown as Bodies['closing'];
      return (
        <>
          <Typography.Text>{t('case.outcomeIs', { outcome: t(`outcome.${b.outcome}`) })}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {b.results.map((r) => (
              <li key={r.goal}>
                {t('case.resultIs', { title: goalTitle(r.goal), result: t(`goalResult.${r.result}`) })}
                {r.note && ` — ${r.note}`}
              </li>
            ))}
          </ul>
          <Text>{b.summary}</Text>
        </>
      );
    }
    case 'review': {
      const b = e.body as unknown as Bodies['review'];
      return b.comment ? <Text>{b.comment}</Text> : null;
    }
    case 'handover': {
      const b = e.body as unknown as Bodies['handover'];
      const from = workerName(b.fromWorkerId);
      const to = workerName(b.toWorkerId);
      return (
        <>
          {from && to && <Typography.Text type="secondary">{t('case.handedOver', { from, to })}</Typography.Text>}
          <Text>{b.note}</Text>
        </>
      );
    }
    case 'reopen':
      return <Text>{(e.body as unknown as Bodies['reopen']).reason}</Text>;
  }
}

/** A review's title says what the supervisor decided; every other record is named by its kind. */
function entryTitle(e: JournalEntry, t: (k: string) => string): string {
  return e.kind === 'review' ? t(`caseReview.${(e.body as unknown as Bodies['review']).action}`) : t(`caseRecord.${e.kind}`);
}

/** Everything written on the case, newest first, with who wrote it and when. */
export function CaseJournal({ c, notes }: { c: CaseDetail; notes: NonNullable<CaseDetail['notes']> }) {
  const { t } = useTranslation();
  const handovers = notes.journal.some((e) => e.kind === 'handover');
  const workers = useOrganizationWorkers(c.organization.id, handovers);
  const workerName = (id: string) => (id === c.worker.id ? c.worker.name : workers.data?.find((w) => w.id === id)?.name);
  const plans = notes.journal.filter((e) => e.kind === 'plan');
  const lastPlan = plans.at(-1)?.body as unknown as Bodies['plan'] | undefined;
  const goalTitle = (goal: number) => lastPlan?.goals.find((g) => g.goal === goal)?.title ?? t('case.goalNo', { goal });
  return (
    <Timeline
      data-testid="case-journal"
      items={[...notes.journal].reverse().map((e) => ({
        key: e.id,
        color: COLOURS[e.kind],
        content: (
          <div data-testid="case-record" data-kind={e.kind} style={{ overflowWrap: 'anywhere' }}>
            <Space wrap size={6}>
              <Typography.Text strong>{entryTitle(e, t)}</Typography.Text>
              <Typography.Text type="secondary">{when(e.at)}{e.authorName ? ` · ${e.authorName}` : ''}</Typography.Text>
            </Space>
            <div><EntryBody e={e} goalTitle={goalTitle} workerName={workerName} /></div>
          </div>
        ),
      }))}
    />
  );
}
