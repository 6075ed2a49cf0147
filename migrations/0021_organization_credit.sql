-- Credit of social organizations (DESIGN 3.3 CreditRecord): facts recorded by the registering
-- authority, and the two public lists with objection and repair.
-- Reference tables like the organizations register itself: a handful of rows per organization
-- per year, read by every district that buys services from it (decision 0020).

create table organization_credit_records (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  kind text not null check (kind in ('annual_report', 'inspection', 'penalty', 'award')),
  -- filed on / inspected on / decided on / awarded on
  occurred_on date not null,
  report_year integer,
  inspection_result text check (inspection_result in ('passed', 'basically_passed', 'failed')),
  -- the deciding authority of a penalty
  authority text,
  reason text,
  award_name text,
  -- where the fact comes from (a notice, a decision number, the annual inspection platform)
  source text not null,
  -- a penalty's working notes: for the registering authority only
  internal_note text,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check ((kind = 'annual_report') = (report_year is not null)),
  check ((kind = 'inspection') = (inspection_result is not null)),
  check ((kind = 'penalty') = (authority is not null and reason is not null)),
  check ((kind = 'award') = (award_name is not null)),
  check (kind = 'penalty' or internal_note is null)
);
create index organization_credit_records_org on organization_credit_records (organization_id, occurred_on desc, id);
-- One annual report per organization and year.
create unique index organization_credit_records_report_year
  on organization_credit_records (organization_id, report_year) where kind = 'annual_report';

create table organization_list_entries (
  id uuid primary key,
  organization_id uuid not null references organizations (id),
  list text not null check (list in ('abnormal', 'dishonest')),
  entered_on date not null,
  authority text not null,
  reason text not null,
  -- the first day the organization is off the list; the entry itself stays as history
  removed_on date,
  removal_kind text check (removal_kind in ('repair', 'objection')),
  removal_reason text,
  removed_by uuid references users (id),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((removed_on is null) = (removal_kind is null)),
  check ((removed_on is null) = (removal_reason is null)),
  check (removed_on is null or removed_on >= entered_on)
);
create index organization_list_entries_org on organization_list_entries (organization_id, entered_on desc, id);

create table organization_list_objections (
  id uuid primary key,
  entry_id uuid not null references organization_list_entries (id),
  grounds text not null,
  lodged_by uuid not null references users (id),
  lodged_at timestamptz not null default now(),
  outcome text check (outcome in ('upheld', 'rejected')),
  answer text,
  answered_by uuid references users (id),
  answered_at timestamptz,
  check ((outcome is null) = (answer is null)),
  check ((outcome is null) = (answered_at is null))
);
create index organization_list_objections_entry on organization_list_objections (entry_id, lodged_at);
-- At most one objection awaits an answer per entry.
create unique index organization_list_objections_pending on organization_list_objections (entry_id) where outcome is null;
