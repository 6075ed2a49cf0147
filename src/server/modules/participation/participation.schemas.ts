import { Type, type Static } from 'typebox';
import { DateStr, Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import {
  BALLOT_CHANNELS,
  CANDIDATE_SOURCES,
  FOLLOW_UPS,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  PUBLIC_NAMES,
  ROUND_RULES,
  ROUND_STATUSES,
  STANCES,
  TOPIC_SOURCES,
  TOPIC_STATUSES,
  VOTE_CHOICES,
} from './participation.tables.ts';

export const IdParams = Type.Object({ id: Uuid });
export const Named = Type.Object({ id: Uuid, name: Type.String() });
export type Named = Static<typeof Named>;
const Done = Type.Object({ ok: Type.Boolean() });
export { Done };

/** Exactly one of the two: the unit a list or a round is about. */
export const UnitQuery = Type.Object({ communityId: Type.Optional(Uuid), streetId: Type.Optional(Uuid) }, { additionalProperties: false });
export type UnitQuery = Static<typeof UnitQuery>;
export const CommunityQuery = Type.Object({ communityId: Uuid }, { additionalProperties: false });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000_000, description: 'in fen (0.01 yuan)' });

// ── Settings ──
export const SettingsBody = Type.Object(
  {
    poolSupports: Type.Integer({ minimum: 1, maximum: 10000, description: 'supports that put a wish into the needs pool' }),
    councilSupports: Type.Integer({ minimum: 1, maximum: 10000, description: 'supports that put a micro-project on the council agenda' }),
    quorumPercent: Type.Integer({ minimum: 1, maximum: 100, description: 'share of the council members who must attend for a vote to count' }),
    publicNames: StringEnum(PUBLIC_NAMES, { description: 'surname: 孙某 on the public board; none: no names at all' }),
  },
  { additionalProperties: false },
);
export type SettingsBody = Static<typeof SettingsBody>;
export const Settings = Type.Object({ communityId: Uuid, ...SettingsBody.properties, canEdit: Type.Boolean() });
export type Settings = Static<typeof Settings>;

