import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, type Page } from '../../api/client.ts';
import type { DeliveryView, ProjectContract as ProjectContractSchema } from '../../../server/modules/projects/projects.contracts.schemas.ts';
import type * as PS from '../../../server/modules/projects/projects.schemas.ts';
import type { FundingSource, ProjectStatus } from '../../../server/modules/projects/projects.tables.ts';
import type { CommonNeedView } from '../../../server/modules/commonneeds/commonneeds.schemas.ts';

export type ProjectView = PS.ProjectView;
export type ProjectDetail = PS.ProjectDetail;
export type CommitmentView = Static<typeof PS.CommitmentView>;
export type { CommonNeedView, DeliveryView };
export type ProjectContract = Static<typeof ProjectContractSchema>;

// The server's enums are types only on this side; `satisfies` keeps these lists in step with them.
export const FUNDING_SOURCES = ['government_purchase', 'venture_philanthropy', 'foundation', 'enterprise', 'other'] as const satisfies readonly FundingSource[];
export type { ProjectStatus };

export const PROJECTS_KEY = 'projects';

/** Fen to a yuan figure with thousands separators (¥180,000 / ¥1,234.50). */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });
}

/** From signing on, a project is delivered: its activities count towards its indicators. */
export const DELIVERY_STATUSES: readonly ProjectStatus[] = ['contracted', 'in_delivery', 'midterm', 'final', 'accepted', 'accepted_with_conditions', 'failed', 'closed', 'terminated'];
/** Activities may be held for it only while it is being delivered (the server's rule). */
export const DELIVERING_STATUSES: readonly ProjectStatus[] = ['in_delivery', 'midterm'];

export function useProjects(query: { status?: string; awaitingMe?: boolean } = {}) {
  return useQuery({ queryKey: [PROJECTS_KEY, 'list', query], queryFn: () => api.get<Page<ProjectView>>('/projects', { limit: 100, ...query }) });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: [PROJECTS_KEY, id], queryFn: () => api.get<ProjectDetail>(`/projects/${id}`), enabled: !!id });
}

/** Common needs a project may be drafted from: open or candidate groups not inside a larger one. */
export function useDraftableCommonNeeds() {
  return useQuery({
    queryKey: ['common-needs', 'draftable'],
    queryFn: async () => {
      const page = await api.get<Page<CommonNeedView>>('/common-needs', { limit: 200 });
      return page.items.filter((c) => (c.status === 'open' || c.status === 'candidate') && c.parentId === null);
    },
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: string; reason?: string }) => api.post<ProjectView>(`/projects/${id}/transitions`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [PROJECTS_KEY] });
      void qc.invalidateQueries({ queryKey: ['common-needs'] });
      void qc.invalidateQueries({ queryKey: ['three-lists'] });
    },
  });
}

export const contractKey = (projectId: string) => [PROJECTS_KEY, 'contract', projectId];

export function useProjectContract(projectId: string) {
  return useQuery({ queryKey: contractKey(projectId), queryFn: () => api.get<ProjectContract>(`/projects/${projectId}/contract`) });
}

/** Indicators against their computed actuals and milestones with the day each was reached. */
export function useDelivery(projectId: string, enabled = true) {
  return useQuery({ queryKey: [PROJECTS_KEY, 'delivery', projectId], queryFn: () => api.get<DeliveryView>(`/projects/${projectId}/delivery`), enabled });
}
