import type { RequestContext } from '../../platform/http/context.ts';
import { seeGrid } from './grids.service.ts';
import { seeResident } from './residents.service.ts';
import { seeCommunity, seeDistrict, seeStreet } from './units.service.ts';
import { viewerOf } from './territory.viewer.ts';

export type UnitKind = 'district' | 'street' | 'community' | 'grid' | 'resident';

/** Where a unit lies: its own id and the ids of the units above it (null below its level). */
export interface UnitPlace {
  id: string;
  name: string;
  districtId: string;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  householdId: string | null;
}

/**
 * A unit named in a request body — this module's or another's — found through the same read
 * path as `GET /<units>/{id}`: one the caller may not read throws `resource.not_found`.
 */
export async function visibleUnit(ctx: RequestContext, kind: UnitKind, id: string): Promise<UnitPlace> {
  const v = await viewerOf(ctx);
  const none = { streetId: null, communityId: null, gridId: null, householdId: null };
  switch (kind) {
    case 'district': {
      const r = await seeDistrict(ctx, v, id);
      return { ...none, id: r.id, name: r.name, districtId: r.id };
    }
    case 'street': {
      const r = await seeStreet(ctx, v, id);
      return { ...none, id: r.id, name: r.name, districtId: r.district_id, streetId: r.id };
    }
    case 'community': {
      const r = await seeCommunity(ctx, v, id);
      return { ...none, id: r.id, name: r.name, districtId: r.district_id, streetId: r.street_id, communityId: r.id };
    }
    case 'grid': {
      const r = await seeGrid(ctx, v, id);
      return { ...none, id: r.id, name: r.name, districtId: r.district_id, streetId: r.street_id, communityId: r.community_id, gridId: r.id };
    }
    case 'resident': {
      const r = await seeResident(ctx, v, id);
      return { ...none, id: r.id, name: r.name, districtId: r.district_id, streetId: r.street_id, communityId: r.community_id, gridId: r.grid_id, householdId: r.household_id };
    }
  }
}
