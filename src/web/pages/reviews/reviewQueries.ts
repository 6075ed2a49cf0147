import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { ApplicationDetail } from '../../../server/modules/calls/calls.applications.schemas.ts';
import type { DeclarationBody, MyCalls, MyReview, ReviewBody, ReviewSheet } from '../../../server/modules/calls/calls.reviews.schemas.ts';
import { api } from '../../api/client.ts';

export type { ApplicationDetail, MyReview, ReviewBody, ReviewSheet };
export type MyPanel = Static<typeof MyCalls>['items'][number];
export type SheetItem = ReviewSheet['items'][number];
export type Criterion = ReviewSheet['criteria'][number];

/** Every cached review query starts with this key: a declaration or a saved sheet refreshes the list, the sheet and the application at once. */
export const REVIEWS_KEY = 'reviews';

export function useMyPanels() {
  return useQuery({ queryKey: [REVIEWS_KEY, 'calls'], queryFn: () => api.get<Static<typeof MyCalls>>('/reviews/calls') });
}

export function useReviewSheet(callId: string | undefined) {
  return useQuery({ queryKey: [REVIEWS_KEY, 'sheet', callId], queryFn: () => api.get<ReviewSheet>(`/calls/${callId}/review-sheet`), enabled: !!callId });
}

/** The application as the reviewer may read it: its content only after declaring no conflict. */
export function useApplicationToReview(id: string, enabled: boolean) {
  return useQuery({ queryKey: [REVIEWS_KEY, 'application', id], queryFn: () => api.get<ApplicationDetail>(`/applications/${id}`), enabled });
}

export function useDeclare(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclarationBody) => api.post<MyReview>(`/applications/${applicationId}/declaration`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [REVIEWS_KEY] }),
  });
}

export function saveReview(applicationId: string, body: ReviewBody) {
  return api.put<MyReview>(`/applications/${applicationId}/review`, body);
}

/** Whether the panel works on the call now: before the deadline there is nothing to review, after the ranking nothing changes. */
export type Phase = 'before' | 'reviewing' | 'over' | 'cancelled';

export function phaseOf(status: string): Phase {
  if (status === 'draft' || status === 'open') return 'before';
  if (status === 'closed') return 'reviewing';
  if (status === 'cancelled') return 'cancelled';
  return 'over';
}

/** Points to one decimal place, as reviewers write them (27.5, 80). */
export function points(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Fen to yuan with thousands separators: ¥180,000 / ¥1,234.50. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}
