import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { CreditRecordView, CreditView, ListEntryView } from '../../../server/modules/organizations/organizations.credit.schemas.ts';
import { api } from '../../api/client.ts';

export type { CreditRecordView, CreditView, ListEntryView };
export type Standing = Static<typeof import('../../../server/modules/organizations/organizations.credit.schemas.ts').StandingView>;

/** Every cached credit query starts with this key, so a saved dialog refreshes the section. */
export const CREDIT_KEY = 'organization-credit';

export function useCredit(organizationId: string) {
  return useQuery({ queryKey: [CREDIT_KEY, organizationId], queryFn: () => api.get<CreditView>(`/organizations/${organizationId}/credit`) });
}
