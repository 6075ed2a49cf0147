import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SessionVolunteers,
  VerifyBody,
  VolunteerBody,
  VolunteerDetail,
  VolunteerListQuery,
  VolunteerPatch,
  VolunteerSettings,
  VolunteerSettingsBody,
  VolunteerSummary,
} from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { HOURS_STATUSES, LEDGER_KINDS, VOLUNTEER_STATUSES } from '../../../server/modules/volunteers/volunteers.tables.ts';
import { api, ApiError } from '../../api/client.ts';

export type { SessionVolunteers, VerifyBody, VolunteerBody, VolunteerDetail, VolunteerListQuery, VolunteerPatch, VolunteerSettings, VolunteerSettingsBody, VolunteerSummary };
export type SessionVolunteer = SessionVolunteers['items'][number];
export type HoursItem = VolunteerDetail['hours'][number];
export type LedgerItem = VolunteerDetail['ledger'][number];
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export type HoursStatus = (typeof HOURS_STATUSES)[number];
export { HOURS_STATUSES, LEDGER_KINDS, VOLUNTEER_STATUSES };

/** Every cached volunteer query starts with this key: registering, editing or verifying refreshes them. */
export const VOLUNTEERS_KEY = 'volunteers';
export const VOLUNTEER_SETTINGS_KEY = 'volunteer-settings';

/** A 4xx stays so (not found, not allowed, not ready); a server or network failure is tried again. */
export const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2;

export function useVolunteers(filter: VolunteerListQuery, enabled = true) {
  return useQuery({
    queryKey: [VOLUNTEERS_KEY, 'list', filter],
    queryFn: () => api.get<{ items: VolunteerSummary[]; truncated: boolean }>('/volunteers', { ...filter }),
    enabled,
    retry,
  });
}

export function useVolunteer(id: string | undefined) {
  return useQuery({ queryKey: [VOLUNTEERS_KEY, 'one', id], queryFn: () => api.get<VolunteerDetail>(`/volunteers/${id}`), enabled: !!id, retry });
}

export const registerVolunteer = (body: VolunteerBody) => api.post<VolunteerDetail>('/volunteers', body);
export const patchVolunteer = (id: string, body: VolunteerPatch) => api.patch<VolunteerDetail>(`/volunteers/${id}`, body);

/** The organizer's view of one session's volunteers; null when the session has none to show to the caller. */
export function useSessionVolunteers(sessionId: string | undefined) {
  return useQuery({
    queryKey: [VOLUNTEERS_KEY, 'session', sessionId],
    queryFn: () => api.get<SessionVolunteers>(`/activity-sessions/${sessionId}/volunteers`),
    enabled: !!sessionId,
    retry,
  });
}

/** Verifying, adjusting or rejecting a session's hours at once; the answer is the session's fresh list. */
export function useVerifyHours(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifyBody) => api.put<SessionVolunteers>(`/activity-sessions/${sessionId}/volunteer-hours`, body),
    onSuccess: (fresh) => {
      qc.setQueryData([VOLUNTEERS_KEY, 'session', sessionId], fresh);
      // Hours, stars and points of the volunteers change with it.
      void qc.invalidateQueries({ queryKey: [VOLUNTEERS_KEY, 'list'] });
      void qc.invalidateQueries({ queryKey: [VOLUNTEERS_KEY, 'one'] });
    },
  });
}

/** The district's star thresholds and points rate; the caller's own district when none is named. */
export function useVolunteerSettings(districtId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [VOLUNTEER_SETTINGS_KEY, districtId ?? 'own'],
    queryFn: () => api.get<VolunteerSettings>('/volunteer-settings', { districtId }),
    enabled,
    retry,
    staleTime: 5 * 60_000,
  });
}

export const putVolunteerSettings = (districtId: string, body: VolunteerSettingsBody) =>
  api.put<VolunteerSettings>(`/volunteer-settings?districtId=${encodeURIComponent(districtId)}`, body);

/** Minutes as hours, to one decimal without a trailing ".0" (90 → "1.5", 120 → "2"). */
export function hoursOf(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}