// ── Proposals ──
export const Photo = Type.Object({ mime: StringEnum(['image/jpeg', 'image/png', 'image/webp']), data: Type.String({ maxLength: 1_400_000, description: 'base64, at most 1 MB decoded' }) }, { additionalProperties: false });
export const ProposalBody = Type.Object(
  {
    kind: StringEnum(PROPOSAL_KINDS, { description: 'wish (微心愿): into the needs pool; project (微项目): to the council' }),
    title: Text(60),
    body: Text(2000),
    place: Type.Optional(Type.String({ maxLength: 100 })),
    categoryId: Type.Optional(Uuid),
    photos: Type.Optional(Type.Array(Photo, { maxItems: 3 })),
    /** Staff recording a proposal for a resident who does not use a phone. */
    residentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ProposalBody = Static<typeof ProposalBody>;
export const ProposalListQuery = Type.Object({ communityId: Type.Optional(Uuid), status: Type.Optional(StringEnum(PROPOSAL_STATUSES)) }, { additionalProperties: false });
export type ProposalListQuery = Static<typeof ProposalListQuery>;
export const SupportBody = Type.Object({ residentId: Type.Optional(Uuid) }, { additionalProperties: false });
export type SupportBody = Static<typeof SupportBody>;
export const DeclineBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const PhotoParams = Type.Object({ id: Uuid, seq: Type.Integer({ minimum: 1, maximum: 3 }) });

export const ProposalSummary = Type.Object({
  id: Uuid,
  community: Named,
  kind: StringEnum(PROPOSAL_KINDS),
  title: Type.String(),
  place: Type.String(),
  status: StringEnum(PROPOSAL_STATUSES),
  supportCount: Type.Integer(),
  /** Supports that take it to its next step (pool or council); null once it moved on. */
  threshold: Nullable(Type.Integer()),
  /** Staff see the name; residents see the surname and 某. */
  proposer: Type.String(),
  mine: Type.Boolean(),
  supportedByMe: Type.Boolean(),
  createdAt: Type.String(),
});
export type ProposalSummary = Static<typeof ProposalSummary>;

export const STEP_KINDS = ['proposed', 'recorded', 'threshold', 'on_agenda', 'pooled', 'meeting', 'passed', 'rejected', 'in_budget', 'won', 'lost', 'implementing', 'done', 'withdrawn', 'declined'] as const;
export const Step = Type.Object({ kind: StringEnum(STEP_KINDS), at: Nullable(Type.String()), text: Type.String({ description: 'a detail: the place of a meeting, the votes, a reason' }) });
export type Step = Static<typeof Step>;
export const Supporter = Type.Object({ name: Type.String(), grid: Type.String(), assisted: Type.Boolean(), at: Type.String(), recordedBy: Type.String({ description: 'who entered an assisted support' }) });

export const ProposalDetail = Type.Object({
  ...ProposalSummary.properties,
  body: Type.String(),
  categoryId: Nullable(Uuid),
  photoCount: Type.Integer(),
  topicId: Nullable(Uuid),
  /** The need a wish became in the needs pool. */
  needId: Nullable(Uuid),
  declineReason: Type.String(),
  /** Plain-words history for the proposer: each step reached, with when; a recorded proposal's step names who recorded it. */
  steps: Type.Array(Step),
  /** Staff only; empty for residents. */
  supporters: Type.Array(Supporter),
  actions: Type.Array(StringEnum(['support', 'unsupport', 'withdraw', 'decline', 'record_support'])),
});
export type ProposalDetail = Static<typeof ProposalDetail>;
export const ProposalList = Type.Object({ items: Type.Array(ProposalSummary) });

// ── Council ──
export const MemberBody = Type.Object({ communityId: Uuid, name: Text(50), title: Type.Optional(Type.String({ maxLength: 50 })), residentId: Type.Optional(Uuid) }, { additionalProperties: false });
export type MemberBody = Static<typeof MemberBody>;
export const MemberPatch = Type.Object({ name: Type.Optional(Text(50)), title: Type.Optional(Type.String({ maxLength: 50 })), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 });
export type MemberPatch = Static<typeof MemberPatch>;
export const Member = Type.Object({ id: Uuid, communityId: Uuid, name: Type.String(), title: Type.String(), residentId: Nullable(Uuid), active: Type.Boolean() });
export type Member = Static<typeof Member>;
export const MemberList = Type.Object({ items: Type.Array(Member), canManage: Type.Boolean() });

export const TopicBody = Type.Object(
  {
    communityId: Uuid,
    title: Text(60),
    subject: Text(2000),
    proposer: Type.Optional(Text(50)),
    affected: Type.Optional(Type.String({ maxLength: 200 })),
    affectedGridIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
    /** A topic raised from a common need of the community. */
    commonNeedId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TopicBody = Static<typeof TopicBody>;
export const TopicListQuery = Type.Object({ communityId: Type.Optional(Uuid), status: Type.Optional(StringEnum(TOPIC_STATUSES)) }, { additionalProperties: false });
export type TopicListQuery = Static<typeof TopicListQuery>;
const Votes = Type.Object({ for: Type.Integer(), against: Type.Integer(), abstain: Type.Integer() });

export const TopicSummary = Type.Object({
  id: Uuid,
  community: Named,
  title: Type.String(),
  source: StringEnum(TOPIC_SOURCES),
  proposalId: Nullable(Uuid),
  proposer: Type.String(),
  status: StringEnum(TOPIC_STATUSES),
  meeting: Nullable(Type.Object({ id: Uuid, startsAt: Type.String(), place: Type.String(), status: StringEnum(['planned', 'held']) })),
  votes: Nullable(Votes),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type TopicSummary = Static<typeof TopicSummary>;

export const Opinion = Type.Object({ id: Uuid, meetingId: Uuid, speaker: Type.String(), stance: StringEnum(STANCES), text: Type.String(), createdAt: Type.String() });
export const Feedback = Type.Object({ id: Uuid, text: Type.String(), done: Type.Boolean(), by: Type.String(), at: Type.String() });
export const TopicDetail = Type.Object({
  ...TopicSummary.properties,
  subject: Type.String(),
  affected: Type.String(),
  affectedGrids: Type.Array(Named),
  decision: Type.String(),
  followUp: Nullable(Type.Object({ kind: StringEnum(FOLLOW_UPS), id: Uuid, label: Type.String() })),
  opinions: Type.Array(Opinion),
  memberVotes: Type.Array(Type.Object({ memberId: Uuid, name: Type.String(), choice: StringEnum(VOTE_CHOICES) })),
  feedback: Type.Array(Feedback),
  /** Active members, and how many must attend (the community's quorum). */
  quorum: Type.Object({ members: Type.Integer(), needed: Type.Integer(), percent: Type.Integer() }),
  /** pool: the decision may put the topic into the project pool (a common need). */
  actions: Type.Array(StringEnum(['schedule', 'opinion', 'decide', 'pool', 'feedback'])),
});
export type TopicDetail = Static<typeof TopicDetail>;
export const TopicList = Type.Object({ items: Type.Array(TopicSummary) });

export const OpinionBody = Type.Object({ meetingId: Uuid, memberId: Type.Optional(Uuid), speaker: Type.Optional(Text(50)), stance: StringEnum(STANCES), text: Text(2000) }, { additionalProperties: false });
export type OpinionBody = Static<typeof OpinionBody>;
export const FollowUpBody = Type.Union([
  Type.Object({ kind: Type.Literal('budget'), roundId: Uuid, costFen: Fen, categoryId: Uuid }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('common_need'), categoryId: Uuid }, { additionalProperties: false }),
]);
export const DecisionBody = Type.Object(
  {
    meetingId: Uuid,
    votes: Type.Array(Type.Object({ memberId: Uuid, choice: StringEnum(VOTE_CHOICES) }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }),
    decision: Text(2000),
    /** What a passed decision sets going: a candidate of a budget round, or a common need in the project pool. */
    followUp: Type.Optional(FollowUpBody),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;
export const FeedbackBody = Type.Object({ text: Text(2000), done: Type.Boolean() }, { additionalProperties: false });
export type FeedbackBody = Static<typeof FeedbackBody>;

export const MeetingBody = Type.Object({ communityId: Uuid, startsAt: Type.String({ format: 'date-time' }), place: Text(100), topicIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }) }, { additionalProperties: false });
export type MeetingBody = Static<typeof MeetingBody>;
export const MeetingPatch = Type.Object(
  {
    attendeeIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    guests: Type.Optional(Type.String({ maxLength: 500 })),
    minutes: Type.Optional(Type.String({ maxLength: 10000 })),
    held: Type.Optional(Type.Literal(true)),
    topicIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MeetingPatch = Static<typeof MeetingPatch>;
export const Meeting = Type.Object({
  id: Uuid,
  community: Named,
  startsAt: Type.String(),
  place: Type.String(),
  status: StringEnum(['planned', 'held']),
  attendees: Type.Array(Named),
  guests: Type.String(),
  minutes: Type.String(),
  topics: Type.Array(TopicSummary),
  canManage: Type.Boolean(),
});
export type Meeting = Static<typeof Meeting>;
export const MeetingList = Type.Object({ items: Type.Array(Type.Object({ id: Uuid, community: Named, startsAt: Type.String(), place: Type.String(), status: StringEnum(['planned', 'held']), topicCount: Type.Integer() })) });

// ── Participatory budgeting ──
export const RoundBody = Type.Object(
  {
    communityId: Type.Optional(Uuid),
    streetId: Type.Optional(Uuid),
    title: Text(60),
    totalBudgetFen: Fen,
    rule: StringEnum(ROUND_RULES, { description: 'approval: fund by votes until the budget runs out; knapsack: the set that fits the budget with the most approvals' }),
    maxChoices: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 20 }))),
    opensAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type RoundBody = Static<typeof RoundBody>;
export const RoundPatch = Type.Object(
  {
    title: Type.Optional(Text(60)),
    totalBudgetFen: Type.Optional(Fen),
    rule: Type.Optional(StringEnum(ROUND_RULES)),
    maxChoices: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 20 }))),
    opensAt: Type.Optional(Type.String({ format: 'date-time' })),
    closesAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RoundPatch = Static<typeof RoundPatch>;
export const CandidateBody = Type.Object(
  {
    title: Text(60),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    costFen: Fen,
    categoryId: Uuid,
    /** The community it is for (a street round's candidates each belong to one); the round's own by default. */
    communityId: Type.Optional(Uuid),
    source: Type.Optional(StringEnum(['staff', 'common_need', 'proposal'])),
    sourceId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CandidateBody = Static<typeof CandidateBody>;
export const CandidateParams = Type.Object({ id: Uuid, candidateId: Uuid });
export const BallotBody = Type.Object(
  {
    candidateIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    /** Staff recording a paper or spoken ballot for a household. */
    householdId: Type.Optional(Uuid),
    channel: Type.Optional(StringEnum(['paper', 'spoken'])),
  },
  { additionalProperties: false },
);
export type BallotBody = Static<typeof BallotBody>;
export const Ballot = Type.Object({ candidateIds: Type.Array(Uuid), channel: StringEnum(BALLOT_CHANNELS), castAt: Type.String() });
export type Ballot = Static<typeof Ballot>;

export const Candidate = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  costFen: Type.Integer(),
  categoryId: Uuid,
  community: Named,
  source: StringEnum(CANDIDATE_SOURCES),
  sourceId: Nullable(Uuid),
  /** After the count. */
  votes: Nullable(Type.Integer()),
  won: Nullable(Type.Boolean()),
  /** The common need a winner entered the project pipeline as, once published. */
  pipelineId: Nullable(Uuid),
});
export type Candidate = Static<typeof Candidate>;
export const GridTurnout = Type.Object({ gridId: Uuid, name: Type.String(), community: Type.String(), households: Type.Integer(), online: Type.Integer(), assisted: Type.Integer(), percent: Type.Number() });
export const Turnout = Type.Object({ households: Type.Integer(), online: Type.Integer(), assisted: Type.Integer(), percent: Type.Number(), byGrid: Type.Array(GridTurnout) });
export type Turnout = Static<typeof Turnout>;
export const RoundSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  unit: Type.Object({ kind: StringEnum(['community', 'street']), id: Uuid, name: Type.String() }),
  totalBudgetFen: Type.Integer(),
  rule: StringEnum(ROUND_RULES),
  maxChoices: Nullable(Type.Integer()),
  opensAt: Type.String(),
  closesAt: Type.String(),
  status: StringEnum(ROUND_STATUSES),
  candidateCount: Type.Integer(),
  /** The caller's household's ballot (residents); null when not cast or not a resident. */
  myBallot: Nullable(Ballot),
});
export type RoundSummary = Static<typeof RoundSummary>;
export const RoundDetail = Type.Object({
  ...RoundSummary.properties,
  candidates: Type.Array(Candidate),
  /** Staff while voting runs: ballots so far (online, assisted); null for residents. */
  ballotsSoFar: Nullable(Type.Object({ online: Type.Integer(), assisted: Type.Integer() })),
  turnout: Nullable(Turnout),
  actions: Type.Array(StringEnum(['edit', 'open', 'vote', 'record_ballot', 'count', 'publish'])),
});
export type RoundDetail = Static<typeof RoundDetail>;
export const RoundList = Type.Object({ items: Type.Array(RoundSummary) });
export const HouseholdBallotQuery = Type.Object({ householdId: Uuid }, { additionalProperties: false });

// ── Engagement, the resident's home, the public board ──
export const EngagementQuery = Type.Object({ communityId: Type.Optional(Uuid), streetId: Type.Optional(Uuid), until: Type.Optional(DateStr) }, { additionalProperties: false });
export type EngagementQuery = Static<typeof EngagementQuery>;
export const ENGAGEMENT_KINDS = ['reported', 'proposed', 'supported', 'voted', 'attended', 'volunteered'] as const;
const EngagedUnit = { id: Uuid, name: Type.String(), households: Type.Integer(), engaged: Type.Integer(), percent: Type.Number() };
export const Engagement = Type.Object({
  since: DateStr,
  until: DateStr,
  households: Type.Integer(),
  engaged: Type.Integer(),
  percent: Type.Number(),
  /** Households engaged in each way (one household may count in several). */
  kinds: Type.Object(Object.fromEntries(ENGAGEMENT_KINDS.map((k) => [k, Type.Integer()])) as Record<(typeof ENGAGEMENT_KINDS)[number], ReturnType<typeof Type.Integer>>),
  communities: Type.Array(Type.Object({ ...EngagedUnit, grids: Type.Array(Type.Object(EngagedUnit)) })),
});
export type Engagement = Static<typeof Engagement>;

export const Mine = Type.Object({
  community: Nullable(Named),
  proposals: Type.Array(ProposalSummary),
  topics: Type.Array(TopicSummary),
  rounds: Type.Array(RoundSummary),
});
export type Mine = Static<typeof Mine>;

export const PublicBoardQuery = UnitQuery;
export const PublicBoard = Type.Object({
  unit: Type.Object({ kind: StringEnum(['community', 'street']), id: Uuid, name: Type.String() }),
  /** community: the community an item is of (a street's board gathers several). */
  agenda: Type.Array(Type.Object({ title: Type.String(), community: Type.String(), proposer: Type.String(), supportCount: Type.Integer(), meetingAt: Nullable(Type.String()) })),
  decisions: Type.Array(
    Type.Object({
      title: Type.String(),
      community: Type.String(),
      proposer: Type.String(),
      status: StringEnum(TOPIC_STATUSES),
      decidedAt: Type.String(),
      votes: Votes,
      decision: Type.String(),
      feedback: Type.Array(Type.Object({ text: Type.String(), done: Type.Boolean(), at: Type.String() })),
    }),
  ),
  rounds: Type.Array(
    Type.Object({
      title: Type.String(),
      unitName: Type.String(),
      status: StringEnum(ROUND_STATUSES),
      rule: StringEnum(ROUND_RULES),
      totalBudgetFen: Type.Integer(),
      opensAt: Type.String(),
      closesAt: Type.String(),
      candidates: Type.Array(Type.Object({ title: Type.String(), costFen: Type.Integer(), votes: Nullable(Type.Integer()), won: Nullable(Type.Boolean()) })),
      turnout: Nullable(Turnout),
    }),
  ),
  activities: Type.Array(Type.Object({ title: Type.String(), startsAt: Type.String(), endsAt: Type.String(), place: Type.String() })),
});
export type PublicBoard = Static<typeof PublicBoard>;
