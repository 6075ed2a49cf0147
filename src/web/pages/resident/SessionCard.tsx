import { CheckCircleFilled, ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Tag, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { sessionPhase, sessionSpan } from '../activities/sessionTime.ts';
import { CodeCheckIn } from './CodeCheckIn.tsx';
import { type MySession, useParticipation } from './myActivitiesQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The session's facts a resident decides by: when, where, who runs it, and whether there is room. */
export function SessionFacts({ s }: { s: MySession }) {
  const { t } = useTranslation();
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
        <Typography.Text strong style={{ fontSize: 18 }}>{s.title}</Typography.Text>
        {s.nearest && <Tag color="green">{t('myActivities.ownCommunity')}</Tag>}
        <Tag>{t(`activityMethod.${s.method}`)}</Tag>
      </div>
      <div style={{ fontSize: 16, marginTop: 4 }}>
        <ClockCircleOutlined aria-hidden /> {sessionSpan(s, t)}
      </div>
      <div style={{ overflowWrap: 'anywhere' }}>
        <EnvironmentOutlined aria-hidden /> {[s.venueName ?? s.venueNote, s.communityName].filter(Boolean).join(' · ')}
      </div>
      {s.organizationName && <Typography.Text type="secondary">{t('myActivities.by', { organization: s.organizationName })}</Typography.Text>}
    </>
  );
}

/**
 * A session coming up, with a row per member of the household: register or give it up, and
 * once the door is open, sign in with the code shown at the venue.
 */
export function SessionCard({ s, names }: { s: MySession; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = useNotices();
  const act = useParticipation(s.sessionId);
  const [coding, setCoding] = useState<string | null>(null);
  const open = sessionPhase(s) === 'open';
  const full = s.registered >= s.capacity;
  const done = (key: string) => () => {
    void message.success(t(key));
    setCoding(null);
  };
  return (
    <Card size="small" data-testid="my-session" data-title={s.title} data-starts={s.startsAt}>
      <SessionFacts s={s} />
      <div style={{ marginTop: 4 }}>
        <Typography.Text type={full ? 'danger' : 'secondary'}>{full ? t('myActivities.full') : t('myActivities.places', { registered: s.registered, capacity: s.capacity })}</Typography.Text>
      </div>
      {s.description && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{s.description}</Typography.Paragraph>}
      <ErrorAlert error={act.error} />
      {s.members.map((m) => {
        const name = names.get(m.residentId) ?? '';
        return (
          <div key={m.residentId} data-testid="member-session" data-member={name} style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, marginTop: 8, paddingTop: 8 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
              <Typography.Text strong style={{ fontSize: 16, flex: '1 1 80px' }}>{name}</Typography.Text>
              {m.attended ? (
                <Typography.Text type="success" style={{ fontSize: 16 }} data-testid="member-attended"><CheckCircleFilled aria-hidden /> {t('myActivities.signedIn')}</Typography.Text>
              ) : (
                <>
                  {m.registered && <Typography.Text data-testid="member-registered">{t('myActivities.registered')}</Typography.Text>}
                  {open && coding !== m.residentId && (
                    <Button type="primary" size="large" onClick={() => setCoding(m.residentId)} autoInsertSpace={false} aria-label={t('myActivities.signInFor', { name })} data-testid="start-check-in">{t('myActivities.signIn')}</Button>
                  )}
                  {m.registered ? (
                    <Button size="large" loading={act.isPending && act.variables?.kind === 'unregister'} onClick={() => act.mutate({ kind: 'unregister', residentId: m.residentId }, { onSuccess: done('myActivities.unregistered') })} autoInsertSpace={false} aria-label={t('myActivities.unregisterFor', { name })} data-testid="unregister">
                      {t('myActivities.unregister')}
                    </Button>
                  ) : (
                    <Button type={open ? 'default' : 'primary'} size="large" disabled={full} loading={act.isPending && act.variables?.kind === 'register'} onClick={() => act.mutate({ kind: 'register', residentId: m.residentId }, { onSuccess: done('myActivities.registeredDone') })} autoInsertSpace={false} aria-label={t('myActivities.registerFor', { name })} data-testid="register">
                      {t('myActivities.register')}
                    </Button>
                  )}
                </>
              )}
            </div>
            {coding === m.residentId && (
              <CodeCheckIn name={name} pending={act.isPending} onCancel={() => setCoding(null)} onSubmit={(code) => act.mutate({ kind: 'check_in', residentId: m.residentId, code }, { onSuccess: done('myActivities.signedInDone') })} />
            )}
          </div>
        );
      })}
    </Card>
  );
}
