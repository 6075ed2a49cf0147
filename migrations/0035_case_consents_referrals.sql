-- Consent and referrals of a case (DESIGN 3.8, issue 11; decision 0030): what the client (or,
-- for a minor, a guardian) agreed may be shared, and referrals to another organization or a
-- department that carry only those fields and bring an answer back into the case.

create table case_consents (
  district_id uuid not null references districts (id),
  id uuid not null,
  case_id uuid not null,
  given_by text not null check (given_by in ('client', 'guardian')),
  guardian_name text,
  guardian_relation text,
  -- What may leave the case in a referral.
  fields text[] not null check (cardinality(fields) >= 1 and fields <@ array['name', 'gender_age', 'phone', 'address', 'presenting_problem', 'assessment_summary']::text[]),
  recorded_by uuid not null references users (id),
  given_on date not null,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, case_id) references cases (district_id, id),
  check ((given_by = 'guardian') = (guardian_name is not null))
);
create index case_consents_case on case_consents (district_id, case_id);

create table case_referrals (
  district_id uuid not null references districts (id),
  id uuid not null,
  case_id uuid not null,
  to_organization_id uuid references organizations (id),
  to_department text,
  -- The fields sent, and their values as sent (encrypted JSON): what the receiver reads.
  fields text[] not null,
  payload bytea not null,
  reason bytea not null,
  status text not null default 'sent' check (status in ('sent', 'accepted', 'declined')),
  answer bytea,
  answered_by uuid references users (id),
  answered_at timestamptz,
  sent_by uuid not null references users (id),
  sent_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, case_id) references cases (district_id, id),
  check ((to_organization_id is null) <> (to_department is null)),
  check ((status = 'sent') = (answered_at is null))
);
create index case_referrals_case on case_referrals (district_id, case_id);
create index case_referrals_to on case_referrals (to_organization_id, status) where to_organization_id is not null;
create index case_referrals_id on case_referrals (id);
