-- TRUNCATE fires no row trigger, so the append-only guard of 0001 let it empty the audit log.
-- A statement trigger refuses it too. The demo re-seed (seed/reseed.ts) is the one deliberate
-- exception: it switches this trigger off inside its own transaction
-- (docs/decisions/0003-reseed-truncate.md).
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
