-- Indexes the needs board reads at city scale (3 M needs, 2 cores; decision 0017).
-- A community's board is newest first by id (UUIDv7) with a keyset on the id: ordered by
-- created_at, the old index made every first page read and sort all of the community's needs
-- (≈ 2,200 rows, 7 ms); by id it reads the 51 it shows.
drop index needs_community;
create index needs_community on needs (district_id, community_id, id desc);
-- What the map and the open filters (reported, in progress, overdue) read: the open needs of a
-- community or a street, a few percent of the rows.
create index needs_unfinished_community on needs (district_id, community_id, id desc) where state not in ('rejected', 'merged', 'closed');
create index needs_unfinished_street on needs (district_id, street_id, id desc) where state not in ('rejected', 'merged', 'closed');
