import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityDetail, ActivityView, CreateBody, ListQuery, Roster } from '../../../server/modules/services/services.schemas.ts';
import { ACTIVITY_METHODS, RECURRENCES } from '../../../server/modules/services/services.tables.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';

export type { ActivityDetail, ActivityView, CreateBody as ActivityBody, Roster };
export type SessionView = ActivityDetail['sessions'][number];
export type RosterEntry = Roster['entries'][number];
export { ACTIVITY_METHODS, RECURRENCES };

/** Every cached activity query starts with this key; a project's delivery figures live under the projects key. */
export const ACTIVITIES_KEY = 'activities';

export function useActivities(query: ListQuery, enabled = true) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'list', query],
    queryFn: () => api.get<{ items: ActivityView[] }>('/activities', query),
    enabled,
  });
}

/** The organization whose activities an administrator or supervisor oversees; a social worker sees those they staff. */
export function useOverseenOrganization(): { id: string; name: string } | null {
  const { me } = useAuth();
  const a = me?.assignments.find((x) => (x.role === 'org_admin' || x.role === 'supervisor') && x.scopeType === 'organization' && x.scopeId);
  return a ? { id: a.scopeId!, name: a.scopeName ?? '' } : null;
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: [ACTIVITIES_KEY, 'detail', id], queryFn: () => api.get<ActivityDetail>(`/activities/${id}`), enabled: !!id });
}

export function useRoster(sessionId: string | undefined) {
  return useQuery({ queryKey: [ACTIVITIES_KEY, 'roster', sessionId], queryFn: () => api.get<Roster>(`/activity-sessions/${sessionId}/roster`), enabled: !!sessionId });
}

export function usePublishActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBody) => api.post<ActivityDetail>('/activities', body),
    onSuccess: (saved) => {
      qc.setQueryData([ACTIVITIES_KEY, 'detail', saved.id], saved);
      void qc.invalidateQueries({ queryKey: [ACTIVITIES_KEY, 'list'] });
    },
  });
}

export function useCancelActivity(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<ActivityDetail>(`/activities/${id}/cancel`, { reason }),
    onSuccess: (saved) => {
      qc.setQueryData([ACTIVITIES_KEY, 'detail', id], saved);
      void qc.invalidateQueries({ queryKey: [ACTIVITIES_KEY, 'list'] });
    },
  });
}

/** Signing a resident in at the door, or taking a mistaken sign-in back; the answer is the fresh roster. */
export function useAttendance(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ residentId, attended }: { residentId: string; attended: boolean }) =>
      attended
        ? api.post<Roster>(`/activity-sessions/${sessionId}/attendance`, { residentId })
        : api.delete<Roster>(`/activity-sessions/${sessionId}/attendance/${residentId}`),
    onSuccess: (roster) => {
      qc.setQueryData([ACTIVITIES_KEY, 'roster', sessionId], roster);
      // The activity's counts and the project's actuals change with each sign-in.
      void qc.invalidateQueries({ queryKey: [ACTIVITIES_KEY, 'detail', roster.activityId] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
