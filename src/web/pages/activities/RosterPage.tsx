import { CheckCircleFilled, LeftOutlined } from '@ant-design/icons';
import { Button, Empty, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { SearchBox } from '../../components/PlainFields.tsx';
import { SessionVolunteersCard } from '../volunteers/SessionVolunteersCard.tsx';
import { type RosterEntry, useAttendance, useRoster } from './activityQueries.ts';
import { CheckinCode } from './CheckinCode.tsx';
import { sessionPhase, sessionSpan } from './sessionTime.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The time of a sign-in; its date too when recorded on another day (from a paper sheet, afterwards). */
function signedAt(iso: string, day: string): string {
  const at = dayjs(iso);
  return at.format(at.isSame(day, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm');
}

/** One person at the door: a whole-row target, the state in words and colour, one button to sign in or take it back. */
function EntryRow({ entry, day, signs, pending, onToggle }: { entry: RosterEntry; day: string; signs: boolean; pending: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const attended = entry.attendedAt !== null;
  return (
    <li
      data-testid="roster-entry"
      data-name={entry.name}
      data-attended={attended ? 'true' : 'false'}
      style={{
        display: 'flex', alignItems: 'center', gap: 12, minHeight: 64, padding: '8px 12px', borderRadius: token.borderRadiusLG,
        border: `1px solid ${attended ? token.colorSuccessBorder : token.colorBorderSecondary}`, background: attended ? token.colorSuccessBg : token.colorBgContainer,
      }}
    >
      {attended && <CheckCircleFilled aria-hidden style={{ fontSize: 24, color: token.colorSuccess }} />}
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: 18, fontWeight: 600, overflowWrap: 'anywhere' }}>{entry.name}</div>
        <Typography.Text type={attended ? undefined : 'secondary'}>
          {attended ? t(`roster.attended.${entry.method ?? 'staff'}`, { time: signedAt(entry.attendedAt!, day) }) : t('roster.registered')}
          {entry.rated && ` · ${t('roster.rated')}`}
        </Typography.Text>
      </div>
      {signs &&
        (attended ? (
          <Button size="large" onClick={onToggle} loading={pending} disabled={entry.rated} style={{ minWidth: 88, height: 48 }} autoInsertSpace={false} aria-label={t('roster.undoFor', { name: entry.name })} data-testid="roster-undo">
            {t('roster.undo')}
          </Button>
        ) : (
          <Button type="primary" size="large" onClick={onToggle} loading={pending} style={{ minWidth: 88, height: 48 }} autoInsertSpace={false} aria-label={t('roster.signFor', { name: entry.name })} data-testid="roster-sign">
            {t('roster.sign')}
          </Button>
        ))}
    </li>
  );
}

/**
 * A session's roster at the door, made for a phone: the code to show, how many came, a name
 * filter, and one large button per person. Staff tick people in as they arrive and can take a
 * mistaken tick back (not once the person has rated the session).
 */
export function RosterPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const roster = useRoster(id);
  const attendance = useAttendance(id ?? '');
  const [query, setQuery] = useState('');
  const [pendingId, setPendingId] = useState<string | null>(null);
  if (!roster.data) return <QueryState isLoading={roster.isLoading} error={roster.error} />;
  const r = roster.data;
  // Only those who sign attendance are given the code: the roster is read-only for everyone else.
  const signs = r.checkinCode !== null;
  const attended = r.entries.filter((e) => e.attendedAt !== null).length;
  const q = query.trim();
  const shown = q ? r.entries.filter((e) => e.name.includes(q)) : r.entries;
  const toggle = (e: RosterEntry) => {
    setPendingId(e.residentId);
    attendance.mutate({ residentId: e.residentId, attended: e.attendedAt === null }, { onSettled: () => setPendingId(null) });
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }} data-testid="roster-page">
      <Link to={`/activities/${r.activityId}`}><LeftOutlined /> {r.title}</Link>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('roster.title')}</Typography.Title>
        <Typography.Text style={{ fontSize: 16 }}>{r.title} · {sessionSpan(r, t)}</Typography.Text>
      </div>
      {signs && sessionPhase(r) !== 'over' && (
        <Card size="small">
          <CheckinCode code={r.checkinCode!} />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', textAlign: 'center' }}>{t('roster.codeHint')}</Typography.Paragraph>
        </Card>
      )}
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', fontSize: 18 }} aria-live="polite" data-testid="roster-counts" data-attended={attended}>
        <span>{t('roster.attendedCount', { count: attended })}</span>
        <span>{t('roster.registeredCount', { count: r.entries.length, capacity: r.capacity })}</span>
      </div>
      <ErrorAlert error={attendance.error} />
      <SearchBox label={t('roster.search')} placeholder={t('roster.search')} value={query} onChange={setQuery} testId="roster-search" />
      {shown.length === 0 ? (
        <Empty description={r.entries.length === 0 ? t('roster.empty') : t('roster.noMatch', { q })} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="roster-list">
          {shown.map((e) => (
            <EntryRow key={e.residentId} entry={e} day={r.startsAt} signs={signs} pending={pendingId === e.residentId} onToggle={() => toggle(e)} />
          ))}
        </ul>
      )}
      {r.entries.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('roster.walkInHint')}</Typography.Paragraph>}
      <SessionVolunteersCard sessionId={r.sessionId} />
    </div>
  );
}
