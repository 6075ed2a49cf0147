-- Common needs (DESIGN 3.5): groups of accepted needs sharing a category and place, the input
-- to projects. A need joins a group through the `pool` transition (needs.common_need_id).

create table common_needs (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  -- Null: the group covers the whole community; otherwise the one grid it is about.
  grid_id uuid,
  category_id uuid not null,
  title text not null,
  description text not null default '',
  status text not null default 'open' check (status in ('open', 'candidate', 'projected', 'closed')),
  -- What a later projects module links to; stored as given until that module exists.
  project_ref text,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, category_id) references need_categories (district_id, id),
  foreign key (district_id, grid_id) references grids (district_id, id)
);
create index common_needs_community on common_needs (district_id, community_id, id desc);
create index common_needs_street on common_needs (district_id, street_id, id desc);

alter table needs add column common_need_id uuid;
alter table needs add constraint needs_common_need_fk
  foreign key (district_id, common_need_id) references common_needs (district_id, id);
create index needs_common_need on needs (district_id, common_need_id) where common_need_id is not null;
