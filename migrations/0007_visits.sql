-- Visits (走访 / 民情日志): a grid worker's record of a visit to a household, the needs found on
-- it, and what the coverage worklists read (last visit per household and per tagged resident).

create table visits (
  district_id uuid not null references districts (id),
  id uuid not null,
  street_id uuid not null references streets (id),
  community_id uuid not null references communities (id),
  -- the household's grid when visited; coverage follows the household's current grid instead
  grid_id uuid not null,
  household_id uuid not null,
  -- the resident a care visit was for (optional for other kinds)
  resident_id uuid,
  worker_user_id uuid not null references users (id),
  kind text not null check (kind in ('routine', 'follow_up', 'care', 'emergency')),
  visited_at timestamptz not null,
  notes text not null default '',
  findings text not null default '',
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  check (kind <> 'care' or resident_id is not null),
  foreign key (district_id, grid_id) references grids (district_id, id),
  foreign key (district_id, household_id) references households (district_id, id),
  foreign key (district_id, resident_id) references residents (district_id, id)
);
-- Lists newest visit first, per scope level; coverage looks up the last visit per household or resident.
create index visits_grid on visits (district_id, grid_id, visited_at desc, id);
create index visits_community on visits (district_id, community_id, visited_at desc, id);
create index visits_street on visits (district_id, street_id, visited_at desc, id);
create index visits_household on visits (district_id, household_id, visited_at desc);
create index visits_resident on visits (district_id, resident_id, visited_at desc) where resident_id is not null;
create index visits_worker on visits (worker_user_id, visited_at desc);

alter table needs add column visit_id uuid;
alter table needs add constraint needs_visit_fk foreign key (district_id, visit_id) references visits (district_id, id);
create index needs_visit on needs (district_id, visit_id) where visit_id is not null;
