import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClaimBody,
  HoursItem,
  LedgerItem,
  Offer,
  Opportunity,
  Redemption,
  SelfVolunteerBody,
  VolunteerDetail,
  VolunteerPatch,
} from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { api, ApiError } from '../../api/client.ts';

export type { HoursItem, LedgerItem, Offer, Opportunity, Redemption, VolunteerDetail };

/** Everything of the resident's own volunteering: any change refreshes all of it (hours, points, places). */
export const VOLUNTEER_KEY = 'volunteer';

/** A client error (not registered, not found, not allowed) stays so: no retry. */
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

export function useMyVolunteer(enabled = true) {
  return useQuery({
    queryKey: [VOLUNTEER_KEY, 'me'],
    queryFn: async () => (await api.get<{ volunteer: VolunteerDetail | null }>('/volunteers/me')).volunteer,
    enabled,
    retry,
  });
}

export function useOpportunities(enabled = true) {
  return useQuery({
    queryKey: [VOLUNTEER_KEY, 'opportunities'],
    queryFn: async () => (await api.get<{ items: Opportunity[] }>('/volunteer-opportunities')).items,
    enabled,
    retry,
  });
}

export function useOffers(enabled = true) {
  return useQuery({
    queryKey: [VOLUNTEER_KEY, 'offers'],
    queryFn: async () => (await api.get<{ items: Offer[] }>('/time-bank/offers')).items,
    enabled,
    retry,
  });
}

export function useRedemptions(volunteerId: string | undefined) {
  return useQuery({
    queryKey: [VOLUNTEER_KEY, 'redemptions', volunteerId ?? ''],
    queryFn: async () => (await api.get<{ items: Redemption[] }>('/time-bank/redemptions', { volunteerId })).items,
    enabled: !!volunteerId,
    retry,
  });
}

/** A mutation of the resident's volunteering; on success every volunteer query is read again. */
function useVolunteerMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: [VOLUNTEER_KEY] }),
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SelfVolunteerBody) => api.post<VolunteerDetail>('/volunteers/me', body),
    onSuccess: (v) => {
      qc.setQueryData([VOLUNTEER_KEY, 'me'], v);
      void qc.invalidateQueries({ queryKey: [VOLUNTEER_KEY], predicate: (q) => q.queryKey[1] !== 'me' });
    },
  });
}

export function useUpdateVolunteer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VolunteerPatch) => api.patch<VolunteerDetail>(`/volunteers/${id}`, body),
    onSuccess: (v) => {
      qc.setQueryData([VOLUNTEER_KEY, 'me'], v);
      void qc.invalidateQueries({ queryKey: [VOLUNTEER_KEY, 'opportunities'] });
      void qc.invalidateQueries({ queryKey: [VOLUNTEER_KEY, 'offers'] });
    },
  });
}

export type SignupAction = { kind: 'sign_up' | 'withdraw'; sessionId: string };

export function useSignup() {
  return useVolunteerMutation((a: SignupAction) => api.post<unknown>(a.kind === 'sign_up' ? '/volunteer-signups' : '/volunteer-signups/withdraw', { sessionId: a.sessionId }));
}

export function useClaimHours() {
  return useVolunteerMutation((body: ClaimBody) => api.post<HoursItem>('/volunteer-hours', body));
}

export function useRedeem() {
  return useVolunteerMutation((offerId: string) => api.post<Redemption>('/time-bank/redemptions', { offerId }));
}

export function useCancelRedemption() {
  return useVolunteerMutation((id: string) => api.post<Redemption>(`/time-bank/redemptions/${id}/cancel`));
}
