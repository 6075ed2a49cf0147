import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { CALL_STATUSES, OFFERED_CALL_ACTIONS } from './calls.lifecycle.ts';
import { CallRules } from './calls.rules.ts';

export const IdParams = Type.Object({ id: Uuid });
export const PanelParams = Type.Object({ id: Uuid, userId: Uuid });

const KINDS = ['government_purchase', 'venture_philanthropy'] as const;
const Title = Type.String({ minLength: 1, maxLength: 100 });
const Description = Type.String({ maxLength: 5000 });
const Themes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 });

export const OfferedProject = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  title: Type.String(),
  budgetFen: Type.Integer(),
  status: Type.String(),
});

export const PanelMember = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  kind: StringEnum(['expert', 'juror'] as const),
});

export const CallView = Type.Object({
  id: Uuid,
  districtId: Uuid,
  refNo: Type.String(),
  title: Type.String(),
  kind: StringEnum(KINDS),
  issuerLevel: StringEnum(['street', 'district'] as const),
  issuerStreetId: Nullable(Uuid),
  issuerName: Type.String(),
  description: Type.String(),
  themes: Type.Array(Type.String()),
  deadline: Type.String({ format: 'date-time' }),
  publicityDays: Type.Integer(),
  status: StringEnum(CALL_STATUSES),
  openedAt: Nullable(Type.String()),
  publicizedAt: Nullable(Type.String()),
  publicityEndsAt: Nullable(Type.String()),
  /** Why the award departs from the ranking, publicised with it. */
  awardReason: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(Type.String()),
});
export type CallView = Static<typeof CallView>;

export const CallDetail = Type.Intersect([
  CallView,
  Type.Object({
    rules: CallRules,
    rulesVersion: Type.Integer(),
    projects: Type.Array(OfferedProject),
    /** The panel is shown to the issuing office only: reviewers are not named to applicants. */
    panel: Nullable(Type.Array(PanelMember)),
    /** What the round awarded, once publicised (an upheld objection revokes an award). */
    awards: Type.Array(
      Type.Object({ applicationId: Uuid, refNo: Type.String(), organizationName: Type.String(), title: Type.String(), offer: Type.String(), rank: Type.Integer(), amountFen: Type.Integer(), revoked: Type.Boolean() }),
    ),
    events: Type.Array(
      Type.Object({ action: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(), reason: Type.String(), actorName: Nullable(Type.String()), at: Type.String() }),
    ),
  }),
]);
export type CallDetail = Static<typeof CallDetail>;

export const CallPage = Page(CallView);

export const ListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(StringEnum(CALL_STATUSES)),
  streetId: Type.Optional(Uuid),
});
export type ListQuery = Static<typeof ListQuery>;

export const CreateBody = Type.Object(
  {
    title: Title,
    kind: StringEnum(KINDS),
    /** The street office running it; absent for a district call. */
    streetId: Type.Optional(Uuid),
    /** Needed for a district call when the caller holds several districts. */
    districtId: Type.Optional(Uuid),
    description: Type.Optional(Description),
    themes: Type.Optional(Themes),
    deadline: Type.String({ format: 'date-time' }),
    publicityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    /** Defaults to the district's settings. */
    rules: Type.Optional(CallRules),
    projectIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBody>;

export const UpdateBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    themes: Type.Optional(Themes),
    deadline: Type.Optional(Type.String({ format: 'date-time' })),
    publicityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    rules: Type.Optional(CallRules),
    projectIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBody = Static<typeof UpdateBody>;

export const PanelBody = Type.Object({ userId: Uuid, kind: StringEnum(['expert', 'juror'] as const) }, { additionalProperties: false });
export type PanelBody = Static<typeof PanelBody>;

export const TransitionBody = Type.Object(
  { action: StringEnum(OFFERED_CALL_ACTIONS), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;


export const SettingsQuery = Type.Object({ districtId: Type.Optional(Uuid) });
export const SettingsView = Type.Object({
  districtId: Uuid,
  /** 0 until the district sets its own: the built-in defaults. */
  version: Type.Integer(),
  rules: CallRules,
});
export const SettingsBody = Type.Object({ rules: CallRules }, { additionalProperties: false });

export const PanelCandidates = Type.Object({ items: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String() })) });
