-- Resident participation (issue 12, DESIGN 3.9): proposals and their supports, the residents'
-- council (一事一议) with meetings, opinions, members' votes and follow-up, participatory
-- budgeting with one ballot per household, and what a community agreed to show in public.

create table participation_settings (
  district_id uuid not null references districts (id),
  community_id uuid not null references communities (id),
  -- Supports that put a wish (微心愿) into the needs pool, and a micro-project (微项目) on the council's agenda.
  pool_supports integer not null default 10 check (pool_supports between 1 and 10000),
  council_supports integer not null default 30 check (council_supports between 1 and 10000),
  -- Share of the council's members who must attend for a vote to count.
  quorum_percent integer not null default 50 check (quorum_percent between 1 and 100),
  -- How people are named on the public notice board: surname + 某, or not at all.
  public_names text not null default 'surname' check (public_names in ('surname', 'none')),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (district_id, community_id)
);

create table proposals (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  grid_id uuid,
  household_id uuid,
  resident_id uuid,
  -- the resident's own account; null when staff recorded it for a resident without a phone
  proposed_by uuid references users (id),
  recorded_by uuid not null references users (id),
  kind text not null check (kind in ('wish', 'project')),
  title text not null check (length(title) between 1 and 60),
  body text not null check (length(body) between 1 and 2000),
  place text not null default '' check (length(place) <= 100),
  category_id uuid,
  status text not null default 'open' check (status in ('open', 'on_agenda', 'pooled', 'withdrawn', 'declined')),
  support_count integer not null default 0 check (support_count >= 0),
  topic_id uuid,
  -- the need a wish became in the needs pool
  need_id uuid,
  decline_reason text not null default '' check (length(decline_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, household_id) references households (district_id, id),
  foreign key (district_id, resident_id) references residents (district_id, id)
);
create index proposals_id on proposals (id);
create index proposals_community on proposals (district_id, community_id, created_at desc);
create index proposals_household on proposals (district_id, household_id) where household_id is not null;

create table proposal_photos (
  district_id uuid not null,
  proposal_id uuid not null,
  seq integer not null check (seq between 1 and 3),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  data bytea not null check (octet_length(data) <= 1048576),
  primary key (district_id, proposal_id, seq),
  foreign key (district_id, proposal_id) references proposals (district_id, id)
);

-- One support per resident of the community; withdrawing deletes it.
create table proposal_supports (
  district_id uuid not null,
  proposal_id uuid not null,
  resident_id uuid not null,
  household_id uuid not null,
  grid_id uuid,
  recorded_by uuid not null references users (id),
  assisted boolean not null,
  created_at timestamptz not null default now(),
  primary key (district_id, proposal_id, resident_id),
  foreign key (district_id, proposal_id) references proposals (district_id, id),
  foreign key (district_id, resident_id) references residents (district_id, id)
);
create index proposal_supports_household on proposal_supports (district_id, household_id, created_at);

create table council_members (
  district_id uuid not null references districts (id),
  id uuid not null,
  community_id uuid not null references communities (id),
  name text not null check (length(name) between 1 and 50),
  title text not null default '' check (length(title) <= 50),
  resident_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, resident_id) references residents (district_id, id)
);
create index council_members_community on council_members (district_id, community_id);

create table council_meetings (
  district_id uuid not null references districts (id),
  id uuid not null,
  community_id uuid not null references communities (id),
  starts_at timestamptz not null,
  place text not null check (length(place) between 1 and 100),
  status text not null default 'planned' check (status in ('planned', 'held')),
  attendee_ids uuid[] not null default '{}',
  -- residents who came without being members (names as recorded)
  guests text not null default '' check (length(guests) <= 500),
  minutes text not null default '' check (length(minutes) <= 10000),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id)
);
create index council_meetings_community on council_meetings (district_id, community_id, starts_at desc);

