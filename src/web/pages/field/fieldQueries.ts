import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { AttachmentView, CreateNeedBody, NeedDetail, NeedView } from '../../../server/modules/needs/needs.schemas.ts';
import type { CreateVisitBody } from '../../../server/modules/visits/visits.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import { api, type Page } from '../../api/client.ts';
import type { HouseholdListItem as Household } from '../../../server/modules/territory/register.schemas.ts';
import { NEEDS_KEY } from '../needs/needQueries.ts';

type VisitSchemas = typeof import('../../../server/modules/visits/visits.schemas.ts');
type NeedSchemas = typeof import('../../../server/modules/needs/needs.schemas.ts');
export type CoverageView = Static<VisitSchemas['CoverageView']>;
export type Worklist = Static<VisitSchemas['Worklist']>;
export type WorklistItem = Static<VisitSchemas['WorklistItem']>;
export type VisitDetail = Static<VisitSchemas['VisitDetail']>;
export type VisitView = Static<VisitSchemas['VisitView']>;
export type NotificationView = Static<NeedSchemas['NotificationView']>;
export type Duplicate = Static<NeedSchemas['Duplicate']>;
export type { AttachmentView, CreateNeedBody, CreateVisitBody, NeedDetail, NeedView };

export const FIELD_KEY = 'field';

/** The grids the signed-in grid worker is assigned to, as the session lists them. */
export function useMyGridAssignments() {
  const { me } = useAuth();
  return (me?.assignments ?? []).filter((a) => a.role === 'grid_worker' && a.scopeType === 'grid' && a.scopeId) as { scopeId: string; scopeName: string }[];
}

/** The household a resident account is bound to. */
export function useMyHouseholdId(): string | undefined {
  const { me } = useAuth();
  return me?.assignments.find((a) => a.role === 'resident' && a.scopeType === 'household')?.scopeId ?? undefined;
}

export function useCoverage(gridId: string | undefined) {
  return useQuery({
    queryKey: [FIELD_KEY, 'coverage', gridId],
    queryFn: () => api.get<CoverageView>(`/grids/${gridId}/visit-coverage`),
    enabled: !!gridId,
  });
}

export function useWorklist(gridId: string | undefined) {
  return useQuery({
    queryKey: [FIELD_KEY, 'worklist', gridId],
    queryFn: () => api.get<Worklist>('/visit-worklist', { gridId }),
    enabled: !!gridId,
  });
}

/** Visits of a grid in the last 90 days, to tell which households were not visited. */
export function useRecentVisits(gridId: string | undefined, from: string) {
  return useQuery({
    queryKey: [FIELD_KEY, 'visits', gridId, from],
    queryFn: async () => {
      const all: VisitView[] = [];
      let cursor: string | null = null;
      // A grid has a few hundred households; a handful of pages covers 90 days.
      for (let i = 0; i < 10; i++) {
        const page: Page<VisitView> = await api.get<Page<VisitView>>('/visits', { gridId, from, limit: 200, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    enabled: !!gridId,
  });
}

/** Households of one grid, or of every grid the caller may see when `anyGrid` (the server scopes the list). */
export function useGridHouseholds(gridId: string | undefined, q: string, enabled = true, anyGrid = false) {
  return useQuery({
    queryKey: ['households', 'field', gridId ?? null, q],
    queryFn: async () => (await api.get<Page<Household>>('/households', { gridId, q: q || undefined, limit: 50 })).items,
    enabled: enabled && (!!gridId || anyGrid),
  });
}

/** Every household of a grid (a few hundred), to find those not visited lately. */
export function useAllGridHouseholds(gridId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['households', 'field-all', gridId],
    queryFn: async () => {
      const all: Household[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: Page<Household> = await api.get<Page<Household>>('/households', { gridId, limit: 200, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    enabled: enabled && !!gridId,
  });
}

export function useCreateVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVisitBody) => api.post<VisitDetail>('/visits', body),
    onSuccess: () => {
      // Dropped rather than marked stale: back on the worklist the visited resident must not flash up again.
      qc.removeQueries({ queryKey: [FIELD_KEY] });
      void qc.invalidateQueries({ queryKey: [NEEDS_KEY] });
    },
  });
}

export function useCreateNeed() {
  const qc = useQueryClient();
  return useMutation({
    // The answer is the need as written; its page asks for the detail.
    mutationFn: (body: CreateNeedBody) => api.post<NeedView>('/needs', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [NEEDS_KEY] }),
  });
}

/** Possible duplicates of a report not made yet (the server scores them). */
export function usePossibleDuplicates(q: { householdId: string; categoryId?: string; description: string }, enabled: boolean) {
  return useQuery({
    queryKey: [NEEDS_KEY, 'possible-duplicates', q],
    queryFn: async () => (await api.get<{ items: Duplicate[] }>('/needs/duplicates', { ...q })).items,
    enabled: enabled && !!q.categoryId,
  });
}

export function uploadAttachment(needId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<AttachmentView>(`/needs/${needId}/attachments`, form);
}

export function useMyNeeds() {
  return useQuery({
    queryKey: [NEEDS_KEY, 'mine'],
    queryFn: async () => {
      const page = await api.get<Page<NeedView>>('/needs', { limit: 100 });
      return page.items;
    },
  });
}

export function useUnreadNotifications() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: async () => (await api.get<Page<NotificationView>>('/notifications', { unread: true, limit: 20 })).items,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationView>(`/notifications/${id}/read`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
