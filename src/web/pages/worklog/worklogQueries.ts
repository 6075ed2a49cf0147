import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../common/roles.ts';
import type { PutDayBody, WorkDay, WorkEntryInput, WorkSummary } from '../../../server/modules/workforce/worklogs.schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { thisWeek } from './worklogDates.ts';

export type { WorkDay, WorkEntryInput, WorkSummary };

/** Everything of the work logs: a saved day refreshes the summaries that count it. */
export const WORK_LOG_KEY = 'work-log';

export function useWorkDay(day: string, socialWorkerId: string | undefined) {
  return useQuery({
    queryKey: [WORK_LOG_KEY, 'day', socialWorkerId ?? '', day],
    queryFn: () => api.get<WorkDay>(`/work-days/${day}`, { socialWorkerId }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useSaveDay(day: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entries: WorkEntryInput[]) => api.put<WorkDay>(`/work-days/${day}`, { entries } satisfies PutDayBody),
    onSuccess: (saved) => {
      qc.setQueryData([WORK_LOG_KEY, 'day', '', day], saved);
      void qc.invalidateQueries({ queryKey: [WORK_LOG_KEY, 'summary'] });
    },
  });
}

export function useWorkSummary(from: string, to: string, socialWorkerId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [WORK_LOG_KEY, 'summary', socialWorkerId ?? '', from, to],
    queryFn: () => api.get<WorkSummary>('/work-summary', { socialWorkerId, from, to }),
    enabled,
    // A worker not on the register (409) or one the caller may not read (404) stays so.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: 60_000,
  });
}

/** The roles whose accounts are social workers; community staff may be too (社区社工), when on the register. */
const WORKER_ROLES: Role[] = ['social_worker', 'supervisor'];
const COMMUNITY_STAFF: Role[] = ['community_admin', 'community_worker'];

/**
 * Whether the signed-in user keeps a work log: a social worker or supervisor, or community
 * staff whom the register lists (their own week answers; a 409 says they are not on it).
 * The week asked is the one the home page shows, so the answer costs no request of its own.
 */
export function useKeepsWorkLog(): boolean {
  const { can, hasRole } = useAuth();
  const may = can('workforce.work_log.write');
  const worker = may && hasRole(...WORKER_ROLES);
  const staff = may && !worker && hasRole(...COMMUNITY_STAFF);
  const week = thisWeek();
  const own = useWorkSummary(week.from, week.to, undefined, staff);
  return worker || (staff && !!own.data);
}
