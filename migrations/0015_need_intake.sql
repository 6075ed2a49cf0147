-- Text similarity of need descriptions, computed where the needs are: the Jaccard index of the
-- sets of character bigrams after dropping spaces, punctuation and symbols. Bigrams, not
-- pg_trgm: pg_trgm hashes CJK trigrams and scores short Chinese sentences that mean the same
-- thing low ("楼道灯坏了" vs "楼道的灯坏了好几天" ≈ 0.23), while most Chinese words are two
-- characters. Punctuation is listed explicitly (ASCII, general punctuation, CJK symbols and
-- punctuation, full-width forms) so the result does not depend on the server's locale.
create function need_bigrams(t text) returns text[]
language sql immutable strict parallel safe as $$
  select case
    when char_length(s) = 1 then array[s]
    else array(select distinct substr(s, i, 2) from generate_series(1, char_length(s) - 1) as i)
  end
  from (
    select regexp_replace(
      lower(t),
      '[[:space:]!-/:-@\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u23ff\u2500-\u27bf\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufe30-\ufe4f]+',
      '', 'g') as s
  ) as cleaned
$$;

create function bigram_similarity(a text, b text) returns float8
language sql immutable strict parallel safe as $$
  select case when cardinality(x) = 0 or cardinality(y) = 0 then 0::float8
    else common::float8 / (cardinality(x) + cardinality(y) - common) end
  from (select need_bigrams(a) as x, need_bigrams(b) as y) as sets,
    lateral (select count(*) as common from (select unnest(x) intersect select unnest(y)) as both_) as c
$$;

-- A report is numbered in the last statement of its transaction, so the district's counter row
-- is locked the shortest time; its first timeline entry is written before it, and that entry's
-- key to the need is checked at commit.
alter table need_events alter constraint need_events_district_id_need_id_fkey deferrable initially deferred;
