import { Type, type Static } from 'typebox';
import { AVAILABILITY_SLOTS, HOURS_STEP_MINUTES, MAX_SHIFT_MINUTES, VOLUNTEER_SKILLS } from '../../../common/volunteers.ts';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { HOURS_STATUSES, LEDGER_KINDS, REDEMPTION_STATUSES, VOLUNTEER_STATUSES } from './volunteers.tables.ts';

export const IdParams = Type.Object({ id: Uuid });

const Skills = Type.Array(StringEnum(VOLUNTEER_SKILLS), { maxItems: VOLUNTEER_SKILLS.length, uniqueItems: true });
const Availability = Type.Array(StringEnum(AVAILABILITY_SLOTS), { maxItems: AVAILABILITY_SLOTS.length, uniqueItems: true, description: 'half-days of the week, mon_am … sun_eve' });
const ServiceAreas = Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'communities where the volunteer takes shifts' });
const Minutes = Type.Integer({ minimum: HOURS_STEP_MINUTES, maximum: MAX_SHIFT_MINUTES, multipleOf: HOURS_STEP_MINUTES, description: 'in half hours' });

// ── Volunteers ──
export const VolunteerBody = Type.Object(
  {
    communityId: Uuid,
    residentId: Type.Optional(Uuid),
    name: Type.Optional(Type.String({ maxLength: 50, description: 'only for a person who is not a resident of the register' })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'only for a person who is not a resident of the register' })),
    skills: Skills,
    availability: Availability,
    serviceCommunityIds: ServiceAreas,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type VolunteerBody = Static<typeof VolunteerBody>;

/** A resident registers themself: the person is the account's resident, the home community theirs. */
export const SelfVolunteerBody = Type.Object({ skills: Skills, availability: Availability, serviceCommunityIds: Type.Optional(ServiceAreas) }, { additionalProperties: false });
export type SelfVolunteerBody = Static<typeof SelfVolunteerBody>;

export const VolunteerPatch = Type.Object(
  {
    skills: Type.Optional(Skills),
    availability: Type.Optional(Availability),
    serviceCommunityIds: Type.Optional(ServiceAreas),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Optional(StringEnum(VOLUNTEER_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type VolunteerPatch = Static<typeof VolunteerPatch>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const VolunteerSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isResident: Type.Boolean(),
  community: Named,
  phone: Type.String({ description: 'masked (last four digits); empty for residents, whose phone is in the register' }),
  skills: Type.Array(Type.String()),
  availability: Type.Array(Type.String()),
  serviceCommunities: Type.Array(Named),
  status: StringEnum(VOLUNTEER_STATUSES),
  verifiedMinutes: Type.Integer(),
  stars: Type.Integer({ minimum: 0, maximum: 5 }),
  points: Type.Integer({ description: 'balance: the last ledger entry' }),
  createdAt: Type.String(),
});
export type VolunteerSummary = Static<typeof VolunteerSummary>;

export const HoursItem = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  activityId: Type.String(),
  activityTitle: Type.String(),
  servedOn: Type.String(),
  minutes: Type.Integer(),
  status: StringEnum(HOURS_STATUSES),
  rejectReason: Type.String(),
});
export type HoursItem = Static<typeof HoursItem>;

export const LedgerItem = Type.Object({
  seq: Type.Integer(),
  kind: StringEnum(LEDGER_KINDS),
  points: Type.Integer({ description: 'signed: earned and refunded points are positive, redeemed negative' }),
  balanceAfter: Type.Integer(),
  at: Type.String(),
  label: Type.String({ description: 'the activity of earned points, the offer of redeemed and refunded ones' }),
});
export type LedgerItem = Static<typeof LedgerItem>;

export const VolunteerDetail = Type.Intersect([
  VolunteerSummary,
  Type.Object({
    note: Type.String(),
    residentId: Nullable(Type.String({ description: 'the resident of the register, for those who read the register' })),
    /** Hours still to reach the next star; null at five stars. */
    nextStarHours: Nullable(Type.Integer()),
    starHours: Type.Array(Type.Integer()),
    hours: Type.Array(HoursItem, { description: 'newest first, the last 100' }),
    ledger: Type.Array(LedgerItem, { description: 'newest first, the last 100' }),
    actions: Type.Array(Type.String()),
  }),
]);
export type VolunteerDetail = Static<typeof VolunteerDetail>;

export const VolunteerListQuery = Type.Object(
  {
    communityId: Type.Optional(Uuid),
    skill: Type.Optional(StringEnum(VOLUNTEER_SKILLS)),
    status: Type.Optional(StringEnum(VOLUNTEER_STATUSES)),
  },
  { additionalProperties: false },
);
export type VolunteerListQuery = Static<typeof VolunteerListQuery>;
export const VolunteerList = Type.Object({ items: Type.Array(VolunteerSummary), truncated: Type.Boolean({ description: 'more than 500 matched' }) });

// ── Opportunities and sign-up ──
export const Opportunity = Type.Object({
  sessionId: Type.String(),
  activityId: Type.String(),
  title: Type.String(),
  community: Named,
  organizer: Type.String({ description: 'the organization, or the community for its own activities' }),
  venue: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  volunteersNeeded: Type.Integer(),
  signedUp: Type.Integer(),
  mine: Type.Boolean({ description: 'the caller\'s volunteer is signed up' }),
});
export type Opportunity = Static<typeof Opportunity>;
export const OpportunityList = Type.Object({ items: Type.Array(Opportunity) });
export type OpportunityList = Static<typeof OpportunityList>;

