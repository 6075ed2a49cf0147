-- Progress reports of a project in delivery (DESIGN 3.6, issue 9): the figures are computed at
-- submission from the project's activities and kept as they were; the organization writes the
-- narrative and may explain a gap, never a figure.

create table progress_reports (
  district_id uuid not null references districts (id),
  id uuid not null,
  project_id uuid not null,
  seq integer not null check (seq >= 1),
  period_start date not null,
  period_end date not null,
  narrative text not null check (length(narrative) between 1 and 10000),
  -- Explanations of indicators short of their target, by measure.
  gaps jsonb not null default '{}',
  -- Computed at submission: the period's counts and the indicators to date.
  figures jsonb not null,
  submitted_by uuid not null references users (id),
  submitted_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, project_id, seq),
  foreign key (district_id, project_id) references projects (district_id, id),
  check (period_end >= period_start)
);
