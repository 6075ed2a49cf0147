import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Offer,
  OfferBody,
  OfferPatch,
  Partner,
  PartnerBody,
  PartnerPatch,
  Redemption,
  RedemptionQuery,
} from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { REDEMPTION_STATUSES } from '../../../server/modules/volunteers/volunteers.tables.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { retry, VOLUNTEERS_KEY } from '../volunteers/volunteerQueries.ts';

export type { Offer, OfferBody, OfferPatch, Partner, PartnerBody, PartnerPatch, Redemption, RedemptionQuery };
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export { REDEMPTION_STATUSES };

/** Every cached time-bank query starts with this key: a change to a partner, offer or redemption refreshes them. */
export const TIME_BANK_KEY = 'time-bank';

export function usePartners(communityId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [TIME_BANK_KEY, 'partners', communityId ?? 'all'],
    queryFn: async () => (await api.get<{ items: Partner[] }>('/time-bank/partners', { communityId })).items,
    enabled,
    retry,
  });
}

/**
 * The partner shops whose clerk the caller is (an account with no role may be one): they
 * confirm the shop's redemptions. Empty for everyone else, and while the server cannot answer.
 */
export function useMyPartners() {
  const { me } = useAuth();
  return useQuery({
    queryKey: [TIME_BANK_KEY, 'partners', 'mine', me?.user.id],
    queryFn: async () => (await api.get<{ items: Partner[] }>('/time-bank/partners/mine')).items,
    enabled: !!me,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export const createPartner = (body: PartnerBody) => api.post<Partner>('/time-bank/partners', body);
export const patchPartner = (id: string, body: PartnerPatch) => api.patch<Partner>(`/time-bank/partners/${id}`, body);

export function useOffers(filter: { communityId?: string; partnerId?: string }, enabled = true) {
  return useQuery({
    queryKey: [TIME_BANK_KEY, 'offers', filter],
    queryFn: async () => (await api.get<{ items: Offer[] }>('/time-bank/offers', filter)).items,
    enabled,
    retry,
  });
}

export const createOffer = (body: OfferBody) => api.post<Offer>('/time-bank/offers', body);
export const patchOffer = (id: string, body: OfferPatch) => api.patch<Offer>(`/time-bank/offers/${id}`, body);

export function useRedemptions(filter: RedemptionQuery, enabled = true, refetchInterval?: number) {
  return useQuery({
    queryKey: [TIME_BANK_KEY, 'redemptions', filter],
    queryFn: async () => (await api.get<{ items: Redemption[] }>('/time-bank/redemptions', { ...filter })).items,
    enabled,
    retry,
    refetchInterval,
  });
}

/** Confirming or declining a redemption: its lists, the partners' pending counts and the volunteer's points change. */
export function useDecideRedemption() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      reason === undefined ? api.post<Redemption>(`/time-bank/redemptions/${id}/confirm`) : api.post<Redemption>(`/time-bank/redemptions/${id}/decline`, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [TIME_BANK_KEY] });
      void qc.invalidateQueries({ queryKey: [VOLUNTEERS_KEY, 'one'] });
    },
  });
}
