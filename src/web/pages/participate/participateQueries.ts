import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Ballot,
  BallotBody,
  Mine,
  ProposalBody,
  ProposalDetail,
  ProposalSummary,
  RoundDetail,
  RoundSummary,
  Settings,
  Step,
  TopicSummary,
} from '../../../server/modules/participation/participation.schemas.ts';
import type { ProposalKind, ProposalStatus, TopicStatus } from '../../../server/modules/participation/participation.tables.ts';
import { api, ApiError } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';

export type { Ballot, Mine, ProposalBody, ProposalDetail, ProposalKind, ProposalStatus, ProposalSummary, RoundDetail, RoundSummary, Settings, Step, TopicStatus, TopicSummary };
export type Candidate = RoundDetail['candidates'][number];
export type Supporter = ProposalDetail['supporters'][number];

/** Every participation query starts with this key: a support, a proposal or a ballot refreshes them all. */
export const PARTICIPATION_KEY = 'participation';

/** A 4xx stays so (not found, not allowed); a server or network failure is tried again. */
export const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2;

/** The resident's own: their community, proposals, the council topics about their household, open rounds. */
export function useMine(enabled = true) {
  return useQuery({ queryKey: [PARTICIPATION_KEY, 'mine'], queryFn: () => api.get<Mine>('/participation/mine'), enabled, retry });
}

export function useProposals(filter: { communityId?: string; status?: ProposalStatus }, enabled = true) {
  return useQuery({
    queryKey: [PARTICIPATION_KEY, 'proposals', filter],
    queryFn: async () => (await api.get<{ items: ProposalSummary[] }>('/proposals', { ...filter })).items,
    enabled,
    retry,
  });
}

/** The council's topics of a community: which proposals on the agenda still wait for the council (and so still take supports). */
export function useCouncilTopics(communityId: string | undefined) {
  return useQuery({
    queryKey: [PARTICIPATION_KEY, 'topics', communityId],
    queryFn: async () => (await api.get<{ items: TopicSummary[] }>('/council-topics', { communityId })).items,
    enabled: !!communityId,
    retry,
  });
}

/**
 * Whether a proposal still takes supports, as the server decides it: open, or on the agenda of a
 * council that has not yet decided its topic (known from the topics; unknown counts as no).
 */
export function takesSupports(p: Pick<ProposalSummary, 'id' | 'status'>, openTopicProposals: Set<string>): boolean {
  return p.status === 'open' || (p.status === 'on_agenda' && openTopicProposals.has(p.id));
}

export function useProposal(id: string | undefined) {
  return useQuery({ queryKey: [PARTICIPATION_KEY, 'proposal', id], queryFn: () => api.get<ProposalDetail>(`/proposals/${id}`), enabled: !!id, retry });
}

/**
 * The community's thresholds. Reading the settings is for staff and officers; a resident may be
 * refused, and the form then names the thresholds it can infer from the open proposals.
 */
export function useParticipationSettings(communityId: string | undefined) {
  return useQuery({
    queryKey: [PARTICIPATION_KEY, 'settings', communityId],
    queryFn: () => api.get<Settings>('/participation-settings', { communityId }),
    enabled: !!communityId,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/**
 * The supports each kind needs: from the community's settings when the caller may read them, or
 * else from the open proposals of the community (each carries the threshold of its kind).
 */
export function useThresholds(communityId: string | undefined): Partial<Record<ProposalKind, number>> {
  const { can } = useAuth();
  const readsSettings = can('participation.settings.read');
  const settings = useParticipationSettings(readsSettings ? communityId : undefined);
  const proposals = useProposals({}, !!communityId && (!readsSettings || settings.isError));
  if (settings.data) return { wish: settings.data.poolSupports, project: settings.data.councilSupports };
  const out: Partial<Record<ProposalKind, number>> = {};
  for (const p of proposals.data ?? []) if (p.community.id === communityId && p.status === 'open' && p.threshold !== null && out[p.kind] === undefined) out[p.kind] = p.threshold;
  return out;
}

export function useRound(id: string | undefined) {
  return useQuery({ queryKey: [PARTICIPATION_KEY, 'round', id], queryFn: () => api.get<RoundDetail>(`/budget-rounds/${id}`), enabled: !!id, retry });
}

export const photoUrl = (proposalId: string, seq: number) => `/api/v1/proposals/${proposalId}/photos/${seq}`;

/** A change to a proposal: the answer is the fresh proposal, kept; the lists are read again. */
function useProposalMutation<V>(fn: (vars: V) => Promise<ProposalDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData([PARTICIPATION_KEY, 'proposal', p.id], p);
      void qc.invalidateQueries({ queryKey: [PARTICIPATION_KEY], predicate: (q) => q.queryKey[1] !== 'proposal' || q.queryKey[2] !== p.id });
    },
  });
}

export type SupportAction = { id: string; kind: 'support' | 'unsupport'; residentId?: string };

export function useSupport() {
  return useProposalMutation((a: SupportAction) =>
    a.kind === 'support'
      ? api.post<ProposalDetail>(`/proposals/${a.id}/supports`, a.residentId ? { residentId: a.residentId } : {})
      : api.post<ProposalDetail>(`/proposals/${a.id}/supports/withdraw`, a.residentId ? { residentId: a.residentId } : {}),
  );
}

export function useWithdrawProposal() {
  return useProposalMutation((id: string) => api.post<ProposalDetail>(`/proposals/${id}/withdraw`));
}

export function useDeclineProposal() {
  return useProposalMutation(({ id, reason }: { id: string; reason: string }) => api.post<ProposalDetail>(`/proposals/${id}/decline`, { reason }));
}

export function usePropose() {
  return useProposalMutation((body: ProposalBody) => api.post<ProposalDetail>('/proposals', body));
}

export function useCastBallot(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BallotBody) => api.post<Ballot>(`/budget-rounds/${roundId}/ballots`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [PARTICIPATION_KEY] }),
  });
}
