import { ClockCircleOutlined, EnvironmentOutlined, LeftOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { sessionSpan } from '../activities/sessionTime.ts';
import { ClaimHours, sessionMinutes } from './ClaimHours.tsx';
import { HOURS_TAG_COLOR } from './VolunteerRecords.tsx';
import { hoursText } from './volunteerFormat.ts';
import { useClaimHours, useMyVolunteer, useOpportunities, useSignup, type HoursItem, type Opportunity, type VolunteerDetail } from './volunteerQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** One session needing volunteers: its facts, the places left, and what the volunteer can do with it now. */
function OpportunityCard({ o, v, hours, past }: { o: Opportunity; v: VolunteerDetail; hours: HoursItem | undefined; past: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const signup = useSignup();
  const claim = useClaimHours();
  const [claiming, setClaiming] = useState(false);
  const full = o.signedUp >= o.volunteersNeeded;
  const time = sessionSpan(o, t);
  const ask = (kind: 'sign_up' | 'withdraw') => {
    const k = kind === 'sign_up' ? 'signUp' : 'withdraw';
    modal.confirm({
      title: t(`volunteer.opportunities.${k}Title`),
      content: t(`volunteer.opportunities.${k}Content`, { title: o.title, time }),
      okText: t(`volunteer.opportunities.${k}`),
      okButtonProps: { danger: kind === 'withdraw' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await signup.mutateAsync({ kind, sessionId: o.sessionId });
          void message.success(t(kind === 'sign_up' ? 'volunteer.opportunities.signedUp' : 'volunteer.opportunities.withdrawn'));
        } catch {
          // Shown on the card, below its facts.
        }
      },
    });
  };
  return (
    <Card size="small" data-testid={`opportunity-${o.sessionId}`} data-mine={o.mine ? 'true' : 'false'} data-title={o.title}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
        <Typography.Text strong style={{ fontSize: '1.2em' }}>{o.title}</Typography.Text>
        {o.mine && <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('volunteer.opportunities.mine')}</Tag>}
      </div>
      <div style={{ fontSize: '1.1em', marginTop: 4 }}>
        <ClockCircleOutlined aria-hidden /> {time}
      </div>
      <div style={{ overflowWrap: 'anywhere' }}>
        <EnvironmentOutlined aria-hidden /> {[o.venue, o.community.name].filter(Boolean).join(' · ')}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block' }}>{t('volunteer.opportunities.by', { organizer: o.organizer })}</Typography.Text>
      <ErrorAlert error={signup.error ?? claim.error} />
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', alignItems: 'center', gap: 8, marginTop: 8 }}>
        {!past && (
          <Typography.Text type={full && !o.mine ? 'danger' : undefined} style={{ flex: '1 1 auto' }} data-testid="places">
            <TeamOutlined aria-hidden /> {t('volunteer.opportunities.places', { signedUp: o.signedUp, needed: o.volunteersNeeded })}
            {full && !o.mine && ` · ${t('volunteer.opportunities.full')}`}
          </Typography.Text>
        )}
        {past ? (
          hours ? (
            <Tag color={HOURS_TAG_COLOR[hours.status]} style={{ marginInlineEnd: 0, fontSize: '0.95em', padding: '2px 8px' }} data-testid="hours-status" data-status={hours.status}>
              {t('volunteer.opportunities.claimStatus', { hours: hoursText(hours.minutes), status: t(`volunteer.hoursStatus.${hours.status}`) })}
            </Tag>
          ) : (
            !claiming && <Button type="primary" size="large" onClick={() => setClaiming(true)} data-testid={`claim-${o.sessionId}`}>{t('volunteer.opportunities.claim')}</Button>
          )
        ) : o.mine ? (
          <Button size="large" danger onClick={() => ask('withdraw')} loading={signup.isPending} data-testid={`withdraw-${o.sessionId}`}>{t('volunteer.opportunities.withdraw')}</Button>
        ) : (
          <Button type="primary" size="large" onClick={() => ask('sign_up')} disabled={full || v.status !== 'active'} loading={signup.isPending} data-testid={`signup-${o.sessionId}`}>{t('volunteer.opportunities.signUp')}</Button>
        )}
      </div>
      {past && hours?.status === 'rejected' && hours.rejectReason && <Typography.Text type="danger">{t('volunteer.reason', { reason: hours.rejectReason })}</Typography.Text>}
      {claiming && !hours && (
        <ClaimHours
          initial={sessionMinutes(o)}
          pending={claim.isPending}
          onCancel={() => setClaiming(false)}
          onSubmit={(minutes) =>
            claim.mutate(
              { sessionId: o.sessionId, minutes },
              {
                onSuccess: () => {
                  setClaiming(false);
                  void message.success(t('volunteer.opportunities.claimed'));
                },
              },
            )
          }
          testId={`hours-form-${o.sessionId}`}
        />
      )}
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Typography.Title level={4} id={id} style={{ margin: 0 }}>{title}</Typography.Title>
      {children}
    </section>
  );
}

/**
 * 志愿服务机会: sessions past that the volunteer signed up for, to claim their hours, then the
 * coming sessions of the communities they serve, to sign up for or withdraw from.
 */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const me = useMyVolunteer();
  const v = me.data;
  const list = useOpportunities(!!v);
  const now = Date.now();
  const items = list.data ?? [];
  const hoursBySession = new Map((v?.hours ?? []).map((h) => [h.sessionId, h]));
  const past = items.filter((o) => o.mine && Date.parse(o.startsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const upcoming = items.filter((o) => Date.parse(o.startsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="opportunities-page">
      <Link to="/volunteer" style={{ alignSelf: 'flex-start' }}><LeftOutlined aria-hidden /> {t('volunteer.opportunities.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('volunteer.opportunities.title')}</Typography.Title>
      {v === undefined ? (
        <QueryState isLoading={me.isLoading} error={me.error} />
      ) : v === null ? (
        <Alert
          type="info"
          showIcon
          title={t('volunteer.opportunities.notRegistered')}
          action={<Link to="/volunteer">{t('volunteer.opportunities.goRegister')}</Link>}
          data-testid="volunteer-not-registered"
        />
      ) : (
        <>
          {v.status !== 'active' && <Alert type="warning" showIcon title={t(`volunteer.statusNote.${v.status}`)} />}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('volunteer.opportunities.intro')}</Typography.Paragraph>
          {!list.data ? (
            <QueryState isLoading={list.isLoading} error={list.error} />
          ) : (
            <>
              {past.length > 0 && (
                <Section id="opportunities-past" title={t('volunteer.opportunities.toClaim')}>
                  {past.map((o) => <OpportunityCard key={o.sessionId} o={o} v={v} hours={hoursBySession.get(o.sessionId)} past />)}
                </Section>
              )}
              <Section id="opportunities-upcoming" title={t('volunteer.opportunities.upcoming')}>
                {upcoming.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.opportunities.none')} />}
                {upcoming.map((o) => <OpportunityCard key={o.sessionId} o={o} v={v} hours={undefined} past={false} />)}
              </Section>
            </>
          )}
        </>
      )}
    </div>
  );
}
