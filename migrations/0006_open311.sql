-- Open311 GeoReport v2: client apps with their API keys, and what each request brought in
-- beyond the need itself (DESIGN: public intake interface).

create table open311_clients (
  district_id uuid not null references districts (id),
  id uuid not null,
  name text not null,
  -- sha256 of the key: the key itself is shown once, when it is issued
  key_hash text not null,
  key_prefix text not null,
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, key_hash)
);
create index open311_clients_key on open311_clients (key_hash);

-- One row per need reported through Open311 (its token is the need's reference number). Contact details (name, phone, email) are kept
-- only as one encrypted blob so the community can call back; the API never returns them.
create table open311_requests (
  district_id uuid not null references districts (id),
  need_id uuid not null,
  client_id uuid not null,
  address_string text,
  address_id text,
  -- false when the place came from an address only: the need's point is then the grid's centre
  located_by_point boolean not null,
  media_url text,
  account_id text,
  device_id text,
  contact_cipher bytea,
  created_at timestamptz not null default now(),
  primary key (district_id, need_id),
  foreign key (district_id, need_id) references needs (district_id, id),
  foreign key (district_id, client_id) references open311_clients (district_id, id)
);
