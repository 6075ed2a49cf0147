-- Indexes found by the needs benchmark (bench/, docs/decisions/0010-needs-benchmark.md) at
-- 3 million needs: each turned a walk through a district's two-year history into a few reads.

-- Unfinished needs of a district, newest first: the board map (and any list of unfinished
-- needs of a street or district) reads these instead of the district's whole history.
create index needs_unfinished on needs (district_id, id desc) where state not in ('rejected', 'merged', 'closed');

-- Needs merged into a need, shown with it on the need page (split_from_id has its own index).
create index needs_merged_into on needs (district_id, merged_into_id) where merged_into_id is not null;

-- Duplicate suggestions look at the same grid, household or building; with the building
-- indexed too, the three combine into one bitmap scan.
create index needs_building on needs (district_id, building_id) where building_id is not null;
