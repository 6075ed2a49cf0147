-- Indexes for the board's reads by community and street (decision 0017, "Embedded reads").
-- A staff member's read scope is now a plain condition on these columns (readableBy adds the
-- reporter and follower tests only for residents), so an index on them can serve it.

-- The board of a community, newest first: the first page reads 51 entries instead of every need
-- of the community sorted by id (needs_community is ordered by created_at, for Open311).
create index needs_community_newest on needs (district_id, community_id, id desc);

-- The map of a community or a street counts its unfinished needs per grid from the index alone
-- (once vacuum has marked the pages visible), without reading the district's unfinished needs
-- or the rows' long descriptions; filtered boards (reported, in progress) read them too.
create index needs_unfinished_community on needs (district_id, community_id, grid_id)
  include (state, urgency, triage_due_at, resolve_due_at)
  where state not in ('rejected', 'merged', 'closed');
create index needs_unfinished_street on needs (district_id, street_id, grid_id)
  include (state, urgency, triage_due_at, resolve_due_at)
  where state not in ('rejected', 'merged', 'closed');
