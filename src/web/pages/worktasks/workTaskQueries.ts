import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Static } from 'typebox';
import type { AdminTaskStatus } from '../../../common/worklogs.ts';
import type * as S from '../../../server/modules/workforce/worklogs.schemas.ts';
import type { CommunityView as Community } from '../../../server/modules/territory/structure.schemas.ts';
import type { SocialWorkerView } from '../../../server/modules/workforce/workforce.schemas.ts';
import { api, ApiError, type Page } from '../../api/client.ts';
import type { AssignmentView as Assignment } from '../../../server/modules/accounts/accounts.schemas.ts';

export type { AdminTaskView, AdminLoad, WorkforceSettings, AssignTaskBody, PutSettingsBody } from '../../../server/modules/workforce/worklogs.schemas.ts';
export type { Community, SocialWorkerView };
export type Matter = Static<typeof S.Matter>;
export type LoadTaskRow = S.AdminLoad['tasks'][number];
export type LoadHourRow = S.AdminLoad['hours'][number];

/** Every cached task query starts with this key: assigning, completing or withdrawing refreshes them and the load. */
export const TASKS_KEY = 'admin-tasks';
export const LOAD_KEY = 'admin-load';
export const SETTINGS_KEY = 'workforce-settings';

/** The roles that give administrative work to a community's social workers (the server's ASSIGNERS). */
export const ASSIGNER_ROLES = ['community_admin', 'community_worker', 'street_officer', 'district_officer'] as const;
/** The roles a social worker's own account may hold: an organization's worker or supervisor, or a community's staff member on the register. */
export const OWN_ACCOUNT_ROLES = ['social_worker', 'supervisor', 'community_worker', 'community_admin'] as const;

export interface TaskFilter {
  socialWorkerId?: string;
  communityId?: string;
  status?: AdminTaskStatus;
}

export function useTasks(filter: TaskFilter, enabled = true) {
  return useQuery({ queryKey: [TASKS_KEY, 'list', filter], queryFn: () => api.get<{ items: S.AdminTaskView[] }>('/admin-tasks', { ...filter }), enabled });
}

/**
 * The caller's own record on the social-worker register, or null when they have none (a
 * community's staff member who is not a social worker): read from their work day, which answers
 * "not a social worker" for them.
 */
export function useMyWorkerId(enabled: boolean) {
  return useQuery({
    queryKey: [TASKS_KEY, 'me-worker'],
    queryFn: async () => {
      try {
        return (await api.get<{ socialWorkerId: string }>(`/work-days/${dayjs().format('YYYY-MM-DD')}`)).socialWorkerId;
      } catch (e) {
        if (e instanceof ApiError && (e.code === 'work_log.not_a_social_worker' || e.status === 404)) return null;
        throw e;
      }
    },
    enabled,
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export interface Period {
  from: string;
  to: string;
}

export function useAdminLoad(period: Period, place: { streetId?: string; communityId?: string }, enabled = true) {
  const query = { ...period, ...place };
  return useQuery({ queryKey: [TASKS_KEY, LOAD_KEY, query], queryFn: () => api.get<S.AdminLoad>('/admin-load', query), enabled });
}

/** The district's list of admitted matters; the caller's only district when none is named. */
export function useWorkforceSettings(districtId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [SETTINGS_KEY, districtId ?? 'own'],
    queryFn: () => api.get<S.WorkforceSettings>('/workforce-settings', { districtId }),
    enabled,
    retry: false,
  });
}

/** Active social workers the caller may read, found by the start of their name (one page of 200). */
export function useActiveWorkers(q: string, enabled = true) {
  return useQuery({
    queryKey: ['social-workers', 'assignable', q],
    queryFn: async () => (await api.get<Page<SocialWorkerView>>('/social-workers', { status: 'active', q: q || undefined, limit: 200 })).items,
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useVisibleCommunities(enabled = true) {
  return useQuery({
    queryKey: ['communities', 'list', {}],
    queryFn: async () => (await api.get<Page<Community>>('/communities', { limit: 200 })).items,
    enabled,
  });
}

/** Whether an assignment of an assigning role covers the community: its own, its street's, its district's. */
export function assignsIn(assignments: Assignment[], c: Community): boolean {
  return assignments.some((a) => {
    if (!(ASSIGNER_ROLES as readonly string[]).includes(a.role)) return false;
    if (a.scopeType === 'community') return a.scopeId === c.id;
    if (a.scopeType === 'street') return a.scopeId === c.streetId;
    if (a.scopeType === 'district') return a.scopeId === c.districtId;
    return false;
  });
}

/** Minutes as hours to one decimal, without a trailing ".0". */
export function hours(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}

const DATE = 'YYYY-MM-DD';
export const PERIOD_CHOICES = ['thisMonth', 'lastMonth', 'thisQuarter'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

function quarterStart(d: Dayjs): Dayjs {
  return d.startOf('month').month(Math.floor(d.month() / 3) * 3);
}

/** The quick periods, up to their last day (a quarter or month not yet over ends on its last day). */
export function periodOf(choice: PeriodChoice, today: Dayjs = dayjs()): Period {
  switch (choice) {
    case 'thisMonth':
      return { from: today.startOf('month').format(DATE), to: today.endOf('month').format(DATE) };
    case 'lastMonth': {
      const m = today.subtract(1, 'month');
      return { from: m.startOf('month').format(DATE), to: m.endOf('month').format(DATE) };
    }
    case 'thisQuarter': {
      const start = quarterStart(today);
      return { from: start.format(DATE), to: start.add(2, 'month').endOf('month').format(DATE) };
    }
  }
}

export function choiceOf(period: Period): PeriodChoice | null {
  return PERIOD_CHOICES.find((c) => {
    const p = periodOf(c);
    return p.from === period.from && p.to === period.to;
  }) ?? null;
}
