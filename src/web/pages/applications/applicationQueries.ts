import { useQuery } from '@tanstack/react-query';
import type { ApplicationDetail, ApplicationView, Eligibility } from '../../../server/modules/calls/calls.applications.schemas.ts';
import type { Progress, Ranking } from '../../../server/modules/calls/calls.reviews.schemas.ts';
import { api, type Page } from '../../api/client.ts';

export type { ApplicationDetail, ApplicationView, Eligibility, Progress, Ranking };

/** Every cached application query starts with this key. */
export const APPLICATIONS_KEY = 'applications';

export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 });

export function useApplications(query: { callId?: string }) {
  return useQuery({ queryKey: [APPLICATIONS_KEY, 'list', query], queryFn: () => api.get<Page<ApplicationView>>('/applications', { ...query, limit: 200 }) });
}

export function useApplication(id: string | undefined) {
  return useQuery({ queryKey: [APPLICATIONS_KEY, 'detail', id], queryFn: () => api.get<ApplicationDetail>(`/applications/${id}`), enabled: !!id });
}

export function useEligibility(callId: string | undefined, organizationId: string | undefined) {
  return useQuery({
    queryKey: [APPLICATIONS_KEY, 'eligibility', callId, organizationId],
    queryFn: () => api.get<Eligibility>(`/calls/${callId}/eligibility`, { organizationId }),
    enabled: !!callId && !!organizationId,
  });
}

export function useProgress(callId: string, enabled: boolean) {
  return useQuery({ queryKey: [APPLICATIONS_KEY, 'progress', callId], queryFn: () => api.get<Progress>(`/calls/${callId}/review-progress`), enabled });
}

export function useRanking(callId: string, enabled: boolean) {
  return useQuery({ queryKey: [APPLICATIONS_KEY, 'ranking', callId], queryFn: () => api.get<Ranking>(`/calls/${callId}/ranking`), enabled });
}
