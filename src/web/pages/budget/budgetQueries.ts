import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Ballot,
  BallotBody,
  Candidate,
  CandidateBody,
  Engagement,
  RoundBody,
  RoundDetail,
  RoundSummary,
  Turnout,
} from '../../../server/modules/participation/participation.schemas.ts';
import type { GridTurnout as GridTurnoutSchema } from '../../../server/modules/participation/participation.schemas.ts';
import { ROUND_RULES, ROUND_STATUSES, type RoundRule, type RoundStatus } from '../../../server/modules/participation/participation.tables.ts';
import { api, ApiError } from '../../api/client.ts';

export type { Ballot, BallotBody, Candidate, CandidateBody, Engagement, RoundBody, RoundDetail, RoundSummary, Turnout, RoundRule, RoundStatus };
export type GridTurnout = Static<typeof GridTurnoutSchema>;
export type RoundAction = RoundDetail['actions'][number];
export { ROUND_RULES, ROUND_STATUSES };

/** Every cached round query starts with this key: creating, editing, opening, counting or publishing refreshes them. */
export const ROUNDS_KEY = 'budget-rounds';
export const ENGAGEMENT_KEY = 'engagement';

/** The unit a list is about: exactly one of the two. */
export interface Unit {
  communityId?: string;
  streetId?: string;
}

/** A 4xx stays so (not found, not allowed); a server or network failure is tried again. */
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2;

export function useRounds(unit: Unit, enabled = true) {
  return useQuery({
    queryKey: [ROUNDS_KEY, 'list', unit],
    queryFn: async () => (await api.get<{ items: RoundSummary[] }>('/budget-rounds', { ...unit })).items,
    enabled: enabled && !!(unit.communityId || unit.streetId),
    retry,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({ queryKey: [ROUNDS_KEY, 'one', id], queryFn: () => api.get<RoundDetail>(`/budget-rounds/${id}`), enabled: !!id, retry });
}

export const createRound = (body: RoundBody) => api.post<RoundDetail>('/budget-rounds', body);
export const addCandidate = (roundId: string, body: CandidateBody) => api.post<RoundDetail>(`/budget-rounds/${roundId}/candidates`, body);

/**
 * A step of a round that answers the round afresh (remove a candidate, open, count, publish):
 * the answer replaces the cached round and the lists are refreshed.
 */
export function useRoundStep(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => api.post<RoundDetail>(`/budget-rounds/${roundId}/${path}`),
    onSuccess: (fresh) => {
      qc.setQueryData([ROUNDS_KEY, 'one', roundId], fresh);
      void qc.invalidateQueries({ queryKey: [ROUNDS_KEY, 'list'] });
    },
  });
}

/** Whether a household has already voted in a round, and how (staff, before an assisted ballot). */
export function useHouseholdBallot(roundId: string, householdId: string | undefined) {
  return useQuery({
    queryKey: [ROUNDS_KEY, 'household-ballot', roundId, householdId],
    queryFn: async () => (await api.get<{ ballot: Ballot | null }>(`/budget-rounds/${roundId}/ballots/household`, { householdId })).ballot,
    enabled: !!householdId,
    retry,
  });
}

export const castBallot = (roundId: string, body: BallotBody) => api.post<Ballot>(`/budget-rounds/${roundId}/ballots`, body);

export function useEngagement(query: Unit & { until?: string }, enabled = true) {
  return useQuery({
    queryKey: [ENGAGEMENT_KEY, query],
    queryFn: () => api.get<Engagement>('/engagement', { ...query }),
    enabled: enabled && !!(query.communityId || query.streetId),
    retry,
  });
}
