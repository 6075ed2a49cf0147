-- Platform: territory registry (reference tables), accounts, sessions, audit.
-- Tenancy (DESIGN 6.4): district-owned tables carry district_id NOT NULL, a primary key
-- (district_id, id) and district_id in every unique constraint and every foreign key between
-- them. The small registries (districts, streets, communities, users, organizations) are
-- reference tables. test: src/server/platform/db/tenancy.test.ts.

create table districts (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_en text,
  city text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table streets (
  id uuid primary key,
  district_id uuid not null references districts (id),
  code text not null unique,
  name text not null,
  name_en text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index streets_district on streets (district_id);

create table communities (
  id uuid primary key,
  district_id uuid not null references districts (id),
  street_id uuid not null references streets (id),
  code text not null unique,
  name text not null,
  name_en text,
  service_center_address text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index communities_street on communities (street_id);

create table users (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  status text not null default 'active' check (status in ('active', 'disabled')),
  -- a resident account is bound to a resident record (district-owned, so no FK)
  resident_district_id uuid,
  resident_id uuid,
  -- district whose officer created the account: lets that district see it before any role is granted
  created_district_id uuid references districts (id),
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table role_assignments (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  role text not null,
  scope_type text not null check (scope_type in ('platform', 'district', 'street', 'community', 'grid', 'organization', 'household')),
  scope_id uuid,
  -- district of the scope, so that scoped queries always carry the tenant key
  scope_district_id uuid,
  created_at timestamptz not null default now(),
  unique (user_id, role, scope_type, scope_id)
);
create index role_assignments_user on role_assignments (user_id);

create table sessions (
  id uuid primary key,
  token_hash bytea not null unique,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  user_agent text not null default '',
  ip text not null default ''
);
create index sessions_user on sessions (user_id);

create table login_failures (
  key text not null,
  failed_at timestamptz not null default now()
);
create index login_failures_key on login_failures (key, failed_at);

-- Audit records are append-only: the API has no route that changes them, and the database
-- refuses updates and deletes. Platform-wide events use the all-zero district id.
create table audit_log (
  district_id uuid not null,
  id uuid not null,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_name text not null default '',
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text not null default '',
  primary key (district_id, id)
);
create index audit_log_at on audit_log (district_id, at desc, id desc);
create index audit_log_entity on audit_log (district_id, entity_type, entity_id);
create index audit_log_actor on audit_log (actor_user_id, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit records cannot be changed';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
