-- Evidence of a progress report (issue 9): photos and documents the contractor attaches to a
-- report it submitted. Like a need's attachments, the bytes live on disk under the data folder
-- (evidence/<district_id>/<id>), never in the database and never on a public route. Evidence
-- shows what happened; it changes none of the report's figures.

create table progress_report_evidence (
  district_id uuid not null references districts (id),
  id uuid not null,
  report_id uuid not null,
  file_name text not null check (length(file_name) between 1 and 120),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null,
  uploaded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (district_id, report_id) references progress_reports (district_id, id)
);
create index progress_report_evidence_report on progress_report_evidence (district_id, report_id, id);
