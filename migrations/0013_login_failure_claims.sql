-- A password check claims its place among the counted failures before it runs, so that
-- parallel attempts cannot all pass the count (platform/auth/throttle.ts). A claim is one row
-- per key (account, client address) under one claim id; a right password gives its claim back.
alter table login_failures add column claim uuid not null default gen_random_uuid();
alter table login_failures alter column claim drop default;
alter table login_failures add primary key (claim, key);
