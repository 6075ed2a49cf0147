import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ReportBody, ReportList } from '../../../server/modules/projects/projects.reports.ts';
import type { EvidenceView } from '../../../server/modules/projects/projects.report-evidence.ts';
import { PROJECTS_KEY } from './projectsApi.ts';

export type { EvidenceView, ReportBody, ReportList };
export type ReportView = ReportList['items'][number];

/** What the file picker offers; the server recognises the type from the content either way. */
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

const reportsKey = (projectId: string) => [PROJECTS_KEY, 'reports', projectId];

export function useReports(projectId: string) {
  return useQuery({ queryKey: reportsKey(projectId), queryFn: () => api.get<ReportList>(`/projects/${projectId}/reports`) });
}

export function addEvidence(projectId: string, reportId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<EvidenceView>(`/projects/${projectId}/reports/${reportId}/evidence`, form);
}

/**
 * Submits the report, then uploads its evidence one file at a time. The report stands once
 * submitted: a file refused afterwards is reported with the report saved, so it can be added
 * again below the report rather than the whole report sent twice.
 */
export async function submitWithEvidence(projectId: string, body: ReportBody, files: File[]): Promise<{ list: ReportList; failed: unknown }> {
  const list = await api.post<ReportList>(`/projects/${projectId}/reports`, body);
  const report = list.items[0]!;
  let failed: unknown = null;
  for (const file of files) {
    try {
      await addEvidence(projectId, report.id, file);
    } catch (e) {
      failed = e;
    }
  }
  return { list, failed };
}

export function useAddEvidence(projectId: string, reportId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => addEvidence(projectId, reportId, file),
    onSettled: () => void qc.invalidateQueries({ queryKey: reportsKey(projectId) }),
  });
}
