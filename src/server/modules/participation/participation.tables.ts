import type { Generated } from 'kysely';
import type { Timestamp, TimestampDefault } from '../../platform/db/platform.tables.ts';

export const PROPOSAL_KINDS = ['wish', 'project'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['open', 'on_agenda', 'pooled', 'withdrawn', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const TOPIC_SOURCES = ['proposal', 'common_need', 'staff'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export const TOPIC_STATUSES = ['open', 'passed', 'rejected', 'implementing', 'done'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const STANCES = ['for', 'against', 'neutral'] as const;
export const FOLLOW_UPS = ['budget', 'common_need'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];
export const ROUND_RULES = ['approval', 'knapsack'] as const;
export type RoundRule = (typeof ROUND_RULES)[number];
export const ROUND_STATUSES = ['draft', 'open', 'counted', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const CANDIDATE_SOURCES = ['topic', 'common_need', 'proposal', 'staff'] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];
export const BALLOT_CHANNELS = ['online', 'paper', 'spoken'] as const;
export type BallotChannel = (typeof BALLOT_CHANNELS)[number];
export const PUBLIC_NAMES = ['surname', 'none'] as const;
export type PublicNames = (typeof PUBLIC_NAMES)[number];

export interface ParticipationSettingsTable {
  community_id: string;
  district_id: string;
  pool_supports: number;
  council_supports: number;
  quorum_percent: number;
  public_names: PublicNames;
  updated_by: string | null;
  updated_at: TimestampDefault;
}

export interface ProposalsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string | null;
  household_id: string | null;
  resident_id: string | null;
  proposed_by: string | null;
  recorded_by: string;
  kind: ProposalKind;
  title: string;
  body: string;
  place: Generated<string>;
  category_id: string | null;
  status: Generated<ProposalStatus>;
  support_count: Generated<number>;
  topic_id: string | null;
  need_id: string | null;
  decline_reason: Generated<string>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ProposalPhotosTable {
  district_id: string;
  proposal_id: string;
  seq: number;
  mime: string;
  data: Buffer;
}

export interface ProposalSupportsTable {
  district_id: string;
  proposal_id: string;
  resident_id: string;
  household_id: string;
  grid_id: string | null;
  recorded_by: string;
  assisted: boolean;
  created_at: TimestampDefault;
}

export interface CouncilMembersTable {
  district_id: string;
  id: string;
  community_id: string;
  name: string;
  title: Generated<string>;
  resident_id: string | null;
  active: Generated<boolean>;
  created_at: TimestampDefault;
}

export interface CouncilMeetingsTable {
  district_id: string;
  id: string;
  community_id: string;
  starts_at: Timestamp;
  place: string;
  status: Generated<'planned' | 'held'>;
  attendee_ids: Generated<string[]>;
  guests: Generated<string>;
  minutes: Generated<string>;
  created_by: string;
  created_at: TimestampDefault;
}

export interface CouncilTopicsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  source: TopicSource;
  proposal_id: string | null;
  common_need_id: string | null;
  title: string;
  subject: string;
  proposer: string;
  affected: Generated<string>;
  affected_grid_ids: Generated<string[]>;
  status: Generated<TopicStatus>;
  meeting_id: string | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  decision: Generated<string>;
  decided_at: Timestamp | null;
  follow_up: FollowUp | null;
  follow_up_id: string | null;
  created_by: string;
  created_at: TimestampDefault;
}

export interface TopicOpinionsTable {
  district_id: string;
  id: string;
  topic_id: string;
  meeting_id: string;
  speaker: string;
  member_id: string | null;
  stance: (typeof STANCES)[number];
  text: string;
  recorded_by: string;
  created_at: TimestampDefault;
}

export interface TopicVotesTable {
  district_id: string;
  topic_id: string;
  member_id: string;
  choice: VoteChoice;
}

export interface TopicFeedbackTable {
  district_id: string;
  id: string;
  topic_id: string;
  text: string;
  done: boolean;
  by_user: string;
  created_at: TimestampDefault;
}

export interface BudgetRoundsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string | null;
  title: string;
  total_budget_fen: number;
  rule: RoundRule;
  max_choices: number | null;
  opens_at: Timestamp;
  closes_at: Timestamp;
  status: Generated<RoundStatus>;
  households: number | null;
  ballots_online: number | null;
  ballots_assisted: number | null;
  counted_at: Timestamp | null;
  published_at: Timestamp | null;
  published_by: string | null;
  created_by: string;
  created_at: TimestampDefault;
}

export interface BudgetCandidatesTable {
  district_id: string;
  id: string;
  round_id: string;
  title: string;
  description: Generated<string>;
  cost_fen: number;
  category_id: string;
  community_id: string;
  source: CandidateSource;
  source_id: string | null;
  votes: number | null;
  won: boolean | null;
  pipeline_id: string | null;
  created_at: TimestampDefault;
}

export interface BudgetBallotsTable {
  district_id: string;
  round_id: string;
  household_id: string;
  community_id: string;
  grid_id: string;
  candidate_ids: string[];
  channel: BallotChannel;
  cast_by: string;
  cast_at: TimestampDefault;
}

export interface BudgetTurnoutTable {
  district_id: string;
  round_id: string;
  grid_id: string;
  community_id: string;
  households: number;
  online: number;
  assisted: number;
}

export interface ParticipationTables {
  participation_settings: ParticipationSettingsTable;
  proposals: ProposalsTable;
  proposal_photos: ProposalPhotosTable;
  proposal_supports: ProposalSupportsTable;
  council_members: CouncilMembersTable;
  council_meetings: CouncilMeetingsTable;
  council_topics: CouncilTopicsTable;
  topic_opinions: TopicOpinionsTable;
  topic_votes: TopicVotesTable;
  topic_feedback: TopicFeedbackTable;
  budget_rounds: BudgetRoundsTable;
  budget_candidates: BudgetCandidatesTable;
  budget_ballots: BudgetBallotsTable;
  budget_turnout: BudgetTurnoutTable;
}
