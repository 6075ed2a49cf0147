-- Calls (申报指南 / 公益创投 rounds, DESIGN 3.6): what a street or the district offers, on which
-- rules, until when, and who reviews. Decision 0021. Applications and reviews follow.

-- The rules a district's new calls start from; a call copies them (and their version) when it
-- is drafted and keeps that copy, so a later change of the defaults never moves a running round.
create table call_settings (
  district_id uuid not null references districts (id),
  defaults jsonb not null,
  version integer not null default 1,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (district_id)
);

create table calls (
  district_id uuid not null references districts (id),
  id uuid not null,
  -- C-2026-01: a few rounds a year per district, so a counter row (call_counters) is enough.
  ref_no text not null,
  title text not null,
  kind text not null check (kind in ('government_purchase', 'venture_philanthropy')),
  -- Who runs the round: a street office (issuer_street_id) or the district office.
  issuer_level text not null check (issuer_level in ('street', 'district')),
  issuer_street_id uuid references streets (id),
  description text not null default '',
  -- Themes a round invites proposals on, beside (or instead of) the projects it offers.
  themes text[] not null default '{}',
  deadline timestamptz not null,
  publicity_days integer not null check (publicity_days between 1 and 30),
  rules jsonb not null,
  rules_version integer not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'ranked', 'publicity', 'concluded', 'cancelled')),
  opened_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, ref_no),
  check ((issuer_level = 'street') = (issuer_street_id is not null))
);
create index calls_status on calls (district_id, status, deadline);
create index calls_street on calls (district_id, issuer_street_id, id desc);

create table call_counters (
  district_id uuid not null references districts (id),
  year integer not null,
  last_no integer not null,
  primary key (district_id, year)
);

-- The approved projects a round offers.
create table call_projects (
  district_id uuid not null references districts (id),
  call_id uuid not null,
  project_id uuid not null,
  primary key (district_id, call_id, project_id),
  foreign key (district_id, call_id) references calls (district_id, id),
  foreign key (district_id, project_id) references projects (district_id, id)
);
create index call_projects_project on call_projects (district_id, project_id);

-- The review panel: experts (评审专家) and resident jurors (大众评委), users holding the reviewer role.
create table call_panel (
  district_id uuid not null references districts (id),
  call_id uuid not null,
  user_id uuid not null references users (id),
  kind text not null check (kind in ('expert', 'juror')),
  added_by uuid not null references users (id),
  added_at timestamptz not null default now(),
  primary key (district_id, call_id, user_id),
  foreign key (district_id, call_id) references calls (district_id, id)
);
create index call_panel_user on call_panel (user_id);

create table call_events (
  district_id uuid not null references districts (id),
  id uuid not null,
  call_id uuid not null,
  action text not null,
  from_status text,
  to_status text not null,
  reason text not null default '',
  actor_user_id uuid references users (id),
  at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, call_id) references calls (district_id, id)
);
create index call_events_call on call_events (district_id, call_id, id);
