import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, type Page } from '../../api/client.ts';
import type { CommunityView as Community, DistrictView as District } from '../../../server/modules/territory/structure.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import type * as CN from '../../../server/modules/commonneeds/commonneeds.schemas.ts';
import type * as NS from '../../../server/modules/needs/needs.schemas.ts';
import type { ResourceKind, OwnerType } from '../../../server/modules/resources/resources.tables.ts';

export type { CommonNeedView } from '../../../server/modules/commonneeds/commonneeds.schemas.ts';
export type { ResourceView } from '../../../server/modules/resources/resources.schemas.ts';
export type { WebhookView, DeliveryView } from '../../../server/modules/webhooks/webhooks.schemas.ts';
export type { ClientView } from '../../../server/modules/open311/open311.schemas.ts';
export type CommonNeedDetail = Static<typeof CN.CommonNeedDetail>;
export type SuggestedResource = Static<typeof CN.SuggestedResource>;
export type Suggestion = Static<typeof CN.Suggestion>;
export type ThreeLists = Static<typeof CN.ThreeLists>;
export type InboxItem = Static<typeof NS.InboxItem>;
export type CategoryView = Static<typeof NS.CategoryView>;
export type CalendarDay = Static<typeof NS.CalendarDayView>;
export type CalendarList = Static<typeof NS.CalendarList>;
export type Limits = Static<typeof NS.Limits>;

// The server's enums are types only on this side; `satisfies` keeps these lists in step with them.
export const RESOURCE_KINDS = ['venue', 'fund', 'enterprise', 'volunteer_team', 'goods', 'professional_service'] as const satisfies readonly ResourceKind[];
export const OWNER_TYPES = ['community', 'organization', 'other'] as const satisfies readonly OwnerType[];
export const URGENCY_KEYS = ['urgent', 'normal', 'difficult'] as const satisfies readonly (keyof Limits)[];
export const ROUTES = ['community', 'refer', 'project_pool'] as const satisfies readonly CategoryView['defaultRoute'][];

export function useCommunities() {
  return useQuery({
    queryKey: ['communities', 'list', {}],
    queryFn: async () => (await api.get<Page<Community>>('/communities', { limit: 200 })).items,
  });
}

export function useDistricts(enabled = true) {
  return useQuery({
    queryKey: ['districts', 'list', {}],
    queryFn: async () => (await api.get<Page<District>>('/districts', { limit: 200 })).items,
    enabled,
  });
}

/** The community a caller works in first: their own community, else the first one they may see. */
export function useDefaultCommunity(communities: Community[] | undefined): string | undefined {
  const { me } = useAuth();
  const own = me?.assignments.find((a) => a.scopeType === 'community' && a.scopeId && communities?.some((c) => c.id === a.scopeId));
  return own?.scopeId ?? communities?.[0]?.id;
}

/** The district a settings page edits: the officer's own district, else the first one visible. */
export function useDefaultDistrict(districts: District[] | undefined): string | undefined {
  const { me } = useAuth();
  const own = me?.assignments.find((a) => a.role === 'district_officer' && a.scopeId);
  return own?.scopeId ?? districts?.[0]?.id;
}

export function useCategories(districtId: string | undefined) {
  return useQuery({
    queryKey: ['need-categories', districtId],
    queryFn: () => api.get<{ items: CategoryView[] }>('/need-categories', { districtId }),
    enabled: !!districtId,
  });
}
