import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../common/roles.ts';
import type { WorkforceView } from '../../../server/modules/workforce/supervision.schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useDistricts } from '../lists/listsApi.ts';
import { useVisibleCommunities } from '../worktasks/workTaskQueries.ts';

export type { WorkforceView };
export type WorkerRow = WorkforceView['workers'][number];
export type CommunityRow = WorkforceView['communities'][number];

export const UNIT_KINDS = ['district', 'street', 'community', 'organization'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit whose workforce the caller may view: one of their own, or a street or community inside it. */
export interface UnitOption {
  kind: UnitKind;
  id: string;
  name: string;
  /** The English name, where the register gives one. */
  nameEn?: string | null;
  /** The street a community lies in, shown when the list holds several streets. */
  streetName?: string;
}

/** The longest period the server sums up (GET /workforce-view answers 400 beyond it). */
export const MAX_VIEW_DAYS = 92;

export function useWorkforceView(query: { unit: UnitKind; id: string; from: string; to: string } | null) {
  return useQuery({
    queryKey: ['workforce-view', query],
    queryFn: () => api.get<WorkforceView>('/workforce-view', query!),
    enabled: !!query,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: 60_000,
  });
}

/** The role that reads a unit of each kind (the server's workforce.view readers, by their scope). */
const READERS: Record<Exclude<UnitKind, 'organization'>, Role[]> = {
  district: ['district_officer'],
  street: ['street_officer'],
  community: ['community_admin', 'community_worker'],
};

/**
 * The units the caller may view, narrowest own unit first: their communities, streets, districts
 * and organizations; a district officer also each street and community of the district, a street
 * officer each community of the street, a platform administrator every district.
 */
export function useUnitOptions(): { options: UnitOption[]; fallback: UnitOption | null; loading: boolean } {
  const { me, hasRole, can } = useAuth();
  const mayView = can('workforce.view.read');
  const assignments = me?.assignments ?? [];
  const wide = mayView && hasRole('district_officer', 'street_officer', 'platform_admin');
  const communities = useVisibleCommunities(wide);
  const platform = mayView && hasRole('platform_admin');
  const districts = useDistricts(platform);

  const own: UnitOption[] = [];
  const ownOf = (kind: UnitKind, roles: Role[]) => {
    for (const a of assignments) {
      if (roles.includes(a.role) && a.scopeType === kind && a.scopeId && !own.some((u) => u.kind === kind && u.id === a.scopeId)) own.push({ kind, id: a.scopeId, name: a.scopeName });
    }
  };
  if (mayView) {
    ownOf('community', READERS.community);
    ownOf('street', READERS.street);
    ownOf('district', READERS.district);
    ownOf('organization', ['org_admin']);
  }
  const fallback = own[0] ?? null;

  const all = [...own];
  const add = (u: UnitOption) => {
    if (!all.some((o) => o.kind === u.kind && o.id === u.id)) all.push(u);
  };
  if (platform) for (const d of districts.data ?? []) add({ kind: 'district', id: d.id, name: d.name });
  const districtIds = new Set([...own.filter((u) => u.kind === 'district').map((u) => u.id), ...(platform ? (districts.data ?? []).map((d) => d.id) : [])]);
  const streetIds = new Set(own.filter((u) => u.kind === 'street').map((u) => u.id));
  const inScope = (communities.data ?? []).filter((c) => districtIds.has(c.districtId) || streetIds.has(c.streetId));
  for (const c of inScope) if (districtIds.has(c.districtId)) add({ kind: 'street', id: c.streetId, name: c.streetName });
  const several = new Set(inScope.map((c) => c.streetId)).size > 1;
  for (const c of inScope) add({ kind: 'community', id: c.id, name: c.name, nameEn: c.nameEn, streetName: several ? c.streetName : undefined });

  const order = (u: UnitOption) => UNIT_KINDS.indexOf(u.kind);
  const options = all.sort((a, b) => order(a) - order(b) || (a.streetName ?? '').localeCompare(b.streetName ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  return { options, fallback: fallback ?? options[0] ?? null, loading: communities.isLoading || districts.isLoading };
}
