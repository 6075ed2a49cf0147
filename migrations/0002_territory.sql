-- Territory register (DESIGN 3.1): grids, buildings, households, residents.

create table resident_tags (
  code text primary key,
  name text not null,
  name_en text not null,
  -- sensitive tags (health, subsistence, correction, minors) are shown only to roles that need them
  sensitive boolean not null default false,
  -- care visit interval in days for tagged residents (used by visit worklists)
  care_interval_days int,
  sort int not null default 0
);

insert into resident_tags (code, name, name_en, sensitive, care_interval_days, sort) values
  ('elderly_alone', '独居老人', 'Elderly living alone', false, 7, 10),
  ('elderly_80', '高龄老人', 'Aged 80 and over', false, 30, 20),
  ('disabled', '残疾人', 'Person with disability', true, 30, 30),
  ('low_income', '低保对象', 'Subsistence allowance', true, 30, 40),
  ('veteran', '退役军人', 'Veteran', false, 90, 50),
  ('minor', '未成年人', 'Minor', true, null, 60),
  ('left_behind_child', '留守儿童', 'Left-behind child', true, 30, 70),
  ('community_correction', '社区矫正对象', 'Under community correction', true, 30, 80),
  ('serious_illness', '重病患者', 'Serious illness', true, 30, 90),
  ('party_member', '党员', 'Party member', false, null, 100),
  ('volunteer', '志愿者', 'Volunteer', false, null, 110);

create table grids (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  code text not null,
  name text not null,
  kind text not null default 'comprehensive' check (kind in ('comprehensive', 'dedicated')),
  dedicated_to text,
  boundary jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, code)
);
create index grids_community on grids (district_id, community_id);

create table buildings (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  grid_id uuid not null,
  name text not null,
  address text not null,
  floors int,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, community_id, name),
  foreign key (district_id, grid_id) references grids (district_id, id)
);
create index buildings_grid on buildings (district_id, grid_id);

create table households (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  grid_id uuid not null,
  building_id uuid,
  address text not null,
  -- address as imported/typed, normalised (no spaces, full-width digits folded) for de-duplication
  address_key text not null,
  household_no text,
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, community_id, address_key),
  foreign key (district_id, grid_id) references grids (district_id, id),
  foreign key (district_id, building_id) references buildings (district_id, id)
);
create index households_grid on households (district_id, grid_id, id);
create index households_community on households (district_id, community_id, id);
create index households_street on households (district_id, street_id, id);
create index households_address on households (district_id, address text_pattern_ops);

create table residents (
  district_id uuid not null references districts (id),
  id uuid not null,
  household_id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  grid_id uuid not null,
  name text not null,
  gender text not null check (gender in ('male', 'female')),
  birth_date date not null,
  id_number_cipher bytea not null,
  id_number_hash bytea not null,
  id_number_masked text not null,
  phone_cipher bytea,
  phone_hash bytea,
  phone_masked text,
  relation text not null default 'other' check (relation in ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other')),
  tags text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'moved_out', 'deceased')),
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  unique (district_id, id_number_hash),
  foreign key (district_id, household_id) references households (district_id, id),
  foreign key (district_id, grid_id) references grids (district_id, id)
);
create index residents_household on residents (district_id, household_id);
create index residents_grid on residents (district_id, grid_id, id);
create index residents_community on residents (district_id, community_id, id);
-- Name search is a prefix match listed by name: "C"-collated indexes serve both the LIKE
-- prefix and the order, per scope level, so a page reads only its own entries.
create index residents_name on residents (district_id, (name collate "C"), id);
create index residents_street_name on residents (district_id, street_id, (name collate "C"), id);
create index residents_community_name on residents (district_id, community_id, (name collate "C"), id);
create index residents_phone on residents (district_id, phone_hash);
