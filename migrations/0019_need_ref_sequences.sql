-- Reference numbers come from one sequence per district and year (decision 0018), so that
-- reports of one district no longer wait on each other's commits behind a counter row.
-- A sequence is made by the first report of its district and year and starts after the
-- highest number already stored, so bulk-loaded history and the old counters carry on.

create function need_ref_next(district uuid, yr int) returns bigint language plpgsql as $$
declare
  seq text := 'need_ref_' || replace(district::text, '-', '') || '_' || yr;
  last bigint;
begin
  if to_regclass(seq) is null then
    -- Two first reports of a new year meet here: the second waits for the first's commit and
    -- then finds its sequence.
    perform pg_advisory_xact_lock(hashtext(seq));
    execute format('create sequence if not exists %I', seq);
    if pg_sequence_last_value(seq::regclass) is null then
      select max(substr(ref_no, 8)::bigint) into last
        from needs where district_id = district and ref_no like 'N-' || yr || '-%';
      if last > 0 then perform setval(seq, last); end if;
    end if;
  end if;
  return nextval(seq);
end $$;

-- After needs are removed or written in bulk (re-seed, benchmark loads), numbering restarts
-- from what is stored.
create function need_ref_forget() returns void language plpgsql as $$
declare
  s record;
begin
  for s in select c.relname from pg_class c
           where c.relkind = 'S' and c.relname like 'need\_ref\_%' and c.relnamespace = current_schema()::regnamespace
  loop
    execute format('drop sequence %I', s.relname);
  end loop;
end $$;

-- Carry the counters over before they go: a district whose latest numbered needs were removed
-- keeps counting after the counter, not after what is left.
do $$
declare
  c record;
begin
  for c in select district_id, year, last_no from need_counters where last_no > 0 loop
    execute format('create sequence %I', 'need_ref_' || replace(c.district_id::text, '-', '') || '_' || c.year);
    perform setval('need_ref_' || replace(c.district_id::text, '-', '') || '_' || c.year, c.last_no);
  end loop;
end $$;

drop table need_counters;
