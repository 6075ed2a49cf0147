import { useQuery } from '@tanstack/react-query';
import type { CeBody, CeStatus, SupervisionBody, SupervisionDetail, SupervisionSummary } from '../../../server/modules/workforce/supervision.schemas.ts';
import { api, ApiError } from '../../api/client.ts';

export type { CeBody, CeStatus, SupervisionBody, SupervisionDetail, SupervisionSummary };

/** Every supervision query starts with this key: a recorded session refreshes them. */
export const SUPERVISION_KEY = 'supervision';
export const CE_KEY = 'continuing-education';

export const SUPERVISION_FORMS = ['individual', 'group'] as const satisfies readonly SupervisionBody['form'][];
export const SUPERVISION_FUNCTIONS = ['administrative', 'educational', 'supportive'] as const satisfies readonly SupervisionBody['functions'][number][];

/** A 4xx stays so: not on the register (409), not readable (404). */
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

/** Sessions a worker took part in (the caller's own without one), newest first. */
export function useSupervisionList(socialWorkerId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [SUPERVISION_KEY, 'list', socialWorkerId ?? 'own'],
    queryFn: async () => (await api.get<{ items: SupervisionSummary[] }>('/supervision-sessions', { socialWorkerId })).items,
    enabled,
    retry,
  });
}

export function useSupervision(id: string | undefined) {
  return useQuery({
    queryKey: [SUPERVISION_KEY, 'one', id],
    queryFn: () => api.get<SupervisionDetail>(`/supervision-sessions/${id}`),
    enabled: !!id,
    retry,
  });
}

export function useContinuingEducation(socialWorkerId: string | undefined) {
  return useQuery({
    queryKey: [CE_KEY, socialWorkerId],
    queryFn: () => api.get<CeStatus>(`/social-workers/${socialWorkerId}/continuing-education`),
    enabled: !!socialWorkerId,
    retry,
  });
}
