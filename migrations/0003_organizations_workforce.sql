-- Organizations register (DESIGN 3.3) and social workers register (DESIGN 3.4).

-- A reference table: an organization may serve communities in several districts.
create table organizations (
  id uuid primary key,
  name text not null,
  uscc text not null unique,
  type text not null check (type in ('association', 'service_institution', 'foundation', 'community_based')),
  registration_date date not null,
  registration_authority text not null,
  registration_district_id uuid references districts (id),
  rating text check (rating in ('1A', '2A', '3A', '4A', '5A')),
  -- date of the assessment that gave the rating (may be unknown for ratings copied from paper)
  rated_on date,
  rating_valid_until date,
  service_fields text[] not null default '{}',
  service_community_ids uuid[] not null default '{}',
  -- derived from the service communities, for street-scoped permissions
  service_street_ids uuid[] not null default '{}',
  address text not null default '',
  contact_name text not null default '',
  contact_phone_cipher bytea,
  contact_phone_hash bytea,
  contact_phone_masked text,
  status text not null default 'active' check (status in ('active', 'deregistered')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((rating is null) = (rating_valid_until is null)),
  check (rating is not null or rated_on is null),
  check (rated_on is null or rating_valid_until >= rated_on)
);
create index organizations_district on organizations (registration_district_id);
create index organizations_name on organizations (name, id);
create index organizations_communities on organizations using gin (service_community_ids);

create table social_workers (
  district_id uuid not null references districts (id),
  id uuid not null,
  name text not null,
  gender text check (gender in ('male', 'female')),
  id_number_cipher bytea,
  id_number_hash bytea,
  id_number_masked text,
  phone_cipher bytea,
  phone_hash bytea,
  phone_masked text,
  employer_type text not null check (employer_type in ('organization', 'community')),
  employer_organization_id uuid references organizations (id),
  employer_community_id uuid references communities (id),
  certificate_level text not null default 'none' check (certificate_level in ('none', 'assistant', 'intermediate', 'senior')),
  certificate_no text,
  certificate_date date,
  pay_grade text,
  -- communities served; street ids are derived from them (and from the employer community)
  -- for street-scoped reads
  community_ids uuid[] not null default '{}',
  street_ids uuid[] not null default '{}',
  user_id uuid references users (id),
  status text not null default 'active' check (status in ('active', 'left')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, id_number_hash),
  check ((employer_type = 'organization') = (employer_organization_id is not null)),
  check ((employer_type = 'community') = (employer_community_id is not null)),
  check ((certificate_level = 'none') = (certificate_no is null))
);
create index social_workers_org on social_workers (district_id, employer_organization_id);
create index social_workers_name on social_workers (district_id, name, id);
create index social_workers_communities on social_workers using gin (community_ids);
