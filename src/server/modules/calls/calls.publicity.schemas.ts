import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/http/schema.ts';

export const AwardBody = Type.Object(
  {
    /** The applications the round awards: recommended ones, at most one per offered project. */
    applicationIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
    /** Required when the award departs from the ranking. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AwardBody = Static<typeof AwardBody>;

export const ObjectionBody = Type.Object(
  { applicationId: Type.Optional(Uuid), body: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type ObjectionBody = Static<typeof ObjectionBody>;

export const AnswerBody = Type.Object({ upheld: Type.Boolean(), answer: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type AnswerBody = Static<typeof AnswerBody>;

export const ObjectionParams = Type.Object({ id: Uuid, objectionId: Uuid });

export const Objection = Type.Object({
  id: Uuid,
  applicationId: Nullable(Uuid),
  applicationTitle: Nullable(Type.String()),
  body: Type.String(),
  /** Named to the issuing office, which answers; the public page never names anyone. */
  lodgedBy: Nullable(Type.String()),
  lodgedAt: Type.String(),
  answer: Nullable(Type.String()),
  upheld: Nullable(Type.Boolean()),
  answeredAt: Nullable(Type.String()),
});
export type Objection = Static<typeof Objection>;
export const Objections = Type.Object({ items: Type.Array(Objection) });

export const Award = Type.Object({
  applicationId: Uuid,
  refNo: Type.String(),
  organizationName: Type.String(),
  title: Type.String(),
  offer: Type.String(),
  rank: Type.Integer(),
  amountFen: Type.Integer(),
  revoked: Type.Boolean(),
});

/** A publicised result as anyone reads it, signed in or not: organizations and figures, never people. */
export const PublicResult = Type.Object({
  callId: Uuid,
  refNo: Type.String(),
  title: Type.String(),
  issuerName: Type.String(),
  status: Type.String(),
  publicizedAt: Type.String(),
  publicityEndsAt: Type.String(),
  awards: Type.Array(Award),
  objectionsLodged: Type.Integer(),
  objectionsAnswered: Type.Integer(),
});
export type PublicResult = Static<typeof PublicResult>;

export const PublicQuery = Type.Object({ streetId: Type.Optional(Uuid), communityId: Type.Optional(Uuid) });
export const PublicPage = Type.Object({ unitName: Type.String(), items: Type.Array(PublicResult) });
export type PublicPage = Static<typeof PublicPage>;
