-- The community's service phone: residents are told whom to call about their request.
-- Empty until the community enters it (the service-center address works the same way).
alter table communities add column service_phone text not null default '';
