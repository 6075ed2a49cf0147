import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { DOOR_OPENS_MS } from '../../../common/activities.ts';

export type SessionPhase = 'upcoming' | 'open' | 'over';

/** Where a session stands now: still to come, its door open (about to start or running), or over. */
export function sessionPhase(s: { startsAt: string; endsAt: string }, now = Date.now()): SessionPhase {
  if (now > Date.parse(s.endsAt)) return 'over';
  if (now >= Date.parse(s.startsAt) - DOOR_OPENS_MS) return 'open';
  return 'upcoming';
}

/** When something starts, as people say it: "12月9日 周三 11:00" / "Wed 9 Dec 11:00". */
export function startTime(iso: string, t: TFunction): string {
  return dayjs(iso).format(`${t('activity.dayFormat')} HH:mm`);
}

/** A session's day and hours as people say them: "12月9日 周三 11:00–12:30" / "Wed 9 Dec 11:00–12:30". */
export function sessionSpan(s: { startsAt: string; endsAt: string }, t: TFunction): string {
  const start = dayjs(s.startsAt);
  const end = dayjs(s.endsAt);
  const day = start.format(t('activity.dayFormat'));
  const sameDay = start.isSame(end, 'day');
  return `${day} ${start.format('HH:mm')}–${sameDay ? end.format('HH:mm') : `${end.format(t('activity.dayFormat'))} ${end.format('HH:mm')}`}`;
}

export function isToday(iso: string): boolean {
  return dayjs(iso).isSame(dayjs(), 'day');
}
