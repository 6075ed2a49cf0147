import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { CallDetail, CallView, CreateBody, PanelCandidates, SettingsView, UpdateBody } from '../../../server/modules/calls/calls.schemas.ts';
import { api } from '../../api/client.ts';

export type { CallDetail, CallView, CreateBody, UpdateBody };
export type CallRules = CallDetail['rules'];
export type Settings = Static<typeof SettingsView>;

/** Every cached call query starts with this key, so one invalidation refreshes list and page. */
export const CALLS_KEY = 'calls';

export function useCall(id: string | undefined) {
  return useQuery({ queryKey: [CALLS_KEY, 'detail', id], queryFn: () => api.get<CallDetail>(`/calls/${id}`), enabled: !!id });
}

export function useCallSettings(districtId?: string) {
  return useQuery({ queryKey: [CALLS_KEY, 'settings', districtId], queryFn: () => api.get<Settings>('/call-settings', { districtId }) });
}

export function usePanelCandidates(id: string, enabled: boolean) {
  return useQuery({ queryKey: [CALLS_KEY, 'candidates', id], queryFn: () => api.get<Static<typeof PanelCandidates>>(`/calls/${id}/panel-candidates`), enabled });
}

/** Days until the deadline, counted in whole days up (today's deadline is "1 day left"). */
export function daysLeft(deadline: string, now = Date.now()): number {
  return Math.ceil((new Date(deadline).getTime() - now) / 86_400_000);
}
