-- Workforce views, supervision and continuing education (issue 11, DESIGN 3.4): the district's
-- targets, supervision sessions, and continuing-education hours.

alter table workforce_settings
  -- Social workers (full-time equivalents) per 10,000 residents a community should have.
  add column workers_per_10k_target numeric(5, 1) not null default 12 check (workers_per_10k_target between 0 and 1000),
  -- One supervisor to this many social workers.
  add column supervision_ratio_target integer not null default 8 check (supervision_ratio_target between 1 and 100),
  -- Continuing-education hours per three-year cycle.
  add column ce_hours_assistant integer not null default 72 check (ce_hours_assistant between 0 and 1000),
  add column ce_hours_other integer not null default 90 check (ce_hours_other between 0 and 1000);

-- A supervision session: the supervisor, the supervisees, when, how long, the form and the
-- functions it served. The notes are AES-256-GCM ciphertext (the platform's PII key).
create table supervision_sessions (
  district_id uuid not null references districts (id),
  id uuid not null,
  supervisor_id uuid not null,
  supervisee_ids uuid[] not null check (cardinality(supervisee_ids) between 1 and 30),
  form text not null check (form in ('individual', 'group')),
  functions text[] not null check (cardinality(functions) between 1 and 3 and functions <@ array['administrative', 'educational', 'supportive']),
  held_on date not null,
  minutes integer not null check (minutes between 10 and 480),
  notes bytea not null,
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, supervisor_id) references social_workers (district_id, id),
  check ((form = 'individual') = (cardinality(supervisee_ids) = 1))
);
create index supervision_sessions_id on supervision_sessions (id);
create index supervision_sessions_supervisor on supervision_sessions (district_id, supervisor_id, held_on);
create index supervision_sessions_supervisees on supervision_sessions using gin (supervisee_ids);

-- Continuing education a worker completed: the hours count in the three-year cycle of the day.
create table ce_records (
  district_id uuid not null references districts (id),
  id uuid not null,
  social_worker_id uuid not null,
  completed_on date not null,
  hours numeric(5, 1) not null check (hours > 0 and hours <= 200),
  title text not null check (length(title) between 1 and 100),
  provider text not null default '' check (length(provider) <= 100),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, social_worker_id) references social_workers (district_id, id)
);
create index ce_records_worker on ce_records (district_id, social_worker_id, completed_on);