export const SignupBody = Type.Object({ sessionId: Uuid, volunteerId: Type.Optional(Uuid) }, { additionalProperties: false });
export type SignupBody = Static<typeof SignupBody>;

// ── Hours ──
export const ClaimBody = Type.Object({ sessionId: Uuid, minutes: Minutes }, { additionalProperties: false });
export type ClaimBody = Static<typeof ClaimBody>;

/** The organizer verifies a session's volunteers at once: each with the minutes served, or rejected with a reason. */
export const VerifyBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        {
          volunteerId: Uuid,
          minutes: Type.Optional(Minutes),
          rejectReason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const SessionVolunteer = Type.Object({
  volunteerId: Type.String(),
  name: Type.String(),
  signedUp: Type.Boolean(),
  hoursId: Nullable(Type.String()),
  minutes: Nullable(Type.Integer()),
  status: Nullable(StringEnum(HOURS_STATUSES)),
  rejectReason: Type.String(),
});
export const SessionVolunteers = Type.Object({
  sessionId: Type.String(),
  activityTitle: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  volunteersNeeded: Type.Integer(),
  items: Type.Array(SessionVolunteer),
  canVerify: Type.Boolean(),
});
export type SessionVolunteers = Static<typeof SessionVolunteers>;

// ── Settings ──
export const SettingsQuery = Type.Object({ districtId: Type.Optional(Uuid) }, { additionalProperties: false });
export const VolunteerSettings = Type.Object({
  districtId: Type.String(),
  starHours: Type.Array(Type.Integer({ minimum: 1, maximum: 100000 }), { minItems: 5, maxItems: 5, description: 'verified hours for one to five stars, increasing' }),
  pointsPerHour: Type.Integer({ minimum: 2, maximum: 100, multipleOf: 2 }),
  canUpdate: Type.Boolean(),
});
export type VolunteerSettings = Static<typeof VolunteerSettings>;
export const VolunteerSettingsBody = Type.Object({ starHours: VolunteerSettings.properties.starHours, pointsPerHour: VolunteerSettings.properties.pointsPerHour }, { additionalProperties: false });
export type VolunteerSettingsBody = Static<typeof VolunteerSettingsBody>;

// ── Time bank ──
export const PartnerBody = Type.Object(
  {
    communityId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    address: Type.Optional(Type.String({ maxLength: 120 })),
    staffUsernames: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 10, uniqueItems: true, description: 'accounts that confirm its redemptions (at least one: a redemption waits for them)' }),
  },
  { additionalProperties: false },
);
export type PartnerBody = Static<typeof PartnerBody>;
export const PartnerPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    address: Type.Optional(Type.String({ maxLength: 120 })),
    staffUsernames: Type.Optional(PartnerBody.properties.staffUsernames),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PartnerPatch = Static<typeof PartnerPatch>;
export const Partner = Type.Object({
  id: Type.String(),
  community: Named,
  name: Type.String(),
  address: Type.String(),
  active: Type.Boolean(),
  staff: Type.Array(Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.String() }), { description: 'for community staff only; empty for others' }),
  pendingRedemptions: Type.Integer(),
});
export type Partner = Static<typeof Partner>;
export const PartnerList = Type.Object({ items: Type.Array(Partner) });
export const CommunityQuery = Type.Object({ communityId: Type.Optional(Uuid) }, { additionalProperties: false });

export const OfferBody = Type.Object(
  {
    communityId: Uuid,
    partnerId: Type.Optional(Nullable(Uuid)),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    points: Type.Integer({ minimum: 1, maximum: 100000 }),
    stock: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000, description: 'null: no limit' }))),
  },
  { additionalProperties: false },
);
export type OfferBody = Static<typeof OfferBody>;
export const OfferPatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    points: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    stock: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OfferPatch = Static<typeof OfferPatch>;
export const Offer = Type.Object({
  id: Type.String(),
  community: Named,
  partner: Nullable(Named),
  provider: Type.String({ description: 'the partner shop, or the community' }),
  title: Type.String(),
  description: Type.String(),
  points: Type.Integer(),
  stock: Nullable(Type.Integer()),
  active: Type.Boolean(),
  actions: Type.Array(Type.String()),
});
export type Offer = Static<typeof Offer>;
export const OfferList = Type.Object({ items: Type.Array(Offer) });
export const OfferQuery = Type.Object({ communityId: Type.Optional(Uuid), partnerId: Type.Optional(Uuid) }, { additionalProperties: false });

export const RedeemBody = Type.Object({ offerId: Uuid, volunteerId: Type.Optional(Uuid) }, { additionalProperties: false });
export type RedeemBody = Static<typeof RedeemBody>;
export const DeclineBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type DeclineBody = Static<typeof DeclineBody>;
export const Redemption = Type.Object({
  id: Type.String(),
  volunteer: Named,
  offer: Type.Object({ id: Type.String(), title: Type.String(), provider: Type.String() }),
  points: Type.Integer(),
  status: StringEnum(REDEMPTION_STATUSES),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  declineReason: Type.String(),
  balance: Type.Integer({ description: 'the volunteer\'s balance after this change; 0 for providers' }),
  actions: Type.Array(Type.String()),
});
export type Redemption = Static<typeof Redemption>;
export const RedemptionQuery = Type.Object(
  {
    communityId: Type.Optional(Uuid),
    partnerId: Type.Optional(Uuid),
    volunteerId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(REDEMPTION_STATUSES)),
  },
  { additionalProperties: false },
);
export type RedemptionQuery = Static<typeof RedemptionQuery>;
export const RedemptionList = Type.Object({ items: Type.Array(Redemption) });
