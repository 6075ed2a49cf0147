import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import type { HouseholdDetail, ResidentView as Resident, TagView as ResidentTag } from '../../../server/modules/territory/register.schemas.ts';
import type { CommunityView as Community, DistrictView as District, GridView as GridUnit, StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';

type Kind = 'districts' | 'streets' | 'communities' | 'grids' | 'households' | 'residents';

export function useRecord<T>(kind: Kind, id: string | undefined | null) {
  return useQuery({
    queryKey: [kind, id],
    queryFn: () => api.get<T>(`/${kind}/${id}`),
    enabled: !!id,
  });
}

export const useDistrict = (id?: string | null) => useRecord<District>('districts', id);
export const useStreet = (id?: string | null) => useRecord<Street>('streets', id);
export const useCommunity = (id?: string | null) => useRecord<Community>('communities', id);
export const useGridUnit = (id?: string | null) => useRecord<GridUnit>('grids', id);
export const useHousehold = (id?: string | null) => useRecord<HouseholdDetail>('households', id);
export const useResident = (id?: string | null) => useRecord<Resident>('residents', id);

/** Child units of a territory level; structure lists are short, one page of 200 is enough. */
export function useChildren<T>(kind: 'districts' | 'streets' | 'communities' | 'grids', filter: Record<string, string | undefined>, enabled = true) {
  return useQuery({
    queryKey: [kind, 'list', filter],
    queryFn: async () => (await api.get<Page<T>>(`/${kind}`, { ...filter, limit: 200 })).items,
    enabled,
  });
}

export function useResidentTags() {
  return useQuery({
    queryKey: ['resident-tags'],
    queryFn: () => api.get<ResidentTag[]>('/resident-tags'),
    staleTime: 10 * 60_000,
  });
}

/** Label of a tag code in the current language. */
export function useTagLabel() {
  const { i18n } = useTranslation();
  const tags = useResidentTags();
  return (code: string) => {
    const tag = tags.data?.find((t) => t.code === code);
    if (!tag) return code;
    return i18n.language === 'en' ? tag.nameEn : tag.name;
  };
}

/** Parents of a unit, walked upward, for breadcrumbs. */
export function useChain(start: { districtId?: string | null; streetId?: string | null; communityId?: string | null; gridId?: string | null }) {
  const grid = useGridUnit(start.gridId);
  const communityId = start.communityId ?? grid.data?.communityId;
  const community = useCommunity(communityId);
  const streetId = start.streetId ?? community.data?.streetId;
  const street = useStreet(streetId);
  const districtId = start.districtId ?? street.data?.districtId ?? community.data?.districtId;
  const district = useDistrict(districtId);
  return { district: district.data, street: street.data, community: community.data, grid: grid.data };
}

export function unitName(unit: { name: string; nameEn?: string | null } | undefined, lang: string): string {
  if (!unit) return '';
  return lang === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}
