-- Projects (DESIGN 3.6): from common needs to funded work. Decision 0019.

-- Common needs span communities: a street group covers needs of several communities of its
-- street, a district group those of several streets. A community group may be added into a
-- street (or district) group and stays what it is; the outer group answers for all its needs.
alter table common_needs add column level text not null default 'community' check (level in ('community', 'street', 'district'));
alter table common_needs alter column street_id drop not null;
alter table common_needs alter column community_id drop not null;
alter table common_needs add constraint common_needs_level_place check (
  (level = 'community' and street_id is not null and community_id is not null)
  or (level = 'street' and street_id is not null and community_id is null and grid_id is null)
  or (level = 'district' and street_id is null and community_id is null and grid_id is null)
);
alter table common_needs add column parent_id uuid;
alter table common_needs add constraint common_needs_parent_fk
  foreign key (district_id, parent_id) references common_needs (district_id, id);
alter table common_needs add constraint common_needs_parent_not_self check (parent_id is null or parent_id <> id);
create index common_needs_parent on common_needs (district_id, parent_id) where parent_id is not null;

create table projects (
  district_id uuid not null references districts (id),
  id uuid not null,
  -- P-2026-0001: one counter per district and year (project_counters).
  ref_no text not null,
  title text not null,
  objectives text not null default '',
  -- A plan figure typed by the drafter; the beneficiaries reached are computed from the needs.
  target_beneficiaries integer check (target_beneficiaries >= 0),
  budget_fen bigint not null check (budget_fen >= 0),
  funding_source text not null check (funding_source in ('government_purchase', 'venture_philanthropy', 'foundation', 'enterprise', 'other')),
  period_start date,
  period_end date,
  -- The funding unit: a street, or the district (purchaser_street_id null).
  purchaser_level text not null check (purchaser_level in ('street', 'district')),
  purchaser_street_id uuid references streets (id),
  -- The units whose needs the project answers, as its common needs stood when it was drafted
  -- (they take no further needs while a project holds them): what scopes reading it.
  street_ids uuid[] not null,
  community_ids uuid[] not null,
  status text not null default 'draft' check (status in (
    'draft', 'submitted', 'approved', 'open', 'reviewing', 'publicity', 'contracted', 'in_delivery', 'midterm', 'final',
    'accepted', 'accepted_with_conditions', 'failed', 'closed', 'terminated', 'cancelled')),
  created_by uuid not null references users (id),
  approved_by uuid references users (id),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, ref_no),
  check ((purchaser_level = 'street') = (purchaser_street_id is not null)),
  check (period_end is null or period_start is null or period_end >= period_start)
);
create index projects_streets on projects using gin (street_ids);
create index projects_communities on projects using gin (community_ids);
create index projects_status on projects (district_id, status, id desc);

create table project_counters (
  district_id uuid not null references districts (id),
  year integer not null,
  last_no integer not null,
  primary key (district_id, year)
);

-- The origin of a project: the common needs it answers.
create table project_common_needs (
  district_id uuid not null references districts (id),
  project_id uuid not null,
  common_need_id uuid not null,
  primary key (district_id, project_id, common_need_id),
  foreign key (district_id, project_id) references projects (district_id, id),
  foreign key (district_id, common_need_id) references common_needs (district_id, id)
);
create index project_common_needs_need on project_common_needs (district_id, common_need_id);

-- The project's timeline: every command on it, with the reason where one is asked.
create table project_events (
  district_id uuid not null references districts (id),
  id uuid not null,
  project_id uuid not null,
  action text not null,
  from_status text,
  to_status text not null,
  reason text not null default '',
  actor_user_id uuid references users (id),
  at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, project_id) references projects (district_id, id)
);
create index project_events_project on project_events (district_id, project_id, id);

-- Resources committed to a common need or a project (the resources list matched to the needs
-- list), with the terms agreed. Withdrawn commitments stay, marked, for the record.
create table resource_commitments (
  district_id uuid not null references districts (id),
  id uuid not null,
  resource_id uuid not null,
  common_need_id uuid,
  project_id uuid,
  terms text not null,
  period_start date,
  period_end date,
  committed_by uuid not null references users (id),
  committed_at timestamptz not null default now(),
  withdrawn_by uuid references users (id),
  withdrawn_at timestamptz,
  primary key (district_id, id),
  foreign key (district_id, resource_id) references resources (district_id, id),
  foreign key (district_id, common_need_id) references common_needs (district_id, id),
  foreign key (district_id, project_id) references projects (district_id, id),
  check ((common_need_id is null) <> (project_id is null)),
  check (period_end is null or period_start is null or period_end >= period_start)
);
create index resource_commitments_common_need on resource_commitments (district_id, common_need_id) where common_need_id is not null;
create index resource_commitments_project on resource_commitments (district_id, project_id) where project_id is not null;
