-- Co-funding (配套资金) is money an organization brings from a non-government source: its kind
-- places it in the organization's funding mix. The name of the funder stays free text.
alter table applications add column co_funding_kind text check (co_funding_kind in ('foundation', 'enterprise', 'other'));
update applications set co_funding_kind = 'other' where co_funding_fen > 0;
-- Only a submitted application must name it: a draft may be withdrawn unfinished.
alter table applications add constraint applications_co_funding_kind check (co_funding_fen = 0 or co_funding_kind is not null or submitted_at is null);

-- The contract keeps the pledge it was drafted on: the application may be read by fewer people,
-- and the funding mix is computed from contracts.
alter table contracts
  add column co_funding_fen bigint not null default 0 check (co_funding_fen >= 0),
  add column co_funding_kind text check (co_funding_kind in ('foundation', 'enterprise', 'other')),
  add column co_funding_source text not null default '',
  add constraint contracts_co_funding_kind check (co_funding_fen = 0 or co_funding_kind is not null);
update contracts k set co_funding_fen = a.co_funding_fen, co_funding_kind = a.co_funding_kind, co_funding_source = a.co_funding_source
  from applications a where a.district_id = k.district_id and a.id = k.application_id;