create table council_topics (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  source text not null check (source in ('proposal', 'common_need', 'staff')),
  proposal_id uuid,
  common_need_id uuid,
  title text not null check (length(title) between 1 and 60),
  subject text not null check (length(subject) between 1 and 2000),
  -- who raised it, as the council's papers name them
  proposer text not null check (length(proposer) between 1 and 50),
  affected text not null default '' check (length(affected) <= 200),
  -- the grids whose households it affects; empty for the whole community
  affected_grid_ids uuid[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'passed', 'rejected', 'implementing', 'done')),
  meeting_id uuid,
  votes_for integer,
  votes_against integer,
  votes_abstain integer,
  decision text not null default '' check (length(decision) <= 2000),
  decided_at timestamptz,
  follow_up text check (follow_up in ('budget', 'common_need')),
  follow_up_id uuid,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, meeting_id) references council_meetings (district_id, id),
  check ((status in ('open')) = (decided_at is null))
);
create index council_topics_community on council_topics (district_id, community_id, created_at desc);
create unique index council_topics_proposal on council_topics (district_id, proposal_id) where proposal_id is not null;

create table topic_opinions (
  district_id uuid not null,
  id uuid not null,
  topic_id uuid not null,
  meeting_id uuid not null,
  speaker text not null check (length(speaker) between 1 and 50),
  member_id uuid,
  stance text not null check (stance in ('for', 'against', 'neutral')),
  text text not null check (length(text) between 1 and 2000),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, topic_id) references council_topics (district_id, id),
  foreign key (district_id, meeting_id) references council_meetings (district_id, id)
);
create index topic_opinions_topic on topic_opinions (district_id, topic_id);

create table topic_votes (
  district_id uuid not null,
  topic_id uuid not null,
  member_id uuid not null,
  choice text not null check (choice in ('for', 'against', 'abstain')),
  primary key (district_id, topic_id, member_id),
  foreign key (district_id, topic_id) references council_topics (district_id, id),
  foreign key (district_id, member_id) references council_members (district_id, id)
);

-- What was done after the decision, told to the residents concerned.
create table topic_feedback (
  district_id uuid not null,
  id uuid not null,
  topic_id uuid not null,
  text text not null check (length(text) between 1 and 2000),
  done boolean not null,
  by_user uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, topic_id) references council_topics (district_id, id)
);
create index topic_feedback_topic on topic_feedback (district_id, topic_id);

create table budget_rounds (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  -- null: a street-wide round
  community_id uuid references communities (id),
  title text not null check (length(title) between 1 and 60),
  total_budget_fen bigint not null check (total_budget_fen > 0),
  rule text not null check (rule in ('approval', 'knapsack')),
  -- approval voting: at most this many choices on a ballot (null: any number)
  max_choices integer check (max_choices >= 1),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'counted', 'published')),
  households integer,
  ballots_online integer,
  ballots_assisted integer,
  counted_at timestamptz,
  published_at timestamptz,
  published_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  check (closes_at > opens_at)
);
create index budget_rounds_street on budget_rounds (district_id, street_id, created_at desc);
create index budget_rounds_open on budget_rounds (closes_at) where status = 'open';

create table budget_candidates (
  district_id uuid not null,
  id uuid not null,
  round_id uuid not null,
  title text not null check (length(title) between 1 and 60),
  description text not null default '' check (length(description) <= 2000),
  cost_fen bigint not null check (cost_fen > 0),
  category_id uuid not null,
  community_id uuid not null references communities (id),
  source text not null check (source in ('topic', 'common_need', 'proposal', 'staff')),
  source_id uuid,
  votes integer,
  won boolean,
  -- the common need the winner entered the project pipeline as
  pipeline_id uuid,
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, round_id) references budget_rounds (district_id, id)
);
create index budget_candidates_round on budget_candidates (district_id, round_id);

-- One ballot per household: the key refuses a second, also from another app process.
create table budget_ballots (
  district_id uuid not null,
  round_id uuid not null,
  household_id uuid not null,
  community_id uuid not null,
  grid_id uuid not null,
  candidate_ids uuid[] not null check (cardinality(candidate_ids) >= 1),
  channel text not null check (channel in ('online', 'paper', 'spoken')),
  cast_by uuid not null references users (id),
  cast_at timestamptz not null default now(),
  primary key (district_id, round_id, household_id),
  foreign key (district_id, round_id) references budget_rounds (district_id, id),
  foreign key (district_id, household_id) references households (district_id, id)
);

-- Turnout of a counted round, per grid.
create table budget_turnout (
  district_id uuid not null,
  round_id uuid not null,
  grid_id uuid not null,
  community_id uuid not null,
  households integer not null,
  online integer not null,
  assisted integer not null,
  primary key (district_id, round_id, grid_id),
  foreign key (district_id, round_id) references budget_rounds (district_id, id)
);
