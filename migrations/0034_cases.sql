-- Professional casework (DESIGN 3.8, issue 11; decision 0030): a case of a social worker for a
-- resident, under a supervisor, from intake to closure. What the worker writes about the client
-- (intake, assessment, plan, sessions, closing, handover, the supervisor's remarks) is kept as
-- encrypted records; the case row holds only what community staff may see: that a case exists,
-- for whom, with whom, in which state.

-- Who supervises a social worker: another social worker of the same employer whose account
-- holds the supervisor role. A case takes its supervisor from here when it is opened.
alter table social_workers add column supervisor_id uuid;
alter table social_workers add foreign key (district_id, supervisor_id) references social_workers (district_id, id);
alter table social_workers add check (supervisor_id is null or supervisor_id <> id);
-- An administrator names a worker by id alone when opening a case for them; a signed-in worker's
-- own records are found by their account on every list of cases.
create index social_workers_id on social_workers (id);
create index social_workers_user on social_workers (user_id) where user_id is not null;

create table cases (
  district_id uuid not null references districts (id),
  id uuid not null,
  ref_no text not null,
  organization_id uuid not null references organizations (id),
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  client_resident_id uuid not null,
  household_id uuid not null,
  -- The need the case was opened from; its closure resolves that need.
  need_id uuid,
  worker_id uuid not null,
  supervisor_id uuid not null,
  status text not null default 'intake'
    check (status in ('intake', 'assessment', 'plan_review', 'in_service', 'closing', 'closed')),
  -- The words the need's reporter reads when the case closes: written for them, never the notes.
  reply text,
  outcome text check (outcome in ('fully', 'partly', 'closed_unresolved')),
  reopened integer not null default 0,
  opened_by uuid not null references users (id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, ref_no),
  foreign key (district_id, client_resident_id) references residents (district_id, id),
  foreign key (district_id, need_id) references needs (district_id, id),
  foreign key (district_id, worker_id) references social_workers (district_id, id),
  foreign key (district_id, supervisor_id) references social_workers (district_id, id),
  check ((status = 'closed') = (closed_at is not null))
);
-- One open case per need.
create unique index cases_need on cases (district_id, need_id) where need_id is not null and status <> 'closed';
-- A case is asked for by its id alone (the path names no district).
create index cases_id on cases (id);
create index cases_worker on cases (district_id, worker_id, status);
create index cases_supervisor on cases (district_id, supervisor_id, status);
create index cases_organization on cases (organization_id, status);
create index cases_community on cases (district_id, community_id, status);
create index cases_client on cases (district_id, client_resident_id);

-- The case's journal. `body` is AES-256-GCM ciphertext of a JSON document whose shape depends on
-- the kind; only minutes and the day of a session stay readable, for work logs and caseloads.
create table case_records (
  district_id uuid not null references districts (id),
  id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('intake', 'assessment', 'plan', 'session', 'closing', 'review', 'handover', 'reopen')),
  body bytea not null,
  held_on date,
  minutes integer check (minutes between 1 and 720),
  author_user_id uuid not null references users (id),
  worker_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, case_id) references cases (district_id, id),
  foreign key (district_id, worker_id) references social_workers (district_id, id),
  check ((kind = 'session') = (held_on is not null and minutes is not null))
);
create index case_records_case on case_records (district_id, case_id, created_at);
create index case_records_sessions on case_records (district_id, worker_id, held_on) where kind = 'session';
