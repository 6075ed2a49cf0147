-- Needs and the closed loop (DESIGN 3.5): categories, working-day calendar, needs with their
-- timeline, followers and in-app notifications.

create extension if not exists pg_trgm;

-- National calendar of exceptions to the Monday–Friday rule (a reference table: one for all districts).
create table calendar_days (
  date date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null default ''
);

insert into calendar_days (date, kind, name) values
  ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休'),
  ('2026-02-14', 'workday', '春节调休'),
  ('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休'),
  ('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休'),
  ('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休'),
  ('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休');

create table need_categories (
  district_id uuid not null references districts (id),
  id uuid not null,
  parent_id uuid,
  code text not null,
  name text not null,
  name_en text,
  -- per urgency: {"urgent": {"triage": {"amount": 2, "unit": "hours"}, "resolve": {...}}, "normal": ..., "difficult": ...}
  limits jsonb not null,
  default_route text not null default 'community' check (default_route in ('community', 'refer', 'project_pool')),
  open311_code text,
  active boolean not null default true,
  sort int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, code),
  unique (district_id, open311_code),
  foreign key (district_id, parent_id) references need_categories (district_id, id)
);

create table need_settings (
  district_id uuid not null references districts (id),
  auto_confirm_days int not null default 7 check (auto_confirm_days between 1 and 60),
  updated_at timestamptz not null default now(),
  primary key (district_id)
);

-- Reference numbers count per district and year; the row is locked while a number is taken.
create table need_counters (
  district_id uuid not null references districts (id),
  year int not null,
  last_no int not null default 0,
  primary key (district_id, year)
);

create table needs (
  district_id uuid not null references districts (id),
  id uuid not null,
  ref_no text not null,
  source text not null check (source in ('visit', 'resident', 'staff', 'council', 'open311')),
  intake_channel text check (intake_channel in ('phone', 'walk_in')),
  recorded_by_user_id uuid references users (id),
  reporter_user_id uuid references users (id),
  reporter_resident_id uuid,
  category_id uuid not null,
  description text not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  grid_id uuid not null,
  household_id uuid,
  building_id uuid,
  lng double precision,
  lat double precision,
  beneficiaries int not null default 1 check (beneficiaries >= 1),
  urgency text not null check (urgency in ('urgent', 'normal', 'difficult')),
  state text not null default 'reported',
  handler_user_id uuid references users (id),
  referral_org_id uuid references organizations (id),
  referral_department text,
  referral_answer text,
  waiting_until date,
  waiting_reason text,
  outcome text check (outcome in ('fully', 'partly', 'closed_unresolved')),
  outcome_note text,
  rating int check (rating between 1 and 5),
  rating_comment text,
  auto_confirmed boolean not null default false,
  merged_into_id uuid,
  triage_due_at timestamptz not null,
  resolve_due_at timestamptz not null,
  escalation_level int not null default 0 check (escalation_level between 0 and 2),
  escalated_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, ref_no),
  check (household_id is not null or (lng is not null and lat is not null)),
  foreign key (district_id, category_id) references need_categories (district_id, id),
  foreign key (district_id, grid_id) references grids (district_id, id),
  foreign key (district_id, household_id) references households (district_id, id),
  foreign key (district_id, reporter_resident_id) references residents (district_id, id),
  foreign key (district_id, merged_into_id) references needs (district_id, id)
);
create index needs_community on needs (district_id, community_id, created_at desc, id);
create index needs_street on needs (district_id, street_id, created_at desc, id);
create index needs_grid on needs (district_id, grid_id, created_at desc, id);
create index needs_household on needs (district_id, household_id);
create index needs_handler on needs (district_id, handler_user_id) where handler_user_id is not null;
create index needs_reporter on needs (reporter_user_id) where reporter_user_id is not null;
create index needs_open on needs (district_id, state, resolve_due_at);

create table need_events (
  district_id uuid not null,
  id uuid not null,
  need_id uuid not null,
  at timestamptz not null default now(),
  actor_user_id uuid references users (id),
  actor_name text not null default '',
  action text not null,
  from_state text,
  to_state text,
  note text not null default '',
  data jsonb,
  primary key (district_id, id),
  foreign key (district_id, need_id) references needs (district_id, id)
);
create index need_events_need on need_events (district_id, need_id, at, id);

create table need_followers (
  district_id uuid not null,
  need_id uuid not null,
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, need_id, user_id),
  foreign key (district_id, need_id) references needs (district_id, id)
);
create index need_followers_user on need_followers (user_id);

create table notifications (
  district_id uuid not null references districts (id),
  id uuid not null,
  user_id uuid not null references users (id),
  need_id uuid,
  kind text not null,
  state text,
  note text not null default '',
  read_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, need_id) references needs (district_id, id)
);
create index notifications_user on notifications (user_id, created_at desc, id);
