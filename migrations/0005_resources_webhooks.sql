-- Resources list (DESIGN 3.5 资源清单) and outbound webhooks with their delivery log.

create table resources (
  district_id uuid not null references districts (id),
  id uuid not null,
  kind text not null check (kind in ('venue', 'fund', 'enterprise', 'volunteer_team', 'goods', 'professional_service')),
  name text not null,
  description text not null default '',
  owner_type text not null check (owner_type in ('community', 'organization', 'other')),
  owner_community_id uuid references communities (id),
  owner_organization_id uuid references organizations (id),
  owner_name text not null default '',
  -- where the resource is available: a community, a whole street (community null) or the whole district (both null)
  street_id uuid references streets (id),
  community_id uuid references communities (id),
  categories text[] not null default '{}',
  -- [{weekday 1..7 (Monday = 1), from 'HH:MM', to 'HH:MM'}] in Asia/Shanghai; empty = any time of day
  weekly_windows jsonb not null default '[]',
  available_from date,
  available_until date,
  -- people for venues and teams, fen for funds, pieces for goods
  capacity bigint check (capacity >= 0),
  constraints text not null default '',
  contact_name text not null default '',
  contact_phone_cipher bytea,
  contact_phone_hash bytea,
  contact_phone_masked text,
  status text not null default 'active' check (status in ('active', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  check (owner_type <> 'community' or owner_community_id is not null),
  check (owner_type <> 'organization' or owner_organization_id is not null),
  check (community_id is null or street_id is not null),
  check (available_until is null or available_from is null or available_from <= available_until)
);
create index resources_community on resources (district_id, community_id, name, id);
create index resources_street on resources (district_id, street_id, name, id);
create index resources_categories on resources using gin (categories);

create table webhook_subscriptions (
  district_id uuid not null references districts (id),
  id uuid not null,
  url text not null check (url ~ '^https?://'),
  -- the signing key must be recoverable to sign; it is encrypted like personal data
  secret_cipher bytea not null,
  event_types text[] not null,
  description text not null default '',
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id)
);

create table webhook_deliveries (
  district_id uuid not null references districts (id),
  id uuid not null,
  subscription_id uuid not null,
  event_id uuid not null,
  event_type text not null,
  payload jsonb not null,
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, subscription_id, event_id),
  foreign key (district_id, subscription_id) references webhook_subscriptions (district_id, id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_log on webhook_deliveries (district_id, subscription_id, id);

create table webhook_attempts (
  district_id uuid not null references districts (id),
  id uuid not null,
  delivery_id uuid not null,
  attempt int not null,
  attempted_at timestamptz not null,
  status_code int,
  error text,
  duration_ms int not null,
  primary key (district_id, id),
  unique (district_id, delivery_id, attempt),
  foreign key (district_id, delivery_id) references webhook_deliveries (district_id, id)
);
