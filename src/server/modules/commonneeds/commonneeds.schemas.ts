import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { COMMON_NEED_LEVELS, COMMON_NEED_STATUSES } from './commonneeds.tables.ts';

export const IdParams = Type.Object({ id: Uuid });

export const CommonNeedView = Type.Object({
  id: Uuid,
  districtId: Uuid,
  level: StringEnum(COMMON_NEED_LEVELS),
  /** null for a district group. */
  streetId: Nullable(Uuid),
  /** null for a street or district group. */
  communityId: Nullable(Uuid),
  gridId: Nullable(Uuid),
  /** The street or district group this community group was added into. */
  parentId: Nullable(Uuid),
  /** Communities whose needs a street or district group holds; empty for a community group. */
  coveredCommunityIds: Type.Array(Uuid),
  categoryId: Uuid,
  categoryCode: Type.String(),
  categoryName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: StringEnum(COMMON_NEED_STATUSES),
  projectRef: Nullable(Type.String()),
  /** Sum of the member needs' beneficiaries, always computed. */
  beneficiaryCount: Type.Integer(),
  /** Distinct households of the needs it answers for (a need without a household counts as one). */
  householdCount: Type.Integer(),
  /** Needs it answers for, its own and those of the community groups added into it. */
  memberCount: Type.Integer(),
  createdBy: Uuid,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(Type.String()),
});
export type CommonNeedView = Static<typeof CommonNeedView>;

export const MemberView = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  state: Type.String(),
  description: Type.String(),
  streetId: Uuid,
  communityId: Uuid,
  gridId: Uuid,
  /** The group holding it: this one, or a community group added into it. */
  commonNeedId: Uuid,
  beneficiaries: Type.Integer(),
  createdAt: Type.String(),
});

export const SuggestedResource = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  streetId: Nullable(Uuid),
  communityId: Nullable(Uuid),
  categories: Type.Array(Type.String()),
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
});

export const CommonNeedDetail = Type.Intersect([
  CommonNeedView,
  Type.Object({ members: Type.Array(MemberView), children: Type.Array(CommonNeedView), suggestedResources: Type.Array(SuggestedResource) }),
]);

export const ListQuery = Type.Object({
  ...PageQuery,
  communityId: Type.Optional(Uuid),
  level: Type.Optional(StringEnum(COMMON_NEED_LEVELS)),
  status: Type.Optional(StringEnum(COMMON_NEED_STATUSES)),
});
export type ListQuery = Static<typeof ListQuery>;
export const CommonNeedPage = Page(CommonNeedView);

const Title = Type.String({ minLength: 1, maxLength: 100 });
const Description = Type.String({ maxLength: 2000 });
const ProjectRef = Type.String({ minLength: 1, maxLength: 100 });

export const CreateBody = Type.Object(
  {
    // Exactly one: the unit the group is about, which sets its level.
    communityId: Type.Optional(Uuid),
    streetId: Type.Optional(Uuid),
    districtId: Type.Optional(Uuid),
    gridId: Type.Optional(Uuid),
    categoryId: Uuid,
    title: Title,
    description: Type.Optional(Description),
    needIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    /** Community groups to add into a new street or district group. */
    groupIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBody>;

export const UpdateBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    // projected and closed belong to the projects module; here a group is only marked (or unmarked) as a candidate.
    status: Type.Optional(StringEnum(['open', 'candidate'])),
    projectRef: Type.Optional(Nullable(ProjectRef)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBody = Static<typeof UpdateBody>;

export const PoolBody = Type.Object({ needId: Uuid, note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type PoolBody = Static<typeof PoolBody>;

export const GroupBody = Type.Object({ commonNeedId: Uuid }, { additionalProperties: false });
export type GroupBody = Static<typeof GroupBody>;

export const SuggestionQuery = Type.Object({ communityId: Uuid });
export const Suggestion = Type.Object({
  categoryId: Uuid,
  categoryCode: Type.String(),
  categoryName: Type.String(),
  /** null: the needs lie in several grids of the community. */
  gridId: Nullable(Uuid),
  needCount: Type.Integer(),
  beneficiaryCount: Type.Integer(),
  needIds: Type.Array(Uuid),
});
export const SuggestionList = Type.Object({ items: Type.Array(Suggestion) });

export const CommunityParams = Type.Object({ id: Uuid });
export const ThreeLists = Type.Object({
  communityId: Uuid,
  needs: Type.Array(CommonNeedView),
  resources: Type.Array(Type.Omit(SuggestedResource, ['score', 'reasons'])),
  projects: Type.Array(
    Type.Object({ commonNeedId: Uuid, title: Type.String(), status: StringEnum(COMMON_NEED_STATUSES), projectRef: Nullable(Type.String()), beneficiaryCount: Type.Integer() }),
  ),
  matches: Type.Array(Type.Object({ commonNeedId: Uuid, resources: Type.Array(SuggestedResource) })),
});
