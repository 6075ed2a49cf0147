import { Button, Empty, Space, Tag, theme, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { HOURS_STEP_MINUTES, MAX_SHIFT_MINUTES } from '../../../common/volunteers.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { ChoiceField, SelectField, TextField } from '../../components/PlainFields.tsx';
import { HoursStatusTag } from './VolunteerStatusTags.tsx';
import { hoursOf, useSessionVolunteers, useVerifyHours, type SessionVolunteer, type SessionVolunteers, type VerifyBody } from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type Decision = 'verify' | 'reject' | 'later';
interface Choice {
  decision: Decision;
  minutes: number;
  reason: string;
}

const REASON_MAX = 200;
const MINUTE_CHOICES = Array.from({ length: MAX_SHIFT_MINUTES / HOURS_STEP_MINUTES }, (_, i) => (i + 1) * HOURS_STEP_MINUTES);

/** The session's length in whole half hours, within what one shift may count: the default for those who claimed nothing. */
function sessionMinutes(s: SessionVolunteers): number {
  const m = Math.floor((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000 / HOURS_STEP_MINUTES) * HOURS_STEP_MINUTES;
  return Math.min(MAX_SHIFT_MINUTES, Math.max(HOURS_STEP_MINUTES, m || HOURS_STEP_MINUTES));
}

/** Why a rejection's reason cannot be sent yet, if it cannot. */
function reasonProblemOf(reason: string, t: TFunction): string | undefined {
  const text = reason.trim();
  if (!text) return t('volunteers.session.reasonRequired');
  if (text.length > REASON_MAX) return t('common.tooLong', { field: t('volunteers.session.reason'), max: REASON_MAX });
  return undefined;
}

/** Hours still open to the organizer: none recorded yet, or claimed and not decided. */
const open = (v: SessionVolunteer) => v.status === null || v.status === 'claimed';

function VolunteerRow({ v, choice, editable, onChange, showErrors }: {
  v: SessionVolunteer;
  choice: Choice | undefined;
  editable: boolean;
  onChange: (c: Choice) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const reasonProblem = showErrors && choice?.decision === 'reject' ? reasonProblemOf(choice.reason, t) : undefined;
  return (
    <li
      data-testid={`session-volunteer-${v.volunteerId}`}
      data-status={v.status ?? 'none'}
      style={{ padding: '10px 12px', borderRadius: token.borderRadiusLG, border: `1px solid ${token.colorBorderSecondary}`, display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
        <Typography.Text strong style={{ fontSize: 16, overflowWrap: 'anywhere' }}>{v.name}</Typography.Text>
        {!v.signedUp && <Tag style={{ marginInlineEnd: 0 }}>{t('volunteers.session.notSignedUp')}</Tag>}
        {v.status ? <HoursStatusTag status={v.status} /> : <Typography.Text type="secondary">{t('volunteers.session.noClaim')}</Typography.Text>}
        {v.minutes !== null && (
          <Typography.Text data-testid="session-volunteer-minutes">
            {t(v.status === 'claimed' ? 'volunteers.session.claimed' : 'volunteers.session.hours', { hours: hoursOf(v.minutes) })}
          </Typography.Text>
        )}
      </div>
      {v.status === 'rejected' && v.rejectReason && <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{t('volunteers.session.rejectedBecause', { reason: v.rejectReason })}</Typography.Text>}
      {editable && choice && (
        <div className="pf-inline">
          <ChoiceField
            id={`verify-decision-${v.volunteerId}`}
            value={choice.decision}
            onChange={(d) => onChange({ ...choice, decision: d as Decision })}
            label={t('volunteers.session.decisionFor', { name: v.name })}
            hideLabel
            // Only claimed hours can be rejected: without a claim there is nothing to reject, the organizer leaves it.
            options={[
              { value: 'verify', label: t('volunteers.session.verify') },
              ...(v.status === 'claimed' ? [{ value: 'reject', label: t('volunteers.session.reject') }] : []),
              { value: 'later', label: t('volunteers.session.later') },
            ]}
            testId={`verify-decision-${v.volunteerId}`}
          />
          {choice.decision === 'verify' && (
            <SelectField
              id={`verify-minutes-${v.volunteerId}`}
              value={String(choice.minutes)}
              onChange={(m) => onChange({ ...choice, minutes: Number(m) })}
              label={t('volunteers.session.minutesFor', { name: v.name })}
              hideLabel
              options={MINUTE_CHOICES.map((m) => ({ value: String(m), label: t('volunteers.session.hoursOption', { hours: hoursOf(m) }) }))}
              testId={`verify-minutes-${v.volunteerId}`}
            />
          )}
          {choice.decision === 'reject' && (
            <div style={{ flex: '1 1 220px', minWidth: 0 }}>
              <TextField
                id={`verify-reason-${v.volunteerId}`}
                value={choice.reason}
                onChange={(r) => onChange({ ...choice, reason: r ?? '' })}
                problem={reasonProblem}
                label={t('volunteers.session.reasonFor', { name: v.name })}
                hideLabel
                max={REASON_MAX}
                placeholder={t('volunteers.session.reasonPlaceholder')}
                testId={`verify-reason-${v.volunteerId}`}
              />
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** The organizer's decisions, one per volunteer whose hours are still open, saved at once. */
function VerifyList({ s }: { s: SessionVolunteers }) {
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const verify = useVerifyHours(s.sessionId);
  const started = Date.now() >= Date.parse(s.startsAt);
  const editable = s.canVerify && started;
  // What the organizer changed; every other open row is verified as claimed (or for the session's length).
  // Kept across saves, so a row left for later stays so after the others were saved.
  const [changed, setChanged] = useState<Record<string, Choice>>({});
  const choices: Record<string, Choice> = Object.fromEntries(
    s.items.filter(open).map((v) => [v.volunteerId, changed[v.volunteerId] ?? { decision: 'verify' as Decision, minutes: v.minutes ?? sessionMinutes(s), reason: '' }]),
  );
  const [showErrors, setShowErrors] = useState(false);
  const chosen = s.items.filter((v) => open(v) && choices[v.volunteerId] && choices[v.volunteerId]!.decision !== 'later');
  const verifying = chosen.filter((v) => choices[v.volunteerId]!.decision === 'verify');
  const rejecting = chosen.filter((v) => choices[v.volunteerId]!.decision === 'reject');
  const totalMinutes = verifying.reduce((sum, v) => sum + choices[v.volunteerId]!.minutes, 0);

  const save = () => {
    if (rejecting.some((v) => reasonProblemOf(choices[v.volunteerId]!.reason, t))) {
      setShowErrors(true);
      return;
    }
    setShowErrors(false);
    const body: VerifyBody = {
      entries: chosen.map((v) => {
        const c = choices[v.volunteerId]!;
        return c.decision === 'verify' ? { volunteerId: v.volunteerId, minutes: c.minutes } : { volunteerId: v.volunteerId, rejectReason: c.reason.trim() };
      }),
    };
    modal.confirm({
      title: t('volunteers.session.confirmTitle'),
      content:
        verifying.length === 0
          ? t('volunteers.session.confirmReject', { count: rejecting.length })
          : t(rejecting.length ? 'volunteers.session.confirmMixed' : 'volunteers.session.confirmVerify', { count: verifying.length, hours: hoursOf(totalMinutes), rejected: rejecting.length }),
      okText: t('volunteers.session.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'verify-hours-confirm' } as ButtonProps,
      // A refusal closes the dialog too: the card shows it above the list.
      onOk: () =>
        verify.mutateAsync(body).then(
          () => void message.success(t('volunteers.session.saved')),
          () => undefined,
        ),
    });
  };

  const openCount = s.items.filter(open).length;
  // The server names a refused entry by its place in what was sent: said here by the volunteer's name.
  const sent = verify.variables?.entries ?? [];
  const rowProblems =
    verify.error instanceof ApiError
      ? verify.error.fields.flatMap((f) => {
          const m = /^entries\.(\d+)/.exec(f.field);
          const who = m ? s.items.find((v) => v.volunteerId === sent[Number(m[1])]?.volunteerId)?.name : undefined;
          return who ? [t('volunteers.session.problem', { name: who, message: f.message })] : [];
        })
      : [];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {s.canVerify && !started && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('volunteers.session.notStarted')}</Typography.Paragraph>}
      {editable && openCount > 0 && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('volunteers.session.verifyHint')}</Typography.Paragraph>}
      <ErrorAlert error={verify.error} />
      {rowProblems.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="verify-problems">
          {rowProblems.map((p) => <li key={p}><Typography.Text type="danger">{p}</Typography.Text></li>)}
        </ul>
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="session-volunteer-list">
        {s.items.map((v) => (
          <VolunteerRow
            key={v.volunteerId}
            v={v}
            choice={choices[v.volunteerId]}
            editable={editable && open(v)}
            showErrors={showErrors}
            onChange={(c) => setChanged((all) => ({ ...all, [v.volunteerId]: c }))}
          />
        ))}
      </ul>
      {editable && openCount > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <Button type="primary" size="large" onClick={save} loading={verify.isPending} disabled={chosen.length === 0} data-testid="verify-hours-save">
            {rejecting.length ? t('volunteers.session.saveMixed', { count: chosen.length }) : t('volunteers.session.verifyAll', { count: verifying.length })}
          </Button>
          <Typography.Text type="secondary" aria-live="polite">
            {t('volunteers.session.summary', { count: verifying.length, hours: hoursOf(totalMinutes) })}
            {rejecting.length > 0 && ` · ${t('volunteers.session.summaryRejected', { count: rejecting.length })}`}
          </Typography.Text>
        </div>
      )}
    </Space>
  );
}

/**
 * 志愿者与服务时长, on a session's roster page: the volunteers signed up for the session and the
 * hours they claimed or were given. The organizer verifies them here (adjusting the minutes in
 * half hours) or rejects them with a reason, all at once; verified hours earn points. Shown
 * only to those the server answers, and only for sessions that have volunteers or need some.
 */
export function SessionVolunteersCard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const query = useSessionVolunteers(sessionId);
  if (!query.data) {
    // No volunteers module, or a session the caller does not organize: nothing to add to the roster.
    if (query.error instanceof ApiError && query.error.status >= 400 && query.error.status < 500) return null;
    return query.error ? <ErrorAlert error={query.error} /> : null;
  }
  const s = query.data;
  if (s.items.length === 0 && s.volunteersNeeded === 0) return null;
  const signedUp = s.items.filter((v) => v.signedUp).length;
  return (
    <Card
      size="small"
      title={<Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{t('volunteers.session.title')}</Typography.Title>}
      data-testid="session-volunteers"
    >
      <Typography.Paragraph style={{ marginTop: 0 }} data-testid="session-volunteer-counts">
        {t('volunteers.session.counts', { count: s.volunteersNeeded, signedUp })}
      </Typography.Paragraph>
      {s.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.session.empty')} />
      ) : (
        <VerifyList s={s} />
      )}
    </Card>
  );
}
