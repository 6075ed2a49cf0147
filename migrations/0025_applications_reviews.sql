-- Applications to a call and their review (DESIGN 3.6, issue 9). Decision 0023.

-- Who delivered a project and how it ended: the facts eligibility (a failed project excludes
-- its organization for a while) and track records are computed from. Set by the award and by
-- final acceptance; the demo seeds the history of past rounds.
alter table projects add column contractor_organization_id uuid references organizations (id);
alter table projects add column outcome text check (outcome in ('accepted', 'accepted_with_conditions', 'failed', 'terminated'));
alter table projects add column ended_on date;
alter table projects add constraint projects_outcome_ended check ((outcome is null) = (ended_on is null));
create index projects_contractor on projects (contractor_organization_id, ended_on) where contractor_organization_id is not null;

create table applications (
  district_id uuid not null references districts (id),
  id uuid not null,
  call_id uuid not null,
  -- C-2026-01-03: the call's number and the application's place in it.
  ref_no text not null,
  organization_id uuid not null references organizations (id),
  -- One of the call's offered projects, or a theme of the call (a proposal of the applicant's own).
  project_id uuid,
  theme text,
  title text not null,
  summary text not null default '',
  proposal text not null default '',
  -- [{ item, amountFen, note }]: what the whole service costs.
  budget_lines jsonb not null default '[]',
  budget_fen bigint not null default 0 check (budget_fen >= 0),
  -- What the applicant pays from other sources (配套资金); the request is budget minus this.
  co_funding_fen bigint not null default 0 check (co_funding_fen >= 0 and co_funding_fen <= budget_fen),
  co_funding_source text not null default '',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'withdrawn')),
  -- The eligibility answer on the day of submission, kept as it was then.
  eligibility jsonb,
  submitted_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, ref_no),
  foreign key (district_id, call_id) references calls (district_id, id),
  foreign key (district_id, project_id) references projects (district_id, id),
  check ((project_id is null) <> (theme is null)),
  check ((status = 'draft') = (submitted_at is null) or status = 'withdrawn')
);
-- One live application per organization and offer: a second one would compete with itself.
create unique index applications_one_per_offer on applications (district_id, call_id, organization_id, coalesce(project_id::text, theme))
  where status <> 'withdrawn';
create index applications_call on applications (district_id, call_id, status);
create index applications_organization on applications (organization_id, id desc);

-- The applicant's social workers on the project, from the workforce register (of whichever
-- district registered them: an organization of another district may apply, hence no foreign key).
create table application_team (
  district_id uuid not null references districts (id),
  application_id uuid not null,
  social_worker_id uuid not null,
  role text not null check (role in ('lead', 'member')),
  primary key (district_id, application_id, social_worker_id),
  foreign key (district_id, application_id) references applications (district_id, id)
);
create index application_team_worker on application_team (district_id, social_worker_id);

-- One row per panel member and application: the conflict-of-interest declaration comes first,
-- then the scores (tenths of a point per criterion), kept as a draft until submitted.
create table application_reviews (
  district_id uuid not null references districts (id),
  call_id uuid not null,
  application_id uuid not null,
  reviewer_user_id uuid not null references users (id),
  conflict boolean not null,
  conflict_note text not null default '',
  declared_at timestamptz not null default now(),
  scores jsonb,
  comment text not null default '',
  submitted_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (district_id, application_id, reviewer_user_id),
  foreign key (district_id, application_id) references applications (district_id, id),
  foreign key (district_id, call_id) references calls (district_id, id),
  check (not conflict or (scores is null and submitted_at is null)),
  check (submitted_at is null or scores is not null)
);
create index application_reviews_call on application_reviews (district_id, call_id, reviewer_user_id);
