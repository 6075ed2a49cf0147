-- Contracts of awarded projects: amount, term, tranches with their preconditions, payments
-- (DESIGN 3.6, issue 9). Decision 0024.

create table contracts (
  district_id uuid not null references districts (id),
  id uuid not null,
  project_id uuid not null,
  -- The award it rests on: a live award of a concluded round.
  call_id uuid not null,
  application_id uuid not null,
  organization_id uuid not null references organizations (id),
  amount_fen bigint not null check (amount_fen > 0),
  term_start date not null,
  term_end date not null,
  status text not null default 'draft' check (status in ('draft', 'signed', 'terminated')),
  signed_at timestamptz,
  signed_by uuid references users (id),
  terminated_at timestamptz,
  termination_reason text,
  -- What the organization pays back on termination; never more than was paid.
  clawback_fen bigint check (clawback_fen >= 0),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, project_id),
  foreign key (district_id, project_id) references projects (district_id, id),
  foreign key (district_id, call_id) references calls (district_id, id),
  foreign key (district_id, application_id) references applications (district_id, id),
  check (term_end >= term_start),
  check ((status = 'draft') = (signed_at is null) or status = 'terminated'),
  check ((status = 'terminated') = (terminated_at is not null))
);

create table contract_tranches (
  district_id uuid not null references districts (id),
  contract_id uuid not null,
  seq integer not null check (seq >= 1),
  amount_fen bigint not null check (amount_fen > 0),
  precondition text not null check (precondition in ('signed', 'midterm_passed', 'final_accepted', 'milestone_reached')),
  milestone_id uuid,
  primary key (district_id, contract_id, seq),
  foreign key (district_id, contract_id) references contracts (district_id, id)
);

-- A released tranche is a payment; the unique key makes a second release of it impossible,
-- whatever two requests do at the same moment.
create table contract_payments (
  district_id uuid not null references districts (id),
  id uuid not null,
  contract_id uuid not null,
  seq integer not null,
  amount_fen bigint not null check (amount_fen > 0),
  voucher text not null default '',
  paid_by uuid not null references users (id),
  paid_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, contract_id, seq),
  foreign key (district_id, contract_id, seq) references contract_tranches (district_id, contract_id, seq)
);
