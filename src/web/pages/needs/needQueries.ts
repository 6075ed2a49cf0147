import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { GridView } from '../../../server/modules/territory/structure.schemas.ts';
import type { CommonNeedView } from '../../../server/modules/commonneeds/commonneeds.schemas.ts';
import type {
  AttachmentView,
  BulkTransitionBody,
  BulkTransitionResult,
  HandlerList,
  NeedDetail,
  NeedMap,
  NeedMapGrid,
  NeedMapItem,
  NeedView,
  SplitBody,
  TransitionBody,
} from '../../../server/modules/needs/needs.schemas.ts';
import { api, type Page } from '../../api/client.ts';
import type { OrganizationView as Organization } from '../../../server/modules/organizations/organizations.schemas.ts';
import type { CommunityView as Community } from '../../../server/modules/territory/structure.schemas.ts';

export type { AttachmentView, BulkTransitionResult, GridView, NeedDetail, NeedMap, NeedMapGrid, NeedMapItem, NeedView };
export type CategoryView = Static<typeof import('../../../server/modules/needs/needs.schemas.ts').CategoryView>;
export type Duplicate = Static<typeof import('../../../server/modules/needs/needs.schemas.ts').Duplicate>;
export type TimelineEntry = Static<typeof import('../../../server/modules/needs/needs.schemas.ts').TimelineEntry>;

/** Every cached need query starts with this key, so one invalidation refreshes board and page. */
export const NEEDS_KEY = 'needs';

export function useNeed(id: string | undefined) {
  return useQuery({ queryKey: [NEEDS_KEY, 'detail', id], queryFn: () => api.get<NeedDetail>(`/needs/${id}`), enabled: !!id });
}

export function useAttachments(id: string) {
  return useQuery({ queryKey: [NEEDS_KEY, 'attachments', id], queryFn: () => api.get<{ items: AttachmentView[] }>(`/needs/${id}/attachments`) });
}

export function useNeedMap(filter: Record<string, string | boolean | undefined>, enabled: boolean) {
  return useQuery({ queryKey: [NEEDS_KEY, 'map', filter], queryFn: () => api.get<NeedMap>('/needs/map', filter), enabled });
}

export function useCommunities() {
  return useQuery({
    queryKey: ['communities', 'all'],
    queryFn: async () => (await api.get<Page<Community>>('/communities', { limit: 200 })).items,
    staleTime: 5 * 60_000,
  });
}

export function useGrids(communityId: string | undefined) {
  return useQuery({
    queryKey: ['grids', 'boundaries', communityId],
    queryFn: async () => (await api.get<Page<GridView>>('/grids', { communityId, limit: 200 })).items,
    enabled: !!communityId,
    staleTime: 5 * 60_000,
  });
}

export function useCategories(districtId?: string) {
  return useQuery({
    queryKey: ['need-categories', districtId ?? null],
    queryFn: async () => (await api.get<{ items: CategoryView[] }>('/need-categories', { districtId })).items,
    staleTime: 5 * 60_000,
  });
}

/** A need's category in the reader's language; the server sends the Chinese name. */
export function useCategoryName(categories: CategoryView[] | undefined) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const byId = new Map((categories ?? []).map((c) => [c.id, c]));
  return (need: { categoryId?: string; categoryName: string }) => {
    const c = need.categoryId ? byId.get(need.categoryId) : undefined;
    return en && c?.nameEn ? c.nameEn : need.categoryName;
  };
}

export function useOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', 'refer-targets'],
    queryFn: async () => (await api.get<Page<Organization>>('/organizations', { limit: 200 })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCommonNeeds(communityId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['common-needs', 'pool-targets', communityId],
    queryFn: async () => (await api.get<Page<CommonNeedView>>('/common-needs', { communityId, limit: 100 })).items,
    enabled,
  });
}

export interface HandlerOption {
  userId: string;
  name: string;
}

/** People the need may be assigned to, as the server decides (its community's staff first). */
export function useHandlers(needId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['handlers', needId],
    enabled: enabled && !!needId,
    queryFn: async () =>
      (await api.get<HandlerList>(`/needs/${needId}/handlers`)).items.map((h): HandlerOption => ({ userId: h.userId, name: h.displayName })),
  });
}

/**
 * A command answers with the need as written, not its page: the board and the need's page
 * (its timeline) are read again, and the mutation settles once they are.
 */
function useInvalidateNeeds() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [NEEDS_KEY] });
}

export function useTransition(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (body: TransitionBody) => api.post<NeedView>(`/needs/${id}/transitions`, body),
    onSuccess: () => invalidate(),
  });
}

export function useSplit(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (body: SplitBody) => api.post<NeedView>(`/needs/${id}/split`, body),
    onSuccess: () => invalidate(),
  });
}

export function useBulkTransition() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (body: BulkTransitionBody) => api.post<{ results: BulkTransitionResult[] }>('/needs/bulk-transitions', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpload(id: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<AttachmentView>(`/needs/${id}/attachments`, form);
    },
    onSuccess: () => invalidate(),
  });
}
