import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tag, type ButtonProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { CASES_KEY, withdrawConsent, type CaseDetail, type Consent, type Referral } from './caseQueries.ts';
import { when } from './caseWords.ts';
import { FieldTags, ReferralStatusTag } from './ReferralTags.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type Notes = NonNullable<CaseDetail['notes']>;

const LIST = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12 } as const;
const Heading = ({ children }: { children: string }) => <Typography.Title level={4} style={{ fontSize: 15, margin: '0 0 8px' }}>{children}</Typography.Title>;
const Text = ({ children }: { children: string }) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{children}</Typography.Paragraph>;

function givenBy(k: Consent, t: TFunction): string {
  if (k.givenBy === 'client') return t('caseConsent.byClient');
  return k.guardianRelation ? t('caseConsent.byGuardianRelation', { name: k.guardianName ?? '', relation: k.guardianRelation }) : t('caseConsent.byGuardian', { name: k.guardianName ?? '' });
}

function Consents({ c, consents }: { c: CaseDetail; consents: Notes['consents'] }) {
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const qc = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (consentId: string) => withdrawConsent(c.id, consentId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [CASES_KEY] });
      void message.success(t('caseConsent.withdrawDone'));
    },
  });
  const mayWithdraw = c.allowedActions.includes('record_consent');
  const confirm = (k: Consent) => {
    modal.confirm({
      title: t('caseConsent.withdrawTitle'),
      content: t('caseConsent.withdrawConfirm'),
      okText: t('caseConsent.withdraw'),
      okButtonProps: { danger: true, 'data-testid': 'case-consent-withdraw-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () => withdraw.mutateAsync(k.id),
    });
  };
  if (!consents.length) return <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="case-no-consent">{t('caseConsent.none')}</Typography.Paragraph>;
  return (
    <>
      <ErrorAlert error={withdraw.error} />
      <ul style={LIST}>
        {consents.map((k) => (
          <li key={k.id} data-testid="case-consent" data-withdrawn={k.withdrawnAt ? 'true' : 'false'} style={{ overflowWrap: 'anywhere' }}>
            <Space wrap size={6}>
              <Typography.Text strong>{givenBy(k, t)}</Typography.Text>
              {k.withdrawnAt ? <Tag style={{ marginInlineEnd: 0 }}>{t('caseConsent.withdrawnTag')}</Tag> : <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('caseConsent.active')}</Tag>}
            </Space>
            <div style={{ margin: '4px 0' }}><FieldTags fields={k.fields} /></div>
            <Typography.Text type="secondary">
              {t('caseConsent.givenOn', { date: k.givenOn })}
              {k.withdrawnAt && ` · ${t('caseConsent.withdrawnOn', { date: when(k.withdrawnAt) })}`}
            </Typography.Text>
            {mayWithdraw && !k.withdrawnAt && (
              <div style={{ marginTop: 4 }}>
                <Button size="small" danger onClick={() => confirm(k)} data-testid="case-consent-withdraw">{t('caseConsent.withdraw')}</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One referral sent: where to, what and why, and how it was answered; a department's answer is the worker's to record. */
function ReferralItem({ c, r }: { c: CaseDetail; r: Referral }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [answering, setAnswering] = useState(false);
  const mayRecord = !r.toOrganization && r.status === 'sent' && c.allowedActions.includes('refer');
  return (
    <li data-testid="case-referral" data-status={r.status} style={{ overflowWrap: 'anywhere' }}>
      <Space wrap size={6}>
        <Typography.Text strong>{r.toOrganization ? t('caseReferral.toOrganization', { name: r.toOrganization.name }) : t('caseReferral.toDepartment', { name: r.toDepartment ?? '' })}</Typography.Text>
        <ReferralStatusTag status={r.status} />
        <Typography.Text type="secondary">{t('caseReferral.sentOn', { date: when(r.sentAt) })}</Typography.Text>
      </Space>
      <div style={{ margin: '4px 0' }}><FieldTags fields={r.fields} /></div>
      <Text>{t('caseReferral.reasonIs', { reason: r.reason })}</Text>
      {r.answer && (
        <div style={{ marginTop: 4 }} data-testid="case-referral-answer">
          {r.answeredAt && <Typography.Text type="secondary">{t('caseReferral.answerOf', { date: when(r.answeredAt) })}</Typography.Text>}
          <Text>{r.answer}</Text>
        </div>
      )}
      {mayRecord && (
        <div style={{ marginTop: 8 }}>
          {answering ? (
            <AnswerForm
              referralId={r.id}
              hint={t('caseReferral.departmentAnswerHint')}
              submitLabel={t('caseReferral.recordAnswer')}
              testId="case-referral-answer"
              onDone={() => {
                void message.success(t('caseReferral.answerDone'));
                setAnswering(false);
              }}
              onCancel={() => setAnswering(false)}
            />
          ) : (
            <Button size="small" onClick={() => setAnswering(true)} data-testid="case-referral-record-answer">{t('caseReferral.recordAnswer')}</Button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * What the client agreed may leave the case, and what did: for the case's team only. The
 * worker withdraws a consent here and records a department's answer here; recording consent
 * and referring are steps of the action area, beside the case's other steps.
 */
export function ConsentsAndReferrals({ c, notes }: { c: CaseDetail; notes: Notes }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('caseConsent.title')} data-testid="case-consents">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <section>
          <Heading>{t('caseConsent.consents')}</Heading>
          <Consents c={c} consents={notes.consents} />
        </section>
        <section>
          <Heading>{t('caseConsent.referrals')}</Heading>
          {notes.referrals.length ? (
            <ul style={LIST}>
              {notes.referrals.map((r) => <ReferralItem key={r.id} c={c} r={r} />)}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="case-no-referrals">{t('caseConsent.noReferrals')}</Typography.Paragraph>
          )}
        </section>
      </Space>
    </Card>
  );
}
