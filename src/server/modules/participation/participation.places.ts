import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { residentOfUser } from '../accounts/index.ts';
import { communityPlaces, householdPlaces } from '../territory/index.ts';
import type { CommunityAffair } from './participation.policy.ts';

export interface HouseholdPlace {
  districtId: string;
  householdId: string;
  streetId: string;
  communityId: string;
  gridId: string;
}

/** The households the caller takes part for (their resident assignments), with where they lie. */
export async function callerHouseholds(ctx: RequestContext): Promise<HouseholdPlace[]> {
  const actor = requireActor(ctx);
  const own = actor.assignments.filter((a) => a.role === 'resident' && a.scopeType === 'household' && a.scopeId && a.districtId);
  if (own.length === 0) return [];
  const districtId = own[0]!.districtId!;
  const places = await householdPlaces(ctx.db, districtId, own.map((a) => a.scopeId!));
  return own.flatMap((a) => {
    const p = places.get(a.scopeId!);
    return p && a.districtId === districtId ? [{ districtId, householdId: a.scopeId!, ...p }] : [];
  });
}

/** An affair of some communities as the policies see it, with the caller's own households there. */
export function affairIn(place: { districtId: string; streetId: string; communityIds: string[] }, households: HouseholdPlace[]): CommunityAffair {
  return {
    districtId: place.districtId,
    streetId: place.streetId,
    communityId: place.communityIds.length === 1 ? place.communityIds[0]! : place.communityIds,
    ownHouseholds: households.filter((h) => h.districtId === place.districtId && place.communityIds.includes(h.communityId)).map((h) => h.householdId),
  };
}

/** A community named by id in a request: its place, or 404 on the field when there is none. */
export async function communityAt(ctx: RequestContext, communityId: string, field = 'communityId') {
  const place = (await communityPlaces(ctx.db, [communityId])).get(communityId);
  if (!place) throw notFoundAt(field);
  return { districtId: place.districtId, streetId: place.streetId, communityId, name: place.name, nameEn: place.nameEn };
}

/** The resident an account acts as, and their household: who proposes and who supports. */
export async function callerResident(ctx: RequestContext): Promise<{ residentId: string; household: HouseholdPlace }> {
  const actor = requireActor(ctx);
  const [link, households] = await Promise.all([residentOfUser(ctx.db, actor.userId), callerHouseholds(ctx)]);
  if (!link) throw new AppError('participation.not_a_resident');
  const household = households.find((h) => h.districtId === link.districtId) ?? households[0];
  if (!household) throw new AppError('participation.no_household');
  return { residentId: link.residentId, household };
}

/** 孙某: how the public board and residents name a person, when the community agreed to names at all. */
export function surnameOnly(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first}某` : '';
}

/** A name in the reader's language where the register has one. */
export const localName = (ctx: RequestContext, n: { name: string; nameEn: string | null }) => (ctx.locale === 'en' && n.nameEn) || n.name;

/** Blank-after-trim text is refused here, before the database's checks would answer 500. */
export function text(value: string, field: string): string {
  const t = value.trim();
  if (!t) throw invalid({ field, code: 'participation.blank' });
  return t;
}
