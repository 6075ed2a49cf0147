-- Need attachments (DESIGN 3.5) and split needs (STORIES story 1).

-- A need split off another keeps a link to it, so both pages show where the other part went.
alter table needs add column split_from_id uuid;
alter table needs add constraint needs_split_from_fk foreign key (district_id, split_from_id) references needs (district_id, id);
create index needs_split_from on needs (district_id, split_from_id) where split_from_id is not null;

-- Photos and documents of a need. The bytes live on disk under the data folder
-- (attachments/<district_id>/<id>), never in the database and never on a public route.
create table need_attachments (
  district_id uuid not null references districts (id),
  id uuid not null,
  need_id uuid not null,
  file_name text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null,
  uploaded_by_user_id uuid references users (id),
  uploaded_by_name text not null default '',
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, need_id) references needs (district_id, id)
);
create index need_attachments_need on need_attachments (district_id, need_id, id);
