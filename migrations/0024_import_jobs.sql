-- A register larger than one batch is written by a job: the whole file is checked first, then
-- the writes go in batches, each one transaction that also moves the job's progress, so any
-- app process can report it and other requests run between batches (one connection on PGlite).
create table import_jobs (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  created_by uuid not null references users (id),
  file_name text,
  state text not null check (state in ('running', 'done', 'failed')),
  writes_total integer not null check (writes_total >= 0),
  writes_done integer not null default 0 check (writes_done >= 0 and writes_done <= writes_total),
  -- The check's findings when it starts, with the counts of what was written once it is done.
  report jsonb not null,
  error_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (district_id, id)
);

-- One job at a time writes a community's register: two would plan against each other's rows.
create unique index import_jobs_one_running on import_jobs (district_id, community_id) where state = 'running';
create index import_jobs_community on import_jobs (district_id, community_id, created_at desc);
