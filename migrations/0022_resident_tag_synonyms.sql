-- Words a district's registers use for a care tag (低保户 for 低保对象…), beside the built-in
-- synonyms: the import reads them as the tag. One word names one tag in a district.
create table resident_tag_synonyms (
  district_id uuid not null references districts (id),
  synonym text not null,
  tag_code text not null references resident_tags (code),
  created_at timestamptz not null default now(),
  primary key (district_id, synonym)
);
