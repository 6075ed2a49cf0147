-- Delivery of a contracted project (DESIGN 3.6 and 3.7, issue 9; decision 0025): the
-- indicators and milestones it is held to, and the activities whose sessions, registrations,
-- attendance and feedback are the facts its actuals are computed from.

-- A target per measure; the actual is computed, never stored.
create table project_indicators (
  district_id uuid not null references districts (id),
  project_id uuid not null,
  measure text not null check (measure in ('sessions_held', 'people_served', 'attendances', 'satisfaction_rate')),
  target integer not null check (target > 0),
  primary key (district_id, project_id, measure),
  foreign key (district_id, project_id) references projects (district_id, id)
);

-- Reached on the day the measure's running count first meets the threshold (computed).
create table project_milestones (
  district_id uuid not null references districts (id),
  id uuid not null,
  project_id uuid not null,
  seq integer not null check (seq >= 1),
  title text not null check (length(title) between 1 and 100),
  due_on date not null,
  measure text not null check (measure in ('sessions_held', 'people_served', 'attendances')),
  threshold integer not null check (threshold > 0),
  primary key (district_id, id),
  unique (district_id, project_id, seq),
  foreign key (district_id, project_id) references projects (district_id, id)
);

alter table contract_tranches
  add foreign key (district_id, milestone_id) references project_milestones (district_id, id);

create table activities (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  -- The organizing organization; null for the community's own activities.
  organization_id uuid references organizations (id),
  project_id uuid,
  title text not null check (length(title) between 1 and 100),
  method text not null check (method in ('casework', 'group_work', 'community_activity', 'training', 'outreach')),
  description text not null default '',
  venue_resource_id uuid,
  venue_note text not null default '',
  capacity integer not null check (capacity between 1 and 10000),
  audience text not null default '',
  volunteers_needed integer not null default 0 check (volunteers_needed between 0 and 1000),
  recurrence text not null check (recurrence in ('once', 'weekly', 'monthly')),
  status text not null default 'published' check (status in ('published', 'cancelled')),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, project_id) references projects (district_id, id),
  foreign key (district_id, venue_resource_id) references resources (district_id, id)
);
create index activities_project on activities (district_id, project_id) where project_id is not null;
create index activities_community on activities (district_id, community_id);
create index activities_street on activities (district_id, street_id);
create index activities_organization on activities (organization_id) where organization_id is not null;

-- Social workers who staff it (the user beside the register entry signs attendance).
create table activity_staff (
  district_id uuid not null references districts (id),
  activity_id uuid not null,
  social_worker_id uuid not null,
  user_id uuid references users (id),
  primary key (district_id, activity_id, social_worker_id),
  foreign key (district_id, social_worker_id) references social_workers (district_id, id),
  foreign key (district_id, activity_id) references activities (district_id, id)
);
create index activity_staff_user on activity_staff (user_id) where user_id is not null;

-- One row per occurrence: a weekly lunch is one activity with a session each week.
create table activity_sessions (
  district_id uuid not null references districts (id),
  id uuid not null,
  activity_id uuid not null,
  seq integer not null check (seq >= 1),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- Shown at the venue; a resident signs themselves in with it while the session runs.
  checkin_code text not null check (checkin_code ~ '^[0-9]{6}$'),
  cancelled_at timestamptz,
  primary key (district_id, id),
  unique (district_id, activity_id, seq),
  foreign key (district_id, activity_id) references activities (district_id, id),
  check (ends_at > starts_at)
);
create index activity_sessions_time on activity_sessions (district_id, starts_at);

create table activity_registrations (
  district_id uuid not null references districts (id),
  session_id uuid not null,
  resident_id uuid not null,
  household_id uuid not null,
  registered_by uuid not null references users (id),
  registered_at timestamptz not null default now(),
  primary key (district_id, session_id, resident_id),
  foreign key (district_id, session_id) references activity_sessions (district_id, id),
  foreign key (district_id, resident_id) references residents (district_id, id)
);
create index activity_registrations_household on activity_registrations (district_id, household_id);

create table activity_attendance (
  district_id uuid not null references districts (id),
  session_id uuid not null,
  resident_id uuid not null,
  method text not null check (method in ('staff', 'code')),
  recorded_by uuid not null references users (id),
  at timestamptz not null default now(),
  primary key (district_id, session_id, resident_id),
  foreign key (district_id, session_id, resident_id) references activity_registrations (district_id, session_id, resident_id)
);

-- Only someone who attended can rate: the key is the attendance's.
create table activity_feedback (
  district_id uuid not null references districts (id),
  session_id uuid not null,
  resident_id uuid not null,
  rating smallint not null check (rating between 1 and 5),
  comment text not null default '' check (length(comment) <= 500),
  given_by uuid not null references users (id),
  at timestamptz not null default now(),
  primary key (district_id, session_id, resident_id),
  foreign key (district_id, session_id, resident_id) references activity_attendance (district_id, session_id, resident_id)
);
