-- Work logs and the dual role (DESIGN 3.4, issue 11): a social worker's day in minutes by
-- category, administrative work with who assigned it, tasks assigned through the platform, and
-- the district's list of matters that may be assigned to communities (社区工作事项准入清单).

create table workforce_settings (
  district_id uuid primary key references districts (id),
  -- [{ "code": "...", "title": "..." }]: a task naming none of these is an unlisted one.
  admitted_matters jsonb not null default '[]' check (jsonb_typeof(admitted_matters) = 'array'),
  -- The share of a social worker's logged time above which administrative work is too much.
  admin_share_target integer not null default 25 check (admin_share_target between 0 and 100),
  updated_at timestamptz not null default now()
);

-- Who assigned administrative work: a community, a street office, the district, or a
-- department of the district (named in words). The unit is the community, street or district.
create table admin_tasks (
  district_id uuid not null references districts (id),
  id uuid not null,
  social_worker_id uuid not null,
  street_id uuid not null,
  community_id uuid not null,
  origin text not null check (origin in ('community', 'street', 'district', 'department')),
  origin_unit_id uuid not null,
  department text check (department is null or length(department) between 1 and 50),
  category text not null check (category in ('statistics_forms', 'inspection', 'meeting', 'campaign', 'other_admin')),
  title text not null check (length(title) between 1 and 100),
  expected_minutes integer not null check (expected_minutes between 1 and 6000),
  due_on date,
  -- The matter of the district's list it was assigned under, as listed then; null: not on the list.
  matter_code text,
  matter_title text,
  status text not null default 'open' check (status in ('open', 'done', 'withdrawn')),
  assigned_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, social_worker_id) references social_workers (district_id, id),
  check ((origin = 'department') = (department is not null)),
  check ((matter_code is null) = (matter_title is null))
);
create index admin_tasks_id on admin_tasks (id);
create index admin_tasks_worker on admin_tasks (district_id, social_worker_id, status);
create index admin_tasks_community on admin_tasks (district_id, community_id, created_at);

-- What a worker logged by hand. Case sessions and activity shifts are not copied here: they are
-- read from their own records and fill the professional part of the day.
create table work_log_entries (
  district_id uuid not null references districts (id),
  id uuid not null,
  social_worker_id uuid not null,
  day date not null,
  category text not null check (category in (
    'casework', 'group_work', 'community_work', 'supervision_received', 'training',
    'statistics_forms', 'inspection', 'meeting', 'campaign', 'other_admin')),
  minutes integer not null check (minutes between 1 and 1440),
  task_id uuid,
  origin text check (origin in ('community', 'street', 'district', 'department')),
  origin_unit_id uuid,
  -- The street of a community or street origin: what a street office's view of the hours its
  -- units assigned is filtered on.
  origin_street_id uuid,
  department text check (department is null or length(department) between 1 and 50),
  note text not null default '' check (length(note) <= 200),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, social_worker_id) references social_workers (district_id, id),
  foreign key (district_id, task_id) references admin_tasks (district_id, id),
  -- Administrative minutes always say who assigned them; professional ones never do.
  check ((category in ('statistics_forms', 'inspection', 'meeting', 'campaign', 'other_admin')) = (origin is not null and origin_unit_id is not null)),
  check ((origin = 'department') = (department is not null))
);
create index work_log_entries_worker on work_log_entries (district_id, social_worker_id, day);
create index work_log_entries_task on work_log_entries (district_id, task_id) where task_id is not null;
create index work_log_entries_origin_unit on work_log_entries (origin_unit_id, day) where origin_unit_id is not null;
create index work_log_entries_origin_street on work_log_entries (origin_street_id, day) where origin_street_id is not null;
