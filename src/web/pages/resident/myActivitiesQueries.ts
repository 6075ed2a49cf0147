import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyActivities, MySession } from '../../../server/modules/services/services.schemas.ts';
import { api } from '../../api/client.ts';

export type { MyActivities, MySession };

const MY_ACTIVITIES_KEY = ['my-activities'];

export function useMyActivities() {
  return useQuery({ queryKey: MY_ACTIVITIES_KEY, queryFn: () => api.get<MyActivities>('/my/activities') });
}

/** What a household member does with a session; every answer is the household's fresh view. */
export type Participation =
  | { kind: 'register'; residentId: string }
  | { kind: 'unregister'; residentId: string }
  | { kind: 'check_in'; residentId: string; code: string }
  | { kind: 'feedback'; residentId: string; rating: number; comment?: string };

export function useParticipation(sessionId: string) {
  const qc = useQueryClient();
  const base = `/activity-sessions/${sessionId}`;
  return useMutation({
    mutationFn: (p: Participation) => {
      switch (p.kind) {
        case 'register':
          return api.post<MyActivities>(`${base}/registrations`, { residentId: p.residentId });
        case 'unregister':
          return api.delete<MyActivities>(`${base}/registrations/${p.residentId}`);
        case 'check_in':
          return api.post<MyActivities>(`${base}/check-in`, { residentId: p.residentId, code: p.code });
        case 'feedback':
          return api.post<MyActivities>(`${base}/feedback`, { residentId: p.residentId, rating: p.rating, ...(p.comment && { comment: p.comment }) });
      }
    },
    onSuccess: (fresh) => qc.setQueryData(MY_ACTIVITIES_KEY, fresh),
  });
}
