-- Third-party evaluation of a project in delivery (DESIGN 3.6, issue 9; decision 0026): the
-- evaluator assigned to it with the template and grade bands the project keeps, and its
-- mid-term and final evaluations with rectification and re-check.

-- Beside the project row, so that authorization reads it with the project.
alter table projects add column evaluator_user_id uuid references users (id);

create table project_evaluators (
  district_id uuid not null references districts (id),
  project_id uuid not null,
  user_id uuid not null references users (id),
  -- The evaluating organization (belongs to none of the delivering ones).
  organization_id uuid not null references organizations (id),
  -- Copied at assignment: later changes of the settings do not move a project's yardstick.
  template jsonb not null,
  bands jsonb not null,
  assigned_by uuid not null references users (id),
  assigned_at timestamptz not null default now(),
  primary key (district_id, project_id),
  foreign key (district_id, project_id) references projects (district_id, id)
);
create index project_evaluators_user on project_evaluators (user_id);

create table evaluations (
  district_id uuid not null references districts (id),
  id uuid not null,
  project_id uuid not null,
  kind text not null check (kind in ('midterm', 'final')),
  evaluator_user_id uuid not null references users (id),
  -- Points per level-3 indicator; the score is their sum, kept in half points.
  awarded jsonb not null default '{}',
  score_halves integer check (score_halves between 0 and 200),
  grade text check (grade in ('excellent', 'good', 'pass', 'fail')),
  findings text not null default '',
  conclusion text check (conclusion in ('passed', 'rectify', 'failed', 'accepted', 'accepted_with_conditions')),
  rectification text not null default '',
  rectify_by date,
  rectified_note text,
  rectified_at timestamptz,
  recheck text check (recheck in ('passed', 'failed')),
  recheck_note text,
  rechecked_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, project_id, kind),
  foreign key (district_id, project_id) references projects (district_id, id),
  check ((submitted_at is null) = (conclusion is null)),
  check ((conclusion = 'rectify') = (rectify_by is not null))
);
