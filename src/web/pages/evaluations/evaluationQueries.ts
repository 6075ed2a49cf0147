import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DraftBody, EvaluationView, ProjectEvaluations, SubmitBody } from '../../../server/modules/projects/projects.evaluations.schemas.ts';
import { api } from '../../api/client.ts';
import { PROJECTS_KEY, useProjects, type ProjectView } from '../projects/projectsApi.ts';

export type { DraftBody, EvaluationView, ProjectEvaluations, SubmitBody };
export type EvaluationKind = EvaluationView['kind'];
export type Grade = NonNullable<EvaluationView['grade']>;
export type Band = ProjectEvaluations['bands'][number];
export type Candidate = NonNullable<ProjectEvaluations['evaluator']>;

/** A template node as the server sends it: children come untyped, so this names their shape. */
export interface Indicator {
  id: string;
  name: { 'zh-CN': string; en: string };
  points?: number;
  children?: Indicator[];
}

// Under the projects key: an evaluation moves the project and unblocks its tranches, and one
// invalidation refreshes the project, its contract and its evaluations together.
export const evaluationsKey = (projectId: string) => [PROJECTS_KEY, 'evaluations', projectId];

export function useProjectEvaluations(projectId: string | undefined) {
  return useQuery({ queryKey: evaluationsKey(projectId ?? ''), queryFn: () => api.get<ProjectEvaluations>(`/projects/${projectId}/evaluations`), enabled: !!projectId });
}

export function useEvaluatorCandidates(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [PROJECTS_KEY, 'evaluator-candidates', projectId],
    queryFn: () => api.get<{ items: Candidate[] }>(`/projects/${projectId}/evaluator-candidates`),
    enabled,
  });
}

/**
 * Every evaluation step answers the project's evaluations as they now stand: the answer goes
 * straight into the cache, and the rest of the project (status, tranches) is refetched.
 */
export function useEvaluationStep<B>(projectId: string, send: (body: B) => Promise<ProjectEvaluations>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      qc.setQueryData(evaluationsKey(projectId), saved);
      void qc.invalidateQueries({ queryKey: [PROJECTS_KEY] });
    },
  });
}

export const assignEvaluator = (projectId: string, userId: string) => api.put<ProjectEvaluations>(`/projects/${projectId}/evaluator`, { userId });
export const startEvaluation = (projectId: string, kind: EvaluationKind) => api.post<ProjectEvaluations>(`/projects/${projectId}/evaluations`, { kind });
export const saveEvaluation = (id: string, body: DraftBody) => api.patch<ProjectEvaluations>(`/evaluations/${id}`, body);
export const submitEvaluation = (id: string, body: SubmitBody) => api.post<ProjectEvaluations>(`/evaluations/${id}/submit`, body);
export const answerRectification = (id: string, note: string) => api.post<ProjectEvaluations>(`/evaluations/${id}/rectification`, { note });
export const recheckRectification = (id: string, body: { result: 'passed' | 'failed'; note?: string }) => api.post<ProjectEvaluations>(`/evaluations/${id}/recheck`, body);

/** The evaluator's projects (the server lists only those assigned to them), each with its evaluations. */
export function useMyEvaluations() {
  const projects = useProjects();
  const items = projects.data?.items ?? [];
  const evaluations = useQueries({
    queries: items.map((p) => ({ queryKey: evaluationsKey(p.id), queryFn: () => api.get<ProjectEvaluations>(`/projects/${p.id}/evaluations`) })),
  });
  const rows: { project: ProjectView; evaluations: ProjectEvaluations | undefined }[] = items.map((project, i) => ({ project, evaluations: evaluations[i]?.data }));
  return { rows, isLoading: projects.isLoading || evaluations.some((q) => q.isLoading), error: projects.error ?? evaluations.find((q) => q.error)?.error ?? null };
}
