-- Award and publicity (公示) of a call's result, with objections (DESIGN 3.6, issue 9). Decision 0023.

alter table calls add column publicized_at timestamptz;
-- Publicity runs `publicity_days` calendar days from its start; the round concludes after it.
alter table calls add column publicity_ends_at timestamptz;
-- Why the award departs from the ranking (a lower-ranked application chosen, nothing awarded).
alter table calls add column award_reason text not null default '';

-- The applications a round awards, with the amount (what they asked for) and their rank.
-- An upheld objection revokes an award; the row stays as history.
create table call_awards (
  district_id uuid not null references districts (id),
  call_id uuid not null,
  application_id uuid not null,
  project_id uuid,
  organization_id uuid not null references organizations (id),
  amount_fen bigint not null check (amount_fen >= 0),
  rank integer not null,
  revoked_at timestamptz,
  revoked_reason text not null default '',
  primary key (district_id, application_id),
  foreign key (district_id, call_id) references calls (district_id, id),
  foreign key (district_id, application_id) references applications (district_id, id),
  foreign key (district_id, project_id) references projects (district_id, id)
);
create index call_awards_call on call_awards (district_id, call_id);
-- One live award per project.
create unique index call_awards_one_per_project on call_awards (district_id, project_id) where project_id is not null and revoked_at is null;

-- Objections to a publicised result (异议), lodged by signed-in people and answered by the issuing office.
create table call_objections (
  district_id uuid not null references districts (id),
  id uuid not null,
  call_id uuid not null,
  application_id uuid,
  body text not null,
  lodged_by uuid not null references users (id),
  lodged_at timestamptz not null default now(),
  answer text,
  upheld boolean,
  answered_by uuid references users (id),
  answered_at timestamptz,
  primary key (district_id, id),
  foreign key (district_id, call_id) references calls (district_id, id),
  foreign key (district_id, application_id) references applications (district_id, id),
  check ((answered_at is null) = (answer is null) and (answer is null) = (upheld is null))
);
create index call_objections_call on call_objections (district_id, call_id, id);
